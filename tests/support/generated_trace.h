#pragma once
// A reproducible trace of every event kind, for tests that need thousands of events.

#include "trace_builder.h"

#include <random>
#include <string>
#include <vector>

namespace ipclab::test {

/// A reproducible trace of a few thousand events of every kind, internally consistent
/// enough that queues, waiting lists and cells change all the time.
inline Trace generatedTrace(std::size_t count) {
    TraceBuilder b({"p0", "p1", "p2", "p3"}, 2);
    const int mailboxes[2] = {b.mailbox("A", 4), b.mailbox("B", kUnbounded)};
    const int seg = b.segment("board", 64, 0600, "1234");
    const int sem = b.semaphore("s");
    std::mt19937 rng(7);
    auto pick = [&rng](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    std::vector<std::vector<int>> queued(2);
    int nextId = 1;
    b.at(0).start();
    for (int o : {mailboxes[0], mailboxes[1], seg, sem}) {
        b.created(o, o == sem ? 1 : 0);
    }
    std::uint64_t t = 0;
    while (b.trace().events.size() < count) {
        b.at(t += static_cast<std::uint64_t>(pick(2)));
        const int p = pick(4);
        const int mb = pick(2);
        switch (pick(10)) {
        case 0:
            b.state(p, ProcState::Blocked, OpKind::Receive, mailboxes[mb]);
            break;
        case 1:
            b.state(p, static_cast<ProcState>(pick(5)), OpKind::Compute, -1, pick(2));
            break;
        case 2:
            b.dispatch(p, pick(2));
            break;
        case 3:
            b.syscall(p, OpKind::Send, mailboxes[mb], pick(2) ? "mq_timedsend" : "sendto", pick(9),
                      CallResult::Ok, static_cast<std::uint8_t>(pick(4)));
            break;
        case 4:
            queued[mb].push_back(nextId);
            b.sent(p, mailboxes[mb], nextId, static_cast<int>(queued[mb].size()),
                   "m" + std::to_string(nextId));
            ++nextId;
            break;
        case 5:
            if (!queued[mb].empty()) {
                const int id = queued[mb].front();
                queued[mb].erase(queued[mb].begin());
                b.received(p, mailboxes[mb], id, pick(4), "m" + std::to_string(id));
            }
            break;
        case 6:
            b.ev(EventKind::ShmWrite, p, OpKind::Write, seg, 8 * pick(8), 0,
                 std::to_string(pick(100)));
            break;
        case 7:
            b.ev(pick(2) ? EventKind::Attached : EventKind::Detached, p, OpKind::ShmAttach, seg,
                 pick(16));
            break;
        case 8:
            b.varSet(p, pick(2) ? "x" : "y", std::to_string(pick(50)), OpKind::Set);
            break;
        default:
            if (pick(2)) {
                b.ev(EventKind::SemChanged, p, OpKind::SemPost, sem, pick(3));
            } else {
                b.ev(EventKind::Caption, p, OpKind::Say, -1, 0, 0, "c" + std::to_string(t));
            }
            break;
        }
    }
    b.end(Outcome::Completed);
    return std::move(b.trace());
}

} // namespace ipclab::test
