// Semaphores as System V semaphore sets of one counter.

#include "machine.h"

namespace ipclab {

namespace {
std::int32_t clamp32(std::int64_t v) {
    return static_cast<std::int32_t>(v > INT32_MAX ? INT32_MAX : (v < INT32_MIN ? INT32_MIN : v));
}
} // namespace

Machine::Exec Machine::semCreate(int p, const Instr& in) {
    const std::uint64_t bit = std::uint64_t(1) << p;
    const int existing = m_semaphoreBySlot[static_cast<std::size_t>(in.slot)];
    if (existing >= 0) {
        // semget(IPC_CREAT) finds it; semctl(SETVAL) sets its value again.
        Semaphore& s = m_semaphores[static_cast<std::size_t>(existing)];
        s.known |= bit;
        sys(p, in, m_names.semget, s.object, CallResult::Ok);
        sys(p, in, m_names.semctl, s.object, CallResult::Ok);
        if (s.waiters.empty()) {
            s.value = in.n;
        }
        emit(EventKind::SemChanged, p, in.op, in.line, s.object, clamp32(s.value), 0, kNoString);
        return Exec::Next;
    }
    if (!roomForObject(p, in, m_names.semget)) {
        return Exec::Next;
    }
    ObjectInfo info;
    info.kind = ObjectKind::Semaphore;
    info.name = in.src->object;
    const int object = m_trace.addObject(std::move(info));
    Semaphore s;
    s.object = object;
    s.value = in.n;
    s.known = bit;
    m_semaphores.push_back(std::move(s));
    m_semaphoreBySlot[static_cast<std::size_t>(in.slot)] =
        static_cast<int>(m_semaphores.size() - 1);
    sys(p, in, m_names.semget, object, CallResult::Ok);
    sys(p, in, m_names.semctl, object, CallResult::Ok);
    emit(EventKind::ObjCreated, p, in.op, in.line, object, clamp32(in.n), 0, kNoString);
    return Exec::Next;
}

int Machine::lookupSemaphore(int p, const Instr& in) {
    const int index = m_semaphoreBySlot[static_cast<std::size_t>(in.slot)];
    if (index < 0) {
        sys(p, in, m_names.semget, -1, CallResult::NoSuchObject);
        return -1;
    }
    Semaphore& s = m_semaphores[static_cast<std::size_t>(index)];
    const std::uint64_t bit = std::uint64_t(1) << p;
    if ((s.known & bit) == 0) {
        sys(p, in, m_names.semget, s.object, CallResult::Ok);
        s.known |= bit;
    }
    return index;
}

Machine::Exec Machine::semWait(int p, const Instr& in) {
    const int index = lookupSemaphore(p, in);
    if (index < 0) {
        return Exec::Next;
    }
    Semaphore& s = m_semaphores[static_cast<std::size_t>(index)];
    if (s.value > 0) {
        --s.value;
        sys(p, in, m_names.semop, s.object, CallResult::Ok);
        emit(EventKind::SemChanged, p, in.op, in.line, s.object, clamp32(s.value), 0, kNoString);
        return Exec::Next;
    }
    sys(p, in, m_names.semop, s.object, CallResult::Ok, 0, kFlagBlocking);
    s.waiters.push(p);
    block(p, in, WaitKind::SemWait, index, s.object);
    return Exec::Blocked;
}

Machine::Exec Machine::semPost(int p, const Instr& in) {
    const int index = lookupSemaphore(p, in);
    if (index < 0) {
        return Exec::Next;
    }
    Semaphore& s = m_semaphores[static_cast<std::size_t>(index)];
    sys(p, in, m_names.semop, s.object, CallResult::Ok);
    if (s.waiters.empty()) {
        ++s.value;
        emit(EventKind::SemChanged, p, in.op, in.line, s.object, clamp32(s.value), 0, kNoString);
        return Exec::Next;
    }
    // The unit goes straight to the first waiter: the value stays at zero.
    const int w = s.waiters.pop();
    sysFor(w, m_names.semop, s.object, CallResult::Ok, 0, kFlagCompletes);
    emit(EventKind::SemChanged, p, in.op, in.line, s.object, clamp32(s.value), 0, kNoString);
    wake(w);
    return Exec::Next;
}

} // namespace ipclab
