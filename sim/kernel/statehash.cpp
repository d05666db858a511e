// A canonical hash of a machine's state, for the explorer: two states with the same hash
// are treated as one (visited once). It covers everything that decides what can still
// happen, and leaves out what only labels the trace: the clock (unless an arrival is
// still due), message ids, the events so far.

#include "machine.h"

namespace ipclab {

namespace {

/// A streaming 64-bit hash: each word is mixed in with a multiply and a rotation (the
/// wyhash/murmur idea), cheap enough to run once per explored state.
class Hasher {
public:
    void add(std::uint64_t v) {
        m_h ^= v + 0x9E3779B97F4A7C15ULL + (m_h << 6) + (m_h >> 2);
        m_h *= 0xBF58476D1CE4E5B9ULL;
        m_h ^= m_h >> 31;
    }
    void add(const SimValue& v) {
        add(v.isInt ? static_cast<std::uint64_t>(v.num) : (std::uint64_t(1) << 63) ^ v.text);
    }
    void add(const Message& m) {
        add((static_cast<std::uint64_t>(m.sender) << 48) ^
            (static_cast<std::uint64_t>(m.dest) << 32) ^ m.text);
    }
    void add(const MessageQueue& q) {
        add(q.size());
        for (std::size_t i = 0; i < q.size(); ++i) {
            add(q.at(i));
        }
    }
    void add(const std::vector<int>& v) {
        add(v.size());
        for (const int x : v) {
            add(static_cast<std::uint64_t>(static_cast<std::uint32_t>(x)));
        }
    }
    std::uint64_t value() const { return m_h ^ (m_h >> 29); }

private:
    std::uint64_t m_h = 0x243F6A8885A308D3ULL;
};

} // namespace

std::uint64_t Machine::stateHash() const {
    Hasher h;
    h.add(m_stopped ? 1 + static_cast<std::uint64_t>(m_trace.outcome) : 0);
    h.add(m_nextArrival);
    if (m_nextArrival < m_arrivals.size()) {
        h.add(m_now); // a process yet to arrive makes the clock matter
    }
    for (const Pcb& p : m_procs) {
        h.add((static_cast<std::uint64_t>(p.state) << 56) ^
              (static_cast<std::uint64_t>(p.wait) << 48) ^
              (static_cast<std::uint64_t>(static_cast<std::uint32_t>(p.pc)) << 16) ^
              static_cast<std::uint64_t>(p.cpu + 1));
        if (p.state == ProcState::Terminated) {
            continue; // nothing of it matters any more but what observers read
        }
        h.add(p.busyLeft);
        for (const std::int64_t r : p.rounds) {
            h.add(static_cast<std::uint64_t>(r));
        }
        if (p.state == ProcState::Blocked) {
            h.add(static_cast<std::uint64_t>(static_cast<std::uint32_t>(p.waitIndex)));
            h.add(p.waitCost);
            h.add(p.pending);
        }
        for (const Attachment& a : p.attachments) {
            h.add((static_cast<std::uint64_t>(static_cast<std::uint32_t>(a.segment)) << 1) |
                  (a.writable ? 1 : 0));
        }
        h.add(p.segmentBySlot);
        h.add(p.links);
    }
    // Locals of every process, terminated ones too: `final(P, var)` observes them.
    for (const Pcb& p : m_procs) {
        for (const Local& l : p.locals) {
            h.add(l.isSet ? 1 : 0);
            h.add(l.value);
        }
    }
    h.add(m_mailboxBySlot);
    h.add(m_segmentBySlot);
    h.add(m_semaphoreBySlot);
    for (const Cpu& c : m_cpus) {
        h.add(static_cast<std::uint64_t>(c.proc + 1) ^ (c.chosen ? std::uint64_t(1) << 40 : 0));
        h.add(c.busyUntil > m_now ? c.busyUntil - m_now : 0);
    }
    for (const Mailbox& mb : m_mailboxes) {
        h.add(static_cast<std::uint64_t>(mb.live) ^ (mb.known << 1));
        h.add(mb.queue);
        h.add(mb.receivers.procs());
        h.add(mb.senders.procs());
    }
    for (const Link& l : m_links) {
        h.add(l.open ? 1 : 0);
        h.add(l.toA);
        h.add(l.toB);
    }
    for (const Segment& s : m_segments) {
        h.add(static_cast<std::uint64_t>(s.live) ^ (static_cast<std::uint64_t>(s.marked) << 1) ^
              (static_cast<std::uint64_t>(s.attachments) << 2));
        h.add(s.known);
        for (const SimValue& v : s.cells) {
            h.add(v);
        }
    }
    for (const Semaphore& s : m_semaphores) {
        h.add(static_cast<std::uint64_t>(s.value));
        h.add(s.known);
        h.add(s.waiters.procs());
    }
    return h.value();
}

} // namespace ipclab
