// The report: a fold over hand-built traces, compared as exact JSON text.

#include "report.h"
#include "trace_builder.h"

#include <QFile>
#include <QTest>
#include <nlohmann/json.hpp>

using namespace ipclab;
using ipclab::test::TraceBuilder;

namespace {

Operation op(OpKind kind, std::vector<Operation> body = {}) {
    Operation o;
    o.kind = kind;
    o.body = std::move(body);
    return o;
}

ProcessSpec process(const std::string& name, std::vector<Operation> program) {
    ProcessSpec p;
    p.name = name;
    p.program = std::move(program);
    return p;
}

/// Producer creates M and sends twice (in a repeat); consumer receives twice, blocking
/// once, and reads a segment value (no syscall).
Scenario mailboxScenario() {
    Scenario s;
    s.title = "Bounded mailbox";
    s.processes.push_back(
        process("producer", {op(OpKind::MailboxCreate),
                             op(OpKind::Repeat, {op(OpKind::Compute), op(OpKind::Send)})}));
    s.processes.push_back(
        process("consumer", {op(OpKind::Repeat, {op(OpKind::Receive)}), op(OpKind::Read)}));
    return s;
}

Trace mailboxTrace() {
    TraceBuilder b({"producer", "consumer"});
    b.trace().scenarioTitle = "Bounded mailbox";
    const int m = b.mailbox("M", 2);
    b.at(0).start();
    b.dispatch(1, 0, 2);
    b.syscall(1, OpKind::Receive, m, "mq_timedreceive", 0, CallResult::Ok, kFlagBlocking);
    b.at(1).state(1, ProcState::Blocked, OpKind::Receive, m);
    b.dispatch(0, 0);
    b.at(2).syscall(0, OpKind::MailboxCreate, m, "mq_open");
    b.created(m, 2, 0, OpKind::MailboxCreate);
    b.at(3).syscall(0, OpKind::Send, m, "mq_timedsend", 6, CallResult::Ok, kFlagBlocking);
    b.sent(0, m, 1, 1, "item 1");
    b.at(4).syscall(0, OpKind::Send, m, "mq_timedsend", 6, CallResult::Ok, kFlagBlocking);
    b.sent(0, m, 2, 2, "item 2");
    b.at(5).state(1, ProcState::Ready);
    b.state(0, ProcState::Terminated);
    b.dispatch(1, 0);
    b.at(6).syscall(1, OpKind::Receive, m, "mq_timedreceive", 6, CallResult::Ok,
                    kFlagBlocking | kFlagCompletes);
    b.received(1, m, 1, 0, "item 1");
    b.at(7).syscall(1, OpKind::Receive, m, "mq_timedreceive", 6, CallResult::Ok, kFlagBlocking);
    b.received(1, m, 2, 0, "item 2");
    b.at(9).state(1, ProcState::Terminated);
    b.end(Outcome::Completed);
    return std::move(b.trace());
}

/// The exact report of mailboxTrace(), as a golden file.
std::string expectedMailboxReport() {
    QFile f(QStringLiteral(IPCLAB_TEST_DATA_DIR "/mailbox_report.json"));
    if (!f.open(QIODevice::ReadOnly)) {
        return "cannot open " + f.fileName().toStdString();
    }
    return f.readAll().toStdString();
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT
private slots:
    void mailboxRunExactJson() {
        const Trace t = mailboxTrace();
        const Report r = makeReport(mailboxScenario(), t);
        QCOMPARE(reportToJson(r, t), expectedMailboxReport());
    }

    void compactIsOneLineOfTheSameJson() {
        const Trace t = mailboxTrace();
        const Report r = makeReport(mailboxScenario(), t);
        const std::string line = reportToCompactJson(r, t);
        QCOMPARE(line.find('\n'), std::string::npos);
        QVERIFY(
            line.starts_with("{\"scenario\":\"Bounded mailbox\",\"engine\":\"sim\",\"outcome\":"));
        QCOMPARE(nlohmann::ordered_json::parse(line).dump(2) + "\n", expectedMailboxReport());
    }

    void deadlockCycleNamesEveryone() {
        Scenario sc;
        sc.title = "Deadlock";
        sc.processes.push_back(process("a", {op(OpKind::SemWait)}));
        sc.processes.push_back(process("b", {op(OpKind::Receive)}));
        TraceBuilder b({"a", "b"});
        const int s1 = b.semaphore("s1");
        b.at(0).created(s1, 0, 0, OpKind::SemCreate);
        b.syscall(0, OpKind::SemCreate, s1, "semget");
        b.syscall(0, OpKind::SemCreate, s1, "semctl");
        b.at(1).syscall(0, OpKind::SemWait, s1, "semtimedop", 0, CallResult::Ok, kFlagBlocking);
        b.state(0, ProcState::Blocked, OpKind::SemWait, s1);
        b.at(2).syscall(1, OpKind::Receive, -1, "recvfrom", 0, CallResult::Ok, kFlagBlocking);
        b.state(1, ProcState::Blocked, OpKind::Receive);
        b.at(10).end(Outcome::Deadlock);
        Trace& t = b.trace();
        t.outcome = Outcome::Deadlock;
        t.deadlockCycle = {WaitEdge{0, OpKind::SemWait, s1, 1},
                           WaitEdge{1, OpKind::Receive, -1, 0}};
        t.notes = {"no process can run"};
        const Report r = makeReport(sc, t);
        QCOMPARE(r.processes[0].blockedTime, std::uint64_t(9));
        QCOMPARE(r.processes[1].blockedTime, std::uint64_t(8));
        const auto j = nlohmann::ordered_json::parse(reportToJson(r, t));
        QCOMPARE(j["outcome"].dump(), std::string("\"deadlock\""));
        QCOMPARE(j["deadlock"].dump(),
                 std::string(
                     "{\"cycle\":[{\"process\":\"a\",\"waits_in\":\"sem_wait\",\"object\":\"s1\","
                     "\"held_by\":\"b\"},{\"process\":\"b\",\"waits_in\":\"receive\","
                     "\"object\":null,\"held_by\":\"a\"}]}"));
        QCOMPARE(j["notes"].dump(), std::string("[\"no process can run\"]"));
        QCOMPARE(j["syscalls"]["by_op"].dump(),
                 std::string("{\"receive\":1,\"sem_create\":2,\"sem_wait\":1}"));
        QCOMPARE(j["processes"][0]["final_state"].dump(), std::string("\"blocked\""));
    }

    void measuredSyscallsReplaceByName() {
        Trace t = mailboxTrace();
        t.engine = Engine::Real;
        t.timeUnit = TimeUnit::Nanosecond;
        t.countingMethod = CountingMethod::PerfEvent;
        t.measuredSyscalls = {{"mq_open", 2}, {"mq_timedsend", 2}, {"mq_timedreceive", 3}};
        const auto j =
            nlohmann::ordered_json::parse(reportToJson(makeReport(mailboxScenario(), t), t));
        QCOMPARE(j["syscalls"]["by_syscall"].dump(),
                 std::string("{\"mq_open\":2,\"mq_timedreceive\":3,\"mq_timedsend\":2}"));
        QCOMPARE(j["syscalls"]["total"].dump(), std::string("5"));
        QCOMPARE(j["engine"].dump(), std::string("\"real\""));
        QCOMPARE(j["time_unit"].dump(), std::string("\"ns\""));
        QCOMPARE(j["counting_method"].dump(), std::string("\"perf_event\""));
        QVERIFY(!j.contains("latency"));
    }

    // Which method counted, in words; where the kernel could not, the command that lets it.
    void countingSaysWhoAndHowToEnable() {
        const std::string enable = kEnableKernelCounting;
        QCOMPARE(enable, std::string("mount -t tracefs nodev /sys/kernel/tracing"));
        const auto perf = countingText(CountingMethod::PerfEvent, CountingFallback::None);
        QVERIFY(perf.rfind("counted by the Linux kernel itself", 0) == 0);
        for (auto fallback : {CountingFallback::NoTracefs, CountingFallback::NotPermitted}) {
            const auto self = countingText(CountingMethod::Self, fallback);
            QVERIFY2(self.rfind("counted by IPC Lab itself", 0) == 0, self.c_str());
            QVERIFY2(self.find(enable) != std::string::npos, self.c_str());
        }
        const auto declined = countingText(CountingMethod::Self, CountingFallback::Declined);
        QVERIFY2(declined.find("asked not to use") != std::string::npos, declined.c_str());
        QVERIFY(countingText(CountingMethod::Simulated, CountingFallback::None)
                    .rfind("counted by the simulator", 0) == 0);
    }

    void latencyMedianAndP99_data() {
        QTest::addColumn<std::vector<std::uint64_t>>("durations");
        QTest::addColumn<double>("median");
        QTest::addColumn<double>("p99");
        QTest::addRow("one") << std::vector<std::uint64_t>{700} << 700.0 << 700.0;
        QTest::addRow("odd") << std::vector<std::uint64_t>{30, 10, 20} << 20.0 << 30.0;
        QTest::addRow("even") << std::vector<std::uint64_t>{40, 10, 20, 30} << 25.0 << 40.0;
        std::vector<std::uint64_t> hundred;
        for (std::uint64_t i = 1; i <= 100; ++i) {
            hundred.push_back(i * 10);
        }
        QTest::addRow("hundred") << hundred << 505.0 << 990.0;
        std::vector<std::uint64_t> twoHundred;
        for (std::uint64_t i = 200; i >= 1; --i) {
            twoHundred.push_back(i);
        }
        QTest::addRow("two hundred") << twoHundred << 100.5 << 198.0;
    }
    void latencyMedianAndP99() {
        QFETCH(std::vector<std::uint64_t>, durations);
        QFETCH(double, median);
        QFETCH(double, p99);
        Trace t = mailboxTrace();
        for (std::uint64_t d : durations) {
            t.timings.push_back(OpTiming{0, OpKind::Send, 0, d});
        }
        t.timings.push_back(OpTiming{1, OpKind::Receive, 0, 5});
        const Report r = makeReport(mailboxScenario(), t);
        QCOMPARE(r.latency.size(), std::size_t(2));
        QCOMPARE(r.latency.at(OpKind::Send).count, static_cast<std::int64_t>(durations.size()));
        QCOMPARE(r.latency.at(OpKind::Send).medianNs, median);
        QCOMPARE(r.latency.at(OpKind::Send).p99Ns, p99);
        const auto j = nlohmann::ordered_json::parse(reportToJson(r, t));
        QCOMPARE(j["latency"]["receive"].dump(),
                 std::string("{\"count\":1,\"median_ns\":5.0,\"p99_ns\":5.0}"));
        QCOMPARE(j.back().dump(), j["latency"].dump());
    }

    void linksAndMailboxesCountCreations() {
        Scenario sc;
        sc.processes.push_back(process("a", {op(OpKind::Connect), op(OpKind::Send)}));
        sc.processes.push_back(process("b", {op(OpKind::Receive)}));
        sc.processes.push_back(process("c", {op(OpKind::Say)}));
        TraceBuilder b({"a", "b", "c"});
        b.trace().scenarioTitle.clear();
        sc.title = "From the scenario";
        const int ab = b.link(0, 1);
        const int ac = b.link(0, 2);
        const int m = b.mailbox("M", kUnbounded);
        b.created(ab, 0, 0, OpKind::Connect);
        b.syscall(0, OpKind::Connect, ab, "socketpair");
        b.created(ac, 0, 0, OpKind::Send);
        b.created(m);
        b.ev(EventKind::ObjDeleted, 0, OpKind::Disconnect, ab);
        b.end(Outcome::Completed);
        const Report r = makeReport(sc, b.trace());
        QCOMPARE(r.links, std::int64_t(2));
        QCOMPARE(r.mailboxes, std::int64_t(1));
        QCOMPARE(r.scenario, std::string("From the scenario"));
        QCOMPARE(r.processes[2].syscalls, (std::map<OpKind, std::int64_t>{{OpKind::Say, 0}}));
        QCOMPARE(
            r.byOp,
            (std::map<OpKind, std::int64_t>{
                {OpKind::Connect, 1}, {OpKind::Send, 0}, {OpKind::Receive, 0}, {OpKind::Say, 0}}));
        QCOMPARE(r.processes[0].finalState, ProcState::New);
    }
};

QTEST_APPLESS_MAIN(TestReport)
#include "tst_report.moc"
