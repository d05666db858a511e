// validateTrace: the per-process half (states, calls, attachments, messages) and the
// counts and the end. Runs only on a trace whose indices checkStructure found valid.

#include "state.h"
#include "syscalltally.h"
#include "validate_rules.h"

#include <map>
#include <numeric>
#include <string>

namespace ipclab::validation {

namespace {

std::string stateText(ProcState s) {
    return std::string(stateName(s));
}

bool legalMove(ProcState from, ProcState to) {
    switch (from) {
    case ProcState::New:
        return to == ProcState::Ready;
    case ProcState::Ready:
        return to == ProcState::Running;
    case ProcState::Running:
        return to == ProcState::Ready || to == ProcState::Blocked || to == ProcState::Terminated;
    case ProcState::Blocked:
        // Woken to the ready queue (simulator) or straight back on its CPU (real mode: a
        // call returns where it was made); killed while blocked.
        return to == ProcState::Ready || to == ProcState::Running || to == ProcState::Terminated;
    case ProcState::Terminated:
        return false;
    }
    return false;
}

/// What the check remembers of one process.
struct ProcFlow {
    ProcState state = ProcState::New;
    bool announced = false; ///< a State event was seen (the first may restate `new`)
    bool inCall = false;    ///< a call that blocked has not completed yet
    OpKind callOp = OpKind::Compute;
    std::map<int, int> attached; ///< segment -> mappings
};

struct SentMessage {
    int object = -1;
    StringId text = kNoString;
    bool received = false;
};

class FlowCheck {
public:
    FlowCheck(const Trace& t, Problems& out) : m_t(t), m_out(out), m_procs(t.processNames.size()) {}

    void run() {
        for (std::size_t i = 0; i < m_t.events.size() && !m_out.full(); ++i) {
            event(i, m_t.events[i]);
        }
        for (std::size_t p = 0; p < m_procs.size(); ++p) {
            if (m_procs[p].inCall && m_procs[p].state != ProcState::Blocked) {
                m_out.add(kWholeTrace, m_t.processNames[p] + " ends inside a call that blocked, "
                                                             "yet not blocked");
            }
        }
    }

    const std::vector<ProcFlow>& processes() const { return m_procs; }

private:
    void event(std::size_t i, const Event& e) {
        if (e.proc != kNoProcess && m_procs[e.proc].state == ProcState::Terminated) {
            m_out.add(i, m_t.processNames[e.proc] + " has already terminated");
            return;
        }
        switch (e.kind) {
        case EventKind::State:
            state(i, e);
            break;
        case EventKind::Dispatch:
            if (m_procs[e.proc].state != ProcState::Ready) {
                m_out.add(i, "dispatches a process that is " + stateText(m_procs[e.proc].state) +
                                 ", not ready");
            }
            break;
        case EventKind::Syscall:
            call(i, e);
            break;
        case EventKind::Attached:
            ++m_procs[e.proc].attached[e.object];
            break;
        case EventKind::Detached:
        case EventKind::ShmRead:
        case EventKind::ShmWrite:
            mapped(i, e);
            break;
        case EventKind::MsgSent:
            sent(i, e);
            break;
        case EventKind::MsgReceived:
            received(i, e);
            break;
        case EventKind::ObjCreated:
            m_created.resize(m_t.objects.size(), 0);
            m_created[e.object] = 1;
            break;
        default:
            break;
        }
    }

    void state(std::size_t i, const Event& e) {
        ProcFlow& p = m_procs[e.proc];
        const auto next = static_cast<ProcState>(e.a);
        const bool restated = !p.announced && next == ProcState::New;
        if (!restated && !legalMove(p.state, next)) {
            m_out.add(i, "moves " + m_t.processNames[e.proc] + " from " + stateText(p.state) +
                             " to " + stateText(next));
        }
        p.announced = true;
        p.state = next;
    }

    void call(std::size_t i, const Event& e) {
        ProcFlow& p = m_procs[e.proc];
        const bool blocks = (e.flags & kFlagBlocking) != 0;
        const bool completes = (e.flags & kFlagCompletes) != 0;
        if (p.state == ProcState::New) {
            m_out.add(i, "a system call before the process arrived");
        }
        if (completes) {
            if (!p.inCall) {
                m_out.add(i, "completes a call the process never blocked in");
            } else if (p.callOp != e.op) {
                m_out.add(i, "completes a call of another operation");
            }
            p.inCall = false;
        } else if (blocks) {
            if (p.inCall) {
                m_out.add(i, "blocks in a call while another has not completed");
            }
            p.inCall = true;
            p.callOp = e.op;
        }
    }

