#pragma once
// `ipclab compare FILE [--timeout SECONDS] [--json]`: the same scenario on the simulator
// and on real fork()ed processes, syscalls per operation side by side.

#include <iosfwd>
#include <string>
#include <vector>

namespace ipclab::app {

int compareCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace ipclab::app
