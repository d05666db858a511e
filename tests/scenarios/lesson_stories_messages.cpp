// The lessons about message passing (direct, indirect, buffering, blocking) and
// deadlock, told in exact numbers taken from each lesson's comment block.

#include "lesson_stories.h"
#include "tst_scenarios.h"

#include <algorithm>
#include <set>

using namespace ipclab;
using namespace ipclab::test;

namespace {

std::int64_t blockedCount(const Trace& trace, int proc, OpKind op) {
    return std::count_if(trace.events.begin(), trace.events.end(), [&](const Event& e) {
        return e.kind == EventKind::State && e.proc == proc && e.op == op &&
               static_cast<ProcState>(e.a) == ProcState::Blocked;
    });
}

bool hasEdge(const Trace& trace, std::string_view proc, OpKind op, int object,
             std::string_view holder) {
    const int p = processId(trace, proc);
    const int h = processId(trace, holder);
    return std::any_of(trace.deadlockCycle.begin(), trace.deadlockCycle.end(),
                       [&](const WaitEdge& w) {
                           return w.proc == p && w.op == op && w.object == object && w.holder == h;
                       });
}

} // namespace

void TestScenarios::modularityPipeline() {
    IPCLAB_RUN_LESSON(run, "modularity-pipeline");
    QCOMPARE(run.trace.outcome, Outcome::Completed);
    QCOMPARE(run.report.messagesSent, 12);
    QCOMPARE(run.report.messagesReceived, 12);
    QCOMPARE(finalLocal(run, "counter", "count"), std::string("6"));
    QCOMPARE(finalLocal(run, "counter", "line"), std::string("checked: log line 6"));
    // Every line crosses two mailboxes: 2 sends + 2 receives per line.
    QCOMPARE(countSyscallsNamed(run.trace, -1, "mq_timedsend"), 12);
    QCOMPARE(countSyscallsNamed(run.trace, -1, "mq_timedreceive"), 12);
    QCOMPARE(countSyscallsNamed(run.trace, -1, "mq_open"), 4); // 2 creates + 2 lookups
    QCOMPARE(run.report.mailboxes, 2);
}

void TestScenarios::directSymmetric() {
    IPCLAB_RUN_LESSON(run, "direct-symmetric");
    QCOMPARE(run.trace.outcome, Outcome::Completed);
    QCOMPARE(run.report.links, 1);
    QCOMPARE(run.report.messagesSent, 6);
    QCOMPARE(processSyscalls(run.report, "alice"), 8);
    QCOMPARE(processSyscalls(run.report, "bob"), 6);
    const int alice = processId(run.trace, "alice");
    QCOMPARE(countSyscallsNamed(run.trace, alice, "socketpair"), 1);
    QCOMPARE(countSyscallsNamed(run.trace, alice, "shutdown"), 1);
    QCOMPARE(finalLocal(run, "alice", "reply"), std::string("pong 3"));
    QCOMPARE(finalLocal(run, "bob", "request"), std::string("ping 3"));
}

void TestScenarios::directAsymmetric() {
    IPCLAB_RUN_LESSON(run, "direct-asymmetric");
    QCOMPARE(run.trace.outcome, Outcome::Completed);
    QCOMPARE(run.report.links, 3);
    const int server = processId(run.trace, "server");
    QCOMPARE(countSyscallsNamed(run.trace, server, "ppoll"), 3);
    QCOMPARE(countSyscallsNamed(run.trace, server, "recvfrom"), 3);
    QCOMPARE(countSyscallsNamed(run.trace, server, "socketpair"), 0);
    for (const char* client : {"client_a", "client_b", "client_c"}) {
        QCOMPARE(processSyscalls(run.report, client), 2); // socketpair + sendto
    }
    QCOMPARE(messagesReceivedBy(run.trace, server), 3);
}

