// Scheduling, time and the trace's own fields: who runs when, on which CPU, at what cost.

#include "kerneltest.h"

#include <QTest>

using namespace ipclab;
using kt::run;

namespace {

using Lines = std::vector<std::string>;

const char* const kThree = R"(
scenario: three jobs
kernel: { cpus: 1, scheduler: %1, quantum: 1, seed: 7 }
processes:
  - name: a
    priority: 3
    program: [ { compute: 3 } ]
  - name: b
    priority: 1
    program: [ { compute: 2 } ]
  - name: c
    priority: 2
    start: 1
    program: [ { compute: 1 } ]
)";

std::string three(const char* policy) {
    return QString::fromLatin1(kThree).arg(QLatin1String(policy)).toStdString();
}

std::uint64_t endTime(const Trace& t) {
    return t.events.back().time;
}

} // namespace

class TestKernel : public QObject {
    Q_OBJECT
private slots:
    void dispatchOrder_data();
    void dispatchOrder();
    void roundRobinPreemptsAtQuantum();
    void priorityPreemptsOnArrival();
    void priorityPreemptsOnWake();
    void wakeRunsOnIdleCpuSameTick();
    void dispatchCountsCandidates();
    void multiCpu_data();
    void multiCpu();
    void stateLifeCycle();
    void costs_data();
    void costs();
    void timeLimit();
    void manualChoices();
    void manualAwaitsChoice();
    void manualRejectsProcessNotReady();
    void randomIsSeeded();
    void deterministic();
    void traceFields();
    void eventCap();
};

void TestKernel::dispatchOrder_data() {
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("order");
    QTest::addColumn<int>("end");
    // fcfs: in arrival order, each to its end.
    QTest::newRow("fcfs") << "fcfs"
                          << "a, b, c" << 6;
    // round-robin, quantum 1: c arrives at 1, the tick a is preempted, and queues
    // before a (arrivals enter the ready queue before the preempted process).
    QTest::newRow("round-robin") << "round-robin"
                                 << "a, b, c, a, b, a" << 6;
    // priority: b (1) first, then c (2, arrived at 1), then a (3).
    QTest::newRow("priority") << "priority"
                              << "b, c, a" << 6;
}

void TestKernel::dispatchOrder() {
    QFETCH(QString, policy);
    QFETCH(QString, order);
    QFETCH(int, end);
    const auto r = run(three(policy.toLatin1().constData()));
    QCOMPARE(kt::outcome(r.trace), std::string("completed"));
    QCOMPARE(kt::join(kt::dispatches(r.trace)), order);
    QCOMPARE(endTime(r.trace), std::uint64_t(end));
}

void TestKernel::roundRobinPreemptsAtQuantum() {
    const auto r = run(R"(
scenario: rr
kernel: { cpus: 1, scheduler: round-robin, quantum: 2 }
processes:
  - name: long
    program: [ { compute: 5 } ]
  - name: short
    program: [ { compute: 1 } ]
)");
    // long runs 0-2, short 2-3, long 3-6 (alone: its quantum renews without a switch).
    const auto preempts = kt::eventsOf(r.trace, EventKind::Preempt);
    QCOMPARE(preempts.size(), std::size_t(1));
    QCOMPARE(preempts[0]->time, std::uint64_t(2));
    QCOMPARE(preempts[0]->proc, std::uint16_t(0));
    QCOMPARE(preempts[0]->a, 3); // ticks of the compute still to do
    QCOMPARE(kt::states(r.trace, 0),
             (Lines{"0 ready", "0 running", "2 ready", "3 running", "6 terminated"}));
    QCOMPARE(kt::states(r.trace, 1), (Lines{"0 ready", "2 running", "3 terminated"}));
}

