#pragma once
// Real-IPC mode: runs a Scenario across fork()ed processes with real Linux IPC objects
// and records the same kind of Trace the simulator does (times in nanoseconds).

#include "scenario.h"
#include "trace.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ipclab {

struct RealOptions {
    double timeoutSeconds = 5.0; ///< watchdog: a run with no progress this long ends
    /// Nanoseconds of busy loop per `compute` tick (and per tick of a process's `start`).
    std::uint64_t tickNs = 1000000;
    /// Count syscalls with the kernel's perf counters when permitted (else "self").
    bool usePerf = true;
    /// When the runner is root, run each child as its scenario uid so that the kernel
    /// enforces segment modes; false: the runner checks modes itself (as when not root).
    bool runAsScenarioUids = true;
    /// Bytes of each child's event ring; 0: as large as the budget allows (real_shared.h),
    /// so that a run of the bundled size never asks the runner to drain mid-run (a drain
    /// wakes the runner, which then competes with the children for the CPUs).
    std::size_t ringBytes = 0;
    /// The run's cap on events: past it the run ends with Outcome::EventLimit.
    std::size_t maxEvents = kDefaultMaxEvents;
    /// Where the runner's private directory (ipclab-<uid>) is made; empty: /dev/shm, or
    /// /tmp without it. Tests point it at a directory of their own.
    std::string registryBase;
    /// For tests: called once the plan (names, keys) is fixed and registered, before any
    /// child exists. Lines as in the registry: "shm KEY", "sem KEY", "mq NAME".
    std::function<void(const std::vector<std::string>&)> afterPlan;
};

/// Run `scenario` for real. Never throws for a scenario that loaded; refusals (limits)
/// come back as Outcome::Error with the reason in Trace::notes.
Trace runReal(const Scenario& scenario, const RealOptions& options = {});

} // namespace ipclab
