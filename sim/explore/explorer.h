#pragma once
// The interleaving explorer: every schedule of a scenario on one CPU — every choice of who
// runs next at every operation boundary — with equal states visited once. Qt-free; the
// command line (`ipclab explore`) and the window's Run > Explore use it.

#include "observe.h"
#include "scenario.h"
#include "schedule.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ipclab {

struct ExploreOptions {
    /// `segment(NAME, OFFSET)` / `final(PROCESS, VAR)` expressions reported per outcome.
    std::vector<std::string> observe;
    /// Stop (complete = false) after visiting this many distinct states.
    std::uint64_t maxStates = 5'000'000;
    /// Optional, for a run on another thread: set to stop (complete = false); states
    /// visited so far are stored into `progress` as it goes.
    const std::atomic<bool>* cancel = nullptr;
    std::atomic<std::uint64_t>* progress = nullptr;
};

/// One distinct way the scenario can end.
struct ExploredOutcome {
    Outcome outcome = Outcome::Completed; ///< completed, deadlock (or time_limit)
    /// The observe expressions' values at the end, in the order given (nothing: unset).
    std::vector<std::optional<std::string>> observed;
    std::vector<int> deadlockCycle; ///< for a deadlock: its processes (Trace::deadlockCycle)
    /// Schedules (choice sequences) that end here; saturates at UINT64_MAX.
    std::uint64_t schedules = 0;
    /// One of them; `ipclab run FILE --schedule W` replays it to this outcome.
    Schedule witness;
};

struct Exploration {
    std::uint64_t states = 0;    ///< distinct states visited (choice points and ends)
    std::uint64_t schedules = 0; ///< all schedules represented; saturates at UINT64_MAX
    bool complete = false;       ///< every schedule was followed to its end
    /// A state could come back to itself (a loop that never progresses): schedules then
    /// counts only the loop-free ones.
    bool cycles = false;
    std::uint64_t transitions = 0; ///< choices followed (edges of the state graph)
    std::size_t bytes = 0;         ///< the search's own memory at its peak (tables, stack)
    std::vector<std::string> observe;
    std::vector<ExploredOutcome> outcomes; ///< completed first, then by observed values
    std::vector<std::string> notes;
};

/// Explores `scenario` (on one CPU, without its time limit). `error` is set and nothing
/// returned when an observe expression is wrong.
std::optional<Exploration> explore(const Scenario& scenario, const ExploreOptions& options,
                                   std::string& error);

/// The JSON report: {"states", "schedules", "complete", "outcomes": [{"outcome",
/// "observed": {EXPR: value}, "schedules", "witness": [names], "schedule": "W"}], ...}.
std::string explorationToJson(const Exploration& e, const Scenario& scenario);
/// The same for people: a few lines per outcome.
std::string explorationToText(const Exploration& e, const Scenario& scenario);

} // namespace ipclab
