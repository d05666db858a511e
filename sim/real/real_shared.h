#pragma once
// The memory the runner maps (MAP_SHARED | MAP_ANONYMOUS) before fork and every child
// shares: a start gate, per-child event rings and status, per-object bookkeeping. Children
// write here with plain stores and atomics only, so recording an event costs no syscall.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab::real {

/// How long the runner sleeps between looks when no child asks for a drain: children ask
/// when their ring is half full, so this paces only the watchdog and the reaping of
/// children. Every wake-up takes a CPU from the children it measures.
inline constexpr std::uint64_t kRunnerTickNs = 20000000;
/// Ring sizes when a run does not choose one: the budget shared by all children, each
/// ring between the bounds. Each child faults in its whole ring before the start gate
/// (every first write to a shared page faults, in every process that maps it), so the
/// budget is memory the run really uses.
inline constexpr std::size_t kRingBudgetBytes = 64u << 20;
inline constexpr std::size_t kRingMinBytes = 1u << 20;
inline constexpr std::size_t kRingMaxBytes = 8u << 20;

/// Record types beyond EventKind values (which are stored as themselves).
inline constexpr std::uint8_t kRecTiming = 200; ///< an OpTiming: time = start, aux = duration
inline constexpr std::uint8_t kRecPad = 201;    ///< skip to the ring's start

/// One record in a ring, followed by textLen + nameLen bytes, padded to 8.
struct RecordHeader {
    std::uint64_t time = 0;
    std::uint64_t aux = 0;
    std::uint8_t type = 0;  ///< EventKind or kRec*
    std::uint8_t op = 0;    ///< OpKind
    std::uint8_t flags = 0; ///< Event::flags
    std::uint8_t extra = 0; ///< Syscall: index into kSyscallNames
    std::uint16_t object = 0xFFFF;
    std::uint16_t line = 0;
    std::int32_t a = 0;
    std::int32_t b = 0;
    std::uint16_t textLen = 0;
    std::uint16_t nameLen = 0;
};
static_assert(sizeof(RecordHeader) == 40);

/// What a child is doing, for the watchdog. Written by the child, read by the runner.
struct ChildStatus {
    std::atomic<std::uint64_t> head{0};  ///< ring bytes written
    std::atomic<std::uint64_t> tail{0};  ///< ring bytes consumed by the runner
    std::atomic<std::uint32_t> phase{0}; ///< ChildPhase
    std::atomic<std::uint32_t> callSeq{0};
    std::atomic<std::uint64_t> events{0}; ///< trace events recorded (for the event limit)
    /// A call that failed with an error the scenario has no word for (EMSGSIZE, ENOSPC,
    /// ...): its errno and Sys, which stopped the process (0: none).
    std::int32_t faultErrno = 0;
    std::uint8_t faultSyscall = 0;
    // The blocking call in progress (valid while phase == InCall).
    std::uint64_t callStart = 0;
    std::uint8_t callOp = 0;
    std::uint8_t callSyscall = 0;
    std::uint16_t callObject = 0xFFFF;
    std::uint16_t callLine = 0;
    std::int32_t callPeer = -1;
    std::uint64_t callBytes = 0;
    /// The kernel's context switch counts when the child passed the start gate (-1: never).
    std::int64_t voluntaryAtStart = -1;
    std::int64_t involuntaryAtStart = -1;
    std::uint8_t pad[64];
};

/// InCall: inside a blocking syscall. AwaitingObject: waiting (without syscalls) for
/// another process to create an object it must look up.
enum ChildPhase : std::uint32_t {
    Waiting = 0,
    Running = 1,
    InCall = 2,
    Finished = 3,
    AwaitingObject = 4
};

