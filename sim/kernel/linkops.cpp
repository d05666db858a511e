// Direct communication: one link (an AF_UNIX SOCK_SEQPACKET socketpair) per pair of
// processes, opened by `connect` or by the first send/receive between them.

#include "machine.h"

#include <algorithm>

namespace ipclab {

int Machine::newLink(int p, int peer, const Instr& in) {
    if (!roomForObject(p, in, m_names.socketpair)) {
        return -1;
    }
    ObjectInfo info;
    info.kind = ObjectKind::Link;
    info.name = m_trace.processNames[static_cast<std::size_t>(p)] + "<->" +
                m_trace.processNames[static_cast<std::size_t>(peer)];
    info.endA = p;
    info.endB = peer;
    info.capacity = kUnbounded;
    const int object = m_trace.addObject(std::move(info));
    Link link;
    link.object = object;
    link.a = p;
    link.b = peer;
    m_links.push_back(std::move(link));
    const int index = static_cast<int>(m_links.size() - 1);
    const std::size_t n = m_procs.size();
    m_linkByPair[static_cast<std::size_t>(p) * n + static_cast<std::size_t>(peer)] = index;
    m_linkByPair[static_cast<std::size_t>(peer) * n + static_cast<std::size_t>(p)] = index;
    m_procs[static_cast<std::size_t>(p)].links.push_back(index);
    m_procs[static_cast<std::size_t>(peer)].links.push_back(index);
    sys(p, in, m_names.socketpair, object, CallResult::Ok);
    emit(EventKind::ObjCreated, p, in.op, in.line, object, static_cast<std::int32_t>(kUnbounded),
         peer, kNoString);
    return index;
}

int Machine::linkFor(int p, int peer, const Instr& in) {
    const std::size_t n = m_procs.size();
    const int index =
        m_linkByPair[static_cast<std::size_t>(p) * n + static_cast<std::size_t>(peer)];
    return index >= 0 ? index : newLink(p, peer, in);
}

void Machine::closeLink(int index, int p, OpKind op, std::uint16_t line) {
    Link& link = m_links[static_cast<std::size_t>(index)];
    link.open = false;
    emit(EventKind::ObjDeleted, p, op, line, link.object, 0, 0, kNoString);
    // A receiver waiting on this link, with nothing left to read, gets end-of-file; one
    // waiting on all its links gets it when none of them is open any more.
    for (int end : {link.a, link.b}) {
        const Pcb& w = m_procs[static_cast<std::size_t>(end)];
        if (w.state != ProcState::Blocked || !link.toward(end).empty()) {
            continue;
        }
        if (w.wait == WaitKind::LinkReceive && w.waitIndex == index) {
            sysFor(end, m_names.recvfrom, link.object, CallResult::LinkClosed, 0, kFlagCompletes);
            wake(end);
        } else if (w.wait == WaitKind::AnyReceive &&
                   std::none_of(w.links.begin(), w.links.end(),
                                [&](int l) { return m_links[static_cast<std::size_t>(l)].open; })) {
            sysFor(end, m_names.ppoll, -1, CallResult::Ok, 0, kFlagCompletes);
            sysFor(end, m_names.recvfrom, link.object, CallResult::LinkClosed, 0, 0);
            wake(end);
        }
    }
}

Machine::Exec Machine::connect(int p, const Instr& in) {
    if (in.slot < 0 || in.slot == p) {
        sys(p, in, m_names.socketpair, -1, CallResult::Error);
        return Exec::Next;
    }
    const std::size_t n = m_procs.size();
    const int index =
        m_linkByPair[static_cast<std::size_t>(p) * n + static_cast<std::size_t>(in.slot)];
    if (index < 0 || !m_links[static_cast<std::size_t>(index)].open) {
        newLink(p, in.slot, in); // a link that was shut down is replaced by a new one
    }
    return Exec::Next;
}

Machine::Exec Machine::disconnect(int p, const Instr& in) {
    const std::size_t n = m_procs.size();
    const int index =
        in.slot < 0 || in.slot == p
            ? -1
            : m_linkByPair[static_cast<std::size_t>(p) * n + static_cast<std::size_t>(in.slot)];
    if (index < 0 || !m_links[static_cast<std::size_t>(index)].open) {
        sys(p, in, m_names.shutdown,
            index < 0 ? -1 : m_links[static_cast<std::size_t>(index)].object,
            CallResult::NoSuchObject);
        return Exec::Next;
    }
    sys(p, in, m_names.shutdown, m_links[static_cast<std::size_t>(index)].object, CallResult::Ok);
    closeLink(index, p, in.op, in.line);
    return Exec::Next;
}

Machine::Exec Machine::linkSend(int p, const Instr& in) {
    if (in.slot < 0 || in.slot == p) {
        sys(p, in, m_names.sendto, -1, CallResult::Error);
        return Exec::Next;
    }
    const int index = linkFor(p, in.slot, in);
    if (index < 0) {
        return Exec::Next;
    }
    Link& link = m_links[static_cast<std::size_t>(index)];
    if (!link.open) {
        sys(p, in, m_names.sendto, link.object, CallResult::LinkClosed);
        return Exec::Next;
    }
    Message m;
    m.id = m_nextMessage++;
    m.sender = static_cast<std::uint16_t>(p);
    m.dest = static_cast<std::uint16_t>(in.slot);
    m.text = textOf(expand(p, in), m_pool);
    const auto bytes = static_cast<std::int32_t>(m_pool.length(m.text));
    sys(p, in, m_names.sendto, link.object, CallResult::Ok, bytes);
    link.toward(in.slot).push(m);
    emit(EventKind::MsgSent, p, in.op, in.line, link.object, m.id,
         static_cast<std::int32_t>(link.held()), m.text);
    const Pcb& r = m_procs[static_cast<std::size_t>(in.slot)];
    if (r.state != ProcState::Blocked) {
        return Exec::Next;
    }
    if (r.wait == WaitKind::LinkReceive && r.waitIndex == index) {
        link.toward(in.slot).pop();
        sysFor(in.slot, m_names.recvfrom, link.object, CallResult::Ok, bytes, kFlagCompletes);
        received(in.slot, r.waitOp, r.waitLine, link.object, m, r.waitInto);
        wake(in.slot);
    } else if (r.wait == WaitKind::AnyReceive) {
        link.toward(in.slot).pop();
        sysFor(in.slot, m_names.ppoll, -1, CallResult::Ok, 0, kFlagCompletes);
        sysFor(in.slot, m_names.recvfrom, link.object, CallResult::Ok, bytes, 0);
        received(in.slot, r.waitOp, r.waitLine, link.object, m, r.waitInto);
        wake(in.slot);
    }
    return Exec::Next;
}

Machine::Exec Machine::linkReceive(int p, const Instr& in) {
    if (in.slot < 0 || in.slot == p) {
        sys(p, in, m_names.recvfrom, -1, CallResult::Error);
        return Exec::Next;
    }
    const int index = linkFor(p, in.slot, in);
    if (index < 0) {
        return Exec::Next;
    }
    Link& link = m_links[static_cast<std::size_t>(index)];
    MessageQueue& q = link.toward(p);
    if (!q.empty()) {
        const Message m = q.pop();
        sys(p, in, m_names.recvfrom, link.object, CallResult::Ok,
            static_cast<std::int32_t>(m_pool.length(m.text)));
        received(p, in.op, in.line, link.object, m, in.into);
        return Exec::Next;
    }
    if (!link.open) {
        sys(p, in, m_names.recvfrom, link.object, CallResult::LinkClosed);
        return Exec::Next;
    }
    if (!in.blocking) {
        sys(p, in, m_names.recvfrom, link.object, CallResult::WouldBlock);
        return Exec::Next;
    }
    sys(p, in, m_names.recvfrom, link.object, CallResult::Ok, 0, kFlagBlocking);
    block(p, in, WaitKind::LinkReceive, index, link.object);
    return Exec::Blocked;
}

Machine::Exec Machine::anyReceive(int p, const Instr& in) {
    const Pcb& pcb = m_procs[static_cast<std::size_t>(p)];
    int best = -1;
    bool anyOpen = false;
    for (int l : pcb.links) {
        Link& link = m_links[static_cast<std::size_t>(l)];
        anyOpen = anyOpen || link.open;
        const MessageQueue& q = link.toward(p);
        if (!q.empty() &&
            (best < 0 ||
             q.front().id < m_links[static_cast<std::size_t>(best)].toward(p).front().id)) {
            best = l;
        }
    }
    if (best >= 0) {
        Link& link = m_links[static_cast<std::size_t>(best)];
        const Message m = link.toward(p).pop();
        sys(p, in, m_names.ppoll, -1, CallResult::Ok);
        sys(p, in, m_names.recvfrom, link.object, CallResult::Ok,
            static_cast<std::int32_t>(m_pool.length(m.text)));
        received(p, in.op, in.line, link.object, m, in.into);
        return Exec::Next;
    }
    if (!pcb.links.empty() && !anyOpen) {
        sys(p, in, m_names.ppoll, -1, CallResult::Ok);
        sys(p, in, m_names.recvfrom, m_links[static_cast<std::size_t>(pcb.links.back())].object,
            CallResult::LinkClosed);
        return Exec::Next;
    }
    if (!in.blocking) {
        sys(p, in, m_names.ppoll, -1, CallResult::WouldBlock);
        return Exec::Next;
    }
    sys(p, in, m_names.ppoll, -1, CallResult::Ok, 0, kFlagBlocking);
    block(p, in, WaitKind::AnyReceive, -1, -1);
    return Exec::Blocked;
}

} // namespace ipclab
