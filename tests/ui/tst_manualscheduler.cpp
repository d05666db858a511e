// "You are the scheduler": the run stops at every choice point, the runnable processes are
// offered, a click runs one, and going back to choose differently drops later choices.

#include "mainwindow.h"
#include "runsession.h"
#include "systemview.h"

#include <QtTest>

using namespace ipclab;
using namespace ipclab::ui;

namespace {

std::vector<int> dispatchOrder(const Trace& t) {
    std::vector<int> order;
    for (const Event& e : t.events) {
        if (e.kind == EventKind::Dispatch) {
            order.push_back(e.proc);
        }
    }
    return order;
}

std::size_t firstChoice(const Trace& t) {
    for (std::size_t i = 0; i < t.events.size(); ++i) {
        if (t.events[i].kind == EventKind::Choice) {
            return i;
        }
    }
    return t.events.size();
}

} // namespace

class TestManualScheduler : public QObject {
    Q_OBJECT

private slots:
    void init() {
        m_window = std::make_unique<MainWindow>(false);
        m_window->systemView()->setAnimationEnabled(false);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(m_window->openFile(QStringLiteral(IPCLAB_TEST_DATA_DIR "/manual.yaml")));
        m_window->setManualScheduling(true);
    }
    void cleanup() { m_window.reset(); }

    void runStopsAtTheFirstChoice() {
        RunSession* s = m_window->session();
        QVERIFY(s->manualMode());
        QCOMPARE(s->trace()->outcome, Outcome::AwaitingChoice);
        QCOMPARE(s->position(), std::size_t(0));
        m_window->gotoEnd();
        QCOMPARE(s->selectableProcesses(), (std::vector<int>{0, 1, 2}));
        for (int p = 0; p < 3; ++p) {
            QVERIFY(m_window->systemView()->processSelectable(p));
        }
        QCOMPARE(m_window->systemView()->banner(),
                 QStringLiteral("Your turn: click a ready process to run it next"));
    }

    void clickingAProcessRunsIt() {
        RunSession* s = m_window->session();
        m_window->gotoEnd();
        SystemView* view = m_window->systemView();
        const QPoint centre = view->mapFromScene(view->processSceneRect(2).center());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centre);
        QCOMPARE(s->choices(), (std::vector<int>{2}));
        QCOMPARE(view->processStateText(2), QStringLiteral("running on CPU 0"));
        QVERIFY(!view->processSelectable(2)); // running: not a choice any more
        QVERIFY(view->processSelectable(0));  // still ready: may be chosen next
        m_window->gotoEnd();
        QCOMPARE(s->trace()->outcome, Outcome::AwaitingChoice);
        QCOMPARE(s->selectableProcesses(), (std::vector<int>{0, 1}));
        QVERIFY(s->chooseProcess(0));
        QCOMPARE(s->choices(), (std::vector<int>{2, 0}));
        m_window->gotoEnd();
        QCOMPARE(s->trace()->outcome, Outcome::Completed);
        QCOMPARE(dispatchOrder(*s->trace()), (std::vector<int>{2, 0, 1}));
        QVERIFY(!s->chooseProcess(1)); // nothing to choose at the end of a finished run
    }

    void goingBackAndChoosingDifferentlyDropsLaterChoices() {
        RunSession* s = m_window->session();
        m_window->gotoEnd();
        QVERIFY(s->chooseProcess(2));
        m_window->gotoEnd();
        QVERIFY(s->chooseProcess(0));
        QCOMPARE(s->choices(), (std::vector<int>{2, 0}));
        // Back to the moment all three were ready, before the first choice.
        m_window->gotoEvent(firstChoice(*s->trace()));
        QCOMPARE(s->selectableProcesses(), (std::vector<int>{0, 1, 2}));
        QVERIFY(s->chooseProcess(1));
        QCOMPARE(s->choices(), (std::vector<int>{1}));
        QCOMPARE(s->trace()->outcome, Outcome::AwaitingChoice);
        QCOMPARE(dispatchOrder(*s->trace()), (std::vector<int>{1}));
    }

    void leavingManualModeRunsTheScenariosOwnScheduler() {
        m_window->setManualScheduling(false);
        RunSession* s = m_window->session();
        QCOMPARE(s->trace()->outcome, Outcome::Completed);
        QCOMPARE(dispatchOrder(*s->trace()), (std::vector<int>{0, 1, 2}));
        QVERIFY(s->selectableProcesses().empty());
    }

private:
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestManualScheduler)
#include "tst_manualscheduler.moc"
