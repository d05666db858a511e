#pragma once
// One event of a trace. Both engines emit these; every view, the report and the tests
// are folds over them. Kept to 32 bytes so a million-operation run fits comfortably.

#include "scenario.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ipclab {

/// Index into Trace::strings; kNoString for none.
using StringId = std::uint32_t;
inline constexpr StringId kNoString = 0xFFFFFFFFu;
/// Index into Trace::objects; kNoObject for none.
inline constexpr std::uint16_t kNoObject = 0xFFFF;
/// Process index for events that belong to no process (the kernel itself).
inline constexpr std::uint16_t kNoProcess = 0xFFFF;
inline constexpr std::uint8_t kNoCpu = 0xFF;

/// Process life cycle, as in the textbook's diagram.
enum class ProcState : std::uint8_t { New, Ready, Running, Blocked, Terminated };
std::string_view stateName(ProcState state); // "new", "ready", "running", "blocked", "terminated"

/// What a system call returned.
enum class CallResult : std::uint8_t {
    Ok,
    WouldBlock,       ///< non-blocking call that could not proceed (EAGAIN)
    PermissionDenied, ///< EACCES, e.g. shm_attach against a segment's mode
    NoSuchObject,     ///< ENOENT/EINVAL/EIDRM: deleted mailbox, removed segment, shut link
    LinkClosed,       ///< EPIPE: send on a link the peer shut down
    Error,            ///< anything else (see the event's text)
};
std::string_view resultName(CallResult result); // "ok", "would_block", "permission_denied", ...

/// How a run ended.
enum class Outcome : std::uint8_t {
    Completed,      ///< every process terminated
    Deadlock,       ///< no process can run and some are blocked (see Trace::deadlockCycle)
    TimeLimit,      ///< kernel.timeLimit (sim) or --timeout (real) reached
    AwaitingChoice, ///< manual scheduling: RunOptions::choices ran out at a real choice
    Error,          ///< the engine could not run it (real mode: see Trace::notes)
    Interrupted,    ///< real mode: SIGINT, SIGTERM or SIGHUP ended the run (cleaned up)
    EventLimit,     ///< the run reached its cap on events (--event-limit)
};
inline constexpr int kOutcomeCount = 7;
/// Events a run may record unless told otherwise (--event-limit): with strings, a trace
/// takes about 65 bytes per event, so a capped run stays well under 200 MB whatever the
/// file says (zero-tick operations too: every operation records at least one event).
inline constexpr std::size_t kDefaultMaxEvents = 1'000'000;
std::string_view outcomeName(Outcome outcome); // "completed", "deadlock", "time_limit", ...

enum class EventKind : std::uint8_t {
    RunStart,    ///< first event, time 0
    State,       ///< proc changed state: a = ProcState; when Blocked, op/object say on what
    Dispatch,    ///< scheduler put proc on cpu; a = number of ready processes it chose among
    Preempt,     ///< proc taken off cpu (quantum expired or higher priority arrived)
    Syscall,     ///< proc issued a syscall for op on object: text = kernel name
                 ///< ("mq_timedsend"), b = CallResult, a = bytes copied by the kernel
    Compute,     ///< proc computed a = ticks
    MsgSent,     ///< message text entered object (mailbox or link): a = message id,
                 ///< b = queue length after
    MsgReceived, ///< proc took message a (text) from object; b = sender process index
    ShmWrite,    ///< proc wrote text at byte offset a of segment object (no syscall)
    ShmRead,     ///< proc read text at byte offset a of segment object (no syscall)
    VarSet,      ///< proc's local variable (name = b as StringId) now holds text
    Caption,     ///< a `say`: text
    ObjCreated,  ///< object came to exist; a = shm id / capacity (kUnbounded) / sem value
    ObjDeleted,  ///< object is gone (mailbox deleted, segment destroyed, link shut down)
    ShmMarked,   ///< segment marked for removal; destroyed when the last process detaches
    Attached,    ///< proc mapped segment object at address a (in pages, see Trace docs)
    Detached,    ///< proc unmapped segment object
    SemChanged,  ///< semaphore object now has value a
    RunEnd,      ///< last event: a = Outcome
    Choice,      ///< a choice point (runs with choice points only): of the a processes
                 ///< that could run next on cpu (bit i of b: process i, for i < 32), the
                 ///< scheduler's caller chose proc
};
std::string_view eventKindName(EventKind kind); // stable JSON names: "syscall", "msg_sent", ...

/// One thing that happened. Times are ticks in the simulator and nanoseconds since the
/// run's start in real mode (Trace::timeUnit says which).
struct Event {
    std::uint64_t time = 0;
    EventKind kind = EventKind::RunStart;
    OpKind op = OpKind::Compute;      ///< the operation this event belongs to
    std::uint8_t cpu = kNoCpu;        ///< Dispatch/Preempt/State(Running)
    std::uint8_t flags = 0;           ///< kind-specific; see kFlag*
    std::uint16_t proc = kNoProcess;  ///< process index into Scenario::processes
    std::uint16_t object = kNoObject; ///< index into Trace::objects
    std::uint16_t line = 0;           ///< source line of the operation (0: none)
    std::int32_t a = 0;
    std::int32_t b = 0;
    StringId text = kNoString;
};
static_assert(sizeof(Event) <= 32, "an event must stay within 32 bytes");

/// Event::flags bits.
inline constexpr std::uint8_t kFlagBlocking = 1;  ///< Syscall: a blocking call
inline constexpr std::uint8_t kFlagCompletes = 2; ///< Syscall: completion of a call that blocked

} // namespace ipclab
