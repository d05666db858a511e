#include "state.h"

#include "syscalltally.h"

#include <algorithm>

namespace ipclab {

namespace {

bool validProcess(const SystemState& state, std::uint16_t proc) {
    return proc != kNoProcess && proc < state.processes.size();
}

ObjectStatus* objectOf(SystemState& state, std::uint16_t object) {
    return object != kNoObject && object < state.objects.size() ? &state.objects[object] : nullptr;
}

void takeOffCpu(SystemState& state, ProcessStatus& p, int proc) {
    if (p.cpu >= 0 && static_cast<std::size_t>(p.cpu) < state.running.size() &&
        state.running[p.cpu] == proc) {
        state.running[p.cpu] = -1;
    }
    p.cpu = -1;
}

void putOnCpu(SystemState& state, ProcessStatus& p, int proc, std::uint8_t cpu) {
    if (cpu == kNoCpu) {
        return;
    }
    if (p.cpu >= 0 && p.cpu != cpu) {
        takeOffCpu(state, p, proc);
    }
    if (cpu >= state.running.size()) {
        state.running.resize(cpu + 1, -1);
    }
    // Whoever the CPU ran before has left it (the kernel reports that too; be robust).
    const int previous = state.running[cpu];
    if (previous >= 0 && previous != proc &&
        static_cast<std::size_t>(previous) < state.processes.size()) {
        state.processes[previous].cpu = -1;
    }
    state.running[cpu] = proc;
    p.cpu = cpu;
}

void changeState(SystemState& state, const Event& e) {
    auto& p = state.processes[e.proc];
    const int proc = e.proc;
    const auto next = static_cast<ProcState>(e.a);
    if (p.state == ProcState::Blocked) {
        if (auto* o = objectOf(state, static_cast<std::uint16_t>(p.blockedObject))) {
            auto& w = o->waiting;
            w.erase(std::remove(w.begin(), w.end(), proc), w.end());
        }
        p.blockedObject = -1;
        p.blockedOp = OpKind::Compute;
    }
    if (next == ProcState::Running) {
        putOnCpu(state, p, proc, e.cpu);
    } else {
        takeOffCpu(state, p, proc);
    }
    if (next == ProcState::Blocked) {
        p.blockedOp = e.op;
        p.blockedObject = e.object == kNoObject ? -1 : e.object;
        if (auto* o = objectOf(state, e.object)) {
            o->waiting.push_back(proc);
        }
    }
    p.state = next;
}

void countSyscall(SystemState& state, const Trace& trace, const Event& e) {
    // Bytes are copied when data actually moves, which for a blocked call is at its
    // completion; so bytes count on every Syscall event, the call itself only once.
    state.bytesCopied += e.a;
    if (!isCountedSyscall(e)) {
        return;
    }
    ++state.syscallsTotal;
    ++state.syscallsByOp[e.op];
    ++state.syscallsByName[trace.str(e.text)];
    if (validProcess(state, e.proc)) {
        auto& p = state.processes[e.proc];
        ++p.syscalls;
        ++p.syscallsByOp[e.op];
    }
}

/// Semaphore holders: a process holds a unit from the sem_wait that took it (at once, or at
/// the completion of a wait that blocked) until its next sem_post of that semaphore. The
/// lookup a first use makes (`semget`, op sem_wait too) takes nothing.
void trackHolders(SystemState& state, const Trace& trace, const Event& e) {
    ObjectStatus* o = objectOf(state, e.object);
    if (o == nullptr || !validProcess(state, e.proc) ||
        static_cast<CallResult>(e.b) != CallResult::Ok) {
        return;
    }
    if (e.text < trace.strings.size() &&
        (trace.strings[e.text] == "semget" || trace.strings[e.text] == "semctl")) {
        return;
    }
    const bool blockedOnly = (e.flags & kFlagBlocking) != 0 && (e.flags & kFlagCompletes) == 0;
    if (e.op == OpKind::SemWait && !blockedOnly) {
        o->holders.push_back(e.proc);
    } else if (e.op == OpKind::SemPost && isCountedSyscall(e)) {
        auto it = std::find(o->holders.begin(), o->holders.end(), static_cast<int>(e.proc));
        if (it != o->holders.end()) {
            o->holders.erase(it);
        }
    }
}

void removeMessage(ObjectStatus& o, int id) {
    auto it = std::find_if(o.queue.begin(), o.queue.end(),
                           [id](const QueuedMessage& m) { return m.id == id; });
    if (it != o.queue.end()) {
        o.queue.erase(it);
    }
}

void applyObjectEvent(SystemState& state, const Trace& trace, const Event& e) {
    ObjectStatus* o = objectOf(state, e.object);
    if (o == nullptr) {
        return;
    }
    switch (e.kind) {
    case EventKind::MsgSent:
        o->queue.push_back(
            QueuedMessage{e.a, e.proc == kNoProcess ? -1 : e.proc, trace.str(e.text)});
        break;
    case EventKind::MsgReceived:
        removeMessage(*o, e.a);
        break;
    case EventKind::ShmWrite:
        o->cells[e.a] = trace.str(e.text);
        break;
    case EventKind::ObjCreated: {
        // A fresh object: nothing queued or written yet (waiters, if any, are kept).
        std::vector<int> waiting = std::move(o->waiting);
        *o = ObjectStatus{};
        o->waiting = std::move(waiting);
        o->exists = true;
        const auto kind =
            e.object < trace.objects.size() ? trace.objects[e.object].kind : ObjectKind::Mailbox;
        if (kind == ObjectKind::Segment) {
            o->shmId = e.a;
        } else if (kind == ObjectKind::Semaphore) {
            o->semValue = e.a;
        }
        break;
    }
    case EventKind::ObjDeleted:
        // Waiters stay listed until the kernel reports their wake-up (State events).
        o->exists = false;
        o->markedForRemoval = false;
        // A shut link still holds what was sent before the shutdown (the peer can read
        // it, then gets end-of-file); a deleted mailbox or segment takes its data along.
        if (e.object >= trace.objects.size() || trace.objects[e.object].kind != ObjectKind::Link) {
            o->queue.clear();
        }
        o->cells.clear();
        break;
    case EventKind::ShmMarked:
        o->markedForRemoval = true;
        break;
    case EventKind::SemChanged:
        o->semValue = e.a;
        break;
    case EventKind::Attached:
        if (validProcess(state, e.proc)) {
            state.processes[e.proc].attachments[e.object] = e.a;
        }
        break;
    case EventKind::Detached:
        if (validProcess(state, e.proc)) {
            state.processes[e.proc].attachments.erase(e.object);
        }
        break;
    default:
        break;
    }
}

} // namespace

SystemState initialState(const Trace& trace) {
    SystemState state;
    state.processes.resize(trace.processNames.size());
    state.objects.resize(trace.objects.size());
    int cpus = std::max(trace.cpus, 0);
    for (const auto& e : trace.events) {
        if (e.cpu != kNoCpu) {
            cpus = std::max(cpus, e.cpu + 1);
        }
    }
    state.running.assign(static_cast<std::size_t>(cpus), -1);
    return state;
}

void applyEvent(SystemState& state, const Trace& trace, const Event& e) {
    const std::size_t index = state.eventIndex;
    ++state.eventIndex;
    state.time = e.time;
    const bool hasProc = validProcess(state, e.proc);
    if (hasProc && e.line != 0) {
        state.processes[e.proc].line = e.line;
        state.processes[e.proc].op = e.op;
    }
    switch (e.kind) {
    case EventKind::State:
        if (hasProc) {
            changeState(state, e);
        }
        break;
    case EventKind::Dispatch:
        if (hasProc) {
            auto& p = state.processes[e.proc];
            putOnCpu(state, p, e.proc, e.cpu);
            ++p.contextSwitches;
        }
        break;
    case EventKind::Preempt:
        if (hasProc) {
            takeOffCpu(state, state.processes[e.proc], e.proc);
        }
        break;
    case EventKind::Syscall:
        countSyscall(state, trace, e);
        trackHolders(state, trace, e);
        break;
    case EventKind::MsgSent:
        ++state.messagesSent;
        applyObjectEvent(state, trace, e);
        break;
    case EventKind::MsgReceived:
        ++state.messagesReceived;
        applyObjectEvent(state, trace, e);
        break;
    case EventKind::VarSet:
        if (hasProc) {
            state.processes[e.proc].locals[trace.str(static_cast<StringId>(e.b))] =
                trace.str(e.text);
        }
        break;
    case EventKind::Caption:
        state.lastCaption = trace.str(e.text);
        state.lastCaptionEvent = static_cast<int>(index);
        break;
    case EventKind::RunEnd:
        state.ended = true;
        state.outcome = static_cast<Outcome>(e.a);
        break;
    default:
        applyObjectEvent(state, trace, e);
        break;
    }
}

StateCursor::StateCursor(std::shared_ptr<const Trace> trace, std::size_t interval)
    : m_trace(std::move(trace)), m_interval(std::max<std::size_t>(interval, 1)) {
    m_snapshots.push_back(initialState(*m_trace));
    m_current = m_snapshots.front();
}

const SystemState& StateCursor::at(std::size_t k) {
    const auto& events = m_trace->events;
    k = std::min(k, events.size());
    // Snapshots are made lazily, the first time the cursor passes them, so opening a
    // long trace costs nothing until the user moves far into it.
    const std::size_t slot = k / m_interval;
    while (m_snapshots.size() <= slot) {
        SystemState s = m_snapshots.back();
        const std::size_t end = s.eventIndex + m_interval;
        for (std::size_t i = s.eventIndex; i < end; ++i) {
            applyEvent(s, *m_trace, events[i]);
        }
        m_snapshots.push_back(std::move(s));
    }
    // Step on from the current state when that is no further than from the snapshot (a
    // player stepping forwards never copies a whole state).
    if (m_current.eventIndex > k || k - m_current.eventIndex > k - slot * m_interval) {
        m_current = m_snapshots[slot];
    }
    while (m_current.eventIndex < k) {
        applyEvent(m_current, *m_trace, events[m_current.eventIndex]);
    }
    return m_current;
}

} // namespace ipclab
