#include "messageflow.h"

#include <map>
#include <utility>

namespace ipclab {

std::vector<MessageFlow> messageFlows(const Trace& trace) {
    std::vector<MessageFlow> out;
    std::map<std::pair<int, int>, std::size_t> pending; // (object, id) -> index in out
    for (std::size_t i = 0; i < trace.events.size(); ++i) {
        const Event& e = trace.events[i];
        if (e.kind == EventKind::MsgSent) {
            MessageFlow m;
            m.id = e.a;
            m.sender = e.proc == kNoProcess ? -1 : e.proc;
            m.object = e.object == kNoObject ? -1 : e.object;
            m.sentAt = i;
            m.text = trace.str(e.text);
            pending[{m.object, m.id}] = out.size();
            out.push_back(std::move(m));
        } else if (e.kind == EventKind::MsgReceived) {
            const int object = e.object == kNoObject ? -1 : e.object;
            auto it = pending.find({object, e.a});
            if (it == pending.end()) {
                continue;
            }
            MessageFlow& m = out[it->second];
            m.receiver = e.proc == kNoProcess ? -1 : e.proc;
            m.receivedAt = i;
            pending.erase(it);
        }
    }
    return out;
}

std::vector<BlockedSpan> blockedSpans(const Trace& trace) {
    std::vector<BlockedSpan> out;
    std::map<int, std::size_t> open; // proc -> index in out
    for (std::size_t i = 0; i < trace.events.size(); ++i) {
        const Event& e = trace.events[i];
        if (e.kind != EventKind::State || e.proc == kNoProcess) {
            continue;
        }
        const auto state = static_cast<ProcState>(e.a);
        auto it = open.find(e.proc);
        if (it != open.end() && state != ProcState::Blocked) {
            out[it->second].to = i;
            open.erase(it);
        }
        if (state == ProcState::Blocked && open.count(e.proc) == 0) {
            BlockedSpan span;
            span.proc = e.proc;
            span.object = e.object == kNoObject ? -1 : e.object;
            span.op = e.op;
            span.from = i;
            open[e.proc] = out.size();
            out.push_back(span);
        }
    }
    return out;
}

std::vector<MailboxUse> mailboxUsers(const Trace& trace) {
    std::vector<MailboxUse> out;
    std::map<std::pair<int, int>, std::size_t> seen; // (object, proc) -> index in out
    for (std::size_t i = 0; i < trace.events.size(); ++i) {
        const Event& e = trace.events[i];
        if (e.object == kNoObject || e.proc == kNoProcess || e.object >= trace.objects.size() ||
            trace.objects[e.object].kind != ObjectKind::Mailbox) {
            continue;
        }
        const bool sends = e.op == OpKind::Send;
        const bool receives = e.op == OpKind::Receive;
        if (!sends && !receives) {
            continue;
        }
        auto [it, fresh] = seen.try_emplace({e.object, e.proc}, out.size());
        if (fresh) {
            MailboxUse use;
            use.object = e.object;
            use.proc = e.proc;
            use.firstAt = i;
            out.push_back(use);
        }
        MailboxUse& use = out[it->second];
        use.sends = use.sends || sends;
        use.receives = use.receives || receives;
    }
    return out;
}

} // namespace ipclab
