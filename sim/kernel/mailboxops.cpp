// Indirect communication: mailboxes as POSIX message queues. A rendezvous mailbox is a
// data queue plus an acknowledgement queue, so it costs twice the opens and unlinks.

#include "machine.h"

#include <algorithm>

namespace ipclab {

namespace {
std::int32_t clamp32(std::int64_t v) {
    return static_cast<std::int32_t>(std::clamp<std::int64_t>(v, INT32_MIN, INT32_MAX));
}
} // namespace

Machine::Exec Machine::mailboxCreate(int p, const Instr& in) {
    const std::uint64_t bit = std::uint64_t(1) << p;
    const int existing = m_mailboxBySlot[static_cast<std::size_t>(in.slot)];
    if (existing >= 0 && m_mailboxes[static_cast<std::size_t>(existing)].live) {
        // mq_open(O_CREAT) of a queue that exists opens it.
        Mailbox& mb = m_mailboxes[static_cast<std::size_t>(existing)];
        sys(p, in, m_names.mqOpen, mb.object, CallResult::Ok);
        if (mb.capacity == 0) {
            sys(p, in, m_names.mqOpen, mb.object, CallResult::Ok);
        }
        mb.known |= bit;
        return Exec::Next;
    }
    if (!roomForObject(p, in, m_names.mqOpen)) {
        return Exec::Next;
    }
    ObjectInfo info;
    info.kind = ObjectKind::Mailbox;
    info.name = in.src->object;
    info.capacity = in.src->capacity;
    const int object = m_trace.addObject(std::move(info));
    Mailbox mb;
    mb.object = object;
    mb.slot = in.slot;
    mb.capacity = in.src->capacity;
    mb.ownedByProcess = in.src->ownedByProcess;
    mb.creator = p;
    mb.known = bit;
    m_mailboxes.push_back(std::move(mb));
    m_mailboxBySlot[static_cast<std::size_t>(in.slot)] = static_cast<int>(m_mailboxes.size() - 1);
    sys(p, in, m_names.mqOpen, object, CallResult::Ok);
    if (in.src->capacity == 0) {
        sys(p, in, m_names.mqOpen, object, CallResult::Ok);
    }
    emit(EventKind::ObjCreated, p, in.op, in.line, object, clamp32(in.src->capacity), 0, kNoString);
    return Exec::Next;
}

void Machine::destroyMailbox(int index, int p, OpKind op, std::uint16_t line) {
    Mailbox& mb = m_mailboxes[static_cast<std::size_t>(index)];
    mb.live = false;
    mb.queue.clear();
    emit(EventKind::ObjDeleted, p, op, line, mb.object, 0, 0, kNoString);
    // Everyone waiting on it learns that it is gone.
    while (!mb.receivers.empty()) {
        const int r = mb.receivers.pop();
        sysFor(r, m_names.mqReceive, mb.object, CallResult::NoSuchObject, 0, kFlagCompletes);
        wake(r);
    }
    while (!mb.senders.empty()) {
        const int s = mb.senders.pop();
        const bool ack = m_procs[static_cast<std::size_t>(s)].wait == WaitKind::MailboxAck;
        sysFor(s, ack ? m_names.mqReceive : m_names.mqSend, mb.object, CallResult::NoSuchObject, 0,
               kFlagCompletes);
        wake(s);
    }
}

Machine::Exec Machine::mailboxDelete(int p, const Instr& in) {
    const int index = m_mailboxBySlot[static_cast<std::size_t>(in.slot)];
    if (index < 0 || !m_mailboxes[static_cast<std::size_t>(index)].live) {
        // mq_unlink takes a name: no open needed, ENOENT when there is none.
        sys(p, in, m_names.mqUnlink,
            index < 0 ? -1 : m_mailboxes[static_cast<std::size_t>(index)].object,
            CallResult::NoSuchObject);
        return Exec::Next;
    }
    Mailbox& mb = m_mailboxes[static_cast<std::size_t>(index)];
    sys(p, in, m_names.mqUnlink, mb.object, CallResult::Ok);
    if (mb.capacity == 0) {
        sys(p, in, m_names.mqUnlink, mb.object, CallResult::Ok);
    }
    destroyMailbox(index, p, in.op, in.line);
    return Exec::Next;
}

int Machine::openMailbox(int p, const Instr& in, StringId call) {
    const int index = m_mailboxBySlot[static_cast<std::size_t>(in.slot)];
    if (index < 0) {
        sys(p, in, m_names.mqOpen, -1, CallResult::NoSuchObject);
        return -1;
    }
    Mailbox& mb = m_mailboxes[static_cast<std::size_t>(index)];
    const std::uint64_t bit = std::uint64_t(1) << p;
    if ((mb.known & bit) == 0) {
        // The first use by a process that did not create it opens it (once).
        if (!mb.live) {
            sys(p, in, m_names.mqOpen, mb.object, CallResult::NoSuchObject);
            return -1;
        }
        sys(p, in, m_names.mqOpen, mb.object, CallResult::Ok);
        if (mb.capacity == 0) {
            sys(p, in, m_names.mqOpen, mb.object, CallResult::Ok);
        }
        mb.known |= bit;
    }
    if (!mb.live) {
        sys(p, in, call, mb.object, CallResult::NoSuchObject);
        return -1;
    }
    return index;
}

void Machine::giveToReceiver(Mailbox& mb, const Message& m) {
    const int r = mb.receivers.pop();
    const Pcb& rp = m_procs[static_cast<std::size_t>(r)];
    const auto bytes = static_cast<std::int32_t>(m_pool.length(m.text));
    sysFor(r, m_names.mqReceive, mb.object, CallResult::Ok, bytes, kFlagCompletes);
    received(r, rp.waitOp, rp.waitLine, mb.object, m, rp.waitInto);
    if (mb.capacity == 0) {
        sysFor(r, m_names.mqSend, mb.object, CallResult::Ok, 0, 0); // the acknowledgement
    }
    wake(r);
}

Machine::Exec Machine::mailboxSend(int p, const Instr& in) {
    const int index = openMailbox(p, in, m_names.mqSend);
    if (index < 0) {
        return Exec::Next;
    }
    Mailbox& mb = m_mailboxes[static_cast<std::size_t>(index)];
    Message m;
    m.id = m_nextMessage;
    m.sender = static_cast<std::uint16_t>(p);
    m.text = textOf(expand(p, in), m_pool);
    const auto bytes = static_cast<std::int32_t>(m_pool.length(m.text));
    const bool waitingReceiver = !mb.receivers.empty();
    if (mb.capacity == 0) {
        if (!waitingReceiver && !in.blocking) {
            sys(p, in, m_names.mqSend, mb.object, CallResult::WouldBlock);
            return Exec::Next;
        }
        ++m_nextMessage;
        sys(p, in, m_names.mqSend, mb.object, CallResult::Ok, bytes);
        mb.queue.push(m);
        emit(EventKind::MsgSent, p, in.op, in.line, mb.object, m.id,
             clamp32(static_cast<std::int64_t>(mb.queue.size())), m.text);
        if (waitingReceiver) {
            mb.queue.pop();
            giveToReceiver(mb, m);
            sys(p, in, m_names.mqReceive, mb.object, CallResult::Ok); // the ack is there
            return Exec::Next;
        }
        sys(p, in, m_names.mqReceive, mb.object, CallResult::Ok, 0, kFlagBlocking);
        m_procs[static_cast<std::size_t>(p)].pending = m;
        mb.senders.push(p);
        block(p, in, WaitKind::MailboxAck, index, mb.object);
        return Exec::Blocked;
    }
    const bool full = mb.capacity > 0 && static_cast<std::int64_t>(mb.queue.size()) >= mb.capacity;
    if (full && !in.blocking) {
        sys(p, in, m_names.mqSend, mb.object, CallResult::WouldBlock);
        return Exec::Next;
    }
    ++m_nextMessage;
    if (full) {
        sys(p, in, m_names.mqSend, mb.object, CallResult::Ok, 0, kFlagBlocking);
        m_procs[static_cast<std::size_t>(p)].pending = m;
        mb.senders.push(p);
        block(p, in, WaitKind::MailboxSend, index, mb.object);
        return Exec::Blocked;
    }
    sys(p, in, m_names.mqSend, mb.object, CallResult::Ok, bytes);
    mb.queue.push(m);
    emit(EventKind::MsgSent, p, in.op, in.line, mb.object, m.id,
         clamp32(static_cast<std::int64_t>(mb.queue.size())), m.text);
    if (waitingReceiver) {
        giveToReceiver(mb, mb.queue.pop());
    }
    return Exec::Next;
}

Machine::Exec Machine::mailboxReceive(int p, const Instr& in) {
    const int index = openMailbox(p, in, m_names.mqReceive);
    if (index < 0) {
        return Exec::Next;
    }
    Mailbox& mb = m_mailboxes[static_cast<std::size_t>(index)];
    if (mb.queue.empty()) {
        if (!in.blocking) {
            sys(p, in, m_names.mqReceive, mb.object, CallResult::WouldBlock);
            return Exec::Next;
        }
        sys(p, in, m_names.mqReceive, mb.object, CallResult::Ok, 0, kFlagBlocking);
        mb.receivers.push(p);
        block(p, in, WaitKind::MailboxReceive, index, mb.object);
        return Exec::Blocked;
    }
    const Message m = mb.queue.pop();
    sys(p, in, m_names.mqReceive, mb.object, CallResult::Ok,
        static_cast<std::int32_t>(m_pool.length(m.text)));
    received(p, in.op, in.line, mb.object, m, in.into);
    if (mb.capacity == 0) {
        sys(p, in, m_names.mqSend, mb.object, CallResult::Ok); // the acknowledgement
        for (int s : mb.senders.procs()) {
            if (m_procs[static_cast<std::size_t>(s)].pending.id == m.id) {
                mb.senders.remove(s);
                sysFor(s, m_names.mqReceive, mb.object, CallResult::Ok, 0, kFlagCompletes);
                wake(s);
                break;
            }
        }
    } else if (!mb.senders.empty()) {
        // A slot came free: the first blocked sender's message goes in now.
        const int s = mb.senders.pop();
        const Message& pending = m_procs[static_cast<std::size_t>(s)].pending;
        sysFor(s, m_names.mqSend, mb.object, CallResult::Ok,
               static_cast<std::int32_t>(m_pool.length(pending.text)), kFlagCompletes);
        mb.queue.push(pending);
        const Pcb& sp = m_procs[static_cast<std::size_t>(s)];
        emit(EventKind::MsgSent, s, sp.waitOp, sp.waitLine, mb.object, pending.id,
             clamp32(static_cast<std::int64_t>(mb.queue.size())), pending.text);
        wake(s);
    }
    return Exec::Next;
}

} // namespace ipclab
