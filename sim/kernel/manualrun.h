#pragma once
// "You are the scheduler": a schedule built one choice at a time over a scenario. Each
// change re-runs the scenario from the start (runs are deterministic, so the past replays
// exactly); the trace ends at the first choice point nobody decided yet.

#include "schedule.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

namespace ipclab {

/// Invariant: replay() is the run of scenario() under choices(), with no hand-over.
class ManualRun {
public:
    explicit ManualRun(std::shared_ptr<const Scenario> scenario, RunOptions options = {});

    const Scenario& scenario() const { return *m_scenario; }
    const std::vector<int>& choices() const { return m_schedule.choices; }
    const Replay& replay() const { return m_replay; }
    /// Replaces the choices and re-runs (e.g. a witness from the explorer).
    void setChoices(std::vector<int> choices);

    /// The choice a user makes at trace position `position` (events applied) decides the
    /// first choice point at or after it: its index among the run's choice points
    /// (points.size() for the undecided one at the end); nothing when none follows.
    std::optional<std::size_t> choicePointAt(std::size_t position) const;
    /// Who may run at that choice point (empty when there is none).
    std::vector<int> runnableAt(std::size_t position) const;
    /// Decides that choice point for `proc`: earlier choices are kept, later ones dropped,
    /// and the scenario re-runs. Returns the position just past the choice taking effect
    /// (its `choice` event and the preemption/dispatch it causes); nothing (and no change)
    /// when `proc` may not run there.
    std::optional<std::size_t> choose(std::size_t position, int proc);

private:
    void rerun();

    std::shared_ptr<const Scenario> m_scenario;
    RunOptions m_options;
    Schedule m_schedule;
    Replay m_replay;
};

} // namespace ipclab
