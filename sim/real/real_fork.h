#pragma once
// Starting the children: fork, drop to the scenario's uid, die with the runner, wait at
// the start gate. Only async-signal-safe calls run between fork and the interpreter.

#include "real_child.h"
#include "real_plan.h"
#include "real_shared.h"
#include "scenario.h"

#include <sys/types.h>
#include <vector>

namespace ipclab::real {

/// Forks one child per process into one new process group. Returns the pids (all of
/// them, or none when a fork failed: then the ones started are killed and reaped).
std::vector<pid_t> forkChildren(const Scenario& scenario, const RunPlan& plan, SharedArea& shared,
                                const ChildConfig& base, pid_t& group);

/// Opens the start gate: the children begin their programs.
void openGate(SharedArea& shared);

/// Pins every child to the first `cpus` CPUs this process may use; returns how many
/// CPUs they got (0: affinity could not be set).
int pinChildren(const std::vector<pid_t>& pids, int cpus);

} // namespace ipclab::real
