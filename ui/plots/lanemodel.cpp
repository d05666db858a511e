#include "lanemodel.h"

#include "syscalltally.h"

#include <algorithm>

namespace ipclab::ui {

namespace {

/// Appends [start, end) in `state`, dropping empty stretches and merging with an equal
/// neighbour (a process that goes ready -> running -> ready within one tick stays ready).
void appendState(std::vector<StateInterval>& lane, ProcState state, std::uint64_t start,
                 std::uint64_t end) {
    if (end <= start) {
        return;
    }
    if (!lane.empty() && lane.back().state == state && lane.back().end == start) {
        lane.back().end = end;
        return;
    }
    lane.push_back({state, start, end});
}

void appendCpu(std::vector<CpuInterval>& lane, int proc, std::uint64_t start, std::uint64_t end) {
    if (end <= start) {
        return;
    }
    if (!lane.empty() && lane.back().proc == proc && lane.back().end == start) {
        lane.back().end = end;
        return;
    }
    lane.push_back({proc, start, end});
}

struct OpenState {
    ProcState state = ProcState::New;
    std::uint64_t since = 0;
    int cpu = -1;          ///< cpu while running
    int lastDispatch = -1; ///< cpu of the last Dispatch, for State(Running) without a cpu
};

} // namespace

LaneModel buildLaneModel(const Trace& trace, std::size_t processCount, std::size_t cpuCount) {
    LaneModel model;
    std::size_t procs = std::max(processCount, trace.processNames.size());
    std::size_t cpus = std::max<std::size_t>(cpuCount, 1);
    for (const Event& e : trace.events) {
        if (e.proc != kNoProcess) {
            procs = std::max<std::size_t>(procs, e.proc + 1u);
        }
        if (e.cpu != kNoCpu) {
            cpus = std::max<std::size_t>(cpus, e.cpu + 1u);
        }
    }
    model.processLanes.resize(procs);
    model.cpuLanes.resize(cpus);
    std::vector<OpenState> open(procs);
    model.endTime = trace.events.empty() ? 0 : trace.events.back().time;

    for (const Event& e : trace.events) {
        if (e.proc == kNoProcess) {
            continue;
        }
        OpenState& o = open[e.proc];
        switch (e.kind) {
        case EventKind::Dispatch:
            o.lastDispatch = e.cpu == kNoCpu ? -1 : e.cpu;
            break;
        case EventKind::State: {
            const auto next = static_cast<ProcState>(e.a);
            if (o.state != ProcState::New) {
                appendState(model.processLanes[e.proc], o.state, o.since, e.time);
            }
            if (o.cpu >= 0) {
                appendCpu(model.cpuLanes[static_cast<std::size_t>(o.cpu)], e.proc, o.since, e.time);
                o.cpu = -1;
            }
            if (next == ProcState::Running) {
                o.cpu = e.cpu != kNoCpu ? e.cpu : o.lastDispatch;
            }
            o.state = next;
            o.since = e.time;
            break;
        }
        case EventKind::Syscall:
            if (isCountedSyscall(e)) {
                model.markers.push_back({MarkerKind::Syscall, e.proc, e.time});
            }
            break;
        case EventKind::MsgSent:
            model.markers.push_back({MarkerKind::MsgSent, e.proc, e.time});
            break;
        case EventKind::MsgReceived:
            model.markers.push_back({MarkerKind::MsgReceived, e.proc, e.time});
            break;
        case EventKind::ShmRead:
        case EventKind::ShmWrite:
            model.markers.push_back({MarkerKind::ShmAccess, e.proc, e.time});
            break;
        default:
            break;
        }
    }
    for (std::size_t p = 0; p < procs; ++p) {
        const OpenState& o = open[p];
        if (o.state == ProcState::New) {
            continue;
        }
        // A terminated process keeps a thin grey lane to the end: "it is gone" stays visible.
        appendState(model.processLanes[p], o.state, o.since, model.endTime);
        if (o.cpu >= 0) {
            appendCpu(model.cpuLanes[static_cast<std::size_t>(o.cpu)], static_cast<int>(p), o.since,
                      model.endTime);
        }
    }
    return model;
}

std::uint64_t cursorTime(const Trace& trace, std::size_t index) {
    if (index == 0 || trace.events.empty()) {
        return 0;
    }
    return trace.events[std::min(index, trace.events.size()) - 1].time;
}

std::size_t cursorForTime(const Trace& trace, double time) {
    const auto& events = trace.events;
    auto first = std::lower_bound(events.begin(), events.end(), time, [](const Event& e, double t) {
        return static_cast<double>(e.time) < t;
    });
    if (first == events.end()) {
        return events.size();
    }
    const std::uint64_t stamp = first->time;
    auto last = std::upper_bound(first, events.end(), stamp,
                                 [](std::uint64_t t, const Event& e) { return t < e.time; });
    return static_cast<std::size_t>(last - events.begin());
}

} // namespace ipclab::ui
