// The timeline after setRun and setCursor: lane stretches per process and per CPU, markers,
// the cursor line, and which cursor a click asks for.

#include "plots_test_traces.h"
#include "state.h"
#include "timelineview.h"

#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace ipclab;
using ipclab::ui::CpuInterval;
using ipclab::ui::MarkerKind;
using ipclab::ui::StateInterval;
using ipclab::ui::TimelineView;

Q_DECLARE_METATYPE(std::vector<StateInterval>)
Q_DECLARE_METATYPE(std::vector<CpuInterval>)

namespace {
std::shared_ptr<const Trace> sharedMailboxTrace() {
    return std::make_shared<const Trace>(test::mailboxTrace());
}
} // namespace

class TestTimeline : public QObject {
    Q_OBJECT
private slots:
    void laneIntervals_data();
    void laneIntervals();
    void cpuLane();
    void markers();
    void lateArrivalStartsLaneAtArrival();
    void cursorLine_data();
    void cursorLine();
    void clickMapping_data();
    void clickMapping();
    void mouseClickRequestsCursor();
    void newRunReplacesLanes();
};

void TestTimeline::laneIntervals_data() {
    QTest::addColumn<int>("proc");
    QTest::addColumn<std::vector<StateInterval>>("expected");
    QTest::newRow("producer") << 0
                              << std::vector<StateInterval>{{ProcState::Running, 0, 2},
                                                            {ProcState::Ready, 2, 3},
                                                            {ProcState::Running, 3, 5},
                                                            {ProcState::Terminated, 5, 6}};
    QTest::newRow("consumer") << 1
                              << std::vector<StateInterval>{{ProcState::Ready, 0, 2},
                                                            {ProcState::Running, 2, 3},
                                                            {ProcState::Blocked, 3, 4},
                                                            {ProcState::Ready, 4, 5},
                                                            {ProcState::Running, 5, 6}};
    QTest::newRow("unknown process") << 7 << std::vector<StateInterval>{};
}

void TestTimeline::laneIntervals() {
    QFETCH(int, proc);
    QFETCH(std::vector<StateInterval>, expected);
    TimelineView view;
    view.setRun(nullptr, sharedMailboxTrace());
    QCOMPARE(view.processLaneCount(), 2);
    QCOMPARE(view.laneIntervals(proc), expected);
}

void TestTimeline::cpuLane() {
    TimelineView view;
    view.setRun(nullptr, sharedMailboxTrace());
    QCOMPARE(view.cpuLaneCount(), 1);
    const std::vector<CpuInterval> expected{{0, 0, 2}, {1, 2, 3}, {0, 3, 5}, {1, 5, 6}};
    QCOMPARE(view.cpuIntervals(0), expected);
    QVERIFY(view.cpuIntervals(1).empty());
}

void TestTimeline::markers() {
    TimelineView view;
    view.setRun(nullptr, sharedMailboxTrace());
    // mq_open, two sends, two receives; the completion of the blocked receive is no call.
    QCOMPARE(view.markerCount(MarkerKind::Syscall), 5);
    QCOMPARE(view.markerCount(MarkerKind::MsgSent), 2);
    QCOMPARE(view.markerCount(MarkerKind::MsgReceived), 2);
    QCOMPARE(view.markerCount(MarkerKind::ShmAccess), 0);
}

void TestTimeline::lateArrivalStartsLaneAtArrival() {
    test::TraceBuilder b({"early", "late"}, 2);
    const int seg = b.segment("board", 64, 0600, "1234");
    b.at(0).start();
    b.state(0, ProcState::Ready);
    b.dispatch(0, 0);
    b.state(0, ProcState::Running, OpKind::Compute, -1, 0);
    b.at(4).state(1, ProcState::Ready);
    b.dispatch(1, 1);
    b.state(1, ProcState::Running, OpKind::Compute, -1, 1);
    b.ev(EventKind::ShmWrite, 1, OpKind::Write, seg, 0, 0, "7");
    b.at(9).state(0, ProcState::Terminated);
    b.state(1, ProcState::Terminated);
    b.at(10).end(Outcome::Completed);
    TimelineView view;
    view.setRun(nullptr, std::make_shared<const Trace>(b.trace()));
    QCOMPARE(view.cpuLaneCount(), 2);
    QCOMPARE(view.laneIntervals(1), (std::vector<StateInterval>{{ProcState::Running, 4, 9},
                                                                {ProcState::Terminated, 9, 10}}));
    QCOMPARE(view.cpuIntervals(1), (std::vector<CpuInterval>{{1, 4, 9}}));
    QCOMPARE(view.cpuIntervals(0), (std::vector<CpuInterval>{{0, 0, 9}}));
    QCOMPARE(view.markerCount(MarkerKind::ShmAccess), 1);
    QCOMPARE(view.markerCount(MarkerKind::Syscall), 0);
}

