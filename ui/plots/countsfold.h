#pragma once
// Folds over a trace for the syscall charts and the CSV export: counts per process,
// operation and syscall name, and the cumulative "syscalls vs items transferred" curves.

#include "scenario.h"
#include "trace.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ipclab::ui {

/// Counted system calls (a Syscall event without kFlagCompletes) of events [0, upTo).
/// counts[proc][op][syscall name] = n.
using SyscallCounts = std::vector<std::map<OpKind, std::map<std::string, std::int64_t>>>;
SyscallCounts countSyscalls(const Trace& trace, std::size_t upTo);
/// Totals by kernel name. For a real trace with Trace::measuredSyscalls (the kernel's own
/// count) those are returned, as the report does; otherwise the Syscall events' count.
std::map<std::string, std::int64_t> syscallsByName(const Trace& trace);

/// The operations of `scenario` that are IPC operations (every op except compute, set, add,
/// repeat, say), in OpKind order, including read and write (which cost none).
std::vector<OpKind> ipcOpsOf(const Scenario& scenario);
/// The same for one process's program.
std::vector<OpKind> ipcOpsOf(const ProcessSpec& process);
bool isIpcOp(OpKind op);

/// The two ways to communicate the lecture compares.
enum class Mechanism : std::uint8_t { MessagePassing, SharedMemory };
inline constexpr int kMechanismCount = 2;
/// Which mechanism an operation belongs to (semaphores count with shared memory: they are
/// its synchronisation cost).
Mechanism mechanismOf(OpKind op);

/// One corner of a cumulative curve: after event `event`, `items` items had been
/// transferred at a cost of `syscalls` system calls.
struct CurvePoint {
    double items = 0;
    double syscalls = 0;
    std::size_t event = 0; ///< index of the event that produced this point
    bool operator==(const CurvePoint&) const = default;
};

/// "Syscalls vs items transferred", one curve per mechanism. An item is a message
/// received (message passing) or a value read out of a shared segment (shared memory:
/// the item has arrived where it is used, as a received message has);
/// a syscall counts for the mechanism of its operation. Points are corners only: a run
/// of syscalls with no item in between is one vertical segment, and so on, so shared
/// memory after set-up is a single flat segment however many items it carries.
struct CumulativeCurves {
    std::array<std::vector<CurvePoint>, kMechanismCount> corners;
    /// Every step (one point per syscall or item), for the value at any cursor.
    std::array<std::vector<CurvePoint>, kMechanismCount> steps;
    /// The state of curve `m` after the first `index` events.
    CurvePoint at(Mechanism m, std::size_t index) const;
    /// Corners of curve `m` produced before event `index`, then the point at `index`.
    std::vector<CurvePoint> prefix(Mechanism m, std::size_t index) const;
    bool empty(Mechanism m) const { return steps[static_cast<std::size_t>(m)].empty(); }
};
CumulativeCurves buildCumulativeCurves(const Trace& trace);
/// Points of `corners` produced before event `index`, then `now` (when it differs from the
/// last of them); the origin when there are none.
std::vector<CurvePoint> curvePrefix(const std::vector<CurvePoint>& corners, std::size_t index,
                                    const CurvePoint& now);
/// `corners` thinned for drawing: a point is kept when it moves at least `dx` items or `dy`
/// calls from the last kept one (the first and last are always kept). The curve only ever
/// rises and moves right, so the drawing is off by less than (dx, dy) anywhere.
std::vector<CurvePoint> thinCurve(const std::vector<CurvePoint>& corners, double dx, double dy);

} // namespace ipclab::ui
