#pragma once
// The deadlock's wait-for cycle: a fold over a trace, its final state, and the scenario
// (for what each process's remaining program may still do). Both engines call it when a
// run ends in deadlock, so the simulator and real mode name holders the same way.

#include "scenario.h"
#include "state.h"
#include "trace.h"

#include <vector>

namespace ipclab {

/// The processes that could still release process `p` from the call it is blocked in at
/// `end` (empty when it is not blocked), in this order: the holders of the semaphore it
/// waits on (they took a unit and have not posted it; `p` itself when it holds one), then,
/// in index order, every other live process whose remaining program does what it waits
/// for: creates the object (real mode waits for a creator), sends to its mailbox or to it,
/// receives from the mailbox its message waits in, posts the semaphore; for a link, its
/// other end. A process's remaining program is everything from the operation it is at,
/// plus the whole body of every repeat around it (a trace does not record loop rounds, so
/// a process in its last round still counts).
std::vector<int> releasersOf(const Scenario& scenario, const Trace& trace, const SystemState& end,
                             int p);

/// The wait-for cycle among the processes blocked at the trace's end, found by a
/// depth-first search in process order and started at its smallest process; without a
/// cycle, every blocked process with its first releaser (or -1 when nobody can). Empty
/// when no process is blocked.
std::vector<WaitEdge> waitForCycle(const Scenario& scenario, const Trace& trace,
                                   const SystemState& end);
/// The same, folding the whole trace for its final state first.
std::vector<WaitEdge> waitForCycle(const Scenario& scenario, const Trace& trace);

} // namespace ipclab
