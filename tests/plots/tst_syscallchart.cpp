// The syscall charts after setCursor: bar heights per operation and per process, the
// cumulative "syscalls vs items" curves (hand-built traces and bundled lessons).

#include "kernel.h"
#include "loader.h"
#include "plots_test_traces.h"
#include "state.h"
#include "syscallchartview.h"

#include <QTest>
#include <memory>

using namespace ipclab;
using ipclab::ui::CurvePoint;
using ipclab::ui::Mechanism;
using ipclab::ui::SyscallChartView;

Q_DECLARE_METATYPE(std::vector<QPointF>)

namespace {

/// Writer and reader share a segment: 2 + 2 set-up calls, three writes and three reads that
/// cost none, one shmdt. 14 events:
///  0 t0 start   1 shmget(w)  2 shmat(w)  3 write  4 write  5 write
///  6 t1 shmget(r, lookup)  7 shmat(r)  8 read  9 read  10 read  11 shmdt(r)  12 say  13 end
Trace shmTrace() {
    test::TraceBuilder b({"writer", "reader"});
    const int seg = b.segment("board", 64, 0600, "1234");
    b.at(0).start();
    b.syscall(0, OpKind::ShmCreate, seg, "shmget");
    b.syscall(0, OpKind::ShmAttach, seg, "shmat");
    for (int i = 0; i < 3; ++i) {
        b.ev(EventKind::ShmWrite, 0, OpKind::Write, seg, i * 8, 0, "42");
    }
    b.at(1).syscall(1, OpKind::ShmAttach, seg, "shmget");
    b.syscall(1, OpKind::ShmAttach, seg, "shmat");
    for (int i = 0; i < 3; ++i) {
        b.ev(EventKind::ShmRead, 1, OpKind::Read, seg, i * 8, 0, "42");
    }
    b.syscall(1, OpKind::ShmDetach, seg, "shmdt");
    b.ev(EventKind::Caption, 1, OpKind::Say, -1, 0, 0, "done");
    b.end(Outcome::Completed);
    return b.trace();
}

std::vector<QPointF> points(std::initializer_list<QPointF> list) {
    return list;
}

} // namespace

class TestSyscallChart : public QObject {
    Q_OBJECT
private slots:
    void bars_data();
    void bars();
    void scenarioOpsShowZeroBars();
    void messageCurve_data();
    void messageCurve();
    void shmCurveIsFlatAfterSetUp();
    void lessonCurves_data();
    void lessonCurves();
};

void TestSyscallChart::bars_data() {
    QTest::addColumn<int>("index");
    QTest::addColumn<double>("create");
    QTest::addColumn<double>("send");
    QTest::addColumn<double>("receive");
    QTest::addColumn<double>("consumerReceive");
    QTest::newRow("start") << 0 << 0.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("after mq_open") << 6 << 1.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("after first send") << 7 << 1.0 << 1.0 << 0.0 << 0.0;
    QTest::newRow("blocked receive counts once") << 15 << 1.0 << 1.0 << 2.0 << 2.0;
    QTest::newRow("completion does not count") << 27 << 1.0 << 2.0 << 2.0 << 2.0;
}

void TestSyscallChart::bars() {
    QFETCH(int, index);
    QFETCH(double, create);
    QFETCH(double, send);
    QFETCH(double, receive);
    QFETCH(double, consumerReceive);
    auto trace = std::make_shared<const Trace>(test::mailboxTrace());
    StateCursor cursor(trace);
    SyscallChartView view;
    view.setRun(nullptr, trace);
    QCOMPARE(view.shownOps(),
             (std::vector<OpKind>{OpKind::Send, OpKind::Receive, OpKind::MailboxCreate}));
    view.setCursor(static_cast<std::size_t>(index), cursor.at(static_cast<std::size_t>(index)));
    QCOMPARE(view.barValue(OpKind::MailboxCreate), create);
    QCOMPARE(view.barValue(OpKind::Send), send);
    QCOMPARE(view.barValue(OpKind::Receive), receive);
    QCOMPARE(view.processBarValue(0, OpKind::MailboxCreate), create);
    QCOMPARE(view.processBarValue(0, OpKind::Send), send);
    QCOMPARE(view.processBarValue(0, OpKind::Receive), 0.0);
    QCOMPARE(view.processBarValue(1, OpKind::Receive), consumerReceive);
    QCOMPARE(view.barValue(OpKind::Read), -1.0);
    QCOMPARE(view.titleText(), QStringLiteral("System calls: %1 at event %2 of 27")
                                   .arg(create + send + receive)
                                   .arg(index));
}

void TestSyscallChart::scenarioOpsShowZeroBars() {
    auto scenario = std::make_shared<Scenario>();
    scenario->title = "shm";
    ProcessSpec writer;
    writer.name = "writer";
    Operation create;
    create.kind = OpKind::ShmCreate;
    Operation write;
    write.kind = OpKind::Write;
    Operation loop;
    loop.kind = OpKind::Repeat;
    loop.body = {write};
    writer.program = {create, loop};
    ProcessSpec reader;
    reader.name = "reader";
    Operation read;
    read.kind = OpKind::Read;
    reader.program = {read};
    scenario->processes = {writer, reader};
    auto trace = std::make_shared<const Trace>(shmTrace());
    StateCursor cursor(trace);
    SyscallChartView view;
    view.setRun(scenario, trace);
    // Read and write appear (with 0) because the programs use them; shm_attach and
    // shm_detach because the trace has their calls.
    QCOMPARE(view.shownOps(),
             (std::vector<OpKind>{OpKind::ShmCreate, OpKind::ShmAttach, OpKind::ShmDetach,
                                  OpKind::Read, OpKind::Write}));
    view.setCursor(14, cursor.at(14));
    QCOMPARE(view.barValue(OpKind::Read), 0.0);
    QCOMPARE(view.barValue(OpKind::Write), 0.0);
    QCOMPARE(view.barValue(OpKind::ShmAttach), 3.0);
    QCOMPARE(view.processBarValue(1, OpKind::ShmAttach), 2.0);
    QCOMPARE(view.processBarValue(1, OpKind::ShmDetach), 1.0);
}

