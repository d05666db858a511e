#include "real_child.h"

#include "busy_loop.h"
#include "expression.h"
#include "real_limits.h"

#include <cerrno>
#include <cstring>
#include <sched.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

namespace ipclab::real {

namespace {

CallResult resultOf(int err) {
    switch (err) {
    case 0:
        return CallResult::Ok;
    case EAGAIN:
    case ETIMEDOUT:
        return CallResult::WouldBlock;
    case EACCES:
    case EPERM:
        return CallResult::PermissionDenied;
    case ENOENT:
    case EINVAL:
    case EIDRM:
    case EBADF:
        return CallResult::NoSuchObject;
    case EPIPE:
    case ECONNRESET:
    case ENOTCONN:
        return CallResult::LinkClosed;
    default:
        return CallResult::Error;
    }
}

} // namespace

ChildInterpreter::ChildInterpreter(const Scenario& scenario, const RunPlan& plan,
                                   SharedArea& shared, const ChildConfig& config)
    : m_scenario(scenario), m_plan(plan), m_shared(shared), m_config(config),
      m_status(shared.child(config.self)), m_ring(shared, config.self),
      m_spec(scenario.processes[config.self]) {
    const std::size_t n = plan.objects.size();
    m_segments.resize(n);
    m_queues.resize(n);
    m_semKnown.assign(n, false);
    m_semIds.assign(n, -1);
    m_linkKnown.assign(n, false);
    m_linkShut.assign(n, false);
    m_buffer.resize(static_cast<std::size_t>(kMessageHeaderBytes + kMaxMessageLength + 64));
}

std::uint64_t ChildInterpreter::now() const {
    return monotonicNs() - m_start;
}

void ChildInterpreter::record(EventKind kind, const Operation& op, int object, std::int32_t a,
                              std::int32_t b, std::string_view text, std::string_view name,
                              std::uint8_t flags, std::uint8_t extra, std::uint64_t time) {
    RecordHeader h;
    h.time = time != 0 ? time : now();
    h.type = static_cast<std::uint8_t>(kind);
    h.op = static_cast<std::uint8_t>(op.kind);
    h.flags = flags;
    h.extra = extra;
    h.object = objectField(object);
    h.line = static_cast<std::uint16_t>(op.pos.line);
    h.a = a;
    h.b = b;
    m_ring.put(h, text, name);
    m_status.events.store(++m_events, std::memory_order_relaxed);
}

void ChildInterpreter::recordState(ProcState state, const Operation* op, int object,
                                   std::uint64_t time) {
    RecordHeader h;
    h.time = time != 0 ? time : now();
    h.type = static_cast<std::uint8_t>(EventKind::State);
    h.op = op != nullptr ? static_cast<std::uint8_t>(op->kind) : 0;
    h.line = op != nullptr ? static_cast<std::uint16_t>(op->pos.line) : 0;
    h.object = objectField(object);
    h.a = static_cast<std::int32_t>(state);
    // The CPU it runs on now (getcpu is answered by the vDSO).
    h.extra =
        state == ProcState::Running ? static_cast<std::uint8_t>(sched_getcpu() & 0xFF) : kNoCpu;
    m_ring.put(h);
    m_status.events.store(++m_events, std::memory_order_relaxed);
}

CallResult ChildInterpreter::finish(const Operation& op, int object, Sys sys, bool blocking,
                                    const CallOutcome& c, std::int32_t bytes) {
    const CallResult result = resultOf(c.err);
    m_lastResult = result;
    const auto extra = static_cast<std::uint8_t>(sys);
    const auto moved = result == CallResult::Ok ? bytes : 0;
    if (blocking && c.t1 - c.t0 > m_config.blockedThresholdNs) {
        record(EventKind::Syscall, op, object, 0, static_cast<std::int32_t>(CallResult::Ok), {}, {},
               kFlagBlocking, extra, c.t0);
        recordState(ProcState::Blocked, &op, object, c.t0);
        recordState(ProcState::Running, &op, -1, c.t1);
        record(EventKind::Syscall, op, object, moved, static_cast<std::int32_t>(result), {}, {},
               kFlagBlocking | kFlagCompletes, extra, c.t1);
    } else {
        // As in the simulator, only a call that actually waited carries kFlagBlocking.
        record(EventKind::Syscall, op, object, moved, static_cast<std::int32_t>(result), {}, {}, 0,
               extra, c.t0);
    }
    if (result == CallResult::Error && c.err != EEXIST) {
        // An error the scenario has no word for: the process's fault, said by name, rather
        // than a process that goes on and leaves its peers waiting (a "deadlock").
        record(EventKind::Caption, op, object, 0, static_cast<std::int32_t>(CallResult::Error),
               std::string(sysName(sys)) + " failed: " + strerrorname_np(c.err) + " (" +
                   std::strerror(c.err) + "): the process is stopped");
        if (m_status.faultErrno == 0) {
            m_status.faultErrno = c.err;
            m_status.faultSyscall = static_cast<std::uint8_t>(sys);
        }
        m_dead = true;
    }
    return result;
}

void ChildInterpreter::recordSyscallOnly(const Operation& op, int object, Sys sys,
                                         CallResult result, std::uint8_t flags) {
    record(EventKind::Syscall, op, object, 0, static_cast<std::int32_t>(result), {}, {}, flags,
           static_cast<std::uint8_t>(sys));
}

void ChildInterpreter::fail(const Operation& op, int, const std::string&) {
    // The simulator's wording: the process dies as with SIGSEGV (the engine does not let
    // the real fault happen, so the child can still report and clean up).
    record(EventKind::Caption, op, -1, 0, static_cast<std::int32_t>(CallResult::Error),
           "segmentation fault");
    m_dead = true;
}

void ChildInterpreter::awaitCreation(const Operation& op, int object, Sys lookup) {
    auto& shared = m_shared.object(object);
    if (shared.created.load() != 0 || shared.removed.load() != 0) {
        return;
    }
    // The scenario creates it, just not yet: a real program would wait for its creator
    // too (the simulator orders this by `start` ticks). Waiting costs no IPC syscall.
    m_status.callStart = now();
    m_status.callOp = static_cast<std::uint8_t>(op.kind);
    m_status.callSyscall = static_cast<std::uint8_t>(lookup);
    m_status.callObject = objectField(object);
    m_status.callLine = static_cast<std::uint16_t>(op.pos.line);
    m_status.phase.store(AwaitingObject, std::memory_order_release);
    while (shared.created.load() == 0 && shared.removed.load() == 0) {
        const timespec pause{0, 50000};
        nanosleep(&pause, nullptr);
    }
    m_status.phase.store(Running, std::memory_order_release);
    m_status.callSeq.fetch_add(1, std::memory_order_relaxed);
}

Value ChildInterpreter::expand(const Operation& op, std::int64_t round) const {
    Value out;
    ExprFault fault;
    expandChecked(op, round, out, fault); // exec() checked first: no fault here
    return out;
}

VariableLookup ChildInterpreter::lookup() const {
    return [this](std::string_view name) -> const Value* {
        auto it = m_vars.find(std::string(name));
        return it == m_vars.end() ? nullptr : &it->second;
    };
}

bool ChildInterpreter::expandChecked(const Operation& op, std::int64_t round, Value& out,
                                     ExprFault& fault) const {
    if (op.textIsNumber) {
        out = op.number;
        return true;
    }
    return expandTemplateChecked(op.text, round, lookup(), out, fault);
}

void ChildInterpreter::faultOf(const Operation& op, const std::string& why) {
    // The simulator's wording (Machine::fault): the process dies of its program's fault.
    record(EventKind::Caption, op, -1, 0, static_cast<std::int32_t>(CallResult::Error),
           "fault: " + why);
    m_dead = true;
}

bool ChildInterpreter::computeNumber(const Operation& op, std::int64_t round, std::int64_t& out) {
    Value v;
    ExprFault fault;
    if (!expandTemplateChecked(op.numberTemplate, round, lookup(), v, fault)) {
        faultOf(op, fault.message);
        return false;
    }
    // The simulator's rules (faults.cpp ruleFor).
    const char* field = op.kind == OpKind::Compute     ? "compute.ticks"
                        : op.kind == OpKind::SemCreate ? "sem_create.value"
                        : op.kind == OpKind::Repeat    ? "repeat"
                        : op.kind == OpKind::Read      ? "read.offset"
                                                       : "write.offset";
    const std::int64_t max = op.kind == OpKind::Compute     ? 1000000000
                             : op.kind == OpKind::SemCreate ? 32767
                             : op.kind == OpKind::Repeat    ? kMaxRepeat
                                                            : kMaxSegmentSize;
    if (!valueAsInteger(v, out)) {
        faultOf(op, std::string(field) + " is \"" + valueText(v) + "\", not a number");
        return false;
    }
    const bool offset = op.kind == OpKind::Read || op.kind == OpKind::Write;
    if (out < 0 || (out > max && !offset)) {
        faultOf(op, std::string(field) + " is " + std::to_string(out) + "; expected 0 to " +
                        std::to_string(max));
        return false;
    }
    out = std::min(out, max);
    return true;
}

bool ChildInterpreter::condition(const Operation& op, std::int64_t round, bool& holds) {
    auto it = m_conditions.find(&op);
    if (it == m_conditions.end()) {
        it = m_conditions.emplace(&op, Expression{}).first;
        parseExpression(op.condition, it->second); // the loader checked it
    }
    const Expression& e = it->second;
    std::int64_t value = 0;
    ExprFault fault;
    if (!evaluateWithLookup(e, round, lookup(), value, fault)) {
        faultOf(op, fault.message);
        return false;
    }
    holds = value != 0;
    // Spin time as in the simulator (Machine::condition): a waiting loop that checked
    // again and must go on waiting spent the iteration since its last check for nothing.
    std::int64_t spin = 0;
    const std::uint64_t t = now();
    if (isWaitingLoop(op)) {
        if (holds && m_spinOp == &op) {
            spin = static_cast<std::int64_t>(
                std::min<std::uint64_t>(t - m_spinSince, static_cast<std::uint64_t>(INT32_MAX)));
        }
        m_spinOp = holds ? &op : nullptr;
        m_spinSince = t;
    }
    record(EventKind::Compute, op, -1, 1, static_cast<std::int32_t>(spin),
           holds ? "true" : "false");
    return true;
}

bool ChildInterpreter::checkExpressions(const Operation& op, std::int64_t round) {
    if (op.textIsNumber || op.text.find('{') == std::string::npos) {
        return true;
    }
    Value ignored;
    ExprFault fault;
    if (expandChecked(op, round, ignored, fault)) {
        return true;
    }
    faultOf(op, fault.message);
    return false;
}

bool ChildInterpreter::claimCreation(int object) {
    return m_shared.object(object).claimed.exchange(1) == 0;
}

void ChildInterpreter::published(int object, int sysvId) {
    auto& shared = m_shared.object(object);
    shared.sysvId.store(sysvId);
    shared.ownerUid.store(static_cast<std::int32_t>(geteuid()));
    shared.removed.store(0);
}

void ChildInterpreter::refuseForeign(const Operation& op, int object, const std::string& why) {
    record(EventKind::Caption, op, object, 0, static_cast<std::int32_t>(CallResult::Error),
           "refused: " + why);
    std::int32_t none = -1;
    m_shared.foreignObject().compare_exchange_strong(none, object);
    m_exit = ChildExit::ForeignObject;
    m_dead = true;
}

bool ChildInterpreter::queueIsOurs(int fd, int object) const {
    struct stat st {};
    return fstat(fd, &st) == 0 &&
           static_cast<std::int32_t>(st.st_uid) == m_shared.object(object).ownerUid.load() &&
           (!m_plan.enforceUids || st.st_gid == m_plan.runGid);
}

ChildExit ChildInterpreter::run() {
    m_start = m_shared.startNs();
    const std::uint64_t arrival =
        static_cast<std::uint64_t>(std::max<std::int64_t>(m_spec.start, 0)) * m_config.tickNs;
    if (arrival > 0) {
        const std::uint64_t at = m_start + arrival;
        const timespec ts{static_cast<time_t>(at / 1000000000ull),
                          static_cast<long>(at % 1000000000ull)};
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr);
    }
    m_status.phase.store(Running, std::memory_order_release);
    const std::uint64_t t = now();
    recordState(ProcState::Ready, nullptr, -1, t);
    recordState(ProcState::Running, nullptr, -1, t);
    exec(m_spec.program, 0);
    // The kernel detaches what is still attached when a process exits.
    Operation exitOp;
    exitOp.kind = OpKind::ShmDetach;
    for (std::size_t i = 0; i < m_segments.size(); ++i) {
        if (m_segments[i].addr != nullptr) {
            record(EventKind::Detached, exitOp, static_cast<int>(i));
        }
    }
    // Its socket ends close with it: the peer sees the link shut down.
    Operation closeOp;
    closeOp.kind = OpKind::Disconnect;
    for (const auto& [ends, obj] : m_plan.links) {
        if ((ends.first == m_config.self || ends.second == m_config.self) &&
            m_shared.object(obj).linkOpened.load() != 0 &&
            m_shared.object(obj).linkShut.exchange(1) == 0) {
            record(EventKind::ObjDeleted, closeOp, obj);
        }
    }
    recordState(ProcState::Terminated, nullptr, -1, 0);
    m_status.phase.store(Finished, std::memory_order_release);
    return m_exit != ChildExit::Done ? m_exit : m_dead ? ChildExit::Fault : ChildExit::Done;
}

