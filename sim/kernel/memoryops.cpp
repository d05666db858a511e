// Shared memory as System V segments. Only create/attach/detach/remove are system calls;
// reads and writes are plain memory accesses, which is the lecture's point.

#include "machine.h"

#include <algorithm>

namespace ipclab {

namespace {
constexpr std::int64_t kPageSize = 4096;
constexpr int kRead = 4;
constexpr int kWrite = 2;
} // namespace

Machine::Exec Machine::shmCreate(int p, const Instr& in) {
    const std::uint64_t bit = std::uint64_t(1) << p;
    const int existing = m_segmentBySlot[static_cast<std::size_t>(in.slot)];
    if (existing >= 0) {
        Segment& s = m_segments[static_cast<std::size_t>(existing)];
        if (s.live && !s.marked) {
            // shmget(key, IPC_CREAT) of an existing key returns its id.
            sys(p, in, m_names.shmget, s.object, CallResult::Ok);
            s.known |= bit;
            return Exec::Next;
        }
    }
    if (!roomForObject(p, in, m_names.shmget)) {
        return Exec::Next;
    }
    ObjectInfo info;
    info.kind = ObjectKind::Segment;
    info.name = in.src->object;
    info.size = in.src->size;
    info.mode = in.src->mode;
    info.key = in.src->key;
    const int object = m_trace.addObject(std::move(info));
    Segment s;
    s.object = object;
    s.slot = in.slot;
    s.size = in.src->size;
    s.mode = in.src->mode;
    s.creator = p;
    s.creatorUid = m_procs[static_cast<std::size_t>(p)].uid;
    s.shmId = ++m_nextShmId;
    s.known = bit;
    s.cells.assign(m_code.cellOffsets[static_cast<std::size_t>(in.slot)].size(), SimValue{});
    m_segments.push_back(std::move(s));
    m_segmentBySlot[static_cast<std::size_t>(in.slot)] = static_cast<int>(m_segments.size() - 1);
    sys(p, in, m_names.shmget, object, CallResult::Ok);
    emit(EventKind::ObjCreated, p, in.op, in.line, object, m_segments.back().shmId, 0, kNoString);
    return Exec::Next;
}

bool Machine::lookupSegment(int p, const Instr& in, int& index) {
    index = m_segmentBySlot[static_cast<std::size_t>(in.slot)];
    if (index < 0) {
        sys(p, in, m_names.shmget, -1, CallResult::NoSuchObject);
        return false;
    }
    Segment& s = m_segments[static_cast<std::size_t>(index)];
    const std::uint64_t bit = std::uint64_t(1) << p;
    if ((s.known & bit) == 0) {
        // Looking a segment up by its key fails once it is marked for removal.
        if (!s.live || s.marked) {
            sys(p, in, m_names.shmget, s.object, CallResult::NoSuchObject);
            return false;
        }
        sys(p, in, m_names.shmget, s.object, CallResult::Ok);
        s.known |= bit;
    }
    return true;
}

Machine::Exec Machine::shmAttach(int p, const Instr& in) {
    int index = -1;
    if (!lookupSegment(p, in, index)) {
        return Exec::Next;
    }
    Segment& s = m_segments[static_cast<std::size_t>(index)];
    Pcb& pcb = m_procs[static_cast<std::size_t>(p)];
    if (!s.live) {
        sys(p, in, m_names.shmat, s.object, CallResult::NoSuchObject);
        return Exec::Next;
    }
    // The creator's uid is checked against the owner bits, everyone else against the
    // "other" bits; root may attach anything.
    const int bits = pcb.uid == 0 ? 7 : (pcb.uid == s.creatorUid ? (s.mode >> 6) & 7 : s.mode & 7);
    if ((bits & kRead) == 0) {
        sys(p, in, m_names.shmat, s.object, CallResult::PermissionDenied);
        return Exec::Next;
    }
    sys(p, in, m_names.shmat, s.object, CallResult::Ok);
    for (const Attachment& a : pcb.attachments) {
        if (a.segment == index) {
            // Already mapped: the same mapping serves again.
            pcb.segmentBySlot[static_cast<std::size_t>(in.slot)] = index;
            emit(EventKind::Attached, p, in.op, in.line, s.object, a.address, 0, kNoString);
            return Exec::Next;
        }
    }
    Attachment a;
    a.segment = index;
    a.address = pcb.nextPage;
    a.writable = (bits & kWrite) != 0;
    pcb.nextPage += static_cast<std::int32_t>((s.size + kPageSize - 1) / kPageSize + 1);
    pcb.attachments.push_back(a);
    pcb.segmentBySlot[static_cast<std::size_t>(in.slot)] = index;
    ++s.attachments;
    emit(EventKind::Attached, p, in.op, in.line, s.object, a.address, 0, kNoString);
    return Exec::Next;
}

void Machine::destroySegment(Segment& s, int p, OpKind op, std::uint16_t line) {
    s.live = false;
    emit(EventKind::ObjDeleted, p, op, line, s.object, 0, 0, kNoString);
}

void Machine::detach(int p, std::size_t attachment, OpKind op, std::uint16_t line) {
    Pcb& pcb = m_procs[static_cast<std::size_t>(p)];
    const int index = pcb.attachments[attachment].segment;
    pcb.attachments.erase(pcb.attachments.begin() + static_cast<std::ptrdiff_t>(attachment));
    Segment& s = m_segments[static_cast<std::size_t>(index)];
    auto& bySlot = pcb.segmentBySlot[static_cast<std::size_t>(s.slot)];
    if (bySlot == index) {
        // An older segment of the same name, still mapped, serves the name again.
        bySlot = -1;
        for (const Attachment& a : pcb.attachments) {
            if (m_segments[static_cast<std::size_t>(a.segment)].slot == s.slot) {
                bySlot = a.segment;
            }
        }
    }
    --s.attachments;
    emit(EventKind::Detached, p, op, line, s.object, 0, 0, kNoString);
    if (s.marked && s.attachments == 0) {
        destroySegment(s, p, op, line);
    }
}

Machine::Exec Machine::shmDetach(int p, const Instr& in) {
    Pcb& pcb = m_procs[static_cast<std::size_t>(p)];
    const int index = pcb.segmentBySlot[static_cast<std::size_t>(in.slot)];
    for (std::size_t i = 0; index >= 0 && i < pcb.attachments.size(); ++i) {
        if (pcb.attachments[i].segment == index) {
            sys(p, in, m_names.shmdt, m_segments[static_cast<std::size_t>(index)].object,
                CallResult::Ok);
            detach(p, i, in.op, in.line);
            return Exec::Next;
        }
    }
    sys(p, in, m_names.shmdt, -1, CallResult::NoSuchObject); // EINVAL: nothing mapped
    return Exec::Next;
}

Machine::Exec Machine::shmRemove(int p, const Instr& in) {
    int index = -1;
    if (!lookupSegment(p, in, index)) {
        return Exec::Next;
    }
    Segment& s = m_segments[static_cast<std::size_t>(index)];
    if (!s.live || s.marked) {
        sys(p, in, m_names.shmctl, s.object, CallResult::NoSuchObject);
        return Exec::Next;
    }
    const int uid = m_procs[static_cast<std::size_t>(p)].uid;
    if (uid != 0 && uid != s.creatorUid) {
        sys(p, in, m_names.shmctl, s.object, CallResult::PermissionDenied);
        return Exec::Next;
    }
    sys(p, in, m_names.shmctl, s.object, CallResult::Ok);
    s.marked = true;
    emit(EventKind::ShmMarked, p, in.op, in.line, s.object, s.attachments, 0, kNoString);
    if (s.attachments == 0) {
        destroySegment(s, p, in.op, in.line);
    }
    return Exec::Next;
}

Machine::Exec Machine::segfault(int p, const Instr& in) {
    // Not a crash of the simulator: the process dies, as with SIGSEGV.
    emit(EventKind::Caption, p, in.op, in.line, -1, 0, static_cast<std::int32_t>(CallResult::Error),
         m_names.segfault);
    terminate(p);
    return Exec::Ended;
}

Machine::Exec Machine::shmRead(int p, const Instr& in) {
    const int index =
        m_procs[static_cast<std::size_t>(p)].segmentBySlot[static_cast<std::size_t>(in.slot)];
    if (index < 0) {
        return segfault(p, in);
    }
    Segment& s = m_segments[static_cast<std::size_t>(index)];
    const std::size_t cell = in.cell >= 0 ? static_cast<std::size_t>(in.cell) : cellAt(s, in.n);
    const SimValue v = s.cells[cell];
    const std::int64_t bytes = v.isInt ? 8 : static_cast<std::int64_t>(m_pool.length(v.text)) + 1;
    if (in.n + bytes > s.size) {
        return segfault(p, in);
    }
    emit(EventKind::ShmRead, p, in.op, in.line, s.object, static_cast<std::int32_t>(in.n), 0,
         textOf(v, m_pool));
    if (in.into >= 0) {
        setVar(p, in.op, in.line, in.into, v);
    }
    return Exec::Next;
}

Machine::Exec Machine::shmWrite(int p, const Instr& in) {
    const Pcb& pcb = m_procs[static_cast<std::size_t>(p)];
    const int index = pcb.segmentBySlot[static_cast<std::size_t>(in.slot)];
    if (index < 0) {
        return segfault(p, in);
    }
    bool writable = false;
    for (const Attachment& a : pcb.attachments) {
        if (a.segment == index) {
            writable = a.writable;
        }
    }
    Segment& s = m_segments[static_cast<std::size_t>(index)];
    const SimValue v = expand(p, in);
    const std::int64_t bytes = v.isInt ? 8 : static_cast<std::int64_t>(m_pool.length(v.text)) + 1;
    if (!writable || in.n + bytes > s.size) {
        return segfault(p, in);
    }
    s.cells[in.cell >= 0 ? static_cast<std::size_t>(in.cell) : cellAt(s, in.n)] = v;
    emit(EventKind::ShmWrite, p, in.op, in.line, s.object, static_cast<std::int32_t>(in.n), 0,
         textOf(v, m_pool));
    return Exec::Next;
}

} // namespace ipclab
