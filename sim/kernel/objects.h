#pragma once
// The kernel's IPC objects at run time: mailboxes, direct links, shared segments and
// semaphores. Each knows its index in Trace::objects; the trace's ObjectInfo keeps the
// names, these keep the live state.

#include "event.h"
#include "simvalue.h"

#include <cstdint>
#include <vector>

namespace ipclab {

/// One message held by the kernel.
struct Message {
    std::int32_t id = 0;
    std::uint16_t sender = 0;
    std::uint16_t dest = 0; ///< links: the receiving end
    StringId text = kNoString;
};

/// FIFO of messages on a ring buffer that only grows, so steady traffic never allocates.
/// Invariant: m_count <= m_buf.size(); the oldest message is at m_head.
class MessageQueue {
public:
    bool empty() const { return m_count == 0; }
    std::size_t size() const { return m_count; }
    const Message& front() const { return m_buf[m_head]; }
    /// The i-th oldest message (i < size()).
    const Message& at(std::size_t i) const { return m_buf[(m_head + i) % m_buf.size()]; }
    void push(const Message& m);
    Message pop();
    void clear() {
        m_head = 0;
        m_count = 0;
    }

private:
    std::vector<Message> m_buf;
    std::size_t m_head = 0;
    std::size_t m_count = 0;
};

/// Processes waiting on one object, first come first served (at most 64 of them).
class WaitQueue {
public:
    bool empty() const { return m_procs.empty(); }
    void push(int proc) { m_procs.push_back(proc); }
    int pop() {
        const int p = m_procs.front();
        m_procs.erase(m_procs.begin());
        return p;
    }
    void remove(int proc);
    const std::vector<int>& procs() const { return m_procs; }

private:
    std::vector<int> m_procs;
};

/// An indirect-communication port. Invariant: when live, queue.size() <= capacity
/// for a bounded mailbox (rendezvous messages wait with their blocked senders).
struct Mailbox {
    int object = -1;
    int slot = -1;
    std::int64_t capacity = 0; ///< 0 rendezvous, N bounded, kUnbounded
    bool live = true;
    bool ownedByProcess = false;
    int creator = -1;
    std::uint64_t known = 0; ///< processes that opened it (bit per process)
    MessageQueue queue;
    WaitQueue receivers;
    WaitQueue senders; ///< blocked on a full bounded mailbox, or waiting for an ack
};

/// A direct link between two processes (a socketpair). Invariant: a < b is not required;
/// `a` opened it.
struct Link {
    int object = -1;
    int a = -1;
    int b = -1;
    bool open = true;
    MessageQueue toA;
    MessageQueue toB;
    MessageQueue& toward(int proc) { return proc == a ? toA : toB; }
    std::size_t held() const { return toA.size() + toB.size(); }
};

/// A System V shared segment. Invariant: cells has one entry per cell slot of its name.
struct Segment {
    int object = -1;
    int slot = -1;
    std::int64_t size = 0;
    int mode = 0600;
    int creator = -1;
    int creatorUid = 0;
    std::int32_t shmId = 0;
    bool live = true;
    bool marked = false;
    int attachments = 0;
    std::uint64_t known = 0;
    /// The cells of the name's fixed offsets (CompiledScenario::cellOffsets), then one per
    /// computed offset first used at run time (`dynOffsets`, in order of first use).
    std::vector<SimValue> cells;
    std::vector<std::int64_t> dynOffsets;
};

/// A System V semaphore (one counter). Invariant: waiters is empty unless value == 0.
struct Semaphore {
    int object = -1;
    std::int64_t value = 0;
    std::uint64_t known = 0;
    WaitQueue waiters;
};

} // namespace ipclab
