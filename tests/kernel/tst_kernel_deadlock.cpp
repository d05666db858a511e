// Deadlock: when nothing can run or arrive and someone is blocked, the run ends with the
// wait-for cycle: who waits in which operation on what, and who alone could release it.

#include "kerneltest.h"

#include <QTest>

using namespace ipclab;
using kt::run;
using Lines = std::vector<std::string>;

namespace {

/// "proc op object -> holder" per edge.
Lines cycle(const Trace& t) {
    Lines out;
    for (const WaitEdge& w : t.deadlockCycle) {
        const std::string object =
            w.object >= 0 ? t.objects.at(static_cast<std::size_t>(w.object)).name : "-";
        out.push_back(kt::processName(t, w.proc) + " " + std::string(opName(w.op)) + " " + object +
                      " -> " + kt::processName(t, w.holder));
    }
    return out;
}

} // namespace

class TestKernelDeadlock : public QObject {
    Q_OBJECT
private slots:
    void cycles_data();
    void cycles();
    void endsWhenLastRunnerEnds();
    void noDeadlockWhileSomeoneMayArrive();
};

void TestKernelDeadlock::cycles_data() {
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("expected");

    QTest::newRow("receive first")
        << R"(
scenario: both receive first
processes:
  - name: alice
    program:
      - receive: { from: bob }
      - send: { to: bob, message: "hi" }
  - name: bob
    program:
      - receive: { from: alice }
      - send: { to: alice, message: "hi" }
)"
        << "alice receive alice<->bob -> bob, bob receive alice<->bob -> alice";

    QTest::newRow("semaphores in opposite order") << R"(
scenario: dining
kernel: { cpus: 1, scheduler: round-robin, quantum: 1 }
processes:
  - name: p
    program:
      - sem_create: { name: s1, value: 1 }
      - sem_create: { name: s2, value: 1 }
      - sem_wait: s1
      - compute: 5
      - sem_wait: s2
      - sem_post: s2
      - sem_post: s1
  - name: q
    start: 5
    program:
      - sem_wait: s2
      - compute: 5
      - sem_wait: s1
      - sem_post: s1
      - sem_post: s2
)"
                                                  << "p sem_wait s2 -> q, q sem_wait s1 -> p";

    QTest::newRow("full mailboxes") << R"(
scenario: both send into full mailboxes
kernel: { cpus: 2 }
processes:
  - name: p
    program:
      - mailbox_create: { name: toq, capacity: 1 }
      - compute: 2
      - send: { mailbox: toq, message: "1" }
      - send: { mailbox: toq, message: "2" }
      - receive: { mailbox: top }
  - name: q
    program:
      - mailbox_create: { name: top, capacity: 1 }
      - compute: 2
      - send: { mailbox: top, message: "1" }
      - send: { mailbox: top, message: "2" }
      - receive: { mailbox: toq }
)"
                                    << "p send toq -> q, q send top -> p";

    QTest::newRow("rendezvous both send") << R"(
scenario: both wait for an ack
kernel: { cpus: 2 }
processes:
  - name: p
    program:
      - mailbox_create: { name: a, capacity: 0 }
      - compute: 3
      - send: { mailbox: a, message: "x" }
      - receive: { mailbox: b }
  - name: q
    program:
      - mailbox_create: { name: b, capacity: 0 }
      - compute: 3
      - send: { mailbox: b, message: "y" }
      - receive: { mailbox: a }
)"
                                          << "p send a -> q, q send b -> p";

    QTest::newRow("receive from any")
        << R"(
scenario: server and client wait for each other
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - name: server
    program:
      - receive: { from: any, into: req }
      - send: { to: client, message: "answer" }
  - name: client
    program:
      - receive: { from: server, into: answer }
      - send: { to: server, message: "question" }
)"
        << "server receive - -> client, client receive client<->server -> server";

    // No cycle: other waits for a send nobody will make; lonely waits for other.
    QTest::newRow("nobody will send") << R"(
scenario: waits for nothing
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - name: lonely
    program:
      - mailbox_create: { name: M, capacity: 1 }
      - receive: { mailbox: M }
  - name: other
    program:
      - receive: { mailbox: M }
      - send: { mailbox: M, message: "late" }
)"
                                      << "lonely receive M -> other, other receive M -> -";

    QTest::newRow("sender already gone") << R"(
scenario: the sender ended
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - name: p
    program:
      - sem_create: { name: s, value: 0 }
      - sem_wait: s
  - name: q
    program: [ { compute: 1 } ]
)"
                                         << "p sem_wait s -> -";
}

void TestKernelDeadlock::cycles() {
    QFETCH(QString, yaml);
    QFETCH(QString, expected);
    const auto r = run(yaml.toStdString());
    const auto& t = r.trace;
    QCOMPARE(kt::outcome(t), std::string("deadlock"));
    QCOMPARE(kt::join(cycle(t)), expected);
    QCOMPARE(t.events.back().kind, EventKind::RunEnd);
    QCOMPARE(Outcome(t.events.back().a), Outcome::Deadlock);
}

void TestKernelDeadlock::endsWhenLastRunnerEnds() {
    const auto r = run(R"(
scenario: one blocked, one busy
kernel: { cpus: 2 }
processes:
  - name: waiter
    program:
      - sem_create: { name: s, value: 0 }
      - sem_wait: s
  - name: busy
    program: [ { compute: 25 } ]
)");
    const auto& t = r.trace;
    QCOMPARE(kt::outcome(t), std::string("deadlock"));
    QCOMPARE(t.events.back().time, std::uint64_t(25));
    QCOMPARE(kt::join(cycle(t)), QString("waiter sem_wait s -> -"));
}

void TestKernelDeadlock::noDeadlockWhileSomeoneMayArrive() {
    const auto r = run(R"(
scenario: late helper
kernel: { cpus: 1 }
processes:
  - name: waiter
    program:
      - sem_create: { name: s, value: 0 }
      - sem_wait: s
  - name: helper
    start: 50
    program: [ { sem_post: s } ]
)");
    QCOMPARE(kt::outcome(r.trace), std::string("completed"));
    QVERIFY(r.trace.deadlockCycle.empty());
}

QTEST_APPLESS_MAIN(TestKernelDeadlock)
#include "tst_kernel_deadlock.moc"
