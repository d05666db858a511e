// The JSON-lines form of a trace: exact lines, round trips, byte-identical output, and
// the reader's messages for bad input.

#include "generated_trace.h"
#include "trace_builder.h"
#include "trace_json.h"

#include <QFile>
#include <QTest>
#include <sstream>

using namespace ipclab;
using ipclab::test::TraceBuilder;

namespace {

/// A small run touching every part of the format: a link with ends, a segment, a
/// mailbox, flags, var_set, a caption, a deadlock footer, notes, measured counts, timings.
Trace smallTrace() {
    TraceBuilder b({"producer", "consumer"}, 2);
    b.trace().scenarioTitle = "Small";
    const int m = b.mailbox("M", kUnbounded);
    const int seg = b.segment("board", 64, 0640, "0x4d2");
    const int l = b.link(0, 1);
    b.at(0).start();
    b.dispatch(0, 1, 2);
    b.state(0, ProcState::Running, OpKind::Compute, -1, 1);
    b.syscall(0, OpKind::MailboxCreate, m, "mq_open", 0, CallResult::Ok, 0, 3);
    b.created(m, kUnbounded, 0, OpKind::MailboxCreate);
    b.at(2).syscall(0, OpKind::Send, m, "mq_timedsend", 5, CallResult::Ok, kFlagBlocking, 5);
    b.sent(0, m, 1, 1, "hello");
    b.created(seg, 98, 0, OpKind::ShmCreate);
    b.ev(EventKind::ShmWrite, 0, OpKind::Write, seg, 8, 0, "42");
    b.at(3).syscall(1, OpKind::Receive, m, "mq_timedreceive", 5, CallResult::Ok,
                    kFlagBlocking | kFlagCompletes, 9);
    b.received(1, m, 1, 0, "hello");
    b.varSet(1, "x", "hello");
    b.ev(EventKind::Caption, -1, OpKind::Say, -1, 0, 0, "one message");
    b.created(l, 0, 0, OpKind::Connect);
    b.at(4).state(1, ProcState::Blocked, OpKind::Receive, l);
    b.end(Outcome::Deadlock);
    Trace& t = b.trace();
    t.outcome = Outcome::Deadlock;
    t.deadlockCycle = {WaitEdge{1, OpKind::Receive, l, -1}};
    t.notes = {"consumer waits forever"};
    t.measuredSyscalls = {{"mq_open", 1}};
    t.timings = {OpTiming{0, OpKind::Send, 100, 2500}};
    return std::move(t);
}

/// The golden file; IPCLAB_UPDATE_GOLDEN=1 rewrites it from `actual` on purpose.
std::string goldenSmallTrace(const std::string& actual) {
    QFile f(QStringLiteral(IPCLAB_TEST_DATA_DIR "/small_trace.jsonl"));
    if (qEnvironmentVariableIsSet("IPCLAB_UPDATE_GOLDEN") && f.open(QIODevice::WriteOnly)) {
        f.write(actual.data(), static_cast<qint64>(actual.size()));
        f.close();
    }
    if (!f.open(QIODevice::ReadOnly)) {
        return "cannot open " + f.fileName().toStdString();
    }
    return f.readAll().toStdString();
}

/// Two objects named "M" (re-created mailbox), one used before its obj_created, one
/// never used by any event, out-of-range enum values, an empty text.
Trace awkwardTrace() {
    TraceBuilder b({"a"});
    const int first = b.mailbox("M", 0);
    const int second = b.mailbox("M", 3);
    const int sem = b.semaphore("s");
    b.semaphore("unused");
    b.at(1).ev(EventKind::SemChanged, 0, OpKind::SemPost, sem, 1);
    b.created(sem, 1);
    b.created(first);
    b.ev(EventKind::ObjDeleted, 0, OpKind::MailboxDelete, first);
    b.created(second, 3);
    b.state(0, static_cast<ProcState>(9));
    b.ev(EventKind::Caption, 0, OpKind::Say, -1, 0, 0, "");
    b.ev(EventKind::Preempt, 0, OpKind::Compute, -1, 7, -3, "odd");
    b.syscall(0, OpKind::Send, second, "mq_timedsend", 0, static_cast<CallResult>(17), 0x84);
    b.end(Outcome::Completed);
    return std::move(b.trace());
}

std::string linesOf(const Trace& t) {
    return traceToJsonLines(t);
}

const char* const kHeader =
    "{\"format\":\"ipclab-trace\",\"version\":1,\"scenario\":\"S\",\"engine\":\"sim\","
    "\"time_unit\":\"tick\",\"seed\":1,\"cpus\":1,\"processes\":[\"a\",\"b\"],"
    "\"counting_method\":\"simulated\"}\n";
const char* const kFooter = "{\"outcome\":\"completed\",\"deadlock\":[],\"notes\":[],"
                            "\"measured_syscalls\":{},\"timings\":[]}\n";

} // namespace

