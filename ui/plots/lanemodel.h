#pragma once
// The timeline's data: who was in which state when, and who ran on which CPU, folded once
// from a trace's events so that moving the cursor never walks the trace again.

#include "event.h"
#include "scenario.h"
#include "trace.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ipclab::ui {

/// One stretch of time a process spent in one state (end > start; neighbours differ).
struct StateInterval {
    ProcState state = ProcState::New;
    std::uint64_t start = 0;
    std::uint64_t end = 0;
    bool operator==(const StateInterval&) const = default;
};

/// One stretch of time a CPU ran one process.
struct CpuInterval {
    int proc = -1;
    std::uint64_t start = 0;
    std::uint64_t end = 0;
    bool operator==(const CpuInterval&) const = default;
};

enum class MarkerKind : std::uint8_t {
    Syscall,     ///< a counted system call (the completion of a blocked call is not one)
    MsgSent,     ///< a message entered a mailbox or link
    MsgReceived, ///< a message was taken out
    ShmAccess,   ///< a read or write of shared memory: no system call
};
inline constexpr int kMarkerKindCount = 4;

struct Marker {
    MarkerKind kind = MarkerKind::Syscall;
    int proc = -1;
    std::uint64_t time = 0;
};

/// Lanes and markers of one run. Processes with no State event have an empty lane; a
/// process is drawn from its first state change (arrival) to the end of the run.
struct LaneModel {
    std::vector<std::vector<StateInterval>> processLanes; ///< index = process id
    std::vector<std::vector<CpuInterval>> cpuLanes;       ///< index = cpu
    std::vector<Marker> markers;                          ///< in trace order
    std::uint64_t endTime = 0;                            ///< time of the last event
};

/// Folds `trace` (one pass). `processCount` and `cpuCount` are lower bounds (from the
/// scenario); lanes are added for any process or CPU the trace mentions beyond them.
LaneModel buildLaneModel(const Trace& trace, std::size_t processCount, std::size_t cpuCount);

/// The time of the cursor `index` (the time of the last applied event; 0 before any).
std::uint64_t cursorTime(const Trace& trace, std::size_t index);
/// The cursor for a click at `time`: all events up to and including the first event at
/// or after `time` and those sharing its time stamp ("the system at the end of that
/// moment"). Past the last event: the end of the run.
std::size_t cursorForTime(const Trace& trace, double time);

} // namespace ipclab::ui
