// Message passing: mailboxes (rendezvous, bounded, unbounded), direct links, shut links,
// receive from any; exact syscalls, blocking and delivery order.

#include "kerneltest.h"

#include <QTest>

using namespace ipclab;
using kt::calls;
using kt::run;
using Lines = std::vector<std::string>;

class TestKernelMessages : public QObject {
    Q_OBJECT
private slots:
    void boundedSenderBlocksWhenFull();
    void rendezvous_data();
    void rendezvous();
    void unboundedNeverBlocks();
    void receiversServedFifo();
    void nonBlockingStillCostsASyscall();
    void deleteWakesWaiters();
    void processOwnedMailboxEndsWithCreator();
    void implicitLinkOncePerPair();
    void explicitConnect();
    void shutLink();
    void receiveFromAnyTakesOldest();
    void receiveFromAnyBlocks();
    void peerExitClosesLink();
    void messageCountsAndBytes();
    void objectTableLimit();
};

void TestKernelMessages::boundedSenderBlocksWhenFull() {
    const auto r = run(R"(
scenario: bounded
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - name: producer
    program:
      - mailbox_create: { name: M, capacity: 1 }
      - send: { mailbox: M, message: "one" }
      - send: { mailbox: M, message: "two" }
  - name: consumer
    start: 10
    program:
      - receive: { mailbox: M, into: a }
      - receive: { mailbox: M, into: b }
)");
    const auto& t = r.trace;
    QCOMPARE(kt::outcome(t), std::string("completed"));
    QCOMPARE(calls(t, 0),
             (Lines{"mq_open ok", "mq_timedsend ok", "mq_timedsend ok", "+mq_timedsend ok"}));
    QCOMPARE(calls(t, 1), (Lines{"mq_open ok", "mq_timedreceive ok", "mq_timedreceive ok"}));
    QCOMPARE(kt::states(t, 0), (Lines{"0 ready", "0 running", "2 blocked", "10 ready", "13 running",
                                      "14 terminated"}));
    QCOMPARE(kt::finalVar(t, 1, "a"), std::string("one"));
    QCOMPARE(kt::finalVar(t, 1, "b"), std::string("two"));
    QCOMPARE(kt::syscalls(t), 6); // the completion of the blocked send is not counted
    // The blocked send carries the blocking flag; its completion is not counted again.
    const auto sys = kt::eventsOf(t, EventKind::Syscall, 0);
    QCOMPARE(int(sys[2]->flags), int(kFlagBlocking));
    QCOMPARE(int(sys[3]->flags), int(kFlagCompletes));
    // "two" entered the mailbox only when the consumer made room (at 10).
    const auto sent = kt::eventsOf(t, EventKind::MsgSent);
    QCOMPARE(sent.size(), std::size_t(2));
    QCOMPARE(sent[1]->time, std::uint64_t(10));
    QCOMPARE(sent[1]->b, 1);
}

void TestKernelMessages::rendezvous_data() {
    QTest::addColumn<int>("receiverStart");
    QTest::addColumn<QString>("senderCalls");
    QTest::addColumn<QString>("receiverCalls");
    // The sender arrives first: it waits in its ack receive until the message is taken.
    QTest::newRow("sender first")
        << 5 << "mq_open ok, mq_open ok, mq_timedsend ok, mq_timedreceive ok, +mq_timedreceive ok"
        << "mq_open ok, mq_open ok, mq_timedreceive ok, mq_timedsend ok";
    // The receiver arrives first: it waits; the sender hands over and finds the ack.
    QTest::newRow("receiver first")
        << 0 << "mq_open ok, mq_open ok, mq_timedsend ok, mq_timedreceive ok"
        << "mq_open ok, mq_open ok, mq_timedreceive ok, +mq_timedreceive ok, mq_timedsend ok";
}

void TestKernelMessages::rendezvous() {
    QFETCH(int, receiverStart);
    QFETCH(QString, senderCalls);
    QFETCH(QString, receiverCalls);
    const auto r = run(QString(R"(
scenario: rendezvous
kernel: { cpus: 2, scheduler: fcfs }
processes:
  - name: sender
    program:
      - mailbox_create: { name: R, capacity: 0 }
      - compute: 2
      - send: { mailbox: R, message: "hi" }
      - compute: 1
  - name: receiver
    start: %1
    program:
      - receive: { mailbox: R, into: got }
)")
                           .arg(receiverStart)
                           .toStdString());
    const auto& t = r.trace;
    QCOMPARE(kt::outcome(t), std::string("completed"));
    QCOMPARE(kt::join(calls(t, 0)), senderCalls);
    QCOMPARE(kt::join(calls(t, 1)), receiverCalls);
    QCOMPARE(kt::finalVar(t, 1, "got"), std::string("hi"));
    // The same counts either way: the simulator predicts what real mode measures.
    QCOMPARE(kt::syscalls(t, 0), 4);
    QCOMPARE(kt::syscalls(t, 1), 4);
    QCOMPARE(kt::syscallsOf(t, OpKind::Send), 2);
    QCOMPARE(kt::syscallsOf(t, OpKind::Receive), 4);
    QCOMPARE(t.objects.at(0).capacity, std::int64_t(0));
}