class TestTraceJson : public QObject {
    Q_OBJECT
private slots:
    void exactLines() {
        const std::string actual = linesOf(smallTrace());
        QCOMPARE(actual, goldenSmallTrace(actual));
    }

    void roundTrip_data() {
        QTest::addColumn<int>("which");
        QTest::addRow("small") << 0;
        QTest::addRow("awkward") << 1;
        QTest::addRow("generated") << 2;
        QTest::addRow("empty") << 3;
    }
    void roundTrip() {
        QFETCH(int, which);
        Trace t;
        if (which == 0) {
            t = smallTrace();
        } else if (which == 1) {
            t = awkwardTrace();
        } else if (which == 2) {
            t = ipclab::test::generatedTrace(3000);
            t.engine = Engine::Real;
            t.timeUnit = TimeUnit::Nanosecond;
            t.seed = 18446744073709551615ull;
        }
        const std::string text = linesOf(t);
        const TraceReadResult r = readTraceJson(text);
        QVERIFY2(r.trace.has_value(), r.error.c_str());
        std::string why;
        QVERIFY2(sameRun(t, *r.trace, &why), why.c_str());
        QCOMPARE(linesOf(*r.trace), text);
    }

    void sameRunSeesADifference() {
        Trace a = smallTrace();
        Trace b = smallTrace();
        b.events[9].text = b.intern("other");
        std::string why;
        QVERIFY(!sameRun(a, b, &why));
        QCOMPARE(why, std::string("event 9: text"));
    }

    void identicalTracesGiveIdenticalBytes() {
        const std::string once = linesOf(ipclab::test::generatedTrace(2000));
        const std::string again = linesOf(ipclab::test::generatedTrace(2000));
        QCOMPARE(once.size(), again.size());
        QVERIFY(once == again);
        std::ostringstream stream;
        writeTraceJson(stream, ipclab::test::generatedTrace(2000));
        QVERIFY(stream.str() == once);
    }

    void awkwardObjectsAreDeclaredInOrder() {
        const std::string text = linesOf(awkwardTrace());
        QVERIFY(
            text.find("{\"object\":\"M#0\",\"kind\":\"mailbox\",\"name\":\"M\",\"capacity\":0}\n"
                      "{\"object\":\"M#1\",\"kind\":\"mailbox\",\"name\":\"M\",\"capacity\":3}\n"
                      "{\"object\":\"s\",\"kind\":\"semaphore\"}\n"
                      "{\"t\":1,\"ev\":\"sem_changed\",\"proc\":\"a\",\"op\":\"sem_post\","
                      "\"obj\":\"s\",\"value\":1}\n") != std::string::npos);
        QVERIFY(text.find("{\"t\":1,\"ev\":\"state\",\"proc\":\"a\",\"state\":9}\n") !=
                std::string::npos);
        QVERIFY(
            text.find("\"syscall\":\"mq_timedsend\",\"result\":17,\"bytes\":0,\"flags\":132}") !=
            std::string::npos);
        QVERIFY(text.find("{\"object\":\"unused\",\"kind\":\"semaphore\"}\n{\"outcome\"") !=
                std::string::npos);
    }

