// Expressions, `while` and `if` in the simulated kernel: what they compute, what they
// cost (a tick of CPU per condition, no syscall), the spin time of busy waiting, and the
// faults of a process whose expression cannot be evaluated.

#include "kerneltest.h"
#include "report.h"

#include <QTest>

using namespace ipclab;
using kt::run;

namespace {

std::vector<std::string> captionsOf(const Trace& t) {
    return kt::texts(t, EventKind::Caption);
}

const ProcessReport& reportOf(const Report& r, const std::string& name) {
    for (const auto& p : r.processes) {
        if (p.name == name) {
            return p;
        }
    }
    qFatal("no process %s", name.c_str());
}

} // namespace

class TestKernelControl : public QObject {
    Q_OBJECT

private slots:
    void expressionsInTemplates() {
        const auto r = run(R"(
scenario: t
processes:
  - name: p
    program:
      - set: { var: in, value: 4 }
      - set: { var: next, value: "{(in + 1) % 5}" }
      - repeat: 2
        do:
          - say: "slot {16 + 8 * in} round {i * 10} next {next} test {in > 3 and not next}"
)");
        QCOMPARE(r.trace.outcome, Outcome::Completed);
        QCOMPARE(captionsOf(r.trace), (std::vector<std::string>{"slot 48 round 10 next 0 test 1",
                                                                "slot 48 round 20 next 0 test 1"}));
        QCOMPARE(kt::syscalls(r.trace), 0);
    }

    void whileLoopsAndConditionsCostATick() {
        const auto r = run(R"(
scenario: t
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - name: p
    program:
      - set: { var: n, value: 0 }
      - while: "n < 3"
        do:
          - add: n
      - if: "n == 3"
        then: [ { say: "three" } ]
        else: [ { say: "not three" } ]
      - if: "n != 3"
        then: [ { say: "wrong" } ]
)");
        QCOMPARE(r.trace.outcome, Outcome::Completed);
        QCOMPARE(captionsOf(r.trace), std::vector<std::string>{"three"});
        // set 1 + 4 checks + 3 adds + 2 ifs, one tick each; no syscall.
        QCOMPARE(r.trace.events.back().time, std::uint64_t(10));
        QCOMPARE(kt::syscalls(r.trace), 0);
        const Scenario one = kt::load("scenario: t\nprocesses: [ { name: p, program: [] } ]\n");
        const Report report = makeReport(one, r.trace);
        QCOMPARE(report.processes[0].cpuTime, std::uint64_t(10));
        QCOMPARE(report.processes[0].spinTime, std::uint64_t(0));
    }

