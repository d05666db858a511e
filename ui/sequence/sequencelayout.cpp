#include "sequencelayout.h"

#include <algorithm>
#include <set>

namespace ipclab::ui {

std::size_t SequenceLayout::rowAtOrAfter(std::size_t event) const {
    return static_cast<std::size_t>(std::lower_bound(rowEvents.begin(), rowEvents.end(), event) -
                                    rowEvents.begin());
}

SequenceLayout layoutSequence(const Trace& trace) {
    SequenceLayout out;
    out.messages = messageFlows(trace);
    out.blocked = blockedSpans(trace);
    const std::size_t procs = trace.processNames.size();
    out.terminatedAt.assign(procs, kNever);

    // Mailboxes that carried a message get a life line, placed after their first sender.
    std::vector<std::vector<int>> after(procs + 1);
    std::set<int> placed;
    for (const MessageFlow& m : out.messages) {
        if (m.object < 0 || static_cast<std::size_t>(m.object) >= trace.objects.size() ||
            trace.objects[static_cast<std::size_t>(m.object)].kind != ObjectKind::Mailbox ||
            !placed.insert(m.object).second) {
            continue;
        }
        const std::size_t slot =
            m.sender >= 0 && static_cast<std::size_t>(m.sender) < procs ? m.sender : procs;
        after[slot].push_back(m.object);
    }
    out.processColumn.assign(procs, -1);
    out.objectColumn.assign(trace.objects.size(), -1);
    for (std::size_t p = 0; p <= procs; ++p) {
        if (p < procs) {
            out.processColumn[p] = static_cast<int>(out.columns.size());
            out.columns.push_back({false, static_cast<int>(p)});
        }
        for (int object : after[p]) {
            out.objectColumn[static_cast<std::size_t>(object)] =
                static_cast<int>(out.columns.size());
            out.columns.push_back({true, object});
        }
    }

    std::set<std::size_t> rows;
    for (const MessageFlow& m : out.messages) {
        rows.insert(m.sentAt);
        if (m.receivedAt != kNever) {
            rows.insert(m.receivedAt);
        }
    }
    for (const BlockedSpan& b : out.blocked) {
        rows.insert(b.from);
        if (b.to != kNever) {
            rows.insert(b.to);
        }
    }
    for (std::size_t i = 0; i < trace.events.size(); ++i) {
        const Event& e = trace.events[i];
        if (e.kind == EventKind::State && e.proc < procs &&
            static_cast<ProcState>(e.a) == ProcState::Terminated) {
            out.terminatedAt[e.proc] = i;
            rows.insert(i);
        }
    }
    out.rowEvents.assign(rows.begin(), rows.end());
    return out;
}

} // namespace ipclab::ui
