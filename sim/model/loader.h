#pragma once
// Loading and validating scenario files. Every problem becomes a Diagnostic that names
// file:line:column and what was expected; nothing here throws to the caller.

#include "scenario.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab {

/// One problem in a scenario file, printed as `file:line:column: message`.
struct Diagnostic {
    std::string file;
    int line = 0;   ///< 1-based; 0 when the problem has no place (e.g. unreadable file)
    int column = 0; ///< 1-based
    std::string message;
    std::string format() const;
};

struct LoadResult {
    std::optional<Scenario> scenario; ///< set only when there are no diagnostics
    std::vector<Diagnostic> diagnostics;
    bool ok() const { return scenario.has_value(); }
};

/// Load and validate the file at `path`.
LoadResult loadScenarioFile(const std::string& path);
/// Load and validate YAML text; `fileName` is used in diagnostics.
LoadResult loadScenarioText(std::string_view text, const std::string& fileName);

} // namespace ipclab
