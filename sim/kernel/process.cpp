// Process life cycle, event emission and the dispatch of one operation.

#include "machine.h"
#include "value.h"

#include <algorithm>

namespace ipclab {

void Machine::emit(EventKind kind, int p, OpKind op, std::uint16_t line, int object, std::int32_t a,
                   std::int32_t b, StringId text, std::uint8_t flags) {
    ++m_eventCount;
    if (!m_record) {
        return;
    }
    Event e;
    e.time = m_now;
    e.kind = kind;
    e.op = op;
    e.flags = flags;
    if (p >= 0) {
        e.proc = static_cast<std::uint16_t>(p);
        const int cpu = m_procs[static_cast<std::size_t>(p)].cpu;
        e.cpu = cpu >= 0 ? static_cast<std::uint8_t>(cpu) : kNoCpu;
    }
    e.object = object >= 0 ? static_cast<std::uint16_t>(object) : kNoObject;
    e.line = line;
    e.a = a;
    e.b = b;
    e.text = text;
    m_trace.events.push_back(e);
}

void Machine::sys(int p, const Instr& in, StringId name, int object, CallResult r,
                  std::int32_t bytes, std::uint8_t flags) {
    ++m_opSyscalls;
    m_lastResult = r;
    emit(EventKind::Syscall, p, in.op, in.line, object, bytes, static_cast<std::int32_t>(r), name,
         flags);
}

void Machine::sysFor(int p, StringId name, int object, CallResult r, std::int32_t bytes,
                     std::uint8_t flags) {
    Pcb& pcb = m_procs[static_cast<std::size_t>(p)];
    if ((flags & kFlagCompletes) == 0) {
        // A call the process makes right after waking (the ack, the recvfrom after
        // ppoll) costs its CPU time when the process runs again.
        pcb.waitCost += static_cast<std::uint64_t>(std::max(m_scenario.kernel.syscallCost, 0));
    }
    emit(EventKind::Syscall, p, pcb.waitOp, pcb.waitLine, object, bytes,
         static_cast<std::int32_t>(r), name, flags);
}

void Machine::received(int p, OpKind op, std::uint16_t line, int object, const Message& m,
                       int into) {
    emit(EventKind::MsgReceived, p, op, line, object, m.id, m.sender, m.text);
    if (into >= 0) {
        setVar(p, op, line, into, SimValue::string(m.text));
    }
}

void Machine::setVar(int p, OpKind op, std::uint16_t line, int var, const SimValue& v) {
    Local& l = m_procs[static_cast<std::size_t>(p)].locals[static_cast<std::size_t>(var)];
    l.isSet = true;
    l.value = v;
    emit(EventKind::VarSet, p, op, line, kNoObject, 0,
         static_cast<std::int32_t>(m_varNames[static_cast<std::size_t>(var)]), textOf(v, m_pool));
}

std::int64_t Machine::round(int p, const Instr& in) const {
    return in.depth == 0 ? 0 : m_procs[static_cast<std::size_t>(p)].rounds[in.depth - 1];
}

Machine::Exec Machine::valueTooLong(int p, const Instr& in) {
    // The process dies, as one that ran out of memory would; the run goes on.
    emit(EventKind::Caption, p, in.op, in.line, -1, 0, static_cast<std::int32_t>(CallResult::Error),
         m_pool.intern("value longer than " + std::to_string(kMaxValueLength) +
                       " bytes: the process is terminated"));
    terminate(p);
    return Exec::Ended;
}

SimValue Machine::expand(int p, const Instr& in) {
    return m_expander.expand(m_code.templates[static_cast<std::size_t>(in.tmpl)], round(p, in),
                             m_procs[static_cast<std::size_t>(p)].locals.data(), m_pool);
}

std::uint64_t Machine::opCost(const Instr& in, int syscalls) const {
    switch (in.op) {
    case OpKind::Compute:
        return static_cast<std::uint64_t>(std::max<std::int64_t>(in.n, 0));
    case OpKind::Read:
    case OpKind::Write:
    case OpKind::Set:
    case OpKind::Add:
    case OpKind::While:
    case OpKind::If:
        return 1; // an instruction or two: one tick, so that a quantum can end between them
    case OpKind::Say:
    case OpKind::Ask:
    case OpKind::Repeat:
        return 0;
    default:
        return static_cast<std::uint64_t>(syscalls) *
               static_cast<std::uint64_t>(std::max(m_scenario.kernel.syscallCost, 0));
    }
}

bool Machine::roomForObject(int p, const Instr& in, StringId call) {
    if (m_trace.objects.size() < kNoObject) {
        return true;
    }
    if (m_trace.notes.empty() || m_trace.notes.back().rfind("object table full", 0) != 0) {
        m_trace.notes.push_back("object table full (" + std::to_string(kNoObject) +
                                " objects): later creations failed");
    }
    sys(p, in, call, -1, CallResult::Error);
    return false;
}

const Instr& Machine::current(int p) const {
    const Pcb& pcb = m_procs[static_cast<std::size_t>(p)];
    const auto& code = m_code.programs[static_cast<std::size_t>(p)];
    const int at = pcb.busyLeft > 0 && pcb.pc > 0 ? pcb.pc - 1 : pcb.pc;
    return code[static_cast<std::size_t>(at)];
}

void Machine::setReady(int p) {
    Pcb& pcb = m_procs[static_cast<std::size_t>(p)];
    pcb.state = ProcState::Ready;
    const Instr& at = current(p);
    emit(EventKind::State, p, at.op, at.line, kNoObject,
         static_cast<std::int32_t>(ProcState::Ready), 0, kNoString);
    m_scheduler.add(p);
}

void Machine::block(int p, const Instr& in, WaitKind kind, int index, int object) {
    Pcb& pcb = m_procs[static_cast<std::size_t>(p)];
    pcb.wait = kind;
    pcb.waitIndex = index;
    pcb.waitObject = object;
    pcb.waitOp = in.op;
    pcb.waitLine = in.line;
    pcb.waitInto = in.into;
    pcb.waitCost = opCost(in, m_opSyscalls);
    pcb.state = ProcState::Blocked;
    emit(EventKind::State, p, in.op, in.line, object, static_cast<std::int32_t>(ProcState::Blocked),
         0, kNoString);
    m_cpus[static_cast<std::size_t>(pcb.cpu)].proc = -1;
    pcb.cpu = -1;
}

void Machine::wake(int p) {
    Pcb& pcb = m_procs[static_cast<std::size_t>(p)];
    pcb.wait = WaitKind::None;
    pcb.busyLeft = pcb.waitCost;
    pcb.cpuUsed += pcb.waitCost;
    pcb.waitCost = 0;
    setReady(p);
}

void Machine::terminate(int p) {
    Pcb& pcb = m_procs[static_cast<std::size_t>(p)];
    // Exit releases what the process held, as exit() does: mappings, its socket ends,
    // the mailboxes it owns. None of that is a syscall of the program.
    while (!pcb.attachments.empty()) {
        detach(p, pcb.attachments.size() - 1, OpKind::ShmDetach, 0);
    }
    for (int l : pcb.links) {
        if (m_links[static_cast<std::size_t>(l)].open) {
            closeLink(l, p, OpKind::Disconnect, 0);
        }
    }
    for (std::size_t m = 0; m < m_mailboxes.size(); ++m) {
        if (m_mailboxes[m].live && m_mailboxes[m].ownedByProcess && m_mailboxes[m].creator == p) {
            destroyMailbox(static_cast<int>(m), p, OpKind::MailboxDelete, 0);
        }
    }
    pcb.state = ProcState::Terminated;
    emit(EventKind::State, p, OpKind::Compute, 0, kNoObject,
         static_cast<std::int32_t>(ProcState::Terminated), 0, kNoString);
    if (pcb.cpu >= 0) {
        m_cpus[static_cast<std::size_t>(pcb.cpu)].proc = -1;
        pcb.cpu = -1;
    }
}

Machine::Exec Machine::execute(int p, const Instr& in) {
    switch (in.op) {
    case OpKind::Compute:
        emit(EventKind::Compute, p, in.op, in.line, kNoObject,
             static_cast<std::int32_t>(std::min<std::int64_t>(in.n, INT32_MAX)), 0, kNoString);
        return Exec::Next;
    case OpKind::Send:
        if (in.peer == PeerKind::Mailbox) {
            return mailboxSend(p, in);
        }
        return linkSend(p, in);
    case OpKind::Receive:
        if (in.peer == PeerKind::Mailbox) {
            return mailboxReceive(p, in);
        }
        return in.peer == PeerKind::Any ? anyReceive(p, in) : linkReceive(p, in);
    case OpKind::Connect:
        return connect(p, in);
    case OpKind::Disconnect:
        return disconnect(p, in);
    case OpKind::MailboxCreate:
        return mailboxCreate(p, in);
    case OpKind::MailboxDelete:
        return mailboxDelete(p, in);
    case OpKind::ShmCreate:
        return shmCreate(p, in);
    case OpKind::ShmAttach:
        return shmAttach(p, in);
    case OpKind::ShmDetach:
        return shmDetach(p, in);
    case OpKind::ShmRemove:
        return shmRemove(p, in);
    case OpKind::Read:
        return shmRead(p, in);
    case OpKind::Write:
        return shmWrite(p, in);
    case OpKind::SemCreate:
        return semCreate(p, in);
    case OpKind::SemWait:
        return semWait(p, in);
    case OpKind::SemPost:
        return semPost(p, in);
    case OpKind::Set: {
        const SimValue v = expand(p, in);
        if (!v.isInt && m_pool.view(v.text).size() > static_cast<std::size_t>(kMaxValueLength)) {
            return valueTooLong(p, in);
        }
        setVar(p, in.op, in.line, in.slot, v);
        return Exec::Next;
    }
    case OpKind::Add: {
        const Local& l =
            m_procs[static_cast<std::size_t>(p)].locals[static_cast<std::size_t>(in.slot)];
        // As in real mode: an increment that is not a number counts as 1, a variable
        // that holds no number as 0.
        std::int64_t current = 0;
        std::int64_t step = 1;
        if (l.isSet) {
            integerOf(l.value, m_pool, current);
        }
        integerOf(expand(p, in), m_pool, step);
        setVar(p, in.op, in.line, in.slot, SimValue::integer(current + step));
        return Exec::Next;
    }
    case OpKind::Say:
        emit(EventKind::Caption, p, in.op, in.line, kNoObject, 0, 0, textOf(expand(p, in), m_pool));
        return Exec::Next;
    case OpKind::Ask:
        // A Caption whose op is Ask: the window stops playback here and asks.
        emit(EventKind::Caption, p, in.op, in.line, kNoObject, 0, 0, m_pool.intern(in.src->text));
        return Exec::Next;
    case OpKind::While:
    case OpKind::If:
        return condition(p, in);
    case OpKind::Repeat:
        return beginRepeat(p, in);
    }
    return Exec::Next;
}

} // namespace ipclab
