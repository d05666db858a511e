// The wait-for graph of a deadlocked run: who waits in which operation on what, and which
// processes alone could still release it (by what their remaining programs do).

#include "machine.h"

#include <algorithm>
#include <functional>

namespace ipclab {

bool Machine::mayStillDo(int q, OpKind op, PeerKind peer, int slot) const {
    const Pcb& pcb = m_procs[static_cast<std::size_t>(q)];
    if (pcb.state == ProcState::Terminated) {
        return false;
    }
    const auto& code = m_code.programs[static_cast<std::size_t>(q)];
    // Reachable: everything after pc, plus the whole body of every enclosing repeat that
    // has rounds left.
    int start = pcb.pc;
    for (int i = 0; i < pcb.pc; ++i) {
        const Instr& in = code[static_cast<std::size_t>(i)];
        if (in.step == Step::LoopBegin && pcb.pc < in.jump && pcb.rounds[in.depth] < in.n) {
            start = std::min(start, i + 1);
        }
    }
    for (std::size_t i = static_cast<std::size_t>(start); i < code.size(); ++i) {
        const Instr& in = code[i];
        if (in.step == Step::Op && in.op == op && in.peer == peer && in.slot == slot) {
            return true;
        }
    }
    return false;
}

std::vector<int> Machine::holders(int p) const {
    const Pcb& pcb = m_procs[static_cast<std::size_t>(p)];
    std::vector<int> out;
    auto any = [&](OpKind op, PeerKind peer, int slot) {
        for (std::size_t q = 0; q < m_procs.size(); ++q) {
            if (static_cast<int>(q) != p && mayStillDo(static_cast<int>(q), op, peer, slot)) {
                out.push_back(static_cast<int>(q));
            }
        }
    };
    switch (pcb.wait) {
    case WaitKind::MailboxReceive:
        any(OpKind::Send, PeerKind::Mailbox,
            m_mailboxes[static_cast<std::size_t>(pcb.waitIndex)].slot);
        break;
    case WaitKind::MailboxSend:
    case WaitKind::MailboxAck:
        any(OpKind::Receive, PeerKind::Mailbox,
            m_mailboxes[static_cast<std::size_t>(pcb.waitIndex)].slot);
        break;
    case WaitKind::LinkReceive: {
        const Link& link = m_links[static_cast<std::size_t>(pcb.waitIndex)];
        const int peer = link.a == p ? link.b : link.a;
        if (m_procs[static_cast<std::size_t>(peer)].state != ProcState::Terminated) {
            out.push_back(peer);
        }
        break;
    }
    case WaitKind::AnyReceive:
        any(OpKind::Send, PeerKind::Process, p);
        break;
    case WaitKind::SemWait: {
        int slot = -1;
        for (std::size_t s = 0; s < m_semaphoreBySlot.size(); ++s) {
            if (m_semaphoreBySlot[s] == pcb.waitIndex) {
                slot = static_cast<int>(s);
            }
        }
        any(OpKind::SemPost, PeerKind::None, slot);
        break;
    }
    case WaitKind::None:
        break;
    }
    return out;
}

std::vector<WaitEdge> Machine::waitForCycle() const {
    const int n = static_cast<int>(m_procs.size());
    std::vector<std::vector<int>> edges(static_cast<std::size_t>(n));
    auto blocked = [&](int p) {
        return m_procs[static_cast<std::size_t>(p)].state == ProcState::Blocked;
    };
    for (int p = 0; p < n; ++p) {
        if (blocked(p)) {
            edges[static_cast<std::size_t>(p)] = holders(p);
        }
    }
    auto edgeOf = [&](int p, int holder) {
        const Pcb& pcb = m_procs[static_cast<std::size_t>(p)];
        return WaitEdge{p, pcb.waitOp, pcb.waitObject, holder};
    };
    // Depth-first search for a cycle among blocked processes, in index order, so the
    // same deadlock always yields the same cycle.
    std::vector<int> path;
    std::vector<char> done(static_cast<std::size_t>(n), 0);
    std::vector<WaitEdge> cycle;
    std::function<bool(int)> visit = [&](int p) {
        auto onPath = std::find(path.begin(), path.end(), p);
        if (onPath != path.end()) {
            for (auto it = onPath; it != path.end(); ++it) {
                const int holder = (it + 1 == path.end()) ? p : *(it + 1);
                cycle.push_back(edgeOf(*it, holder));
            }
            return true;
        }
        if (done[static_cast<std::size_t>(p)] != 0) {
            return false;
        }
        path.push_back(p);
        for (int h : edges[static_cast<std::size_t>(p)]) {
            if (blocked(h) && visit(h)) {
                return true;
            }
        }
        path.pop_back();
        done[static_cast<std::size_t>(p)] = 1;
        return false;
    };
    for (int p = 0; p < n; ++p) {
        if (blocked(p) && visit(p)) {
            // Start the cycle at its smallest process.
            auto first = std::min_element(
                cycle.begin(), cycle.end(),
                [](const WaitEdge& a, const WaitEdge& b) { return a.proc < b.proc; });
            std::rotate(cycle.begin(), first, cycle.end());
            return cycle;
        }
    }
    // No cycle: everyone blocked waits for something nobody (or nobody blocked) will do.
    for (int p = 0; p < n; ++p) {
        if (blocked(p)) {
            const auto& h = edges[static_cast<std::size_t>(p)];
            cycle.push_back(edgeOf(p, h.empty() ? -1 : h.front()));
        }
    }
    return cycle;
}

} // namespace ipclab
