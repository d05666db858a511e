// Export: the counts as CSV (exact text), the trace as JSON lines, and views as PNG, SVG
// and PDF files with the right headers.

#include "comparisonchartview.h"
#include "exporter.h"
#include "plots_test_traces.h"
#include "state.h"
#include "syscallchartview.h"
#include "timelineview.h"
#include "trace_json.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace ipclab;
using namespace ipclab::ui;

namespace {

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The consumer's program also reads shared memory, which costs no call.
std::shared_ptr<Scenario> mailboxScenario() {
    auto scenario = std::make_shared<Scenario>();
    ProcessSpec producer;
    producer.name = "producer";
    Operation create;
    create.kind = OpKind::MailboxCreate;
    Operation send;
    send.kind = OpKind::Send;
    producer.program = {create, send, send};
    ProcessSpec consumer;
    consumer.name = "consumer";
    Operation receive;
    receive.kind = OpKind::Receive;
    Operation read;
    read.kind = OpKind::Read;
    Operation compute;
    compute.kind = OpKind::Compute;
    consumer.program = {receive, read, compute};
    scenario->processes = {producer, consumer};
    return scenario;
}

} // namespace

class TestExporter : public QObject {
    Q_OBJECT
private slots:
    void countsCsv_data();
    void countsCsv();
    void csvQuotesNames();
    void namesCsv();
    void namesCsvPrefersMeasuredCounts();
    void countsCsvFile();
    void traceJsonLines();
    void images_data();
    void images();
    void pngShowsTheLatestCursor();
    void unwritablePathFails();
};

void TestExporter::countsCsv_data() {
    QTest::addColumn<bool>("withScenario");
    QTest::addColumn<int>("upTo");
    QTest::addColumn<QString>("csv");
    QTest::newRow("whole run") << false << 27
                               << "process,operation,syscall,count\n"
                                  "producer,send,mq_timedsend,2\n"
                                  "producer,mailbox_create,mq_open,1\n"
                                  "consumer,receive,mq_timedreceive,2\n";
    QTest::newRow("after the first send") << false << 7
                                          << "process,operation,syscall,count\n"
                                             "producer,send,mq_timedsend,1\n"
                                             "producer,mailbox_create,mq_open,1\n";
    QTest::newRow("scenario adds zero rows") << true << 7
                                             << "process,operation,syscall,count\n"
                                                "producer,send,mq_timedsend,1\n"
                                                "producer,mailbox_create,mq_open,1\n"
                                                "consumer,receive,,0\n"
                                                "consumer,read,,0\n";
    QTest::newRow("nothing yet") << true << 0
                                 << "process,operation,syscall,count\n"
                                    "producer,send,,0\n"
                                    "producer,mailbox_create,,0\n"
                                    "consumer,receive,,0\n"
                                    "consumer,read,,0\n";
}

void TestExporter::countsCsv() {
    QFETCH(bool, withScenario);
    QFETCH(int, upTo);
    QFETCH(QString, csv);
    const Trace trace = test::mailboxTrace();
    const auto scenario = mailboxScenario();
    QCOMPARE(syscallCountsCsv(trace, withScenario ? scenario.get() : nullptr,
                              static_cast<std::size_t>(upTo)),
             csv);
}

void TestExporter::csvQuotesNames() {
    test::TraceBuilder b({"say \"hi\", bob"});
    const int m = b.mailbox("M", 1);
    b.at(0).syscall(0, OpKind::MailboxCreate, m, "mq_open");
    QCOMPARE(syscallCountsCsv(b.trace(), nullptr, 1),
             QStringLiteral("process,operation,syscall,count\n"
                            "\"say \"\"hi\"\", bob\",mailbox_create,mq_open,1\n"));
}

void TestExporter::namesCsv() {
    QCOMPARE(syscallNamesCsv(test::mailboxTrace()), QStringLiteral("syscall,count\n"
                                                                   "mq_open,1\n"
                                                                   "mq_timedreceive,2\n"
                                                                   "mq_timedsend,2\n"
                                                                   "total,5\n"));
}

void TestExporter::namesCsvPrefersMeasuredCounts() {
    Trace trace = test::mailboxTrace();
    trace.engine = Engine::Real;
    trace.measuredSyscalls = {{"mq_open", 2}, {"mq_timedsend", 2}, {"mq_timedreceive", 3}};
    QCOMPARE(syscallNamesCsv(trace), QStringLiteral("syscall,count\n"
                                                    "mq_open,2\n"
                                                    "mq_timedreceive,3\n"
                                                    "mq_timedsend,2\n"
                                                    "total,7\n"));
}

void TestExporter::countsCsvFile() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("counts.csv");
    const Trace trace = test::mailboxTrace();
    QString error;
    QVERIFY(exportCountsCsv(trace, nullptr, trace.events.size(), path, &error));
    QVERIFY(error.isEmpty());
    QCOMPARE(QString::fromUtf8(readAll(path)), syscallCountsCsv(trace, nullptr, 27));
    const QString names = dir.filePath("names.csv");
    QVERIFY(exportSyscallNamesCsv(trace, names, &error));
    QCOMPARE(QString::fromUtf8(readAll(names)), syscallNamesCsv(trace));
}

