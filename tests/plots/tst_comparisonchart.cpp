// Simulated vs real: one pair of bars per kernel call name, outcomes in the title, and the
// names where the prediction missed.

#include "comparisonchartview.h"
#include "plots_test_traces.h"

#include <QTest>
#include <memory>

using namespace ipclab;
using ipclab::ui::ComparisonChartView;
using Side = ipclab::ui::ComparisonChartView::Side;

class TestComparisonChart : public QObject {
    Q_OBJECT
private slots:
    void bars_data();
    void bars();
    void titleAndMismatches();
    void missingSide();
    void selfCountingAndLeftBehind();
};

void TestComparisonChart::bars_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("simulated");
    QTest::addColumn<double>("real");
    QTest::addColumn<QString>("label");
    QTest::newRow("mq_open") << "mq_open" << 1.0 << 1.0 << "1 / 1";
    QTest::newRow("mq_timedsend") << "mq_timedsend" << 2.0 << 2.0 << "2 / 2";
    QTest::newRow("mq_timedreceive") << "mq_timedreceive" << 2.0 << 3.0 << "2 / 3";
    QTest::newRow("only real") << "mq_unlink" << 0.0 << 1.0 << "0 / 1";
}

namespace {
std::shared_ptr<const Trace> realTrace() {
    Trace real = test::mailboxTrace();
    real.engine = Engine::Real;
    real.timeUnit = TimeUnit::Nanosecond;
    real.outcome = Outcome::Deadlock;
    real.countingMethod = CountingMethod::PerfEvent;
    // The kernel's own count wins over the events (as in the report).
    real.measuredSyscalls = {
        {"mq_open", 1}, {"mq_timedsend", 2}, {"mq_timedreceive", 3}, {"mq_unlink", 1}};
    return std::make_shared<const Trace>(real);
}
} // namespace

void TestComparisonChart::bars() {
    QFETCH(QString, name);
    QFETCH(double, simulated);
    QFETCH(double, real);
    QFETCH(QString, label);
    ComparisonChartView view;
    view.setRuns(std::make_shared<const Trace>(test::mailboxTrace()), realTrace());
    QCOMPARE(view.names(),
             (std::vector<std::string>{"mq_open", "mq_timedreceive", "mq_timedsend", "mq_unlink"}));
    QCOMPARE(view.barValue(name.toStdString(), Side::Simulated), simulated);
    QCOMPARE(view.barValue(name.toStdString(), Side::Real), real);
    QCOMPARE(view.labelText(name.toStdString()), label);
}

void TestComparisonChart::titleAndMismatches() {
    ComparisonChartView view;
    view.setRuns(std::make_shared<const Trace>(test::mailboxTrace()), realTrace());
    QCOMPARE(view.titleText(),
             QStringLiteral("hand-built\nSimulated: completed · Real: deadlock\n"
                            "Real calls counted by the Linux kernel (perf events)"));
    QCOMPARE(view.mismatches(), (std::vector<std::string>{"mq_timedreceive", "mq_unlink"}));
    QCOMPARE(view.barValue("shmget", Side::Real), -1.0);
}

void TestComparisonChart::missingSide() {
    ComparisonChartView view;
    view.setRuns(std::make_shared<const Trace>(test::mailboxTrace()), nullptr);
    QCOMPARE(view.titleText(), QStringLiteral("hand-built\nSimulated: completed · Real: not run"));
    QCOMPARE(view.barValue("mq_open", Side::Simulated), 1.0);
    QCOMPARE(view.barValue("mq_open", Side::Real), -1.0);
    QCOMPARE(view.labelText("mq_timedsend"), QStringLiteral("2"));
}

/// Counted by IPC Lab itself for want of tracefs: the title says how to let the kernel
/// count, and what the simulated run leaves behind.
void TestComparisonChart::selfCountingAndLeftBehind() {
    Trace sim = test::mailboxTrace();
    sim.events.insert(sim.events.begin() + 6, sim.events[5]);
    sim.events[6].kind = EventKind::ObjCreated;
    Trace real = *realTrace();
    real.countingMethod = CountingMethod::Self;
    real.countingFallback = CountingFallback::NoTracefs;
    ComparisonChartView view;
    view.setRuns(std::make_shared<const Trace>(sim), std::make_shared<const Trace>(real));
    QCOMPARE(view.titleText(),
             QStringLiteral("hand-built\nSimulated: completed · Real: deadlock\n"
                            "Real calls counted by IPC Lab itself: the kernel cannot count until "
                            "tracefs is mounted\n(as root: mount -t tracefs nodev "
                            "/sys/kernel/tracing)\nLeft behind, would leak on Linux: mailbox M"));
}

QTEST_MAIN(TestComparisonChart)
#include "tst_comparisonchart.moc"