void TestKernelMessages::unboundedNeverBlocks() {
    const auto r = run(R"(
scenario: unbounded
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - name: sender
    program:
      - mailbox_create: { name: U, capacity: unbounded }
      - repeat: 5
        do: [ { send: { mailbox: U, message: "m{i}" } } ]
)");
    const auto& t = r.trace;
    QCOMPARE(kt::states(t, 0), (Lines{"0 ready", "0 running", "6 terminated"}));
    std::vector<int> lengths;
    for (const Event* e : kt::eventsOf(t, EventKind::MsgSent)) {
        lengths.push_back(e->b);
    }
    QCOMPARE(lengths, (std::vector<int>{1, 2, 3, 4, 5}));
    QCOMPARE(kt::texts(t, EventKind::MsgSent), (Lines{"m1", "m2", "m3", "m4", "m5"}));
    const auto created = kt::eventsOf(t, EventKind::ObjCreated);
    QCOMPARE(created.at(0)->a, int(kUnbounded));
}

void TestKernelMessages::receiversServedFifo() {
    const auto r = run(R"(
scenario: several receivers
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - name: r1
    program:
      - mailbox_create: { name: M, capacity: 4 }
      - receive: { mailbox: M, into: x }
  - name: r2
    program: [ { receive: { mailbox: M, into: x } } ]
  - name: r3
    program: [ { receive: { mailbox: M, into: x } } ]
  - name: s
    program:
      - send: { mailbox: M, message: "first" }
      - send: { mailbox: M, message: "second" }
      - send: { mailbox: M, message: "third" }
)");
    const auto& t = r.trace;
    QCOMPARE(kt::outcome(t), std::string("completed"));
    QCOMPARE(kt::finalVar(t, 0, "x"), std::string("first"));
    QCOMPARE(kt::finalVar(t, 1, "x"), std::string("second"));
    QCOMPARE(kt::finalVar(t, 2, "x"), std::string("third"));
    std::vector<int> senders;
    for (const Event* e : kt::eventsOf(t, EventKind::MsgReceived)) {
        senders.push_back(e->b);
    }
    QCOMPARE(senders, (std::vector<int>{3, 3, 3}));
}

void TestKernelMessages::nonBlockingStillCostsASyscall() {
    const auto r = run(R"(
scenario: polling
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - name: poller
    program:
      - mailbox_create: { name: M, capacity: 1 }
      - repeat: 3
        do: [ { receive: { mailbox: M, into: x, blocking: false } } ]
      - send: { mailbox: M, message: "a" }
      - send: { mailbox: M, message: "b", blocking: false }
      - receive: { from: any, blocking: false }
)");
    const auto& t = r.trace;
    QCOMPARE(kt::outcome(t), std::string("completed"));
    QCOMPARE(calls(t, 0),
             (Lines{"mq_open ok", "mq_timedreceive would_block", "mq_timedreceive would_block",
                    "mq_timedreceive would_block", "mq_timedsend ok", "mq_timedsend would_block",
                    "ppoll would_block"}));
    QCOMPARE(kt::syscalls(t), 7);
    QCOMPARE(kt::finalVar(t, 0, "x"), std::string("<unset>"));
    QCOMPARE(kt::states(t, 0), (Lines{"0 ready", "0 running", "7 terminated"}));
}

void TestKernelMessages::deleteWakesWaiters() {
    const auto r = run(R"(
scenario: delete
kernel: { cpus: 2, scheduler: fcfs }
processes:
  - name: owner
    program:
      - mailbox_create: { name: M, capacity: 2 }
      - compute: 5
      - mailbox_delete: M
      - send: { mailbox: M, message: "late" }
      - mailbox_delete: M
  - name: waiter
    start: 1
    program:
      - receive: { mailbox: M, into: x }
      - compute: 1
)");
    const auto& t = r.trace;
    QCOMPARE(kt::outcome(t), std::string("completed"));
    QCOMPARE(calls(t, 1),
             (Lines{"mq_open ok", "mq_timedreceive ok", "+mq_timedreceive no_such_object"}));
    QCOMPARE(calls(t, 0), (Lines{"mq_open ok", "mq_unlink ok", "mq_timedsend no_such_object",
                                 "mq_unlink no_such_object"}));
    QCOMPARE(kt::eventsOf(t, EventKind::ObjDeleted).size(), std::size_t(1));
    QCOMPARE(kt::finalVar(t, 1, "x"), std::string("<unset>"));
}

