// The question flow in the window: playback stops at a lesson's questions, the student
// answers (a number, a choice), the run continues, the answers are marked at the end with
// evidence to jump to; "show me now"; progress kept and reset; Practice › New exercise.

#include "mainwindow.h"
#ifdef IPCLAB_HAVE_EXPLORER
#include "exploredialog.h"
#include "outcomechart.h"
#endif
#include "player.h"
#include "practice.h"
#include "quizflow.h"
#include "quizpanel.h"
#include "quizprogress.h"
#include "runsession.h"
#include "systemview.h"

#include <QButtonGroup>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QtTest>

using namespace ipclab;
using namespace ipclab::ui;

namespace {

QString lesson(const char* name) {
    return QStringLiteral(IPCLAB_SCENARIO_DIR "/") + QString::fromLatin1(name);
}

void clickChoice(QuizPanel* panel, const QString& text) {
    for (QAbstractButton* b : panel->choiceButtons()->buttons()) {
        if (b->text() == text) {
            b->click();
            return;
        }
    }
    QFAIL(qPrintable("no choice " + text));
}

} // namespace

class TestQuizFlow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("IPCLabTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_quizflow"));
        QuizProgress::resetAll();
    }
    void init() {
        m_window = std::make_unique<MainWindow>(false);
        m_window->systemView()->setAnimationEnabled(false);
        m_window->resize(1280, 720);
        m_window->show();
        m_practice = m_window->findChild<Practice*>();
        QVERIFY(m_practice != nullptr);
    }
    void cleanup() {
        m_window.reset();
        QuizProgress::resetAll();
    }

    void playbackStopsAtEachQuestionAndMarksAtTheEnd() {
        QVERIFY(m_window->openFile(lesson("bounded-buffer.yaml")));
        QuizFlow* flow = m_practice->flow();
        QuizPanel* panel = m_practice->panel();
        QCOMPARE(flow->items().size(), std::size_t(2));
        QVERIFY(m_practice->dock()->isVisible());
        m_window->player()->setSpeed(100000);
        m_window->player()->play();
        QTRY_COMPARE(flow->pending(), 0);
        QVERIFY(!m_window->player()->isPlaying());
        QCOMPARE(m_window->session()->position(), flow->items()[0].answer.askedAt + 1);
        QVERIFY(panel->questionLabel()->text().contains(QStringLiteral("block on the full")));
        // A number: typed into the box (the first question has no choices).
        QVERIFY(panel->answerBox()->isVisible());
        const QString right = QString::fromStdString(flow->items()[0].answer.value.display());
        panel->answerBox()->setText(right);
        panel->answerButton()->click();
        // The second question is asked at the same moment: choices, answered wrong.
        QCOMPARE(flow->pending(), 1);
        QVERIFY(!panel->answerBox()->isVisible());
        QCOMPARE(panel->choiceButtons()->buttons().size(), 3);
        const bool producerFirst = flow->items()[1].answer.value.text == "producer";
        clickChoice(panel, producerFirst ? QStringLiteral("consumer") : QStringLiteral("producer"));
        panel->answerButton()->click();
        // The run continues to its end, then every answer is marked.
        QTRY_VERIFY(flow->revealed());
        QVERIFY(m_window->session()->atEnd());
        QCOMPARE(panel->results()->topLevelItemCount(), 2);
        QCOMPARE(panel->results()->topLevelItem(0)->text(3), QStringLiteral("✓ right"));
        QCOMPARE(panel->results()->topLevelItem(1)->text(3), QStringLiteral("✗ wrong"));
        QCOMPARE(panel->scoreLabel()->text(), QStringLiteral("1 of 2 right"));
        // Evidence: the first event that decides "who blocks first".
        panel->selectResult(1);
        QVERIFY(panel->evidenceButton()->isEnabled());
        panel->evidenceButton()->click();
        const std::size_t decisive = flow->items()[1].answer.evidence.front();
        QCOMPARE(m_window->session()->position(), decisive + 1);
        const Event& e = m_window->session()->trace()->events[decisive];
        QCOMPARE(e.kind, EventKind::State);
        QCOMPARE(e.a, static_cast<std::int32_t>(ProcState::Blocked));
        // Progress is kept for the lesson.
        const QuizScore score = QuizProgress::score(flow->lessonKey());
        QCOMPARE(score.right, 1);
        QCOMPARE(score.total, 2);
        m_practice->resetLessonProgress();
        QVERIFY(!QuizProgress::score(flow->lessonKey()).known());
        QVERIFY(!flow->revealed()); // asked again from the cursor on
    }

    void showMeNowMarksUnansweredAsWrong() {
        QVERIFY(m_window->openFile(lesson("deadlock.yaml")));
        QuizPanel* panel = m_practice->panel();
        QVERIFY(panel->showNowButton()->isEnabled());
        panel->showNowButton()->click();
        QVERIFY(m_practice->flow()->revealed());
        QCOMPARE(panel->results()->topLevelItem(0)->text(1), QStringLiteral("(not answered)"));
        QCOMPARE(panel->results()->topLevelItem(0)->text(2), QStringLiteral("deadlock"));
        QCOMPARE(panel->scoreLabel()->text(), QStringLiteral("0 of 2 right"));
    }

    void jumpingPastAQuestionStillAsksIt() {
        QVERIFY(m_window->openFile(lesson("lost-updates.yaml")));
        m_window->gotoEnd();
        QCOMPARE(m_practice->flow()->pending(), 0);
        QVERIFY(!m_practice->flow()->revealed());
        m_practice->panel()->answerBox()->setText(QStringLiteral("10"));
        m_practice->panel()->answerBox()->returnPressed();
        QCOMPARE(m_practice->flow()->pending(), 1);
        m_practice->flow()->answer(QStringLiteral("0"));
        QVERIFY(m_practice->flow()->revealed());
        QCOMPARE(m_practice->flow()->rightCount(), 1); // 10 is right; 10 were lost, not 0
    }

    void scenarioWithoutQuestionsKeepsTheDockClosed() {
        QVERIFY(m_window->openFile(lesson("welcome.yaml")));
        QVERIFY(!m_practice->flow()->hasQuestions());
        QVERIFY(!m_practice->dock()->isVisible());
    }

    void newExerciseOpensTheGeneratedScenario() {
        const QString path = m_practice->openExercise(QStringLiteral("races"), 2, 7);
        QVERIFY(!path.isEmpty());
        QVERIFY(path.endsWith(QStringLiteral("races-d2-seed7.yaml")));
        QVERIFY(m_window->session()->scenario()->title.rfind("Races: two tellers", 0) == 0);
        QCOMPARE(m_practice->flow()->items().size(), std::size_t(3));
        QVERIFY(m_practice->dock()->isVisible());
        m_window->player()->setSpeed(100000);
        m_window->player()->play();
        QTRY_COMPARE(m_practice->flow()->pending(), 0);
        QVERIFY(!m_practice->panel()->choiceButtons()->buttons().isEmpty());
    }