void TestKernel::priorityPreemptsOnArrival() {
    const auto r = run(R"(
scenario: priority
kernel: { cpus: 1, scheduler: priority }
processes:
  - name: low
    priority: 5
    program: [ { compute: 4 } ]
  - name: urgent
    priority: 0
    start: 1
    program: [ { compute: 2 } ]
  - name: same
    priority: 5
    start: 1
    program: [ { compute: 1 } ]
)");
    // urgent takes the CPU at 1; low goes back behind `same`, which arrived at 1 too
    // and was already waiting: FCFS among equal priorities is by ready-queue order.
    QCOMPARE(kt::join(kt::dispatches(r.trace)), QString("low, urgent, same, low"));
    QCOMPARE(kt::states(r.trace, 0),
             (Lines{"0 ready", "0 running", "1 ready", "4 running", "7 terminated"}));
    QCOMPARE(kt::states(r.trace, 2), (Lines{"1 ready", "3 running", "4 terminated"}));
    const auto preempts = kt::eventsOf(r.trace, EventKind::Preempt);
    QCOMPARE(preempts.size(), std::size_t(1));
    QCOMPARE(preempts[0]->time, std::uint64_t(1));
    QCOMPARE(preempts[0]->a, 3);
}

void TestKernel::priorityPreemptsOnWake() {
    const auto r = run(R"(
scenario: priority wake
kernel: { cpus: 1, scheduler: priority }
processes:
  - name: important
    priority: 0
    program:
      - sem_create: { name: go, value: 0 }
      - sem_wait: go
      - compute: 1
  - name: worker
    priority: 9
    program:
      - compute: 3
      - sem_post: go
      - compute: 4
)");
    // important blocks at 2; worker computes 2-5, posts at 5 (2 calls, until 7) but
    // loses the CPU at once to the process it woke, which pays its wait's tick (5-6) and
    // computes (6-7); worker then finishes its post (7-9) and computes (9-13).
    QCOMPARE(kt::join(kt::dispatches(r.trace)), QString("important, worker, important, worker"));
    const auto preempts = kt::eventsOf(r.trace, EventKind::Preempt);
    QCOMPARE(preempts.size(), std::size_t(1));
    QCOMPARE(preempts[0]->time, std::uint64_t(5));
    QCOMPARE(preempts[0]->op, OpKind::SemPost);
    QCOMPARE(preempts[0]->a, 2);
    QCOMPARE(kt::states(r.trace, 0),
             (Lines{"0 ready", "0 running", "2 blocked", "5 ready", "5 running", "7 terminated"}));
    QCOMPARE(kt::states(r.trace, 1),
             (Lines{"0 ready", "2 running", "5 ready", "7 running", "13 terminated"}));
}

void TestKernel::wakeRunsOnIdleCpuSameTick() {
    const auto r = run(R"(
scenario: two cpus
kernel: { cpus: 2, scheduler: fcfs }
processes:
  - name: receiver
    program:
      - mailbox_create: { name: M, capacity: 1 }
      - receive: { mailbox: M, into: x }
      - say: "got {x}"
  - name: sender
    program:
      - compute: 4
      - send: { mailbox: M, message: "now" }
)");
    // The receiver blocks at 1 and frees CPU 0; the send at 4 on CPU 1 wakes it and it
    // is dispatched on the idle CPU 0 in the same tick, pays its receive's tick (4-5) and
    // says its caption (no time).
    QCOMPARE(kt::states(r.trace, 0),
             (Lines{"0 ready", "0 running", "1 blocked", "4 ready", "4 running", "5 terminated"}));
    const auto captions = kt::eventsOf(r.trace, EventKind::Caption);
    QCOMPARE(captions.size(), std::size_t(1));
    QCOMPARE(r.trace.str(captions[0]->text), std::string("got now"));
    QCOMPARE(captions[0]->time, std::uint64_t(5));
    QCOMPARE(int(captions[0]->cpu), 0);
}