void TestKernelMessages::processOwnedMailboxEndsWithCreator() {
    const auto r = run(R"(
scenario: owned
kernel: { cpus: 2, scheduler: fcfs }
processes:
  - name: owner
    program:
      - mailbox_create: { name: M, capacity: 0, owner: process }
      - compute: 3
  - name: waiter
    program:
      - compute: 1
      - receive: { mailbox: M, into: x }
)");
    const auto& t = r.trace;
    QCOMPARE(kt::outcome(t), std::string("completed"));
    const auto deleted = kt::eventsOf(t, EventKind::ObjDeleted);
    QCOMPARE(deleted.size(), std::size_t(1));
    QCOMPARE(deleted[0]->proc, std::uint16_t(0));
    QCOMPARE(deleted[0]->time, std::uint64_t(5)); // 2 opens + compute 3
    QCOMPARE(calls(t, 1), (Lines{"mq_open ok", "mq_open ok", "mq_timedreceive ok",
                                 "+mq_timedreceive no_such_object"}));
    QCOMPARE(calls(t, 0), (Lines{"mq_open ok", "mq_open ok"})); // no unlink: the exit did it
}

void TestKernelMessages::implicitLinkOncePerPair() {
    const auto r = run(R"(
scenario: direct
kernel: { cpus: 1, scheduler: round-robin, quantum: 1 }
processes:
  - name: alice
    program:
      - send: { to: bob, message: "hi bob" }
      - receive: { from: bob, into: reply }
  - name: bob
    program:
      - receive: { from: alice, into: msg }
      - send: { to: alice, message: "hi alice" }
)");
    const auto& t = r.trace;
    QCOMPARE(kt::outcome(t), std::string("completed"));
    QCOMPARE(t.objects.size(), std::size_t(1));
    QCOMPARE(t.objects[0].kind, ObjectKind::Link);
    QCOMPARE(t.objects[0].name, std::string("alice<->bob"));
    QCOMPARE(t.objects[0].endA, 0);
    QCOMPARE(t.objects[0].endB, 1);
    QCOMPARE(calls(t, 0), (Lines{"socketpair ok", "sendto ok", "recvfrom ok"}));
    QCOMPARE(calls(t, 1), (Lines{"recvfrom ok", "sendto ok"}));
    QCOMPARE(kt::finalVar(t, 0, "reply"), std::string("hi alice"));
    QCOMPARE(kt::finalVar(t, 1, "msg"), std::string("hi bob"));
}

void TestKernelMessages::explicitConnect() {
    const auto r = run(R"(
scenario: connect
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - name: a
    program:
      - connect: b
      - connect: b
      - send: { to: b, message: "x" }
  - name: b
    program: [ { receive: { from: a } } ]
)");
    const auto& t = r.trace;
    QCOMPARE(calls(t, 0), (Lines{"socketpair ok", "sendto ok"}));
    QCOMPARE(calls(t, 1), (Lines{"recvfrom ok"}));
    QCOMPARE(t.objects.size(), std::size_t(1));
}

void TestKernelMessages::shutLink() {
    const auto r = run(R"(
scenario: shut
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - name: a
    program:
      - send: { to: b, message: "before" }
      - disconnect: b
      - send: { to: b, message: "after" }
      - say: "still running"
  - name: b
    program:
      - receive: { from: a, into: first }
      - receive: { from: a, into: second }
      - disconnect: a
)");
    const auto& t = r.trace;
    QCOMPARE(kt::outcome(t), std::string("completed"));
    QCOMPARE(calls(t, 0),
             (Lines{"socketpair ok", "sendto ok", "shutdown ok", "sendto link_closed"}));
    // The message sent before the shutdown is still delivered; then end-of-file.
    QCOMPARE(calls(t, 1),
             (Lines{"recvfrom ok", "recvfrom link_closed", "shutdown no_such_object"}));
    QCOMPARE(kt::finalVar(t, 1, "first"), std::string("before"));
    QCOMPARE(kt::finalVar(t, 1, "second"), std::string("<unset>"));
    QCOMPARE(kt::texts(t, EventKind::Caption), (Lines{"still running"}));
    const auto deleted = kt::eventsOf(t, EventKind::ObjDeleted);
    QCOMPARE(deleted.size(), std::size_t(1));
    QCOMPARE(deleted[0]->op, OpKind::Disconnect);
}

