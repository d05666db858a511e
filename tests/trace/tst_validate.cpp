// The trace contract: every bundled lesson's simulated trace, and the same trace read back
// from its JSON lines, keeps it; and each rule catches the break it is about.

#include "kernel.h"
#include "lesson_run.h"
#include "trace_builder.h"
#include "trace_json.h"
#include "validate.h"

#include <QTest>

using namespace ipclab;
using ipclab::test::TraceBuilder;

namespace {

/// p creates mailbox M and sends "hello"; q receives it. A valid simulated trace.
TraceBuilder validRun() {
    TraceBuilder b({"p", "q"});
    const int m = b.mailbox("M", 2);
    b.at(0).start();
    b.state(0, ProcState::Ready);
    b.state(1, ProcState::Ready);
    b.dispatch(0, 0);
    b.state(0, ProcState::Running, OpKind::Compute, -1, 0);
    b.syscall(0, OpKind::MailboxCreate, m, "mq_open");
    b.created(m, 2, 0, OpKind::MailboxCreate);
    b.at(1).syscall(0, OpKind::Send, m, "mq_timedsend", 6);
    b.sent(0, m, 1, 1, "hello");
    b.state(0, ProcState::Terminated);
    b.dispatch(1, 0);
    b.state(1, ProcState::Running, OpKind::Compute, -1, 0);
    b.at(2).syscall(1, OpKind::Receive, m, "mq_timedreceive", 6);
    b.received(1, m, 1, 0, "hello");
    b.state(1, ProcState::Terminated);
    b.end(Outcome::Completed);
    return b;
}

// Event indices of validRun(), named for the mutations below.
constexpr std::size_t kReadyQ = 2, kDispatchQ = 10, kReceiveCall = 12, kReceived = 13,
                      kTerminatedQ = 14, kEnd = 15;

enum class Break {
    TimeBackwards,
    NoRunStart,
    OutcomeMismatch,
    BadProcess,
    WrongObjectKind,
    IllegalMove,
    AfterTerminated,
    DispatchNotReady,
    ReceiveBeforeSend,
    ReceivedTwice,
    OtherText,
    CompletesUnblocked,
    UnmappedRead,
    SimInNanoseconds,
    SelfCountDiffers,
    CompletedNotTerminated,
    DeadlockWithoutCycle,
};

Trace broken(Break which) {
    TraceBuilder b = validRun();
    Trace& t = b.trace();
    auto& ev = t.events;
    switch (which) {
    case Break::TimeBackwards:
        ev[kReceived].time = 0;
        break;
    case Break::NoRunStart:
        ev.erase(ev.begin());
        break;
    case Break::OutcomeMismatch:
        t.outcome = Outcome::TimeLimit;
        break;
    case Break::BadProcess:
        ev[kReceiveCall].proc = 7;
        break;
    case Break::WrongObjectKind:
        ev[kReceived].object = static_cast<std::uint16_t>(b.segment("S", 64, 0600, "1"));
        break;
    case Break::IllegalMove:
        ev[kReadyQ].a = static_cast<std::int32_t>(ProcState::Blocked);
        break;
    case Break::AfterTerminated:
        ev[kReceiveCall].proc = 0;
        break;
    case Break::DispatchNotReady:
        ev.insert(ev.begin() + kDispatchQ + 2, ev[kDispatchQ]);
        break;
    case Break::ReceiveBeforeSend:
        ev[kReceived].a = 9;
        break;
    case Break::ReceivedTwice:
        ev.insert(ev.begin() + kReceived, ev[kReceived]);
        break;
    case Break::OtherText:
        ev[kReceived].text = t.intern("goodbye");
        break;
    case Break::CompletesUnblocked:
        ev[kReceiveCall].flags = kFlagBlocking | kFlagCompletes;
        break;
    case Break::UnmappedRead: {
        const int s = b.segment("S", 64, 0600, "1");
        ev[kReceived].kind = EventKind::ShmRead;
        ev[kReceived].object = static_cast<std::uint16_t>(s);
        break;
    }
    case Break::SimInNanoseconds:
        t.timeUnit = TimeUnit::Nanosecond;
        break;
    case Break::SelfCountDiffers:
        t.engine = Engine::Real;
        t.timeUnit = TimeUnit::Nanosecond;
        t.countingMethod = CountingMethod::Self;
        t.measuredSyscalls = {{"mq_open", 1}, {"mq_timedsend", 1}, {"mq_timedreceive", 2}};
        break;
    case Break::CompletedNotTerminated:
        ev.erase(ev.begin() + kTerminatedQ);
        break;
    case Break::DeadlockWithoutCycle:
        ev[kTerminatedQ].a = static_cast<std::int32_t>(ProcState::Blocked);
        ev[kEnd].a = static_cast<std::int32_t>(Outcome::Deadlock);
        t.outcome = Outcome::Deadlock;
        break;
    }
    return std::move(t);
}

} // namespace

