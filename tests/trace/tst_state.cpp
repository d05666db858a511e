// The system state at an event index: exact folds of hand-built traces, and StateCursor's
// snapshots giving the same state as a fresh fold whatever order the cursor moves in.

#include "generated_trace.h"
#include "state.h"
#include "trace_builder.h"

#include <QTest>
#include <memory>
#include <random>
#include <vector>

using namespace ipclab;
using ipclab::test::TraceBuilder;

namespace {

SystemState foldTo(const Trace& trace, std::size_t k) {
    SystemState s = initialState(trace);
    for (std::size_t i = 0; i < k; ++i) {
        applyEvent(s, trace, trace.events[i]);
    }
    return s;
}

/// A producer (0) sends two messages into bounded mailbox M (capacity 2) while the
/// consumer (1) first blocks on the empty mailbox, then takes one message.
Trace mailboxTrace() {
    TraceBuilder b({"producer", "consumer"});
    const int m = b.mailbox("M", 2);
    b.at(0).start();                                        // 0
    b.state(0, ProcState::Ready);                           // 1
    b.state(1, ProcState::Ready);                           // 2
    b.dispatch(1, 0, 2);                                    // 3
    b.state(1, ProcState::Running, OpKind::Compute, -1, 0); // 4
    b.syscall(1, OpKind::Receive, m, "mq_timedreceive", 0, CallResult::Ok, kFlagBlocking, 9);
    b.state(1, ProcState::Blocked, OpKind::Receive, m);     // 6
    b.at(1).dispatch(0, 0);                                 // 7
    b.state(0, ProcState::Running, OpKind::Compute, -1, 0); // 8
    b.at(2).syscall(0, OpKind::MailboxCreate, m, "mq_open", 0, CallResult::Ok, 0, 4);
    b.created(m, 2, 0, OpKind::MailboxCreate); // 10
    b.at(3).syscall(0, OpKind::Send, m, "mq_timedsend", 6, CallResult::Ok, kFlagBlocking, 7);
    b.sent(0, m, 1, 1, "item 1"); // 12
    b.at(4).syscall(0, OpKind::Send, m, "mq_timedsend", 6, CallResult::Ok, kFlagBlocking, 7);
    b.sent(0, m, 2, 2, "item 2"); // 14
    b.state(1, ProcState::Ready); // 15
    b.at(5).syscall(1, OpKind::Receive, m, "mq_timedreceive", 6, CallResult::Ok,
                    kFlagBlocking | kFlagCompletes, 9); // 16
    b.received(1, m, 1, 0, "item 1");                   // 17
    b.varSet(1, "item", "item 1");                      // 18
    b.ev(EventKind::Caption, -1, OpKind::Say, -1, 0, 0, "the consumer got one");
    b.at(6).state(0, ProcState::Terminated); // 20
    b.end(Outcome::Deadlock);                // 21
    return std::move(b.trace());
}

} // namespace

class TestState : public QObject {
    Q_OBJECT
private slots:
    void initialStateSizes() {
        TraceBuilder b({"a", "b", "c"}, 0);
        b.mailbox("M", 1);
        b.dispatch(2, 3);
        const SystemState s = initialState(b.trace());
        QCOMPARE(s.processes.size(), std::size_t(3));
        QCOMPARE(s.objects.size(), std::size_t(1));
        // cpus unknown (0): sized by the highest CPU an event uses.
        QCOMPARE(s.running, (std::vector<int>{-1, -1, -1, -1}));
        QCOMPARE(s.eventIndex, std::size_t(0));
        QVERIFY(!s.objects[0].exists);
        QCOMPARE(s.processes[0].state, ProcState::New);
    }

