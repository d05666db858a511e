#pragma once
// The simulated kernel: runs a Scenario tick by tick and records a Trace.

#include "scenario.h"
#include "trace.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace ipclab {

/// How to run: seed override, manual choices, event cap. All optional.
struct RunOptions {
    /// Overrides kernel.seed when set.
    bool overrideSeed = false;
    std::uint64_t seed = 1;
    /// Manual policy: at the n-th real choice (two or more ready processes for a free CPU)
    /// the kernel dispatches process choices[n]. When the list runs out (or names a process
    /// that is not ready) the run stops with Outcome::AwaitingChoice; the last Dispatch
    /// candidates are then in SimulationResult::readyChoices.
    std::vector<int> choices;
    /// The run's cap on events, whatever the file says (a huge repeat, zero-tick steps
    /// that never move the clock): past it the run ends with Outcome::EventLimit.
    std::size_t maxEvents = kDefaultMaxEvents;
    /// For a run on another thread: set to true to stop it (outcome time_limit, with a
    /// note); the run stores its events so far into `progress` as it goes. Both optional.
    const std::atomic<bool>* cancel = nullptr;
    std::atomic<std::uint64_t>* progress = nullptr;
};

/// A run's trace, plus what the manual policy needs to continue.
struct SimulationResult {
    Trace trace;
    std::vector<int> readyChoices; ///< for AwaitingChoice: the processes the user may pick
};

/// Run `scenario` to its end (completion, deadlock, time limit, or awaiting a choice).
/// Deterministic: the same scenario and options give the same trace, byte for byte.
SimulationResult simulate(const Scenario& scenario, const RunOptions& options = {});

} // namespace ipclab