class TestValidate : public QObject {
    Q_OBJECT

private slots:
    void validRunPasses() {
        TraceBuilder b = validRun();
        const auto problems = validateTrace(b.trace());
        QVERIFY2(problems.empty(), formatProblems(b.trace(), problems).c_str());
    }

    void eachRuleCatchesItsBreak_data() {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("expected");
        auto row = [](const char* name, Break b, const char* text) {
            QTest::newRow(name) << static_cast<int>(b) << QString::fromUtf8(text);
        };
        row("time backwards", Break::TimeBackwards,
            "event 13 (msg_received, t=0): time goes backwards (2 before it)\n");
        row("no run_start", Break::NoRunStart,
            "event 0 (state, t=0): the first event must be run_start at time 0\n");
        row("outcome", Break::OutcomeMismatch,
            "event 15 (run_end, t=2): run_end's outcome is not the trace's\n");
        row("bad process", Break::BadProcess,
            "event 12 (syscall, t=2): names a process that does not exist\n");
        row("wrong object kind", Break::WrongObjectKind,
            "event 13 (msg_received, t=2): names an object of the wrong kind\n");
        row("illegal move", Break::IllegalMove,
            "event 2 (state, t=0): moves q from new to blocked\n"
            "event 10 (dispatch, t=1): dispatches a process that is blocked, not ready\n");
        row("after terminated", Break::AfterTerminated,
            "event 12 (syscall, t=2): p has already terminated\n");
        row("dispatch not ready", Break::DispatchNotReady,
            "event 12 (dispatch, t=1): dispatches a process that is running, not ready\n");
        row("receive before send", Break::ReceiveBeforeSend,
            "event 13 (msg_received, t=2): message 9 is received before it was sent\n");
        row("received twice", Break::ReceivedTwice,
            "event 14 (msg_received, t=2): message 1 is received twice\n"
            "trace: more messages received than sent\n");
        row("other text", Break::OtherText,
            "event 13 (msg_received, t=2): message 1 arrives with another text\n");
        row("completes unblocked", Break::CompletesUnblocked,
            "event 12 (syscall, t=2): completes a call the process never blocked in\n");
        row("unmapped read", Break::UnmappedRead,
            "event 13 (shm_read, t=2): uses segment S without attaching it\n");
        row("sim in ns", Break::SimInNanoseconds, "trace: the simulator counts time in ticks\n");
        row("self count", Break::SelfCountDiffers,
            "trace: the self count of mq_timedreceive is 2, the trace has 1\n");
        row("completed, not terminated", Break::CompletedNotTerminated,
            "trace: completed, yet q is running\n");
        row("deadlock without cycle", Break::DeadlockWithoutCycle,
            "trace: a deadlock needs someone blocked, nobody ready or running, and its cycle\n");
    }

    void eachRuleCatchesItsBreak() {
        QFETCH(int, which);
        QFETCH(QString, expected);
        const Trace t = broken(static_cast<Break>(which));
        QCOMPARE(QString::fromStdString(formatProblems(t, validateTrace(t))), expected);
    }

    void scenarioChecks() {
        const Trace t = validRun().trace();
        Scenario s;
        s.processes.resize(2);
        s.processes[0].name = "p";
        s.processes[1].name = "someone else";
        QCOMPARE(QString::fromStdString(formatProblems(t, validateTrace(t, s))),
                 QString("trace: the processes are not the scenario's\n"));
    }

    void simulatedLessons_data() {
        QTest::addColumn<QString>("path");
        for (const auto& path : test::bundledScenarios()) {
            QTest::newRow(path.stem().c_str()) << QString::fromStdString(path.string());
        }
    }

    /// Every lesson on the simulator, and the same trace after its JSON lines.
    void simulatedLessons() {
        QFETCH(QString, path);
        std::string error;
        const auto scenario = test::loadLesson(path.toStdString(), error);
        QVERIFY2(scenario, error.c_str());
        const Trace trace = simulate(*scenario).trace;
        const auto problems = validateTrace(trace, *scenario);
        QVERIFY2(problems.empty(), formatProblems(trace, problems).c_str());
        const TraceReadResult read = readTraceJson(traceToJsonLines(trace));
        QVERIFY2(read.trace, read.error.c_str());
        const auto again = validateTrace(*read.trace, *scenario);
        QVERIFY2(again.empty(), formatProblems(*read.trace, again).c_str());
    }
};

QTEST_APPLESS_MAIN(TestValidate)
#include "tst_validate.moc"
