#pragma once
// A run you can stop at every operation boundary: the one mechanism behind the window's
// "you are the scheduler", `ipclab run --schedule` and the interleaving explorer.

#include "kernel.h"
#include "scenario.h"
#include "trace.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ipclab {

class Machine;

/// A pausable, copyable run of one scenario. With choice points on (the default), every
/// operation boundary where two or more processes could run next on a CPU (the one that
/// just finished an operation and the ready ones, or the ready ones for an idle CPU) is a
/// choice point: advance() stops there, runnable() lists who may run, choose() decides,
/// and the trace records the decision as a `choice` event. Nothing preempts on its own
/// (no quantum, no priority): the caller is the scheduler. Invariant: the same scenario,
/// options and sequence of choices give the same trace, byte for byte.
///
/// Copies continue independently (the explorer branches by copying); they share the
/// compiled programs and an append-only string pool, so use copies on one thread.
class Simulation {
public:
    explicit Simulation(std::shared_ptr<const Scenario> scenario, const RunOptions& options = {},
                        bool choicePoints = true);
    Simulation(const Simulation& other);
    Simulation& operator=(const Simulation& other);
    Simulation(Simulation&&) noexcept;
    Simulation& operator=(Simulation&&) noexcept;
    ~Simulation();

    /// Runs to the next choice point (true) or to the end of the run (false).
    bool advance();
    bool atChoice() const;
    bool finished() const;
    /// At a choice point: who may run next — the process now on the CPU (when it just
    /// finished an operation) first, then the ready queue in its order.
    const std::vector<int>& runnable() const;
    /// The CPU the choice point is about.
    int choiceCpu() const;
    /// Decides the current choice point; false (nothing changes) when `proc` may not run.
    /// The next advance() carries it out.
    bool choose(int proc);
    /// From now on the scenario's own policy decides (a manual policy becomes
    /// round-robin); a pending choice point is decided by it too.
    void handOver();
    /// At a choice point: end the run here with outcome awaiting_choice.
    void stopAwaitingChoice();
    /// Off: events are counted but not kept (the explorer's speed); the outcome is still
    /// known, the deadlock cycle is not (replay with recording on to get it).
    void setRecording(bool on);

    /// Canonical: two states with equal hashes have the same futures under every
    /// schedule (the clock, message ids and the trace so far are left out).
    std::uint64_t stateHash() const;
    Outcome outcome() const; ///< meaningful once finished()
    const Trace& trace() const;
    /// The finished trace, moved out (once, after the end).
    Trace takeTrace();

    /// Observers for a state (mostly the final one): a cell of the latest segment of that
    /// name, a process's variable. Nothing when it does not exist / was never set.
    std::optional<std::string> segmentCell(const std::string& segment, std::int64_t offset) const;
    std::optional<std::string> variable(int proc, const std::string& var) const;

    const Scenario& scenario() const { return *m_scenario; }
    std::shared_ptr<const Scenario> scenarioPtr() const { return m_scenario; }

private:
    std::shared_ptr<const Scenario> m_scenario;
    std::unique_ptr<Machine> m_machine;
};

} // namespace ipclab
