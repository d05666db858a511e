#pragma once
// The report: a fold over a trace, identical for both engines (DESIGN's output contract).

#include "trace.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ipclab {

struct ProcessReport {
    std::string name;
    ProcState finalState = ProcState::New;
    /// Counted syscalls per operation: a key for every operation in its program (repeat
    /// excluded: it is structure), plus any other operation it was charged for.
    std::map<OpKind, std::int64_t> syscalls;
    std::int64_t contextSwitches = 0; ///< Dispatch events: times it was put on a CPU
    std::uint64_t blockedTime = 0;    ///< ticks (sim) or ns (real) spent blocked
};

/// Wall-clock latency of one operation kind (real mode).
struct LatencyStats {
    std::int64_t count = 0;
    double medianNs = 0;
    double p99Ns = 0;
};

struct Report {
    std::string scenario;
    Engine engine = Engine::Sim;
    Outcome outcome = Outcome::Completed;
    std::uint64_t endTime = 0;
    std::int64_t syscallsTotal = 0;
    /// Every operation kind that occurs in the scenario has a key, even with 0 syscalls
    /// (so `read: 0` shows that shared memory costs nothing).
    std::map<OpKind, std::int64_t> byOp;
    /// Kernel names; from Trace::measuredSyscalls when that is non-empty (then it may
    /// differ from `syscallsTotal`, which always counts the trace's Syscall events).
    std::map<std::string, std::int64_t> bySyscall;
    std::vector<ProcessReport> processes;
    std::int64_t messagesSent = 0;
    std::int64_t messagesReceived = 0;
    std::int64_t links = 0; ///< direct links ever opened
    std::int64_t mailboxes = 0;
    std::int64_t bytesCopied = 0; ///< by the kernel (messages copy twice, shm never)
    std::int64_t contextSwitches = 0;
    std::vector<WaitEdge> deadlockCycle;
    std::vector<std::string> notes;
    CountingMethod countingMethod = CountingMethod::Simulated; ///< Trace::countingMethod
    /// Real mode only: median (mean of the middle two for an even count) and the
    /// nearest-rank 99th percentile of Trace::timings per operation.
    std::map<OpKind, LatencyStats> latency;
};

/// Fold `trace` into a report. `scenario` supplies which operations occur.
Report makeReport(const Scenario& scenario, const Trace& trace);
/// The report as pretty JSON (stable key order), ending in a newline. Keys, in order:
/// scenario, engine, outcome, syscalls {total, by_op, by_syscall}, processes [{name,
/// final_state, syscalls, context_switches, blocked_time}], messages {sent, received},
/// links, mailboxes, bytes_copied, context_switches, end_time, time_unit, deadlock (null
/// or {cycle: [{process, waits_in, object, held_by}]}), notes, counting_method, and
/// latency {op: {count, median_ns, p99_ns}} only when the trace has timings.
std::string reportToJson(const Report& report, const Trace& trace);
/// The same JSON on one line, without a trailing newline (for JSON-lines streams).
std::string reportToCompactJson(const Report& report, const Trace& trace);

} // namespace ipclab
