#pragma once
// Helpers for the real-mode tests: leak snapshots of the system's IPC tables, and the
// facts of a trace that both engines must agree on (by name, since object ids differ).

#include "scenario.h"
#include "trace.h"

#include <map>
#include <set>
#include <string>
#include <sys/types.h>
#include <vector>

namespace ipclab::test {

/// The run's IPC objects that exist now: System V segments and semaphores whose key
/// carries `runner`'s pid (the engine's key pattern) and POSIX queues named after it
/// (when /dev/mqueue is mounted), plus its registry file.
std::set<std::string> leftovers(pid_t runner);
/// Mounts the mqueue file system on /dev/mqueue when it is not (root only); true when
/// queues can be listed.
bool queuesListable();
/// Processes whose parent is `parent` (from /proc).
std::vector<pid_t> childrenOf(pid_t parent);

/// What a run did, in terms that do not depend on the engine's object numbering.
struct RunFacts {
    /// Counted syscalls per process and operation, socketpair left out (see byOp).
    std::map<std::string, std::map<std::string, std::int64_t>> syscallsByProcOp;
    /// Counted syscalls per operation, socketpair apart as "(links opened)".
    std::map<std::string, std::int64_t> byOp;
    std::multiset<std::string> received; ///< "receiver<-sender: text"
    std::multiset<std::string> receivedTexts;
    std::map<std::string, std::string> lastWrites; ///< "segment@offset" -> value
    std::map<std::string, std::string> locals;     ///< "proc.var" -> final value
    std::int64_t sent = 0;
};
RunFacts factsOf(const Scenario& scenario, const Trace& trace);

/// Lines describing where two sets of facts differ (empty when they agree on `parts`).
enum FactParts : unsigned {
    kCounts = 1,   ///< syscalls per process and operation
    kMessages = 2, ///< who received what from whom
    kTexts = 4,    ///< which texts were received (by anyone)
    kMemory = 8,   ///< last value written at each place of each segment
    kLocals = 16,  ///< every process's variables at the end
    kAll = 31,
};
std::vector<std::string> differences(const RunFacts& sim, const RunFacts& real, unsigned parts);

} // namespace ipclab::test
