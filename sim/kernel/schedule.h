#pragma once
// Schedules: who runs at each choice point, written `teller_1*3,teller_2,...`, and their
// replay through a Simulation (the window's manual scheduler and `ipclab run --schedule`).

#include "kernel.h"
#include "scenario.h"
#include "trace.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab {

/// The choice (a process index) at each choice point in order. Invariant: every entry is
/// a process of the scenario it was made for.
struct Schedule {
    std::vector<int> choices;
    /// After the last choice the scenario's own policy decides (`...`); otherwise the run
    /// stops at the next choice point with outcome awaiting_choice.
    bool thenPolicy = false;
};

/// Parses a comma-separated schedule: process names (or indices), `NAME*N` for N times
/// in a row, an optional final `...`. Nothing (with `error` set) on a mistake.
std::optional<Schedule> parseSchedule(std::string_view text, const Scenario& scenario,
                                      std::string& error);
/// The same notation, runs of one process folded as `NAME*N`.
std::string formatSchedule(const Schedule& schedule, const Scenario& scenario);

/// One choice point a replay went through.
struct ChoicePoint {
    std::size_t event = 0; ///< index of its `choice` event in the trace
    std::vector<int> runnable;
    int chosen = -1;
};

/// A replayed schedule.
struct Replay {
    Trace trace;
    std::vector<ChoicePoint> points;
    /// Outcome awaiting_choice: who may run at the choice point nobody decided.
    std::vector<int> pending;
    /// Set when choice n names a process that may not run there; the run then stops at
    /// that point (awaiting_choice).
    std::string error;
};

/// Runs `scenario` with choice points, deciding them from `schedule`. Deterministic.
Replay replaySchedule(const std::shared_ptr<const Scenario>& scenario, const Schedule& schedule,
                      const RunOptions& options = {});

} // namespace ipclab