    void consumerBlocksOnEmptyMailbox() {
        const Trace t = mailboxTrace();
        const SystemState s = foldTo(t, 7);
        QCOMPARE(s.eventIndex, std::size_t(7));
        QCOMPARE(s.processes[1].state, ProcState::Blocked);
        QCOMPARE(s.processes[1].blockedOp, OpKind::Receive);
        QCOMPARE(s.processes[1].blockedObject, 0);
        QCOMPARE(s.processes[1].line, 9);
        QCOMPARE(s.processes[1].cpu, -1);
        QCOMPARE(s.objects[0].waiting, std::vector<int>{1});
        QCOMPARE(s.running, std::vector<int>{-1});
        QCOMPARE(s.processes[1].contextSwitches, std::int64_t(1));
        QCOMPARE(s.syscallsTotal, std::int64_t(1));
        QCOMPARE(s.processes[1].syscallsByOp.at(OpKind::Receive), std::int64_t(1));
    }

    void producerFillsMailbox() {
        const Trace t = mailboxTrace();
        const SystemState s = foldTo(t, 15);
        QCOMPARE(s.time, std::uint64_t(4));
        QVERIFY(s.objects[0].exists);
        QCOMPARE(s.objects[0].queue.size(), std::size_t(2));
        QCOMPARE(s.objects[0].queue[0], (QueuedMessage{1, 0, "item 1"}));
        QCOMPARE(s.objects[0].queue[1], (QueuedMessage{2, 0, "item 2"}));
        QCOMPARE(s.running, std::vector<int>{0});
        QCOMPARE(s.processes[0].cpu, 0);
        QCOMPARE(s.processes[0].state, ProcState::Running);
        QCOMPARE(s.messagesSent, std::int64_t(2));
        QCOMPARE(s.bytesCopied, std::int64_t(12));
        QCOMPARE(s.syscallsTotal, std::int64_t(4));
        QCOMPARE(s.syscallsByName,
                 (std::map<std::string, std::int64_t>{
                     {"mq_open", 1}, {"mq_timedreceive", 1}, {"mq_timedsend", 2}}));
        QCOMPARE(s.processes[0].syscalls, std::int64_t(3));
        QCOMPARE(s.processes[0].line, 7);
        QCOMPARE(s.processes[0].op, OpKind::Send);
        QCOMPARE(s.objects[0].waiting, std::vector<int>{1});
    }

    void completionIsNotASecondSyscall() {
        const Trace t = mailboxTrace();
        const SystemState s = foldTo(t, 19);
        QCOMPARE(s.processes[1].state, ProcState::Ready);
        QVERIFY(s.objects[0].waiting.empty());
        QCOMPARE(s.processes[1].blockedObject, -1);
        // The completing mq_timedreceive copies bytes but is not counted again.
        QCOMPARE(s.syscallsTotal, std::int64_t(4));
        QCOMPARE(s.processes[1].syscalls, std::int64_t(1));
        QCOMPARE(s.syscallsByName.at("mq_timedreceive"), std::int64_t(1));
        QCOMPARE(s.bytesCopied, std::int64_t(18));
        QCOMPARE(s.messagesReceived, std::int64_t(1));
        QCOMPARE(s.objects[0].queue.size(), std::size_t(1));
        QCOMPARE(s.objects[0].queue[0].id, 2);
        QCOMPARE(s.processes[1].locals, (std::map<std::string, std::string>{{"item", "item 1"}}));
        QVERIFY(s.lastCaption.empty());
        QCOMPARE(s.lastCaptionEvent, -1);
    }

    void captionAndEnd() {
        const Trace t = mailboxTrace();
        const SystemState mid = foldTo(t, 20);
        QCOMPARE(mid.lastCaption, std::string("the consumer got one"));
        QCOMPARE(mid.lastCaptionEvent, 19);
        QVERIFY(!mid.ended);
        const SystemState s = foldTo(t, t.events.size());
        QVERIFY(s.ended);
        QCOMPARE(s.outcome, Outcome::Deadlock);
        QCOMPARE(s.processes[0].state, ProcState::Terminated);
        QCOMPARE(s.running, std::vector<int>{-1});
        QCOMPARE(s.time, std::uint64_t(6));
    }