void TestKernelMessages::receiveFromAnyTakesOldest() {
    const auto r = run(R"(
scenario: any
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - name: server
    start: 20
    program:
      - receive: { from: any, into: m }
      - receive: { from: any, into: m }
  - name: c1
    start: 2
    program: [ { send: { to: server, message: "from c1" } } ]
  - name: c2
    program: [ { send: { to: server, message: "from c2" } } ]
)");
    const auto& t = r.trace;
    QCOMPARE(kt::texts(t, EventKind::MsgReceived), (Lines{"from c2", "from c1"}));
    QCOMPARE(calls(t, 0), (Lines{"ppoll ok", "recvfrom ok", "ppoll ok", "recvfrom ok"}));
    QCOMPARE(t.objects.size(), std::size_t(2)); // c2<->server and c1<->server
    QCOMPARE(t.objects[0].name, std::string("c2<->server"));
}

void TestKernelMessages::receiveFromAnyBlocks() {
    const auto r = run(R"(
scenario: any blocks
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - name: server
    program: [ { receive: { from: any, into: m } } ]
  - name: client
    start: 3
    program: [ { send: { to: server, message: "ping" } } ]
)");
    const auto& t = r.trace;
    QCOMPARE(calls(t, 0), (Lines{"ppoll ok", "+ppoll ok", "recvfrom ok"}));
    QCOMPARE(kt::syscalls(t, 0), 2);
    QCOMPARE(kt::finalVar(t, 0, "m"), std::string("ping"));
    QCOMPARE(kt::states(t, 0),
             (Lines{"0 ready", "0 running", "0 blocked", "3 ready", "5 running", "7 terminated"}));
}

void TestKernelMessages::peerExitClosesLink() {
    const auto r = run(R"(
scenario: peer exits
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - name: listener
    program:
      - receive: { from: talker, into: a }
      - receive: { from: talker, into: b }
  - name: talker
    program: [ { send: { to: listener, message: "bye" } } ]
)");
    const auto& t = r.trace;
    QCOMPARE(kt::outcome(t), std::string("completed"));
    QCOMPARE(calls(t, 0),
             (Lines{"socketpair ok", "recvfrom ok", "+recvfrom ok", "recvfrom link_closed"}));
    QCOMPARE(kt::finalVar(t, 0, "a"), std::string("bye"));
}

void TestKernelMessages::messageCountsAndBytes() {
    const auto r = run(R"(
scenario: bytes
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - name: s
    program:
      - mailbox_create: { name: M, capacity: unbounded }
      - repeat: 3
        do: [ { send: { mailbox: M, message: "12345" } } ]
      - send: { to: r, message: "abc" }
  - name: r
    program:
      - repeat: 3
        do: [ { receive: { mailbox: M } } ]
      - receive: { from: s }
)");
    const auto& t = r.trace;
    std::int64_t bytes = 0;
    for (const Event* e : kt::eventsOf(t, EventKind::Syscall)) {
        bytes += e->a;
    }
    // Each message is copied twice: into the kernel and out of it.
    QCOMPARE(bytes, std::int64_t(2 * (3 * 5 + 3)));
    QCOMPARE(kt::eventsOf(t, EventKind::MsgSent).size(), std::size_t(4));
    QCOMPARE(kt::eventsOf(t, EventKind::MsgReceived).size(), std::size_t(4));
    std::vector<int> ids;
    for (const Event* e : kt::eventsOf(t, EventKind::MsgReceived)) {
        ids.push_back(e->a);
    }
    QCOMPARE(ids, (std::vector<int>{1, 2, 3, 4}));
}

void TestKernelMessages::objectTableLimit() {
    // Event object fields are 16 bits: creations past 65535 objects fail visibly.
    const auto r = run(R"(
scenario: link churn
kernel: { syscall_cost: 0 }
processes:
  - name: a
    program:
      - repeat: 70000
        do: [ { connect: b }, { disconnect: b } ]
  - name: b
    program: [ { compute: 1 } ]
)");
    const auto& t = r.trace;
    QCOMPARE(kt::outcome(t), std::string("completed"));
    QCOMPARE(t.objects.size(), std::size_t(65535));
    int failed = 0;
    for (const Event* e : kt::eventsOf(t, EventKind::Syscall, 0)) {
        if (CallResult(e->b) == CallResult::Error) {
            QCOMPARE(t.str(e->text), std::string("socketpair"));
            QCOMPARE(e->object, kNoObject);
            ++failed;
        }
    }
    QCOMPARE(failed, 70000 - 65535);
    QCOMPARE(t.notes.size(), std::size_t(1));
}

QTEST_APPLESS_MAIN(TestKernelMessages)
#include "tst_kernel_messages.moc"