void ChildInterpreter::exec(const std::vector<Operation>& ops, std::int64_t round) {
    for (const auto& op : ops) {
        if (m_dead) {
            return;
        }
        if (op.kind == OpKind::Repeat) {
            std::int64_t count = op.count;
            if (!op.numberTemplate.empty() && !computeNumber(op, round, count)) {
                return;
            }
            for (std::int64_t r = 1; r <= count && !m_dead; ++r) {
                exec(op.body, r);
            }
            continue;
        }
        if (op.kind == OpKind::While || op.kind == OpKind::If) {
            bool holds = false;
            while (!m_dead && condition(op, round, holds) && holds) {
                exec(op.body, round);
                if (op.kind == OpKind::If) {
                    break;
                }
            }
            if (!m_dead && !holds && op.kind == OpKind::If) {
                exec(op.elseBody, round);
            }
            continue;
        }
        if (!checkExpressions(op, round)) {
            return;
        }
        const Operation* at = &op;
        Operation computed;
        if (!op.numberTemplate.empty()) {
            std::int64_t n = 0;
            if (!computeNumber(op, round, n)) {
                return;
            }
            computed = op;
            (op.kind == OpKind::Compute     ? computed.ticks
             : op.kind == OpKind::SemCreate ? computed.value
                                            : computed.offset) = n;
            at = &computed;
        }
        const std::uint64_t t0 = now();
        m_lastResult = CallResult::Ok;
        step(*at, round);
        if (!op.ok.empty() && !m_dead) {
            const std::int64_t done = m_lastResult == CallResult::Ok ? 1 : 0;
            m_vars[op.ok] = done;
            record(EventKind::VarSet, op, -1, 0, 0, std::to_string(done), op.ok);
        }
        if (op.kind != OpKind::Say && op.kind != OpKind::Ask && op.kind != OpKind::Set &&
            op.kind != OpKind::Add) {
            RecordHeader h;
            h.type = kRecTiming;
            h.op = static_cast<std::uint8_t>(op.kind);
            h.time = t0;
            h.aux = now() - t0;
            m_ring.put(h);
        }
    }
}