    void waitersLeaveInWakeOrder() {
        TraceBuilder b({"a", "b", "c"});
        const int m = b.mailbox("M", 0);
        b.created(m);
        b.state(2, ProcState::Blocked, OpKind::Send, m);
        b.state(0, ProcState::Blocked, OpKind::Receive, m);
        b.state(1, ProcState::Blocked, OpKind::Receive, m);
        const Trace& t = b.trace();
        QCOMPARE(foldTo(t, 4).objects[0].waiting, (std::vector<int>{2, 0, 1}));
        b.state(0, ProcState::Ready);
        QCOMPARE(foldTo(t, 5).objects[0].waiting, (std::vector<int>{2, 1}));
        b.ev(EventKind::ObjDeleted, 2, OpKind::MailboxDelete, m);
        const SystemState deleted = foldTo(t, 6);
        QVERIFY(!deleted.objects[0].exists);
        QCOMPARE(deleted.objects[0].waiting, (std::vector<int>{2, 1}));
        b.state(2, ProcState::Ready);
        b.state(1, ProcState::Terminated);
        QVERIFY(foldTo(t, 8).objects[0].waiting.empty());
    }

    void shutLinkKeepsWhatWasSent() {
        TraceBuilder b({"alice", "bob"});
        const int l = b.link(0, 1);
        b.created(l);
        b.sent(0, l, 1, 1, "hello");
        b.ev(EventKind::ObjDeleted, 0, OpKind::Disconnect, l);
        const SystemState shut = foldTo(b.trace(), 3);
        QVERIFY(!shut.objects[0].exists);
        QCOMPARE(shut.objects[0].queue.size(), std::size_t(1));
        QCOMPARE(shut.objects[0].queue.front().text, std::string("hello"));
        b.received(1, l, 1, 0, "hello");
        QVERIFY(foldTo(b.trace(), 4).objects[0].queue.empty());
    }

    void segmentLifeCycle() {
        TraceBuilder b({"writer", "snoop"});
        const int seg = b.segment("board", 4096, 0644, "1234");
        b.created(seg, 32769, 0, OpKind::ShmCreate);
        b.ev(EventKind::Attached, 0, OpKind::ShmAttach, seg, 16);
        b.ev(EventKind::Attached, 1, OpKind::ShmAttach, seg, 48);
        b.ev(EventKind::ShmWrite, 0, OpKind::Write, seg, 0, 0, "secret");
        b.ev(EventKind::ShmWrite, 0, OpKind::Write, seg, 8, 0, "42");
        b.ev(EventKind::ShmWrite, 0, OpKind::Write, seg, 0, 0, "public");
        b.ev(EventKind::ShmRead, 1, OpKind::Read, seg, 0, 0, "public");
        b.ev(EventKind::ShmMarked, 0, OpKind::ShmRemove, seg);
        b.ev(EventKind::Detached, 0, OpKind::ShmDetach, seg);
        const Trace& t = b.trace();
        const SystemState s = foldTo(t, t.events.size());
        const ObjectStatus& o = s.objects[0];
        QVERIFY(o.exists);
        QVERIFY(o.markedForRemoval);
        QCOMPARE(o.shmId, std::int64_t(32769));
        QCOMPARE(o.cells, (std::map<std::int64_t, std::string>{{0, "public"}, {8, "42"}}));
        QVERIFY(s.processes[0].attachments.empty());
        QCOMPARE(s.processes[1].attachments, (std::map<int, std::int64_t>{{0, 48}}));
        QCOMPARE(s.syscallsTotal, std::int64_t(0));
        b.ev(EventKind::Detached, 1, OpKind::ShmDetach, seg);
        b.ev(EventKind::ObjDeleted, 1, OpKind::ShmDetach, seg);
        const SystemState gone = foldTo(t, t.events.size());
        QVERIFY(!gone.objects[0].exists);
        QVERIFY(!gone.objects[0].markedForRemoval);
        QVERIFY(gone.objects[0].cells.empty());
        QVERIFY(gone.processes[1].attachments.empty());
    }

