#pragma once
// "The system at event k": what every view draws. Rebuilt from a trace by folding events;
// StateCursor keeps snapshots so that any index (forwards or backwards) is cheap.

#include "trace.h"

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ipclab {

struct QueuedMessage {
    int id = 0;
    int sender = -1;
    std::string text;
    bool operator==(const QueuedMessage&) const = default;
};

struct ProcessStatus {
    ProcState state = ProcState::New;
    int cpu = -1;                       ///< when running
    OpKind blockedOp = OpKind::Compute; ///< when blocked: in which operation
    int blockedObject = -1;             ///< when blocked: on which object (-1: a process/any)
    int line = 0;                       ///< source line of the operation it is at (last event)
    OpKind op = OpKind::Compute;        ///< operation of its last event
    std::map<std::string, std::string> locals;   ///< variable -> value
    std::map<int, std::int64_t> attachments;     ///< segment object -> address (pages)
    std::map<OpKind, std::int64_t> syscallsByOp; ///< counted syscalls so far
    std::int64_t syscalls = 0;
    std::int64_t contextSwitches = 0; ///< times it was dispatched onto a CPU
    bool operator==(const ProcessStatus&) const = default;
};

struct ObjectStatus {
    bool exists = false;
    bool markedForRemoval = false;             ///< segment: shmctl(IPC_RMID) done, still attached
    std::deque<QueuedMessage> queue;           ///< mailbox/link: messages held by the kernel
    std::map<std::int64_t, std::string> cells; ///< segment: offset -> value last written
    std::int64_t semValue = 0;
    std::int64_t shmId = -1;
    std::vector<int> waiting; ///< processes blocked on this object, in blocking order
    /// Semaphore: processes holding a unit (took one with sem_wait and have not posted),
    /// one entry per unit, in taking order. The deadlock fold names them as holders.
    std::vector<int> holders;
    bool operator==(const ObjectStatus&) const = default;
};

/// Everything visible at one cursor position. `eventIndex` is the number of events
/// applied: 0 is before the first event, trace.events.size() the end of the run.
struct SystemState {
    std::size_t eventIndex = 0;
    std::uint64_t time = 0;
    std::vector<ProcessStatus> processes; ///< index = process id
    std::vector<ObjectStatus> objects;    ///< index = Trace::objects index
    /// cpu -> process (-1 idle); sized max(Trace::cpus, highest cpu in the events + 1)
    std::vector<int> running;
    std::map<OpKind, std::int64_t> syscallsByOp;
    std::map<std::string, std::int64_t> syscallsByName; ///< "mq_timedsend" -> n
    std::int64_t syscallsTotal = 0;
    std::int64_t messagesSent = 0;
    std::int64_t messagesReceived = 0;
    std::int64_t bytesCopied = 0;
    std::string lastCaption;
    int lastCaptionEvent = -1; ///< event index of lastCaption
    bool ended = false;
    Outcome outcome = Outcome::Completed; ///< valid when ended
    bool operator==(const SystemState&) const = default;
};

/// Apply one event (the trace supplies the tables the event indexes into).
void applyEvent(SystemState& state, const Trace& trace, const Event& event);
/// The state before any event.
SystemState initialState(const Trace& trace);

/// Random access to states of one trace. Snapshots every `interval` events make
/// at(k) cost at most `interval` applications, whatever k and whatever came before.
class StateCursor {
public:
    explicit StateCursor(std::shared_ptr<const Trace> trace, std::size_t interval = 256);
    const Trace& trace() const { return *m_trace; }
    /// State after the first k events, 0 <= k <= events.size().
    const SystemState& at(std::size_t k);
    std::size_t size() const { return m_trace->events.size(); }

private:
    std::shared_ptr<const Trace> m_trace;
    std::size_t m_interval;
    std::vector<SystemState> m_snapshots; ///< m_snapshots[i] = state at i * interval
    SystemState m_current;
};

} // namespace ipclab