void TestKernel::dispatchCountsCandidates() {
    const auto r = run(three("fcfs"));
    std::vector<int> candidates;
    for (const Event* e : kt::eventsOf(r.trace, EventKind::Dispatch)) {
        candidates.push_back(e->a);
    }
    QCOMPARE(candidates, (std::vector<int>{2, 2, 1}));
}

void TestKernel::multiCpu_data() {
    QTest::addColumn<int>("cpus");
    QTest::addColumn<int>("end");
    QTest::addColumn<int>("highestCpu");
    QTest::newRow("1 cpu") << 1 << 16 << 0;
    QTest::newRow("2 cpus") << 2 << 8 << 1;
    QTest::newRow("4 cpus") << 4 << 4 << 3;
    QTest::newRow("16 cpus") << 16 << 4 << 3;
}

void TestKernel::multiCpu() {
    QFETCH(int, cpus);
    QFETCH(int, end);
    QFETCH(int, highestCpu);
    const auto r = run(QString(R"(
scenario: speedup
kernel: { cpus: %1, scheduler: fcfs }
processes:
  - { name: w1, program: [ { compute: 4 } ] }
  - { name: w2, program: [ { compute: 4 } ] }
  - { name: w3, program: [ { compute: 4 } ] }
  - { name: w4, program: [ { compute: 4 } ] }
)")
                           .arg(cpus)
                           .toStdString());
    QCOMPARE(endTime(r.trace), std::uint64_t(end));
    QCOMPARE(r.trace.cpus, cpus);
    int highest = 0;
    // No CPU ever runs two processes: count running processes per CPU over the trace.
    std::vector<int> on(static_cast<std::size_t>(cpus), -1);
    for (const auto& e : r.trace.events) {
        if (e.kind == EventKind::Dispatch) {
            QCOMPARE(on[e.cpu], -1);
            on[e.cpu] = e.proc;
            highest = std::max(highest, int(e.cpu));
        } else if (e.kind == EventKind::State && ProcState(e.a) == ProcState::Terminated) {
            for (auto& p : on) {
                if (p == e.proc) {
                    p = -1;
                }
            }
        }
    }
    QCOMPARE(highest, highestCpu);
}

void TestKernel::stateLifeCycle() {
    const auto r = run(R"(
scenario: life
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - name: waiter
    program:
      - sem_create: { name: s, value: 0 }
      - sem_wait: s
      - compute: 1
  - name: poster
    start: 5
    program: [ { sem_post: s } ]
)");
    // sem_create costs 2 syscalls (2 ticks), sem_wait blocks at 2; the poster's lookup and
    // post run 5-7 and wake it at 5; its wait's tick is paid when it runs again (7-8),
    // then compute 8-9.
    QCOMPARE(kt::states(r.trace, 0),
             (Lines{"0 ready", "0 running", "2 blocked", "5 ready", "7 running", "9 terminated"}));
    const auto blocked = std::find_if(r.trace.events.begin(), r.trace.events.end(), [](auto& e) {
        return e.kind == EventKind::State && ProcState(e.a) == ProcState::Blocked;
    });
    QCOMPARE(blocked->op, OpKind::SemWait);
    QCOMPARE(blocked->line, std::uint16_t(8));
    QCOMPARE(r.trace.objects.at(blocked->object).name, std::string("s"));
    // The initial state of everyone is recorded at time 0.
    QCOMPARE(r.trace.events.at(1).kind, EventKind::State);
    QCOMPARE(ProcState(r.trace.events.at(1).a), ProcState::New);
}

void TestKernel::costs_data() {
    QTest::addColumn<int>("syscallCost");
    QTest::addColumn<int>("switchCost");
    QTest::addColumn<int>("end");
    QTest::addColumn<int>("firstComputeAt");
    // a: mailbox_create (1 syscall) + compute 2; b: compute 1. fcfs.
    QTest::newRow("defaults") << 1 << 0 << 4 << 1;
    QTest::newRow("free syscalls") << 0 << 0 << 3 << 0;
    QTest::newRow("costly syscalls") << 5 << 0 << 8 << 5;
    QTest::newRow("switch cost") << 1 << 2 << 8 << 3;
}