void TestScenarios::tooManyLinks() {
    IPCLAB_RUN_LESSON(run, "too-many-links");
    QCOMPARE(run.trace.outcome, Outcome::Completed);
    const std::int64_t n = 5;
    QCOMPARE(run.report.links, n * (n - 1) / 2);
    QCOMPARE(run.report.mailboxes, 1);
    QCOMPARE(run.report.messagesSent, n * (n - 1) + n);
    QCOMPARE(run.report.messagesReceived, n * (n - 1) + n);
}

void TestScenarios::mailboxSeveralReceivers() {
    IPCLAB_RUN_LESSON(run, "mailbox-several-receivers");
    QCOMPARE(run.trace.outcome, Outcome::Completed);
    QCOMPARE(run.report.mailboxes, 1);
    QCOMPARE(run.report.links, 0);
    QCOMPARE(processSyscalls(run.report, "dispatcher"), 7);
    std::multiset<std::string> jobs;
    for (const char* worker : {"worker_1", "worker_2", "worker_3"}) {
        QCOMPARE(messagesReceivedBy(run.trace, processId(run.trace, worker)), 2);
        QCOMPARE(processSyscalls(run.report, worker), 3);
    }
    for (const auto& e : run.trace.events) {
        if (e.kind == EventKind::MsgReceived) {
            jobs.insert(run.trace.str(e.text));
        }
    }
    // Each job reached exactly one worker.
    QCOMPARE(jobs.size(), std::size_t(6));
    QCOMPARE(std::set<std::string>(jobs.begin(), jobs.end()).size(), std::size_t(6));
}

void TestScenarios::rendezvous() {
    IPCLAB_RUN_LESSON(run, "rendezvous");
    QCOMPARE(run.trace.outcome, Outcome::Completed);
    const int sender = processId(run.trace, "sender");
    const int receiver = processId(run.trace, "receiver");
    QCOMPARE(processSyscalls(run.report, "sender"), 10);
    QCOMPARE(processSyscalls(run.report, "receiver"), 8);
    QCOMPARE(blockedCount(run.trace, sender, OpKind::Send), 3);
    // Each time: blocked in send, and not ready again before the receiver took it.
    const auto& ev = run.trace.events;
    std::int64_t rounds = 0;
    for (std::size_t i = 0; i < ev.size(); ++i) {
        if (ev[i].kind != EventKind::State || ev[i].proc != sender ||
            static_cast<ProcState>(ev[i].a) != ProcState::Blocked) {
            continue;
        }
        bool taken = false;
        std::size_t j = i + 1;
        for (; j < ev.size(); ++j) {
            taken = taken || (ev[j].kind == EventKind::MsgReceived && ev[j].proc == receiver);
            if (ev[j].kind == EventKind::State && ev[j].proc == sender) {
                break;
            }
        }
        QVERIFY2(j < ev.size(), "the sender never woke up");
        QVERIFY2(taken, "the sender woke up before the receiver took the message");
        ++rounds;
    }
    QCOMPARE(rounds, 3);
    QCOMPARE(finalLocal(run, "receiver", "baton"), std::string("baton 3"));
}

void TestScenarios::boundedBuffer() {
    IPCLAB_RUN_LESSON(run, "bounded-buffer");
    QCOMPARE(run.trace.outcome, Outcome::Completed);
    const int producer = processId(run.trace, "producer");
    const int buffer = run.trace.findObject(ObjectKind::Mailbox, "buffer");
    QVERIFY(buffer >= 0);
    SystemState state = initialState(run.trace);
    std::int64_t blockedWhileFull = 0;
    std::size_t longest = 0;
    bool wasBlocked = false;
    for (const auto& e : run.trace.events) {
        applyEvent(state, run.trace, e);
        const auto& p = state.processes[producer];
        const auto& queue = state.objects[buffer].queue;
        longest = std::max(longest, queue.size());
        const bool blocked = p.state == ProcState::Blocked && p.blockedOp == OpKind::Send &&
                             p.blockedObject == buffer;
        if (blocked && !wasBlocked) {
            QCOMPARE(queue.size(), std::size_t(3)); // it blocks only on a full mailbox
            ++blockedWhileFull;
        }
        wasBlocked = blocked;
    }
    QCOMPARE(blockedWhileFull, 5); // once for each of items 4..8
    QCOMPARE(longest, std::size_t(3));
    QCOMPARE(processSyscalls(run.report, "producer"), 9);
    QCOMPARE(processSyscalls(run.report, "consumer"), 10);
    QCOMPARE(run.report.messagesReceived, 8);
    QCOMPARE(finalLocal(run, "consumer", "item"), std::string("item 8"));
}

