#include "runfacts.h"

#include "syscalltally.h"
#include "yamlnode.h"

#include <algorithm>

namespace ipclab {

namespace {

using Evidence = std::vector<std::size_t>;

/// Counts the events `pick` accepts, noting each as evidence.
template <class Pick> AnswerValue countEvents(const Trace& t, Evidence& evidence, Pick pick) {
    std::int64_t n = 0;
    for (std::size_t k = 0; k < t.events.size(); ++k) {
        if (pick(t.events[k])) {
            ++n;
            evidence.push_back(k);
        }
    }
    return AnswerValue::integer(n);
}

/// The last event `pick` accepts, or npos.
template <class Pick> std::size_t lastEvent(const Trace& t, Pick pick) {
    for (std::size_t k = t.events.size(); k-- > 0;) {
        if (pick(t.events[k])) {
            return k;
        }
    }
    return std::string::npos;
}

template <class Pick> std::size_t firstEvent(const Trace& t, Pick pick) {
    for (std::size_t k = 0; k < t.events.size(); ++k) {
        if (pick(t.events[k])) {
            return k;
        }
    }
    return std::string::npos;
}

bool isState(const Event& e, ProcState s) {
    return e.kind == EventKind::State && e.a == static_cast<std::int32_t>(s);
}

/// Text that spells an integer is one (a variable that holds 7 answers 7).
AnswerValue valueOfText(const std::string& text) {
    std::int64_t v = 0;
    if (parseInteger(text, v) == IntParse::Ok) {
        return AnswerValue::integer(v);
    }
    return AnswerValue::words(text);
}

std::string processName(const Trace& t, std::size_t k) {
    if (k == std::string::npos || t.events[k].proc >= t.processNames.size()) {
        return "none";
    }
    return t.processNames[t.events[k].proc];
}

bool objectNamed(const Trace& t, const Event& e, ObjectKind kind, const std::string& name) {
    if (e.object >= t.objects.size()) {
        return false;
    }
    const ObjectInfo& o = t.objects[e.object];
    return o.kind == kind && o.name == name;
}

std::size_t runEnd(const Trace& t) {
    return lastEvent(t, [](const Event& e) { return e.kind == EventKind::RunEnd; });
}

AnswerValue blockedTime(const Trace& t, int p, Evidence& evidence) {
    std::int64_t total = 0;
    std::int64_t since = -1;
    for (std::size_t k = 0; k < t.events.size(); ++k) {
        const Event& e = t.events[k];
        if (e.kind != EventKind::State || e.proc != p) {
            continue;
        }
        if (since >= 0) {
            total += static_cast<std::int64_t>(e.time) - since;
            since = -1;
        }
        if (isState(e, ProcState::Blocked)) {
            since = static_cast<std::int64_t>(e.time);
            evidence.push_back(k);
        }
    }
    if (since >= 0 && !t.events.empty()) {
        total += static_cast<std::int64_t>(t.events.back().time) - since;
    }
    return AnswerValue::integer(total);
}

AnswerValue deadlockCycle(const Trace& t, Evidence& evidence) {
    if (t.outcome != Outcome::Deadlock || t.deadlockCycle.empty()) {
        return AnswerValue::words("none");
    }
    std::string text;
    for (const WaitEdge& edge : t.deadlockCycle) {
        text += (edge.proc >= 0 ? t.processNames[static_cast<std::size_t>(edge.proc)] : "?");
        text += " -> ";
    }
    const int first = t.deadlockCycle.front().proc;
    text += first >= 0 ? t.processNames[static_cast<std::size_t>(first)] : "?";
    if (auto k = runEnd(t); k != std::string::npos) {
        evidence.push_back(k);
    }
    return AnswerValue::words(text);
}

} // namespace

AnswerValue runFact(const Trace& t, std::string_view f, const FactArgs& args, Evidence& evidence) {
    const int p = args.process;
    const auto ofP = [p](const Event& e) { return e.proc == p; };
    if (f == "syscalls") {
        const auto op = opFromName(args.name);
        return countEvents(t, evidence, [&](const Event& e) {
            return isCountedSyscall(e) && ofP(e) &&
                   (args.name.empty() || (op ? e.op == *op : t.str(e.text) == args.name));
        });
    }
    if (f == "sent" || f == "received") {
        const EventKind kind = f == "sent" ? EventKind::MsgSent : EventKind::MsgReceived;
        return countEvents(t, evidence, [&](const Event& e) { return e.kind == kind && ofP(e); });
    }
    if (f == "blocked") {
        return countEvents(
            t, evidence, [&](const Event& e) { return ofP(e) && isState(e, ProcState::Blocked); });
    }
    if (f == "blocked_time") {
        return blockedTime(t, p, evidence);
    }
    if (f == "context_switches") {
        return countEvents(t, evidence,
                           [&](const Event& e) { return e.kind == EventKind::Dispatch && ofP(e); });
    }
    if (f == "final") {
        const auto k = lastEvent(t, [&](const Event& e) {
            return e.kind == EventKind::VarSet && ofP(e) &&
                   t.str(static_cast<StringId>(e.b)) == args.name;
        });
        if (k == std::string::npos) {
            return AnswerValue::integer(0); // never set: a variable starts at 0
        }
        evidence.push_back(k);
        return valueOfText(t.str(t.events[k].text));
    }
    if (f == "segment") {
        const auto k = lastEvent(t, [&](const Event& e) {
            return e.kind == EventKind::ShmWrite && e.a == args.number &&
                   objectNamed(t, e, ObjectKind::Segment, args.name);
        });
        if (k == std::string::npos) {
            return AnswerValue::integer(0); // a new segment is zero-filled
        }
        evidence.push_back(k);
        return valueOfText(t.str(t.events[k].text));
    }
    if (f == "queue_max") {
        std::int64_t most = 0;
        std::size_t at = std::string::npos;
        for (std::size_t k = 0; k < t.events.size(); ++k) {
            const Event& e = t.events[k];
            if (e.kind == EventKind::MsgSent && objectNamed(t, e, ObjectKind::Mailbox, args.name) &&
                e.b > most) {
                most = e.b;
                at = k;
            }
        }
        if (at != std::string::npos) {
            evidence.push_back(at);
        }
        return AnswerValue::integer(most);
    }
    if (f == "finish_time") {
        const auto k = firstEvent(
            t, [&](const Event& e) { return ofP(e) && isState(e, ProcState::Terminated); });
        if (k == std::string::npos) {
            return AnswerValue::integer(-1);
        }
        evidence.push_back(k);
        return AnswerValue::integer(static_cast<std::int64_t>(t.events[k].time));
    }
    if (f == "deadlocked") {
        const bool in = t.outcome == Outcome::Deadlock &&
                        std::any_of(t.deadlockCycle.begin(), t.deadlockCycle.end(),
                                    [p](const WaitEdge& w) { return w.proc == p; });
        if (in) {
            evidence.push_back(lastEvent(
                t, [&](const Event& e) { return ofP(e) && isState(e, ProcState::Blocked); }));
        }
        return AnswerValue::integer(in ? 1 : 0);
    }
    if (f == "state") {
        const auto k =
            lastEvent(t, [&](const Event& e) { return ofP(e) && e.kind == EventKind::State; });
        if (k == std::string::npos) {
            return AnswerValue::words(std::string(stateName(ProcState::New)));
        }
        evidence.push_back(k);
        return AnswerValue::words(std::string(stateName(static_cast<ProcState>(t.events[k].a))));
    }
    if (f == "outcome" || f == "end_time") {
        const auto k = runEnd(t);
        if (k != std::string::npos) {
            evidence.push_back(k);
        }
        if (f == "outcome") {
            return AnswerValue::words(std::string(outcomeName(t.outcome)));
        }
        return AnswerValue::integer(
            static_cast<std::int64_t>(t.events.empty() ? 0 : t.events.back().time));
    }
    if (f == "total_syscalls") {
        return countEvents(t, evidence, [](const Event& e) { return isCountedSyscall(e); });
    }
    if (f == "messages") {
        return countEvents(t, evidence,
                           [](const Event& e) { return e.kind == EventKind::MsgSent; });
    }
    if (f == "links") {
        return countEvents(t, evidence, [&](const Event& e) {
            return e.kind == EventKind::ObjCreated && e.object < t.objects.size() &&
                   t.objects[e.object].kind == ObjectKind::Link;
        });
    }
    if (f == "first_blocked" || f == "first_finished") {
        const ProcState s = f == "first_blocked" ? ProcState::Blocked : ProcState::Terminated;
        const auto k = firstEvent(t, [&](const Event& e) { return isState(e, s); });
        if (k != std::string::npos) {
            evidence.push_back(k);
        }
        return AnswerValue::words(processName(t, k));
    }
    if (f == "deadlock_cycle") {
        return deadlockCycle(t, evidence);
    }
    return AnswerValue::integer(0);
}

} // namespace ipclab