    void spinningIsCounted() {
        // The waiter spins re-reading a flag the setter writes at tick 10.
        const char* yaml = R"(
scenario: t
kernel: { cpus: 2, scheduler: fcfs }
processes:
  - name: setter
    program:
      - shm_create: { name: s, size: 8 }
      - shm_attach: s
      - write: { segment: s, offset: 0, value: 0 }
      - compute: 10
      - write: { segment: s, offset: 0, value: 1 }
  - name: waiter
    start: 4
    program:
      - shm_attach: s
      - set: { var: flag, value: 0 }
      - while: "flag == 0"
        do:
          - read: { segment: s, offset: 0, into: flag }
      - say: "flag is {flag}"
)";
        const auto r = run(yaml);
        QCOMPARE(r.trace.outcome, Outcome::Completed);
        QCOMPARE(captionsOf(r.trace), std::vector<std::string>{"flag is 1"});
        const Report report = makeReport(kt::load(yaml), r.trace);
        const ProcessReport& waiter = reportOf(report, "waiter");
        // shmat 1, set 1, then check + read pairs (2 ticks) until the read sees 1; every
        // pair whose read saw 0 again was a spin, except the first (flag 0 -> 0 from set).
        QVERIFY(waiter.spinTime > 0);
        QVERIFY(waiter.spinTime < waiter.cpuTime);
        QCOMPARE(reportOf(report, "setter").spinTime, std::uint64_t(0));
        QCOMPARE(waiter.syscalls.count(OpKind::While), std::size_t(0)); // structure, no cost
    }

    void computedOffsetsShareCellsWithFixedOnes() {
        const auto r = run(R"(
scenario: t
processes:
  - name: p
    program:
      - shm_create: { name: s, size: 64 }
      - shm_attach: s
      - write: { segment: s, offset: 24, value: "fixed" }
      - set: { var: k, value: 1 }
      - read: { segment: s, offset: "{16 + 8 * k}", into: a }
      - write: { segment: s, offset: "{16 + 8 * (k + 1)}", value: "computed" }
      - read: { segment: s, offset: 32, into: b }
      - repeat: "{k + 1}"
        do:
          - compute: "{i}"
      - say: "{a} {b}"
)");
        QCOMPARE(r.trace.outcome, Outcome::Completed);
        QCOMPARE(captionsOf(r.trace), std::vector<std::string>{"fixed computed"});
        std::vector<std::int32_t> ticks;
        for (const Event* e : kt::eventsOf(r.trace, EventKind::Compute)) {
            ticks.push_back(e->a);
        }
        QCOMPARE(ticks, (std::vector<std::int32_t>{1, 2}));
    }

    void faults_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("fault");
        QTest::newRow("division by zero") << R"(- say: "{10 / zero}")"
                                          << "fault: division by zero in 10 / zero (zero is 0)";
        QTest::newRow("unset variable in an expression")
            << R"(- set: { var: y, value: "{never + 1}" })"
            << "fault: never has no value yet";
        QTest::newRow("condition") << R"(- while: "10 % zero"
        do: [ compute: 1 ])"
                                   << "fault: division by zero in 10 % zero (zero is 0)";
        QTest::newRow("negative offset")
            << R"(- read: { segment: s, offset: "{zero - 8}", into: v })"
            << "fault: read.offset is -8; expected 0 to 1048576";
        QTest::newRow("offset past the end")
            << R"(- write: { segment: s, offset: "{zero + 8}", value: 1 })"
            << "segmentation fault";
        QTest::newRow("text is no number") << R"(- compute: "{word}")"
                                           << "fault: compute.ticks is \"hello\", not a number";
        QTest::newRow("huge repeat") << R"(- repeat: "{1000000000 * 1000}"
        do: [ compute: 1 ])"
                                     << "fault: repeat is 1000000000000; expected 0 to 100000000";
    }
    void faults() {
        QFETCH(QString, line);
        QFETCH(QString, fault);
        const auto r = run(R"(
scenario: t
processes:
  - name: p
    program:
      - shm_create: { name: s, size: 8 }
      - shm_attach: s
      - set: { var: zero, value: 0 }
      - set: { var: word, value: hello }
      - if: "zero == 1"
        then: [ { set: { var: never, value: 2 } } ]
      )" + line.toStdString() +
                           R"(
      - say: "not reached"
  - name: q
    program: [ compute: 3, say: "q goes on" ]
)");
        QCOMPARE(r.trace.outcome, Outcome::Completed);
        const auto captions = captionsOf(r.trace);
        QVERIFY(std::find(captions.begin(), captions.end(), fault.toStdString()) != captions.end());
        QVERIFY(std::find(captions.begin(), captions.end(), "not reached") == captions.end());
        QVERIFY(std::find(captions.begin(), captions.end(), "q goes on") != captions.end());
    }

    void nonblockingSendReportsOk() {
        const auto r = run(R"(
scenario: t
processes:
  - name: p
    program:
      - mailbox_create: { name: M, capacity: 1 }
      - send: { mailbox: M, message: a, blocking: false, ok: first }
      - send: { mailbox: M, message: b, blocking: false, ok: second }
      - say: "{first} {second}"
)");
        QCOMPARE(captionsOf(r.trace), std::vector<std::string>{"1 0"});
    }
};

QTEST_APPLESS_MAIN(TestKernelControl)
#include "tst_kernel_control.moc"
