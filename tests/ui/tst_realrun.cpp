// "Run on real Linux": the window starts `ipclab run FILE --engine real --trace -` as a
// child process, reads its JSON-lines trace, shows it in the same views and compares it
// with the simulation.

#include "captionview.h"
#include "comparisonchartview.h"
#include "mainwindow.h"
#include "realrunner.h"
#include "runsession.h"
#include "systemview.h"

#include <QSignalSpy>
#include <QtTest>

using namespace ipclab;
using namespace ipclab::ui;

class TestRealRun : public QObject {
    Q_OBJECT

private slots:
    void realTraceIsShownAndCompared() {
        MainWindow window(false);
        window.systemView()->setAnimationEnabled(false);
        window.realRunner()->setProgram(QStringLiteral(IPCLAB_EXE));
        window.show();
        QVERIFY(window.openFile(QStringLiteral(IPCLAB_SCENARIO_DIR "/bounded-buffer.yaml")));
        QVERIFY(window.session()->trace()->engine == Engine::Sim);
        QSignalSpy failed(window.realRunner(), &RealRunner::failed);
        window.runOnRealLinux();
        QTRY_VERIFY_WITH_TIMEOUT(
            !failed.isEmpty() || window.session()->trace()->engine == Engine::Real, 120000);
        if (!failed.isEmpty()) {
            QSKIP(qPrintable(failed.front().front().toString()));
        }
        const Trace& real = *window.session()->trace();
        QCOMPARE(real.outcome, Outcome::Completed);
        QCOMPARE(window.session()->position(), std::size_t(0));
        QVERIFY(window.captions()->title().endsWith(QStringLiteral("(real Linux run)")));
        window.gotoEnd();
        QCOMPARE(window.systemView()->processStateText(0), QStringLiteral("terminated"));
        QCOMPARE(window.systemView()->processStateText(1), QStringLiteral("terminated"));

        auto* chart = static_cast<ComparisonChartView*>(window.comparisonView());
        QVERIFY(chart->isVisible());
        using Side = ComparisonChartView::Side;
        QCOMPARE(chart->barValue("mq_timedsend", Side::Simulated), 8.0);
        QCOMPARE(chart->barValue("mq_timedsend", Side::Real), 8.0);
        QCOMPARE(chart->barValue("mq_timedreceive", Side::Simulated), 8.0);
        QCOMPARE(chart->barValue("mq_timedreceive", Side::Real), 8.0);
    }
};

QTEST_MAIN(TestRealRun)
#include "tst_realrun.moc"