    void streamingAndReportLine() {
        const std::string text = linesOf(smallTrace());
        TraceJsonReader reader;
        std::size_t start = 0;
        int lines = 0;
        while (start < text.size()) {
            const std::size_t end = text.find('\n', start);
            QVERIFY(!reader.complete());
            QVERIFY2(reader.readLine(text.substr(start, end - start)), reader.error().c_str());
            start = end + 1;
            ++lines;
        }
        QVERIFY(reader.complete());
        QCOMPARE(reader.trace().events.size(), std::size_t(16));
        QVERIFY(reader.readLine("{\"report\": {\"total\": 3, \"outcome\": \"deadlock\"}}\r"));
        QVERIFY(reader.finish());
        QCOMPARE(reader.reportJson(), std::string("{\"total\":3,\"outcome\":\"deadlock\"}"));
        QVERIFY(!reader.readLine("{\"report\":{}}"));
        QCOMPARE(reader.error(),
                 "line " + std::to_string(lines + 2) +
                     ": expected nothing after the footer but one {\"report\": ...} line");
    }

    void badInput_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        const QString h = QString::fromUtf8(kHeader);
        const QString f = QString::fromUtf8(kFooter);
        QTest::addRow("empty") << ""
                               << "line 1: expected the header {\"format\":\"ipclab-trace\",...}, "
                                  "found nothing";
        QTest::addRow("not json") << "hello\n"
                                  << "line 1: expected one JSON object on the line";
        QTest::addRow("array") << "[1,2]\n"
                               << "line 1: expected one JSON object on the line";
        QTest::addRow("no header")
            << "{\"t\":0,\"ev\":\"run_start\"}\n"
            << "line 1: expected the header {\"format\":\"ipclab-trace\",...}";
        QTest::addRow("version") << "{\"format\":\"ipclab-trace\",\"version\":2}\n"
                                 << "line 1: expected \"version\": 1";
        QTest::addRow("seed") << QString(h).replace("\"seed\":1", "\"seed\":-1")
                              << "line 1: expected \"seed\" to be a non-negative integer";
        QTest::addRow("twice") << QString(h).replace("[\"a\",\"b\"]", "[\"a\",\"a\"]")
                               << "line 1: process \"a\" is listed twice";
        QTest::addRow("no footer") << h + "{\"t\":0,\"ev\":\"run_start\"}\n"
                                   << "line 2: the trace ends without its footer {\"outcome\":...}";
        QTest::addRow("negative time")
            << h + "{\"t\":-1,\"ev\":\"run_start\"}\n" + f
            << "line 2: expected \"t\" to be a non-negative integer time";
        QTest::addRow("backwards") << h +
                                          "{\"t\":5,\"ev\":\"run_start\"}\n\n"
                                          "{\"t\":4,\"ev\":\"run_end\"}\n" +
                                          f
                                   << "line 4: time 4 is before the previous event's 5";
        QTest::addRow("kind") << h + "{\"t\":0,\"ev\":\"explode\"}\n" + f
                              << "line 2: unknown event kind \"explode\"";
        QTest::addRow("process") << h + "{\"t\":0,\"ev\":\"state\",\"proc\":\"zed\"}\n" + f
                                 << "line 2: unknown process \"zed\" in \"proc\"";
        QTest::addRow("state")
            << h + "{\"t\":0,\"ev\":\"state\",\"proc\":\"a\",\"state\":\"ok\"}\n" + f
            << "line 2: unknown value \"ok\" in \"state\"";
        QTest::addRow("op") << h + "{\"t\":0,\"ev\":\"syscall\",\"op\":\"fly\"}\n" + f
                            << "line 2: unknown operation \"fly\" in \"op\"";
        QTest::addRow("undeclared")
            << h + "{\"t\":0,\"ev\":\"msg_sent\",\"obj\":\"M\"}\n" + f
            << "line 2: unknown object \"M\" (objects are declared before use)";
        QTest::addRow("object kind")
            << h + "{\"object\":\"M\",\"kind\":\"pipe\"}\n" + f
            << "line 2: unknown object kind \"pipe\", expected mailbox, link, segment or semaphore";
        QTest::addRow("declared twice") << h + "{\"object\":\"M\",\"kind\":\"mailbox\"}\n{"
                                               "\"object\":\"M\",\"kind\":\"mailbox\"}\n"
                                        << "line 3: object \"M\" is declared twice";
        QTest::addRow("mode") << h + "{\"object\":\"S\",\"kind\":\"segment\",\"mode\":\"rw\"}\n"
                              << "line 2: expected \"mode\" as octal digits like \"0600\"";
        QTest::addRow("capacity")
            << h + "{\"object\":\"M\",\"kind\":\"mailbox\",\"capacity\":\"lots\"}\n"
            << "line 2: expected \"capacity\" to be an integer";
        QTest::addRow("line range") << h + "{\"t\":0,\"ev\":\"compute\",\"line\":70000}\n" + f
                                    << "line 2: expected \"line\" between 0 and 65535";
        QTest::addRow("flag type") << h + "{\"t\":0,\"ev\":\"syscall\",\"blocking\":1}\n" + f
                                   << "line 2: expected \"blocking\" to be true or false";
        QTest::addRow("text type") << h + "{\"t\":0,\"ev\":\"caption\",\"text\":3}\n" + f
                                   << "line 2: expected \"text\" to be a string";
        QTest::addRow("what") << h + "{\"hello\":1}\n"
                              << "line 2: expected an event {\"t\":...}, an object "
                                 "{\"object\":...} or the footer {\"outcome\":...}";
        QTest::addRow("footer notes") << h + "{\"outcome\":\"completed\",\"deadlock\":[]}\n"
                                      << "line 2: expected \"notes\" to be a list of strings";
        QTest::addRow("footer outcome") << h + QString(f).replace("completed", "finished")
                                        << "line 2: unknown value \"finished\" in \"outcome\"";
        QTest::addRow("timing")
            << h + QString(f).replace("\"timings\":[]", "\"timings\":[[\"a\",\"send\",1]]")
            << "line 2: expected each timing as [process, operation, start, duration]";
        QTest::addRow("after footer") << h + f + "{\"t\":9,\"ev\":\"run_end\"}\n"
                                      << "line 3: expected nothing after the footer but one "
                                         "{\"report\": ...} line";
    }
    void badInput() {
        QFETCH(QString, text);
        QFETCH(QString, error);
        const TraceReadResult r = readTraceJson(text.toStdString());
        QVERIFY(!r.trace.has_value());
        QCOMPARE(QString::fromStdString(r.error), error);
    }

    void minimalValidInput() {
        const std::string text =
            std::string(kHeader) + "{\"t\":0,\"ev\":\"run_start\"}\n" + kFooter;
        const TraceReadResult r = readTraceJson(text);
        QVERIFY2(r.trace.has_value(), r.error.c_str());
        QCOMPARE(r.trace->processNames, (std::vector<std::string>{"a", "b"}));
        QCOMPARE(r.trace->events.size(), std::size_t(1));
        QCOMPARE(r.trace->events[0].proc, kNoProcess);
        QCOMPARE(r.trace->events[0].cpu, kNoCpu);
        QCOMPARE(r.trace->events[0].text, kNoString);
        QCOMPARE(r.trace->scenarioTitle, std::string("S"));
        QVERIFY(r.reportJson.empty());
    }
};

QTEST_APPLESS_MAIN(TestTraceJson)
#include "tst_trace_json.moc"
