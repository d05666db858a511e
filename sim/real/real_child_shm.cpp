// Shared segments and semaphores of the child interpreter: System V shm and sem.
#include "real_child.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <sys/sem.h>
#include <sys/shm.h>
#include <unistd.h>

namespace ipclab::real {

namespace {

/// The permission bits the scenario's rule gives `uid` on a segment: uid 0 everything,
/// the creator's uid the owner bits, anyone else the "other" bits.
int permittedBits(int uid, int creatorUid, int mode) {
    if (uid == 0) {
        return 7;
    }
    return uid == creatorUid ? (mode >> 6) & 7 : mode & 7;
}

unsigned char loadTag(unsigned char* tag) {
    return std::atomic_ref<unsigned char>(*tag).load(std::memory_order_acquire);
}

void storeTag(unsigned char* tag, unsigned char value) {
    std::atomic_ref<unsigned char>(*tag).store(value, std::memory_order_release);
}

constexpr int kSemMode = 0660;

} // namespace

void ChildInterpreter::shmCreate(const Operation& op) {
    const int obj = m_plan.segments.at(op.object);
    const auto& o = m_plan.objects[obj];
    const int mode = m_plan.enforceUids ? o.realMode : (o.mode | 0600);
    // The first creator makes it exclusively; a later "create" finds the run's own
    // segment, as shmget(IPC_CREAT) does, and checks it is the one the first one made.
    const bool first = claimCreation(obj);
    if (!first) {
        awaitCreation(op, obj, Sys::Shmget);
    }
    const int flags = IPC_CREAT | (first ? IPC_EXCL : 0) | mode;
    const auto c = issue(op, obj, Sys::Shmget, false, [&] {
        return static_cast<long>(shmget(o.key, static_cast<size_t>(o.size), flags));
    });
    if (finish(op, obj, Sys::Shmget, false, c, 0) != CallResult::Ok) {
        if (c.err == EEXIST) {
            refuseForeign(op, obj,
                          "segment " + o.name +
                              ": its random key was taken by "
                              "someone else before this run could create it");
        }
        return;
    }
    auto& shared = m_shared.object(obj);
    if (!first && c.ret != shared.sysvId.load()) {
        refuseForeign(op, obj, "segment " + o.name + " is not the one this run made");
        return;
    }
    m_segments[obj].known = true;
    m_segments[obj].id = static_cast<int>(c.ret);
    if (first) {
        shared.creatorUid.store(m_spec.uid);
        published(obj, static_cast<std::int32_t>(c.ret));
    }
    if (shared.created.exchange(1) == 0) {
        record(EventKind::ObjCreated, op, obj, static_cast<std::int32_t>(c.ret));
    }
}

bool ChildInterpreter::segmentLookup(const Operation& op, int obj) {
    auto& seg = m_segments[obj];
    if (seg.known) {
        return true;
    }
    awaitCreation(op, obj, Sys::Shmget);
    const auto c = issue(op, obj, Sys::Shmget, false,
                         [&] { return static_cast<long>(shmget(m_plan.objects[obj].key, 0, 0)); });
    if (finish(op, obj, Sys::Shmget, false, c, 0) != CallResult::Ok) {
        return false;
    }
    if (c.ret != m_shared.object(obj).sysvId.load() || m_shared.object(obj).removed.load() != 0) {
        refuseForeign(op, obj,
                      "segment " + m_plan.objects[obj].name + " is not the one this run made");
        return false;
    }
    seg.known = true;
    seg.id = static_cast<int>(c.ret);
    return true;
}

void ChildInterpreter::shmAttach(const Operation& op) {
    const int obj = m_plan.segments.at(op.object);
    if (!segmentLookup(op, obj)) {
        return;
    }
    auto& seg = m_segments[obj];
    const auto& o = m_plan.objects[obj];
    const int bits = permittedBits(m_spec.uid, m_shared.object(obj).creatorUid.load(), o.mode);
    // Read-only rights attach read-only (a write then faults); no rights let the kernel
    // refuse (EACCES) when it enforces uids, else the runner refuses in its place.
    const bool readOnly = (bits & 2) == 0 && (bits & 4) != 0;
    if (!m_plan.enforceUids && (bits & 4) == 0) {
        recordSyscallOnly(op, obj, Sys::Shmat, CallResult::PermissionDenied, kFlagNotIssued);
        return;
    }
    void* addr = nullptr;
    const auto c = issue(op, obj, Sys::Shmat, false, [&] {
        addr = shmat(seg.id, nullptr, readOnly ? SHM_RDONLY : 0);
        return addr == reinterpret_cast<void*>(-1) ? -1L : 0L;
    });
    if (finish(op, obj, Sys::Shmat, false, c, 0) != CallResult::Ok) {
        return;
    }
    seg.addr = static_cast<unsigned char*>(addr);
    seg.readOnly = readOnly;
    const auto page = reinterpret_cast<std::uintptr_t>(addr) >> 12;
    record(EventKind::Attached, op, obj, static_cast<std::int32_t>(page & 0x7FFFFFFF));
}

void ChildInterpreter::shmDetach(const Operation& op) {
    const int obj = m_plan.segments.at(op.object);
    auto& seg = m_segments[obj];
    const auto c = issue(op, obj, Sys::Shmdt, false, [&] {
        return static_cast<long>(shmdt(seg.addr != nullptr ? seg.addr : nullptr));
    });
    if (finish(op, obj, Sys::Shmdt, false, c, 0) == CallResult::Ok) {
        seg.addr = nullptr;
        record(EventKind::Detached, op, obj);
    }
}

void ChildInterpreter::shmRemove(const Operation& op) {
    const int obj = m_plan.segments.at(op.object);
    if (!segmentLookup(op, obj)) {
        return;
    }
    const int id = m_segments[obj].id;
    const auto c = issue(op, obj, Sys::Shmctl, false,
                         [&] { return static_cast<long>(shmctl(id, IPC_RMID, nullptr)); });
    if (finish(op, obj, Sys::Shmctl, false, c, 0) == CallResult::Ok) {
        m_shared.object(obj).removed.store(1);
        m_shared.object(obj).claimed.store(0);
        record(EventKind::ShmMarked, op, obj);
    }
}

void ChildInterpreter::shmRead(const Operation& op, std::int64_t) {
    const int obj = m_plan.segments.at(op.object);
    const auto& seg = m_segments[obj];
    const auto& o = m_plan.objects[obj];
    if (seg.addr == nullptr) {
        fail(op, obj, "segmentation fault: read of segment " + o.name + ", not attached");
        return;
    }
    if (op.offset < 0 || op.offset >= o.size) {
        fail(op, obj,
             "segmentation fault: read at offset " + std::to_string(op.offset) + " of segment " +
                 o.name + " (" + std::to_string(o.size) + " bytes)");
        return;
    }
    const auto at = static_cast<std::size_t>(op.offset);
    Value value;
    if (loadTag(m_shared.tags(o.tagOffset + at)) == 's') {
        const void* nul = std::memchr(seg.addr + at, 0, static_cast<std::size_t>(o.size) - at);
        if (nul == nullptr) {
            fail(op, obj,
                 "segmentation fault: string at offset " + std::to_string(op.offset) +
                     " runs past the end of segment " + o.name);
            return;
        }
        value = std::string(reinterpret_cast<const char*>(seg.addr + at));
    } else {
        if (op.offset + 8 > o.size) {
            fail(op, obj,
                 "segmentation fault: 8-byte read at offset " + std::to_string(op.offset) +
                     " of segment " + o.name + " (" + std::to_string(o.size) + " bytes)");
            return;
        }
        std::int64_t n = 0;
        std::memcpy(&n, seg.addr + at, sizeof n);
        value = n;
    }
    const std::string text = valueText(value);
    record(EventKind::ShmRead, op, obj, static_cast<std::int32_t>(op.offset), 0, text);
    if (!op.into.empty()) {
        record(EventKind::VarSet, op, -1, 0, 0, text, op.into);
        m_vars[op.into] = std::move(value);
    }
}

void ChildInterpreter::shmWrite(const Operation& op, std::int64_t round) {
    const int obj = m_plan.segments.at(op.object);
    const auto& seg = m_segments[obj];
    const auto& o = m_plan.objects[obj];
    if (seg.addr == nullptr || seg.readOnly) {
        fail(op, obj,
             "segmentation fault: write to segment " + o.name +
                 (seg.addr == nullptr ? ", not attached" : ", attached read-only"));
        return;
    }
    const Value value = expand(op, round);
    const auto* integer = std::get_if<std::int64_t>(&value);
    const std::int64_t need =
        integer != nullptr ? 8 : static_cast<std::int64_t>(std::get<std::string>(value).size()) + 1;
    if (op.offset < 0 || op.offset + need > o.size) {
        fail(op, obj,
             "segmentation fault: " + std::to_string(need) + "-byte write at offset " +
                 std::to_string(op.offset) + " of segment " + o.name + " (" +
                 std::to_string(o.size) + " bytes)");
        return;
    }
    const auto at = static_cast<std::size_t>(op.offset);
    if (integer != nullptr) {
        std::memcpy(seg.addr + at, integer, sizeof *integer);
        storeTag(m_shared.tags(o.tagOffset + at), 'i');
    } else {
        const auto& s = std::get<std::string>(value);
        std::memcpy(seg.addr + at, s.c_str(), s.size() + 1);
        storeTag(m_shared.tags(o.tagOffset + at), 's');
    }
    record(EventKind::ShmWrite, op, obj, static_cast<std::int32_t>(op.offset), 0, valueText(value));
}

void ChildInterpreter::semCreate(const Operation& op) {
    const int obj = m_plan.semaphores.at(op.object);
    const auto& o = m_plan.objects[obj];
    const int mode = m_plan.enforceUids ? kSemMode : 0600;
    const bool first = claimCreation(obj);
    if (!first) {
        awaitCreation(op, obj, Sys::Semget);
    }
    const int flags = IPC_CREAT | (first ? IPC_EXCL : 0) | mode;
    const auto c = issue(op, obj, Sys::Semget, false,
                         [&] { return static_cast<long>(semget(o.key, 1, flags)); });
    if (finish(op, obj, Sys::Semget, false, c, 0) != CallResult::Ok) {
        if (c.err == EEXIST) {
            refuseForeign(op, obj,
                          "semaphore " + o.name +
                              ": its random key was taken by "
                              "someone else before this run could create it");
        }
        return;
    }
    const int id = static_cast<int>(c.ret);
    auto& shared = m_shared.object(obj);
    if (!first && id != shared.sysvId.load()) {
        refuseForeign(op, obj, "semaphore " + o.name + " is not the one this run made");
        return;
    }
    m_semKnown[obj] = true;
    m_semIds[obj] = id;
    if (first) {
        published(obj, id);
    }
    const auto set = issue(op, obj, Sys::Semctl, false, [&] {
        return static_cast<long>(semctl(id, 0, SETVAL, static_cast<int>(op.value)));
    });
    if (finish(op, obj, Sys::Semctl, false, set, 0) != CallResult::Ok) {
        return;
    }
    shared.mirror.store(op.value);
    shared.created.store(1);
    record(EventKind::ObjCreated, op, obj, static_cast<std::int32_t>(op.value));
}

void ChildInterpreter::semChange(const Operation& op, int delta) {
    const int obj = m_plan.semaphores.at(op.object);
    if (!m_semKnown[obj]) {
        awaitCreation(op, obj, Sys::Semget);
        const auto c = issue(op, obj, Sys::Semget, false, [&] {
            return static_cast<long>(semget(m_plan.objects[obj].key, 1, 0));
        });
        if (finish(op, obj, Sys::Semget, false, c, 0) != CallResult::Ok) {
            return;
        }
        if (c.ret != m_shared.object(obj).sysvId.load()) {
            refuseForeign(
                op, obj, "semaphore " + m_plan.objects[obj].name + " is not the one this run made");
            return;
        }
        m_semKnown[obj] = true;
        m_semIds[obj] = static_cast<int>(c.ret);
    }
    sembuf sop{};
    sop.sem_num = 0;
    sop.sem_op = static_cast<short>(delta);
    const int id = m_semIds[obj];
    const bool blocking = delta < 0;
    const auto c = issue(op, obj, Sys::Semtimedop, blocking,
                         [&] { return static_cast<long>(semtimedop(id, &sop, 1, nullptr)); });
    if (finish(op, obj, Sys::Semtimedop, blocking, c, 0) == CallResult::Ok) {
        const auto value = m_shared.object(obj).mirror.fetch_add(delta) + delta;
        record(EventKind::SemChanged, op, obj, static_cast<std::int32_t>(value));
    }
}

} // namespace ipclab::real
