#pragma once
// Checks on the raw bytes before YAML parsing: size, encoding, binary content, tabs.
// Hostile input is turned away here, before yaml-cpp spends time on it.

#include "diagnosticsink.h"

#include <string>
#include <string_view>

namespace ipclab {

/// Adds diagnostics for text that is not a plausible YAML file; true when none.
bool prescanText(std::string_view text, DiagnosticSink& sink);

/// "file is N bytes; a scenario file may be at most 1 MiB ...".
std::string tooLargeMessage(std::size_t bytes);

} // namespace ipclab