void TestKernel::costs() {
    QFETCH(int, syscallCost);
    QFETCH(int, switchCost);
    QFETCH(int, end);
    QFETCH(int, firstComputeAt);
    const auto r = run(QString(R"(
scenario: costs
kernel: { cpus: 1, scheduler: fcfs, syscall_cost: %1, switch_cost: %2 }
processes:
  - name: a
    program:
      - mailbox_create: { name: M, capacity: 1 }
      - compute: 2
  - name: b
    program: [ { compute: 1 } ]
)")
                           .arg(syscallCost)
                           .arg(switchCost)
                           .toStdString());
    QCOMPARE(endTime(r.trace), std::uint64_t(end));
    QCOMPARE(kt::eventsOf(r.trace, EventKind::Compute, 0).at(0)->time,
             std::uint64_t(firstComputeAt));
}

void TestKernel::timeLimit() {
    const auto r = run(R"(
scenario: forever
kernel: { cpus: 1, scheduler: fcfs, time_limit: 10 }
processes:
  - name: busy
    program: [ { compute: 100 } ]
)");
    QCOMPARE(kt::outcome(r.trace), std::string("time_limit"));
    QCOMPARE(r.trace.events.back().kind, EventKind::RunEnd);
    QCOMPARE(r.trace.events.back().time, std::uint64_t(10));
    QCOMPARE(Outcome(r.trace.events.back().a), Outcome::TimeLimit);
}

static const char* const kManual = R"(
scenario: you are the scheduler
kernel: { cpus: 1, scheduler: manual, quantum: 2 }
processes:
  - { name: a, program: [ { compute: 2 } ] }
  - { name: b, program: [ { compute: 2 } ] }
  - { name: c, program: [ { compute: 2 } ] }
)";

void TestKernel::manualChoices() {
    RunOptions o;
    o.choices = {2, 0};
    const auto r = simulate(kt::load(kManual), o);
    QCOMPARE(kt::outcome(r.trace), std::string("completed"));
    // Two real choices (3 and 2 candidates); the last one is forced.
    QCOMPARE(kt::join(kt::dispatches(r.trace)), QString("c, a, b"));
    QVERIFY(r.readyChoices.empty());
}

void TestKernel::manualAwaitsChoice() {
    RunOptions o;
    o.choices = {1};
    const auto r = simulate(kt::load(kManual), o);
    QCOMPARE(kt::outcome(r.trace), std::string("awaiting_choice"));
    QCOMPARE(kt::join(kt::dispatches(r.trace)), QString("b"));
    QCOMPARE(r.readyChoices, (std::vector<int>{0, 2}));
    QCOMPARE(r.trace.events.back().kind, EventKind::RunEnd);
    QCOMPARE(r.trace.events.back().time, std::uint64_t(2));
    // Without any choice the run stops before the first dispatch.
    const auto none = simulate(kt::load(kManual));
    QCOMPARE(kt::outcome(none.trace), std::string("awaiting_choice"));
    QCOMPARE(none.readyChoices, (std::vector<int>{0, 1, 2}));
}

void TestKernel::manualRejectsProcessNotReady() {
    RunOptions o;
    o.choices = {1, 1}; // b cannot be picked twice: it has ended
    const auto r = simulate(kt::load(kManual), o);
    QCOMPARE(kt::outcome(r.trace), std::string("awaiting_choice"));
    QCOMPARE(r.readyChoices, (std::vector<int>{0, 2}));
}