void TestTimeline::cursorLine_data() {
    QTest::addColumn<int>("index");
    QTest::addColumn<double>("time");
    QTest::newRow("before the first event") << 0 << 0.0;
    QTest::newRow("after the first send") << 7 << 1.0;
    QTest::newRow("after msg_sent") << 8 << 1.0;
    QTest::newRow("after producer ready") << 9 << 2.0;
    QTest::newRow("consumer blocked") << 15 << 3.0;
    QTest::newRow("end") << 27 << 6.0;
    QTest::newRow("past the end clamps") << 500 << 6.0;
}

void TestTimeline::cursorLine() {
    QFETCH(int, index);
    QFETCH(double, time);
    auto trace = sharedMailboxTrace();
    StateCursor cursor(trace);
    TimelineView view;
    view.setRun(nullptr, trace);
    const auto k = static_cast<std::size_t>(index);
    view.setCursor(k, cursor.at(std::min(k, trace->events.size())));
    QCOMPARE(view.cursorLineTime(), time);
    QCOMPARE(view.cursorIndex(), std::min(k, trace->events.size()));
}

void TestTimeline::clickMapping_data() {
    QTest::addColumn<double>("time");
    QTest::addColumn<int>("cursor");
    // The cursor lands after every event of the first time stamp at or after the click.
    QTest::newRow("before the run") << -5.0 << 6;
    QTest::newRow("at 0") << 0.0 << 6;
    QTest::newRow("between 0 and 1") << 0.5 << 8;
    QTest::newRow("exactly 2") << 2.0 << 13;
    QTest::newRow("between 3 and 4") << 3.7 << 20;
    QTest::newRow("the last stamp") << 6.0 << 27;
    QTest::newRow("past the end") << 100.0 << 27;
}

void TestTimeline::clickMapping() {
    QFETCH(double, time);
    QFETCH(int, cursor);
    TimelineView view;
    view.setRun(nullptr, sharedMailboxTrace());
    QCOMPARE(view.cursorForClick(time), static_cast<std::size_t>(cursor));
}

void TestTimeline::mouseClickRequestsCursor() {
    TimelineView view;
    view.resize(900, 420);
    view.setRun(nullptr, sharedMailboxTrace());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.replot();
    QSignalSpy spy(&view, &TimelineView::cursorRequested);
    const int x = qRound(view.xAxis->coordToPixel(2.5));
    const int y = view.axisRect()->rect().center().y();
    QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(x, y));
    QCOMPARE(spy.count(), 1);
    // 2.5 lies between stamps 2 and 3: every event of t = 3 is applied.
    QCOMPARE(spy.at(0).at(0).value<std::size_t>(), std::size_t{17});

    // A drag pans the time axis and does not move the cursor.
    QTest::mousePress(&view, Qt::LeftButton, {}, QPoint(x, y));
    QTest::mouseMove(&view, QPoint(x + 60, y));
    QTest::mouseRelease(&view, Qt::LeftButton, {}, QPoint(x + 60, y));
    QCOMPARE(spy.count(), 1);
}

void TestTimeline::newRunReplacesLanes() {
    TimelineView view;
    view.setRun(nullptr, sharedMailboxTrace());
    test::TraceBuilder b({"solo"});
    b.at(0).start();
    b.state(0, ProcState::Ready);
    b.at(3).state(0, ProcState::Terminated);
    b.at(4).end(Outcome::Completed);
    view.setRun(nullptr, std::make_shared<const Trace>(b.trace()));
    QCOMPARE(view.processLaneCount(), 1);
    QCOMPARE(view.laneIntervals(0),
             (std::vector<StateInterval>{{ProcState::Ready, 0, 3}, {ProcState::Terminated, 3, 4}}));
    QVERIFY(view.cpuIntervals(0).empty());
    QCOMPARE(view.markerCount(MarkerKind::MsgSent), 0);
    QCOMPARE(view.cursorLineTime(), 0.0);
}

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