void ChildInterpreter::step(const Operation& op, std::int64_t round) {
    switch (op.kind) {
    case OpKind::Compute:
        record(EventKind::Compute, op, -1, static_cast<std::int32_t>(op.ticks));
        busySpin(static_cast<std::uint64_t>(std::max<std::int64_t>(op.ticks, 0)) * m_config.tickNs,
                 m_config.itersPerUs);
        break;
    case OpKind::Set: {
        Value v = expand(op, round);
        if (const auto* text = std::get_if<std::string>(&v);
            text != nullptr && text->size() > static_cast<std::size_t>(kMaxValueLength)) {
            // As in the simulator: the process dies, the run goes on.
            record(EventKind::Caption, op, -1, 0, static_cast<std::int32_t>(CallResult::Error),
                   "value longer than " + std::to_string(kMaxValueLength) +
                       " bytes: the process is terminated");
            m_dead = true;
            break;
        }
        record(EventKind::VarSet, op, -1, 0, 0, valueText(v), op.object);
        m_vars[op.object] = std::move(v);
        break;
    }
    case OpKind::Add: {
        std::int64_t delta = 1;
        if (op.textIsNumber || !op.text.empty()) {
            valueAsInteger(expand(op, round), delta);
        }
        std::int64_t current = 0;
        if (auto it = m_vars.find(op.object); it != m_vars.end()) {
            valueAsInteger(it->second, current);
        }
        m_vars[op.object] = current + delta;
        record(EventKind::VarSet, op, -1, 0, 0, std::to_string(current + delta), op.object);
        break;
    }
    case OpKind::Say:
        record(EventKind::Caption, op, -1, 0, 0, valueText(expand(op, round)));
        break;
    case OpKind::Ask:
        record(EventKind::Caption, op, -1, 0, 0, op.text);
        break;
    case OpKind::ShmCreate:
        shmCreate(op);
        break;
    case OpKind::ShmAttach:
        shmAttach(op);
        break;
    case OpKind::ShmDetach:
        shmDetach(op);
        break;
    case OpKind::ShmRemove:
        shmRemove(op);
        break;
    case OpKind::Read:
        shmRead(op, round);
        break;
    case OpKind::Write:
        shmWrite(op, round);
        break;
    case OpKind::SemCreate:
        semCreate(op);
        break;
    case OpKind::SemWait:
        semChange(op, -1);
        break;
    case OpKind::SemPost:
        semChange(op, +1);
        break;
    case OpKind::MailboxCreate:
        mailboxCreate(op);
        break;
    case OpKind::MailboxDelete:
        mailboxDelete(op);
        break;
    case OpKind::Connect:
        openLink(op, m_plan.link(m_config.self, m_scenario.processIndex(op.object)));
        break;
    case OpKind::Disconnect:
        disconnect(op);
        break;
    case OpKind::Send:
        if (op.peerKind == PeerKind::Mailbox) {
            sendMailbox(op, round);
        } else {
            sendDirect(op, round);
        }
        break;
    case OpKind::Receive:
        if (op.peerKind == PeerKind::Mailbox) {
            receiveMailbox(op);
        } else if (op.peerKind == PeerKind::Any) {
            receiveAny(op);
        } else {
            receiveDirect(op);
        }
        break;
    case OpKind::Repeat:
    case OpKind::While:
    case OpKind::If:
        break; // exec() runs them
    }
}

} // namespace ipclab::real
