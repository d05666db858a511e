#pragma once
// What counts as one system call, and the one fold that tallies them. The report, the state
// at a cursor, real mode's self count and the charts all count through here, so they can
// never disagree about what a call is.

#include "trace.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace ipclab {

/// True for an event that is one system call: a Syscall event that is not the completion
/// of a call that blocked (kFlagCompletes: the kernel saw that call once, when it began).
inline bool isCountedSyscall(const Event& e) {
    return e.kind == EventKind::Syscall && (e.flags & kFlagCompletes) == 0;
}

/// Counted system calls of a trace prefix, by operation, by kernel name and by process.
/// Invariant: total == the sum of byOp == the sum of byName == the sum over byProcess
/// plus the calls of events that belong to no process (`unowned`).
struct SyscallTally {
    std::int64_t total = 0;
    std::int64_t unowned = 0; ///< calls of events without a process
    std::map<OpKind, std::int64_t> byOp;
    std::map<std::string, std::int64_t> byName;
    /// byProcess[p][op][name]: process p's calls (sized to the trace's processes)
    std::vector<std::map<OpKind, std::map<std::string, std::int64_t>>> byProcess;

    /// Counts `e` when isCountedSyscall(e); `trace` supplies its name.
    void add(const Trace& trace, const Event& e);
    /// Process p's calls by operation (empty for an unknown process).
    std::map<OpKind, std::int64_t> processByOp(std::size_t p) const;
    /// Process p's calls, all operations.
    std::int64_t processTotal(std::size_t p) const;
};

/// Tally of the first `upTo` events (all of them by default).
SyscallTally tallySyscalls(const Trace& trace,
                           std::size_t upTo = std::numeric_limits<std::size_t>::max());

} // namespace ipclab
