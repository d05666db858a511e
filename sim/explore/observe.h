#pragma once
// What the explorer reports of a finished run: `segment(NAME, OFFSET)` (a cell of a
// shared segment) and `final(PROCESS, VAR)` (a process's variable at the end), read
// straight from the simulated machine's final state.

#include "scenario.h"
#include "simulation.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ipclab {

/// One parsed observe expression. Invariant: `proc` is a process of the scenario it was
/// parsed for when kind == Final.
struct Observer {
    enum class Kind : std::uint8_t { Segment, Final } kind = Kind::Segment;
    std::string text; ///< as written, the key of `observed` in the report
    std::string name; ///< segment or variable name
    std::int64_t offset = 0;
    int proc = -1;
};

/// Parses one expression; nothing (with `error` naming the column) when it is not one of
/// the forms above or names something the scenario lacks.
std::optional<Observer> parseObserver(std::string_view text, const Scenario& scenario,
                                      std::string& error);

/// The value at the end of `run` ("7", "hello"), or nothing (a variable never set, a
/// segment never created).
std::optional<std::string> observe(const Observer& observer, const Simulation& run);

} // namespace ipclab