/// Per-object bookkeeping shared by all children. Counts here are a mirror kept with
/// atomics next to the real object (reading the real value would cost a syscall).
struct ObjectShared {
    std::atomic<std::int32_t> sysvId{-1};
    std::atomic<std::uint32_t> created{0}; ///< ever created
    std::atomic<std::uint32_t> removed{0}; ///< unlinked / IPC_RMID
    std::atomic<std::uint32_t> linkOpened{0};
    std::atomic<std::uint32_t> linkShut{0};
    std::atomic<std::int64_t> mirror{0};      ///< semaphore value / messages queued
    std::atomic<std::int32_t> creatorUid{-1}; ///< segment: scenario uid of the creator
    /// The creator's effective uid: what the kernel shows as the object's owner.
    std::atomic<std::int32_t> ownerUid{-1};
    /// Set by the process that creates the object exclusively; cleared when it goes away.
    std::atomic<std::uint32_t> claimed{0};
};

/// The layout of the shared mapping. Invariant: the mapping outlives every child (the
/// runner unmaps it only after reaping them all).
class SharedArea {
public:
    SharedArea() = default;
    SharedArea(const SharedArea&) = delete;
    SharedArea& operator=(const SharedArea&) = delete;
    ~SharedArea();

    /// Maps the area (`ringBytes` 0: sized from kRingBudgetBytes); false with `error` when
    /// mmap fails.
    bool create(int children, int objects, std::size_t tagBytes, std::size_t ringBytes,
                std::string& error);

    std::atomic<std::uint32_t>& gate();
    /// Set (and futex-woken) by a child whose ring is half full; the runner drains then.
    std::atomic<std::uint32_t>& drainRequest();
    /// The runner's wait between drains: until a child asks or `ns` pass.
    void waitForDrainRequest(std::uint64_t ns);
    std::atomic<std::uint32_t>& nextMessageId();
    /// The first object a child found made by someone else (-1: none): the run refuses.
    std::atomic<std::int32_t>& foreignObject();
    std::uint64_t& startNs();
    ChildStatus& child(int i);
    ObjectShared& object(int i);
    unsigned char* tags(std::size_t offset);
    unsigned char* ring(int i);
    std::size_t ringBytes() const { return m_ringBytes; }

private:
    struct Header {
        std::atomic<std::uint32_t> gate{0};
        std::atomic<std::uint32_t> nextMessageId{1};
        std::atomic<std::uint32_t> drainRequest{0};
        std::atomic<std::int32_t> foreignObject{-1};
        std::uint64_t startNs = 0;
    };
    unsigned char* m_base = nullptr;
    std::size_t m_size = 0;
    std::size_t m_childOffset = 0;
    std::size_t m_objectOffset = 0;
    std::size_t m_tagOffset = 0;
    std::size_t m_ringOffset = 0;
    std::size_t m_ringBytes = 0;
};

/// A child's writer into its ring (single producer).
class RingWriter {
public:
    /// In the process that writes: faults in the whole ring, so recording never faults.
    RingWriter(SharedArea& area, int child);
    /// Appends a record. When the runner has not drained enough room, waits for it (the
    /// only case where recording sleeps; a 4 MiB ring drained every few ms rarely fills).
    void put(const RecordHeader& header, std::string_view text = {}, std::string_view name = {});

private:
    void askForDrain();
    ChildStatus& m_status;
    unsigned char* m_ring;
    std::size_t m_bytes;
    std::atomic<std::uint32_t>& m_drain;
    std::uint64_t m_head = 0;
    bool m_asked = false; ///< asked for a drain since the ring was last below half
};

/// A record as the runner copied it out of a ring.
struct Record {
    RecordHeader h;
    std::string text;
    std::string name;
};

/// The runner's side while the run goes: appends the bytes of every complete record of a
/// child's ring to `out` (one bulk copy, no allocation per record) and frees the room.
void drainRing(ChildStatus& status, const unsigned char* ring, std::size_t bytes,
               std::vector<unsigned char>& out);
/// After the run: the records in bytes drainRing collected.
std::vector<Record> decodeRecords(const std::vector<unsigned char>& raw);

} // namespace ipclab::real