void TestSyscallChart::messageCurve_data() {
    QTest::addColumn<int>("index");
    QTest::addColumn<std::vector<QPointF>>("drawn");
    QTest::addColumn<QPointF>("dot");
    QTest::newRow("nothing yet") << 5 << points({{0, 0}}) << QPointF(0, 0);
    QTest::newRow("inside the first rise") << 7 << points({{0, 0}, {0, 2}}) << QPointF(0, 2);
    QTest::newRow("first message received")
        << 13 << points({{0, 0}, {0, 3}, {1, 3}}) << QPointF(1, 3);
    QTest::newRow("end") << 27 << points({{0, 0}, {0, 3}, {1, 3}, {1, 5}, {2, 5}}) << QPointF(2, 5);
}

void TestSyscallChart::messageCurve() {
    QFETCH(int, index);
    QFETCH(std::vector<QPointF>, drawn);
    QFETCH(QPointF, dot);
    auto trace = std::make_shared<const Trace>(test::mailboxTrace());
    StateCursor cursor(trace);
    SyscallChartView view;
    view.setRun(nullptr, trace);
    QCOMPARE(view.curve(Mechanism::MessagePassing),
             (std::vector<CurvePoint>{{0, 0, 5}, {0, 3, 11}, {1, 3, 12}, {1, 5, 17}, {2, 5, 24}}));
    QVERIFY(view.curve(Mechanism::SharedMemory).empty());
    view.setCursor(static_cast<std::size_t>(index), cursor.at(static_cast<std::size_t>(index)));
    QCOMPARE(view.drawnCurve(Mechanism::MessagePassing), drawn);
    QCOMPARE(view.cursorPoint(Mechanism::MessagePassing), dot);
}

void TestSyscallChart::shmCurveIsFlatAfterSetUp() {
    auto trace = std::make_shared<const Trace>(shmTrace());
    StateCursor cursor(trace);
    SyscallChartView view;
    view.setRun(nullptr, trace);
    // Four set-up calls, then three items for free (one flat segment), then one shmdt.
    QCOMPARE(view.curve(Mechanism::SharedMemory),
             (std::vector<CurvePoint>{{0, 0, 1}, {0, 4, 7}, {3, 4, 10}, {3, 5, 11}}));
    view.setCursor(10, cursor.at(10));
    QCOMPARE(view.drawnCurve(Mechanism::SharedMemory), points({{0, 0}, {0, 4}, {2, 4}}));
    QCOMPARE(view.cursorPoint(Mechanism::SharedMemory), QPointF(2, 4));
}

void TestSyscallChart::lessonCurves_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QPointF>("messageEnd");
    QTest::addColumn<QPointF>("shmEnd");
    QTest::addColumn<int>("messageFlats");
    QTest::newRow("welcome") << "welcome.yaml" << QPointF(10, 23) << QPointF(10, 12) << 10;
    QTest::newRow("shm-vs-messages")
        << "shm-vs-messages.yaml" << QPointF(20, 43) << QPointF(20, 12) << 20;
}

void TestSyscallChart::lessonCurves() {
    QFETCH(QString, file);
    QFETCH(QPointF, messageEnd);
    QFETCH(QPointF, shmEnd);
    QFETCH(int, messageFlats);
    const LoadResult loaded =
        loadScenarioFile(QStringLiteral(IPCLAB_SCENARIO_DIR "/%1").arg(file).toStdString());
    QVERIFY(loaded.ok());
    auto scenario = std::make_shared<const Scenario>(*loaded.scenario);
    auto trace = std::make_shared<const Trace>(simulate(*scenario).trace);
    StateCursor cursor(trace);
    SyscallChartView view;
    view.setRun(scenario, trace);
    const std::size_t end = trace->events.size();
    view.setCursor(end, cursor.at(end));
    QCOMPARE(view.cursorPoint(Mechanism::MessagePassing), messageEnd);
    QCOMPARE(view.cursorPoint(Mechanism::SharedMemory), shmEnd);
    QCOMPARE(view.cursorPointText(Mechanism::MessagePassing),
             QStringLiteral("%1 calls / %2 items").arg(messageEnd.y()).arg(messageEnd.x()));
    // Message passing: one flat step per message (each costs calls before the next item).
    auto flats = [](const std::vector<CurvePoint>& curve) {
        int n = 0;
        double length = 0;
        for (std::size_t i = 1; i < curve.size(); ++i) {
            if (curve[i].syscalls == curve[i - 1].syscalls) {
                ++n;
                length += curve[i].items - curve[i - 1].items;
            }
        }
        return std::pair<int, double>(n, length);
    };
    QCOMPARE(flats(view.curve(Mechanism::MessagePassing)),
             (std::pair<int, double>(messageFlats, messageEnd.x())));
    // Shared memory: every item travels on one flat stretch, with no call between items.
    QCOMPARE(flats(view.curve(Mechanism::SharedMemory)), (std::pair<int, double>(1, shmEnd.x())));
    QCOMPARE(view.barValue(OpKind::Read), 0.0);
    QCOMPARE(view.barValue(OpKind::Write), 0.0);
}

QTEST_MAIN(TestSyscallChart)
#include "tst_syscallchart.moc"
