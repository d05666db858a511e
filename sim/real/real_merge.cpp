#include "real_merge.h"

#include "syscall_counter.h"

#include <algorithm>
#include <csignal>
#include <cstring>
#include <map>

namespace ipclab::real {

namespace {

ObjectInfo objectInfo(const PlannedObject& o) {
    ObjectInfo info;
    info.kind = o.kind;
    info.name = o.name;
    switch (o.kind) {
    case ObjectKind::Mailbox:
        info.capacity = o.capacity;
        break;
    case ObjectKind::Link:
        info.endA = o.endA;
        info.endB = o.endB;
        info.capacity = kUnbounded;
        break;
    case ObjectKind::Segment:
        info.size = o.size;
        info.mode = o.mode;
        info.key = o.scenarioKey;
        break;
    case ObjectKind::Semaphore:
        break;
    }
    return info;
}

Event toEvent(const Record& r, int proc, Trace& trace) {
    Event e;
    e.time = r.h.time;
    e.kind = static_cast<EventKind>(r.h.type);
    e.op = static_cast<OpKind>(r.h.op);
    e.flags = r.h.flags;
    e.proc = static_cast<std::uint16_t>(proc);
    e.object = r.h.object;
    e.line = r.h.line;
    e.a = r.h.a;
    e.b = r.h.b;
    switch (e.kind) {
    case EventKind::Syscall:
        e.text = trace.intern(kSyscallNames[r.h.extra % kSyscallNames.size()]);
        break;
    case EventKind::State:
        e.cpu = r.h.extra;
        break;
    case EventKind::VarSet:
        e.text = trace.intern(r.text);
        e.b = static_cast<std::int32_t>(trace.intern(r.name));
        break;
    case EventKind::MsgSent:
    case EventKind::MsgReceived:
    case EventKind::ShmRead:
    case EventKind::ShmWrite:
    case EventKind::Caption:
        e.text = trace.intern(r.text);
        break;
    default:
        break;
    }
    return e;
}

std::string signalText(int sig) {
    const char* abbrev = sigabbrev_np(sig);
    return abbrev != nullptr ? "SIG" + std::string(abbrev) : "signal " + std::to_string(sig);
}

/// Events of one process in its own order, with what the runner adds at its end.
std::vector<Event> processStream(const Scenario& scenario, int proc, std::vector<Record>& records,
                                 const ChildEnd& end, std::uint64_t endNs, Trace& trace) {
    std::vector<Event> out;
    out.reserve(records.size() + 4);
    for (const auto& r : records) {
        if (r.h.type == kRecTiming) {
            trace.timings.push_back(OpTiming{proc, static_cast<OpKind>(r.h.op), r.h.time, r.h.aux});
        } else if (r.h.type < static_cast<std::uint8_t>(EventKind::RunEnd)) {
            out.push_back(toEvent(r, proc, trace));
        }
    }
    records.clear();
    records.shrink_to_fit();
    const bool terminated = !out.empty() && out.back().kind == EventKind::State &&
                            static_cast<ProcState>(out.back().a) == ProcState::Terminated;
    if (terminated) {
        return out;
    }
    if (end.inCall) {
        // Killed inside a blocking call: the call was issued (one syscall) and never
        // returned; the process ends the run blocked in it.
        Event call;
        call.time = end.callStart;
        call.kind = EventKind::Syscall;
        call.op = static_cast<OpKind>(end.callOp);
        call.flags = kFlagBlocking;
        call.proc = static_cast<std::uint16_t>(proc);
        call.object = end.callObject;
        call.line = end.callLine;
        call.text = trace.intern(kSyscallNames[end.callSyscall % kSyscallNames.size()]);
        if (!end.awaiting) {
            out.push_back(call);
        }
        Event blocked = call;
        blocked.kind = EventKind::State;
        blocked.flags = 0;
        blocked.text = kNoString;
        blocked.a = static_cast<std::int32_t>(ProcState::Blocked);
        out.push_back(blocked);
    }
    if (!end.killedByRunner) {
        Event caption;
        caption.time = endNs;
        caption.kind = EventKind::Caption;
        caption.proc = static_cast<std::uint16_t>(proc);
        const std::string why = end.exited ? "exited with status " + std::to_string(end.status)
                                           : "killed by " + signalText(end.status);
        caption.text = trace.intern(scenario.processes[proc].name + ": " + why);
        out.push_back(caption);
        Event done = caption;
        done.kind = EventKind::State;
        done.text = kNoString;
        done.a = static_cast<std::int32_t>(ProcState::Terminated);
        out.push_back(done);
    }
    return out;
}

/// Marks a segment destroyed once it is marked for removal and nobody has it attached.
class SegmentLife {
public:
    explicit SegmentLife(std::size_t objects) : m_attached(objects, 0), m_marked(objects, 0) {}
    bool destroyedBy(const Event& e) {
        if (e.object == kNoObject || e.object >= m_attached.size()) {
            return false;
        }
        auto& n = m_attached[e.object];
        if (e.kind == EventKind::Attached) {
            ++n;
        } else if (e.kind == EventKind::Detached) {
            n = std::max(0, n - 1);
        } else if (e.kind == EventKind::ShmMarked) {
            m_marked[e.object] = 1;
        } else {
            return false;
        }
        if (m_marked[e.object] != 0 && n == 0) {
            m_marked[e.object] = 0;
            return true;
        }
        return false;
    }

private:
    std::vector<int> m_attached;
    std::vector<char> m_marked;
};

} // namespace

void mergeRecords(const Scenario& scenario, const RunPlan& plan, MergeInput& input, Trace& trace) {
    trace.objects.clear();
    for (const auto& o : plan.objects) {
        trace.objects.push_back(objectInfo(o));
    }
    const int nprocs = static_cast<int>(scenario.processes.size());
    std::vector<std::vector<Event>> streams(nprocs);
    std::uint32_t maxMessage = 0;
    for (int p = 0; p < nprocs; ++p) {
        streams[p] =
            processStream(scenario, p, input.records[p], input.ends[p], input.endNs, trace);
        for (const auto& e : streams[p]) {
            if (e.kind == EventKind::MsgSent) {
                maxMessage = std::max(maxMessage, static_cast<std::uint32_t>(e.a));
            }
            // A link belongs to the process that opened it: name it from that end.
            if (e.kind == EventKind::ObjCreated && e.object < trace.objects.size() &&
                trace.objects[e.object].kind == ObjectKind::Link) {
                auto& link = trace.objects[e.object];
                const int other = link.endA == p ? link.endB : link.endA;
                link.endA = p;
                link.endB = other;
                link.name = scenario.processes[p].name + "<->" + scenario.processes[other].name;
            }
        }
    }
    std::sort(trace.timings.begin(), trace.timings.end(),
              [](const OpTiming& x, const OpTiming& y) { return x.startNs < y.startNs; });

    Event start;
    start.kind = EventKind::RunStart;
    trace.events.push_back(start);
    std::vector<char> sent(static_cast<std::size_t>(maxMessage) + 1, 0);
    std::vector<std::size_t> next(nprocs, 0);
    SegmentLife life(trace.objects.size());
    std::uint64_t last = 0;
    auto ready = [&](const Event& e) {
        return e.kind != EventKind::MsgReceived || e.a < 0 ||
               static_cast<std::size_t>(e.a) >= sent.size() || sent[e.a] != 0;
    };
    for (;;) {
        int best = -1;
        int fallback = -1;
        for (int p = 0; p < nprocs; ++p) {
            if (next[p] >= streams[p].size()) {
                continue;
            }
            const Event& e = streams[p][next[p]];
            if (fallback < 0 || e.time < streams[fallback][next[fallback]].time) {
                fallback = p;
            }
            if (ready(e) && (best < 0 || e.time < streams[best][next[best]].time)) {
                best = p;
            }
        }
        if (fallback < 0) {
            break;
        }
        // A receive whose send left no record (its sender was killed) cannot wait forever.
        const int p = best >= 0 ? best : fallback;
        Event e = streams[p][next[p]++];
        e.time = std::max(e.time, last);
        last = e.time;
        if (e.kind == EventKind::MsgSent && e.a >= 0 &&
            static_cast<std::size_t>(e.a) < sent.size()) {
            sent[e.a] = 1;
        }
        trace.events.push_back(e);
        if (life.destroyedBy(e)) {
            Event gone = e;
            gone.kind = EventKind::ObjDeleted;
            gone.text = kNoString;
            gone.a = 0;
            gone.b = 0;
            trace.events.push_back(gone);
        }
    }
    Event end;
    end.time = std::max(last, input.endNs);
    end.kind = EventKind::RunEnd;
    end.a = static_cast<std::int32_t>(input.outcome);
    trace.events.push_back(end);
    trace.outcome = input.outcome;
}

} // namespace ipclab::real
