#pragma once
// The report: a fold over a trace, identical for both engines (DESIGN's output contract).

#include "trace.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ipclab {

struct ProcessReport {
    std::string name;
    ProcState finalState = ProcState::New;
    /// Counted syscalls per operation: a key for every operation in its program (repeat
    /// excluded: it is structure), plus any other operation it was charged for.
    std::map<OpKind, std::int64_t> syscalls;
    /// Simulator: its Dispatch events (times it was put on a CPU). Real mode: the switches
    /// the kernel counted (voluntary + involuntary); nothing where nobody measured them.
    std::optional<std::int64_t> contextSwitches;
    std::optional<KernelSwitches> kernelSwitches; ///< real mode, when measured
    std::uint64_t blockedTime = 0;                ///< ticks (sim) or ns (real) spent blocked
    /// Ticks (sim) or ns (real) spent running: on a CPU in the simulator, not blocked
    /// or waiting in real mode (wall clock between its calls).
    std::uint64_t cpuTime = 0;
    /// The part of cpuTime spent in `while` iterations that made no progress (busy
    /// waiting): the iteration's condition read the same values again.
    std::uint64_t spinTime = 0;
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
    /// The sum over the processes; nothing when any of them was not measured.
    std::optional<std::int64_t> contextSwitches;
    std::vector<WaitEdge> deadlockCycle;
    /// Objects alive at the end that would leak on Linux (trace object indices).
    std::vector<int> leftBehind;
    /// What removing them costs, by kernel name: the simulator's prediction, or the calls
    /// real mode's runner made (Trace::cleanupSyscalls). Not in by_syscall.
    std::map<std::string, std::int64_t> cleanup;
    std::vector<std::string> notes;
    CountingMethod countingMethod = CountingMethod::Simulated;  ///< Trace::countingMethod
    CountingFallback countingFallback = CountingFallback::None; ///< Trace::countingFallback
    /// Real mode only: median (mean of the middle two for an even count) and the
    /// nearest-rank 99th percentile of Trace::timings per operation.
    std::map<OpKind, LatencyStats> latency;
};

/// Fold `trace` into a report. `scenario` supplies which operations occur.
Report makeReport(const Scenario& scenario, const Trace& trace);
/// How the calls were counted, in a plain sentence for people (the CLI and the report);
/// when the kernel could not count, it says how to let it.
std::string countingText(CountingMethod method, CountingFallback fallback);
/// The command that lets the kernel count (tracefs), for the sentence above and the window.
inline constexpr const char* kEnableKernelCounting = "mount -t tracefs nodev /sys/kernel/tracing";

/// The report as pretty JSON (stable key order), ending in a newline. Keys, in order:
/// scenario, engine, outcome, syscalls {total, by_op, by_syscall}, processes [{name,
/// final_state, syscalls, context_switches (null: not measured), blocked_time, cpu_time,
/// spin_time, and
/// voluntary_switches / involuntary_switches when the kernel counted them}], messages
/// {sent, received}, links, mailboxes, bytes_copied, context_switches (null when any
/// process's is), end_time, time_unit, deadlock (null or {cycle: [{process, waits_in,
/// object, held_by}]}), notes, counting_method, counting (countingText), left_behind
/// {objects: [{kind, name}], cleanup_syscalls: {name: n}}, and latency {op: {count,
/// median_ns, p99_ns}} only when the trace has timings.
std::string reportToJson(const Report& report, const Trace& trace);
/// The same JSON on one line, without a trailing newline (for JSON-lines streams).
std::string reportToCompactJson(const Report& report, const Trace& trace);

} // namespace ipclab
