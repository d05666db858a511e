#pragma once
// The trace contract both engines keep, checked: the simulator, real mode and the JSON
// reader all produce traces that tests run through validateTrace().

#include "scenario.h"
#include "trace.h"

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace ipclab {

/// Event index of a problem with the trace as a whole (its header, tables or footer).
inline constexpr std::size_t kWholeTrace = std::numeric_limits<std::size_t>::max();

/// One broken rule: where (an event index or kWholeTrace) and what, in words.
struct TraceProblem {
    std::size_t event = kWholeTrace;
    std::string what;
};

/// Every rule of the contract that `trace` breaks (empty when it keeps them all; at most
/// 100 are listed). The rules:
/// - the header agrees with itself: the simulator counts ticks and its own calls; real mode
///   counts nanoseconds, with perf events or itself, and alone has measured counts;
/// - a run that produced events starts with run_start at time 0 and ends with run_end,
///   whose outcome is the trace's; times never decrease;
/// - every enum is in range, every process, object and string index valid, and each event
///   kind has the process, object (of the right kind), CPU and text it needs;
/// - each process moves through its states legally (new, ready, running, blocked,
///   terminated; nothing after terminated), is dispatched only when ready, completes only
///   a call it blocked in, and detaches, reads and writes only what it has attached;
/// - every message is sent once and received at most once, after its send, from the object
///   it was sent to, with the text it was sent with;
/// - the counts fold consistently: the syscall tally, the state fold and the report agree,
///   and real mode's self count is the trace's own;
/// - the end is an end: completed means everyone terminated, deadlock means someone blocked
///   and nobody ready, and a deadlock cycle is given exactly for a deadlock.
std::vector<TraceProblem> validateTrace(const Trace& trace);
/// The same, plus what needs the scenario: its processes are the trace's, and a deadlock's
/// cycle is the one waitForCycle() folds from the trace.
std::vector<TraceProblem> validateTrace(const Trace& trace, const Scenario& scenario);

/// The problems one per line: "event 12 (syscall, t=3): ..." or "trace: ...".
std::string formatProblems(const Trace& trace, const std::vector<TraceProblem>& problems);

} // namespace ipclab
