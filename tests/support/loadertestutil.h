#pragma once
// Helpers shared by the loader suites: diagnostics as one string, and loading text that
// must be accepted.

#include "loader.h"

#include <QtTest>
#include <string>

namespace ipclab::test {

inline std::string joined(const LoadResult& result) {
    std::string out;
    for (const auto& d : result.diagnostics) {
        out += (out.empty() ? "" : "\n") + d.format();
    }
    return out;
}

/// Loads text that must be accepted; warns with the diagnostics otherwise.
inline Scenario mustLoad(const std::string& text) {
    auto result = loadScenarioText(text, "good.yaml");
    if (!result.ok()) {
        qWarning("%s", joined(result).c_str());
        return {};
    }
    return *result.scenario;
}

/// The head of a file with one process "a", its program to follow.
inline const std::string kOneProcess = "scenario: t\nprocesses:\n  - name: a\n    program:\n";

} // namespace ipclab::test
