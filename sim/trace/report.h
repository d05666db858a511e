#pragma once
// The report: a fold over a trace, identical for both engines (DESIGN's output contract).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "trace.h"

namespace ipclab {

struct ProcessReport {
    std::string name;
    ProcState finalState = ProcState::New;
    std::map<OpKind, std::int64_t> syscalls; ///< counted syscalls per operation
    std::int64_t contextSwitches = 0;
    std::uint64_t blockedTime = 0; ///< ticks (sim) or ns (real) spent blocked
};

/// Wall-clock latency of one operation kind (real mode).
struct LatencyStats {
    std::int64_t count = 0;
    double medianNs = 0;
    double p99Ns = 0;
};

struct Report {
    std::string scenario;
    std::string engine;
    Outcome outcome = Outcome::Completed;
    std::uint64_t endTime = 0;
    std::int64_t syscallsTotal = 0;
    /// Every operation kind that occurs in the scenario has a key, even with 0 syscalls
    /// (so `read: 0` shows that shared memory costs nothing).
    std::map<OpKind, std::int64_t> byOp;
    std::map<std::string, std::int64_t> bySyscall; ///< kernel names
    std::vector<ProcessReport> processes;
    std::int64_t messagesSent = 0;
    std::int64_t messagesReceived = 0;
    std::int64_t links = 0;         ///< direct links ever opened
    std::int64_t mailboxes = 0;
    std::int64_t bytesCopied = 0;   ///< by the kernel (messages copy twice, shm never)
    std::int64_t contextSwitches = 0;
    std::vector<WaitEdge> deadlockCycle;
    std::vector<std::string> notes;
    std::string countingMethod;              ///< Trace::countingMethod
    std::map<OpKind, LatencyStats> latency;  ///< real mode only
};

/// Fold `trace` into a report. `scenario` supplies which operations occur.
Report makeReport(const Scenario& scenario, const Trace& trace);
/// The report as pretty JSON (stable key order), ending in a newline.
std::string reportToJson(const Report& report, const Trace& trace);

} // namespace ipclab