#ifdef IPCLAB_HAVE_EXPLORER
    void exploreChartsOutcomesAndLoadsAWitness() {
        QVERIFY(m_window->openFile(lesson("deadlock-semaphores.yaml")));
        m_practice->showExplorer();
        auto* dialog = qobject_cast<ExploreDialog*>(m_practice->explorer());
        QVERIFY(dialog != nullptr);
        QVERIFY2(dialog->summary()->text().contains(QStringLiteral("complete")),
                 qPrintable(dialog->summary()->text()));
        // Some schedules deadlock, others complete: two bars at least, one a deadlock.
        QVERIFY(dialog->chart()->barCount() >= 2);
        int deadlock = -1;
        int completed = -1;
        for (int i = 0; i < dialog->outcomes()->topLevelItemCount(); ++i) {
            const QString label = dialog->outcomes()->topLevelItem(i)->text(0);
            (label == QStringLiteral("deadlock") ? deadlock : completed) = i;
        }
        QVERIFY(deadlock >= 0 && completed >= 0);
        dialog->loadWitness(deadlock);
        QCOMPARE(m_window->session()->trace()->outcome, Outcome::Deadlock);
        dialog->loadWitness(completed);
        QCOMPARE(m_window->session()->trace()->outcome, Outcome::Completed);
    }
#endif

private:
    std::unique_ptr<MainWindow> m_window;
    Practice* m_practice = nullptr;
};

QTEST_MAIN(TestQuizFlow)
#include "tst_quizflow.moc"