    void mapped(std::size_t i, const Event& e) {
        auto& n = m_procs[e.proc].attached[e.object];
        if (n <= 0) {
            m_out.add(i, "uses segment " + m_t.objects[e.object].name + " without attaching it");
        } else if (e.kind == EventKind::Detached) {
            --n;
        }
    }

    void sent(std::size_t i, const Event& e) {
        if (e.object >= m_created.size() || m_created[e.object] == 0) {
            m_out.add(i, "a message into an object that was never created");
        }
        if (!m_sent.emplace(e.a, SentMessage{e.object, e.text, false}).second) {
            m_out.add(i, "message " + std::to_string(e.a) + " is sent twice");
        }
    }

    void received(std::size_t i, const Event& e) {
        auto it = m_sent.find(e.a);
        if (it == m_sent.end()) {
            m_out.add(i, "message " + std::to_string(e.a) + " is received before it was sent");
            return;
        }
        SentMessage& m = it->second;
        if (m.received) {
            m_out.add(i, "message " + std::to_string(e.a) + " is received twice");
        }
        if (m.object != e.object) {
            m_out.add(i, "message " + std::to_string(e.a) + " is received from another object");
        }
        if (m_t.str(m.text) != m_t.str(e.text)) {
            m_out.add(i, "message " + std::to_string(e.a) + " arrives with another text");
        }
        m.received = true;
    }

    const Trace& m_t;
    Problems& m_out;
    std::vector<ProcFlow> m_procs;
    std::map<std::int32_t, SentMessage> m_sent;
    std::vector<char> m_created;
};

template <typename Map> std::int64_t sum(const Map& m) {
    return std::accumulate(m.begin(), m.end(), std::int64_t(0),
                           [](std::int64_t n, const auto& kv) { return n + kv.second; });
}

void checkCounts(const Trace& t, const SystemState& end, Problems& out) {
    const SyscallTally tally = tallySyscalls(t);
    std::int64_t byProcess = tally.unowned;
    for (std::size_t p = 0; p < t.processNames.size(); ++p) {
        byProcess += tally.processTotal(p);
        if (end.processes[p].syscalls != tally.processTotal(p) ||
            end.processes[p].syscallsByOp != tally.processByOp(p)) {
            out.add(kWholeTrace, t.processNames[p] + "'s calls fold differently in the state");
        }
    }
    if (sum(tally.byOp) != tally.total || sum(tally.byName) != tally.total ||
        byProcess != tally.total) {
        out.add(kWholeTrace, "the syscall tally does not add up");
    }
    if (end.syscallsTotal != tally.total || end.syscallsByOp != tally.byOp ||
        end.syscallsByName != tally.byName) {
        out.add(kWholeTrace, "the state fold and the syscall tally disagree");
    }
    if (end.messagesReceived > end.messagesSent) {
        out.add(kWholeTrace, "more messages received than sent");
    }
    if (t.countingMethod != CountingMethod::Self) {
        return;
    }
    // Counting itself, real mode counts exactly the trace's calls, plus the socketpairs the
    // runner made for links nobody used.
    auto names = tally.byName;
    for (const auto& [name, n] : t.measuredSyscalls) {
        names.emplace(name, 0);
    }
    for (const auto& [name, n] : names) {
        const auto it = t.measuredSyscalls.find(name);
        const std::int64_t measured = it == t.measuredSyscalls.end() ? 0 : it->second;
        if (name == "socketpair" ? measured < n : measured != n) {
            out.add(kWholeTrace, "the self count of " + name + " is " + std::to_string(measured) +
                                     ", the trace has " + std::to_string(n));
        }
    }
}

void checkEnd(const Trace& t, const std::vector<ProcFlow>& procs, Problems& out) {
    if (t.events.empty()) {
        return;
    }
    bool blocked = false;
    bool runnable = false;
    for (std::size_t p = 0; p < procs.size(); ++p) {
        const ProcState s = procs[p].state;
        blocked = blocked || s == ProcState::Blocked;
        runnable = runnable || s == ProcState::Ready || s == ProcState::Running;
        if (t.outcome == Outcome::Completed && s != ProcState::Terminated) {
            out.add(kWholeTrace, "completed, yet " + t.processNames[p] + " is " + stateText(s));
        }
    }
    if (t.outcome == Outcome::Deadlock && (!blocked || runnable || t.deadlockCycle.empty())) {
        out.add(kWholeTrace, "a deadlock needs someone blocked, nobody ready or running, and "
                             "its cycle");
    }
}

} // namespace

void checkFlow(const Trace& trace, Problems& out) {
    FlowCheck flow(trace, out);
    flow.run();
    SystemState end = initialState(trace);
    for (const Event& e : trace.events) {
        applyEvent(end, trace, e);
    }
    checkCounts(trace, end, out);
    checkEnd(trace, flow.processes(), out);
}

} // namespace ipclab::validation