    void semaphoreValue() {
        TraceBuilder b({"a"});
        const int s = b.semaphore("ready");
        b.created(s, 3, 0, OpKind::SemCreate);
        QCOMPARE(foldTo(b.trace(), 1).objects[0].semValue, std::int64_t(3));
        b.ev(EventKind::SemChanged, 0, OpKind::SemWait, s, 2);
        QCOMPARE(foldTo(b.trace(), 2).objects[0].semValue, std::int64_t(2));
    }

    void dispatchReplacesAndPreemptFrees() {
        TraceBuilder b({"a", "b"}, 2);
        b.dispatch(0, 1);
        b.dispatch(1, 0);
        QCOMPARE(foldTo(b.trace(), 2).running, (std::vector<int>{1, 0}));
        b.preempt(0, 1);
        const SystemState s = foldTo(b.trace(), 3);
        QCOMPARE(s.running, (std::vector<int>{1, -1}));
        QCOMPARE(s.processes[0].cpu, -1);
        QCOMPARE(s.processes[0].contextSwitches, std::int64_t(1));
        b.dispatch(0, 0);
        const SystemState moved = foldTo(b.trace(), 4);
        QCOMPARE(moved.running, (std::vector<int>{0, -1}));
        QCOMPARE(moved.processes[1].cpu, -1);
    }

    void cursorEqualsFreshFold_data() {
        QTest::addColumn<int>("interval");
        QTest::addColumn<QString>("order");
        for (int interval : {1, 7, 256}) {
            for (const char* order : {"forward", "backward", "random"}) {
                QTest::addRow("%d-%s", interval, order) << interval << QString(order);
            }
        }
    }
    void cursorEqualsFreshFold() {
        QFETCH(int, interval);
        QFETCH(QString, order);
        auto trace = std::make_shared<const Trace>(ipclab::test::generatedTrace(3000));
        const std::size_t n = trace->events.size();
        std::vector<SystemState> expected;
        expected.reserve(n + 1);
        SystemState s = initialState(*trace);
        expected.push_back(s);
        for (const Event& e : trace->events) {
            applyEvent(s, *trace, e);
            expected.push_back(s);
        }
        std::vector<std::size_t> ks(n + 1);
        for (std::size_t k = 0; k <= n; ++k) {
            ks[k] = order == "backward" ? n - k : k;
        }
        if (order == "random") {
            std::shuffle(ks.begin(), ks.end(), std::mt19937(11));
        }
        StateCursor cursor(trace, static_cast<std::size_t>(interval));
        QCOMPARE(cursor.size(), n);
        // Visit the end first so every later index is reached after visiting later ones.
        QVERIFY(cursor.at(n) == expected[n]);
        for (std::size_t k : ks) {
            const SystemState& got = cursor.at(k);
            if (!(got == expected[k])) {
                QFAIL(qPrintable(QString("state at %1 differs from a fresh fold").arg(k)));
            }
            QCOMPARE(got.eventIndex, k);
        }
    }

    void stepBackRestoresExactly() {
        auto trace = std::make_shared<const Trace>(mailboxTrace());
        StateCursor cursor(trace, 4);
        const SystemState before = cursor.at(15);
        cursor.at(21);
        QVERIFY(cursor.at(15) == before);
        QCOMPARE(cursor.at(15).objects[0].queue.size(), std::size_t(2));
        QCOMPARE(cursor.at(14).objects[0].queue.size(), std::size_t(1));
        QVERIFY(cursor.at(13) == foldTo(*trace, 13));
        QVERIFY(cursor.at(1000) == foldTo(*trace, trace->events.size()));
    }
};

QTEST_APPLESS_MAIN(TestState)
#include "tst_state.moc"