void TestExporter::traceJsonLines() {
    QTemporaryDir dir;
    const QString path = dir.filePath("trace.jsonl");
    const Trace trace = test::mailboxTrace();
    QVERIFY(exportTraceJsonLines(trace, path));
    const QByteArray text = readAll(path);
    QCOMPARE(text, QByteArray::fromStdString(traceToJsonLines(trace)));
    QVERIFY(text.startsWith("{\"format\":\"ipclab-trace\""));
    const TraceReadResult back = readTraceJson(text.toStdString());
    QVERIFY2(back.trace.has_value(), back.error.c_str());
    QCOMPARE(back.trace->events.size(), trace.events.size());
    QCOMPARE(back.trace->processNames, trace.processNames);
}

void TestExporter::images_data() {
    QTest::addColumn<QString>("view");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("header");
    const QList<QString> views = {"timeline", "syscalls", "comparison"};
    for (const QString& view : views) {
        QTest::newRow(qPrintable(view + " png"))
            << view << "png" << QByteArray("\x89PNG\r\n\x1a\n");
        QTest::newRow(qPrintable(view + " svg")) << view << "svg" << QByteArray("<?xml");
        QTest::newRow(qPrintable(view + " pdf")) << view << "pdf" << QByteArray("%PDF-");
    }
}

void TestExporter::images() {
    QFETCH(QString, view);
    QFETCH(QString, suffix);
    QFETCH(QByteArray, header);
    auto trace = std::make_shared<const Trace>(test::mailboxTrace());
    StateCursor cursor(trace);
    std::unique_ptr<QCustomPlot> widget;
    if (view == "timeline") {
        auto timeline = std::make_unique<TimelineView>();
        timeline->setRun(nullptr, trace);
        timeline->setCursor(13, cursor.at(13));
        widget = std::move(timeline);
    } else if (view == "syscalls") {
        auto chart = std::make_unique<SyscallChartView>();
        chart->setRun(nullptr, trace);
        chart->setCursor(13, cursor.at(13));
        widget = std::move(chart);
    } else {
        auto comparison = std::make_unique<ComparisonChartView>();
        comparison->setRuns(trace, trace);
        widget = std::move(comparison);
    }
    widget->resize(800, 500);
    QTemporaryDir dir;
    const QString path = dir.filePath("view." + suffix);
    QString error;
    QVERIFY2(exportWidget(widget.get(), path, &error), qPrintable(error));
    const QByteArray bytes = readAll(path);
    QVERIFY(bytes.size() > 1000);
    QVERIFY(bytes.startsWith(header));
    if (suffix == "svg") {
        // Vector output: the lane and tick labels are text, not pixels.
        QVERIFY(bytes.contains("<svg"));
        QVERIFY(bytes.contains(view == "comparison" ? "mq_timedsend" : "producer"));
    }
    if (suffix == "png") {
        QImage image;
        QVERIFY(image.loadFromData(bytes, "PNG"));
        QCOMPARE(image.size(), QSize(800, 500) * widget->devicePixelRatioF());
    }
}

void TestExporter::pngShowsTheLatestCursor() {
    // Replots are rate-limited; an export right after a cursor move must still show it.
    auto trace = std::make_shared<const Trace>(test::mailboxTrace());
    StateCursor cursor(trace);
    TimelineView view;
    view.resize(600, 300);
    view.setRun(nullptr, trace);
    QTemporaryDir dir;
    view.setCursor(0, cursor.at(0));
    QVERIFY(exportWidget(&view, dir.filePath("a.png")));
    view.setCursor(27, cursor.at(27));
    QVERIFY(exportWidget(&view, dir.filePath("b.png")));
    view.setCursor(0, cursor.at(0));
    QVERIFY(exportWidget(&view, dir.filePath("c.png")));
    const QImage a(dir.filePath("a.png"));
    const QImage b(dir.filePath("b.png"));
    const QImage c(dir.filePath("c.png"));
    QVERIFY(a != b);
    QVERIFY(a == c);
}

void TestExporter::unwritablePathFails() {
    TimelineView view;
    view.resize(300, 200);
    QString error;
    QVERIFY(!exportWidget(&view, "/nonexistent-dir/x.png", &error));
    QCOMPARE(error, QStringLiteral("cannot write /nonexistent-dir/x.png"));
    QVERIFY(!exportCountsCsv(test::mailboxTrace(), nullptr, 27, "/nonexistent-dir/c.csv", &error));
    QVERIFY(error.startsWith("cannot write /nonexistent-dir/c.csv: "));
}

QTEST_MAIN(TestExporter)
#include "tst_exporter.moc"