void TestKernel::randomIsSeeded() {
    const Scenario s = kt::load(R"(
scenario: lottery
kernel: { cpus: 1, scheduler: random, quantum: 1 }
processes:
  - { name: a, program: [ { compute: 3 } ] }
  - { name: b, program: [ { compute: 3 } ] }
  - { name: c, program: [ { compute: 3 } ] }
)");
    auto order = [&](std::uint64_t seed) {
        RunOptions o;
        o.overrideSeed = true;
        o.seed = seed;
        return kt::join(kt::dispatches(simulate(s, o).trace));
    };
    QCOMPARE(order(1), order(1));
    // splitmix64 from the seed picks an index into the ready queue at every decision (an
    // independent Python model of the same rule gives these orders); a process alone in
    // the system keeps the CPU without a new dispatch.
    QCOMPARE(order(1), QString("c, b, a, a, c, c, a, b"));
    QCOMPARE(order(2), QString("b, b, a, c, a, b, c, c, a"));
    QVERIFY(order(1) != order(2));
}

void TestKernel::deterministic() {
    const Scenario s = kt::load(R"(
scenario: everything at once
kernel: { cpus: 2, scheduler: random, quantum: 1, seed: 42 }
processes:
  - name: p
    program:
      - mailbox_create: { name: M, capacity: 2 }
      - shm_create: { name: board, key: 1, size: 64, mode: "0666" }
      - shm_attach: board
      - repeat: 20
        do:
          - send: { mailbox: M, message: "m{i}" }
          - write: { segment: board, offset: 0, value: "{i}" }
  - name: q
    program:
      - repeat: 20
        do:
          - receive: { mailbox: M, into: x }
          - send: { to: p, message: "got {x}", blocking: false }
)");
    const auto a = simulate(s);
    const auto b = simulate(s);
    QCOMPARE(a.trace.events.size(), b.trace.events.size());
    QVERIFY(a.trace.events.size() > 100);
    for (std::size_t i = 0; i < a.trace.events.size(); ++i) {
        QVERIFY2(kt::sameEvent(a.trace.events[i], b.trace.events[i]),
                 qPrintable(QString("event %1 differs").arg(i)));
    }
    QCOMPARE(a.trace.strings, b.trace.strings);
    QCOMPARE(a.trace.objects.size(), b.trace.objects.size());
}

void TestKernel::traceFields() {
    RunOptions o;
    o.overrideSeed = true;
    o.seed = 99;
    const auto r = simulate(kt::load(three("fcfs")), o);
    QVERIFY(r.trace.engine == Engine::Sim);
    QVERIFY(r.trace.timeUnit == TimeUnit::Tick);
    QVERIFY(r.trace.countingMethod == CountingMethod::Simulated);
    QCOMPARE(r.trace.scenarioTitle, std::string("three jobs"));
    QCOMPARE(r.trace.seed, std::uint64_t(99));
    QCOMPARE(r.trace.processNames, (std::vector<std::string>{"a", "b", "c"}));
    QCOMPARE(r.trace.events.front().kind, EventKind::RunStart);
    QCOMPARE(r.trace.events.back().kind, EventKind::RunEnd);
    for (std::size_t i = 1; i < r.trace.events.size(); ++i) {
        QVERIFY(r.trace.events[i - 1].time <= r.trace.events[i].time);
    }
    const auto plain = simulate(kt::load(three("fcfs")));
    QCOMPARE(plain.trace.seed, std::uint64_t(7));
}

void TestKernel::eventCap() {
    RunOptions o;
    o.maxEvents = 50;
    const auto r = simulate(kt::load(R"(
scenario: chatty
kernel: { syscall_cost: 0 }
processes:
  - name: p
    program:
      - repeat: 1000
        do: [ { say: "again" } ]
)"),
                            o);
    QCOMPARE(kt::outcome(r.trace), std::string("event_limit"));
    QCOMPARE(r.trace.events.size(), std::size_t(51));
    QCOMPARE(r.trace.notes.size(), std::size_t(1));
}

QTEST_APPLESS_MAIN(TestKernel)
#include "tst_kernel.moc"