void TestScenarios::unboundedAsync() {
    IPCLAB_RUN_LESSON(run, "unbounded-async");
    QCOMPARE(run.trace.outcome, Outcome::Completed);
    const int sender = processId(run.trace, "sender");
    QCOMPARE(blockedCount(run.trace, sender, OpKind::Send), 0);
    std::int32_t longest = 0;
    for (const auto& e : run.trace.events) {
        if (e.kind == EventKind::MsgSent) {
            longest = std::max(longest, e.b);
        }
    }
    QCOMPARE(longest, 8);
    QCOMPARE(processSyscalls(run.report, "sender"), 9);
    QCOMPARE(processSyscalls(run.report, "receiver"), 10);
    QCOMPARE(finalLocal(run, "receiver", "letter"), std::string("letter 8"));
}

void TestScenarios::nonblockingReceive() {
    IPCLAB_RUN_LESSON(run, "nonblocking-receive");
    QCOMPARE(run.trace.outcome, Outcome::Completed);
    const int poller = processId(run.trace, "poller");
    const int waiter = processId(run.trace, "waiter");
    QCOMPARE(countSyscallsNamed(run.trace, poller, "mq_timedreceive"), 15);
    QCOMPARE(countCalls(run.trace, poller, OpKind::Receive, CallResult::WouldBlock), 12);
    QCOMPARE(messagesReceivedBy(run.trace, poller), 3);
    QCOMPARE(processSyscalls(run.report, "poller"), 17);
    QCOMPARE(countSyscallsNamed(run.trace, waiter, "mq_timedreceive"), 3);
    QCOMPARE(countCalls(run.trace, waiter, OpKind::Receive, CallResult::WouldBlock), 0);
    QCOMPARE(messagesReceivedBy(run.trace, waiter), 3);
    QCOMPARE(processSyscalls(run.report, "waiter"), 5);
}

void TestScenarios::deadlock() {
    IPCLAB_RUN_LESSON(run, "deadlock");
    QCOMPARE(run.trace.outcome, Outcome::Deadlock);
    QCOMPARE(run.report.outcome, Outcome::Deadlock);
    QCOMPARE(run.report.messagesSent, 0);
    const int link = run.trace.findObject(ObjectKind::Link, "alice<->bob");
    QVERIFY(link >= 0);
    QCOMPARE(run.trace.deadlockCycle.size(), std::size_t(2));
    QVERIFY(hasEdge(run.trace, "alice", OpKind::Receive, link, "bob"));
    QVERIFY(hasEdge(run.trace, "bob", OpKind::Receive, link, "alice"));
    QCOMPARE(processSyscalls(run.report, "alice"), 2); // socketpair + recvfrom
    QCOMPARE(processSyscalls(run.report, "bob"), 1);
}

void TestScenarios::deadlockSemaphores() {
    IPCLAB_RUN_LESSON(run, "deadlock-semaphores");
    QCOMPARE(run.trace.outcome, Outcome::Deadlock);
    const int printer = run.trace.findObject(ObjectKind::Semaphore, "printer");
    const int scanner = run.trace.findObject(ObjectKind::Semaphore, "scanner");
    QCOMPARE(run.trace.deadlockCycle.size(), std::size_t(2));
    QVERIFY(hasEdge(run.trace, "left", OpKind::SemWait, scanner, "right"));
    QVERIFY(hasEdge(run.trace, "right", OpKind::SemWait, printer, "left"));
}
