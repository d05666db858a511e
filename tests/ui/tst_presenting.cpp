// The window in the lecture hall and for self-study: presentation mode (F5 / Esc), the
// presenter's Page Down / Page Up, the zoom of every text, reveal as you go in the
// timeline and the charts, and Help (legend, lessons in the lecture's order, the tour).

#include "captionview.h"
#include "lessonorder.h"
#include "mainwindow.h"
#include "presenterstrip.h"
#include "runsession.h"
#include "scenariofiles.h"
#include "syscallchartview.h"
#include "systemview.h"
#include "timelineview.h"
#include "tour.h"

#include <QDockWidget>
#include <QMenuBar>
#include <QTreeWidget>
#include <QtTest>

using namespace ipclab;
using namespace ipclab::ui;

namespace {

QString lesson(const char* name) {
    return bundledScenarioDir() + QLatin1Char('/') + QString::fromLatin1(name);
}

std::vector<std::size_t> captionPositions(const Trace& trace) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < trace.events.size(); ++i) {
        if (trace.events[i].kind == EventKind::Caption) {
            out.push_back(i + 1);
        }
    }
    return out;
}

/// Pixels of `image` inside `area` that differ from `background`.
int inkIn(const QImage& image, const QRect& area, QColor background) {
    int ink = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            if (QColor(image.pixel(x, y)) != background) {
                ++ink;
            }
        }
    }
    return ink;
}

} // namespace

class TestPresenting : public QObject {
    Q_OBJECT

private slots:
    void init() {
        m_window = std::make_unique<MainWindow>(false);
        m_window->systemView()->setAnimationEnabled(false);
        m_window->resize(1280, 720);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QVERIFY(m_window->openFile(lesson("welcome.yaml")));
    }
    void cleanup() { m_window.reset(); }

    void f5PresentsAndEscapeLeaves() {
        auto* timeline = m_window->findChild<QDockWidget*>(QStringLiteral("timeline"));
        QVERIFY(timeline->isVisible());
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QVERIFY(m_window->presenting());
        QVERIFY(m_window->isFullScreen());
        QVERIFY(!timeline->isVisible());
        QVERIFY(!m_window->menuBar()->isVisible());
        QVERIFY(m_window->presenterStrip()->isVisible());
        QVERIFY(m_window->systemView()->isVisible());
        // The caption in large type, the counter big.
        QTest::keyClick(m_window.get(), Qt::Key_PageDown);
        const SystemState& state = m_window->session()->state();
        QCOMPARE(m_window->presenterStrip()->caption(), QString::fromStdString(state.lastCaption));
        QVERIFY(m_window->presenterStrip()->captionLabel()->font().pointSizeF() >
                m_window->font().pointSizeF());
        QVERIFY(
            m_window->presenterStrip()->counter().contains(QString::number(state.syscallsTotal)));
        // Another view is one key away.
        QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
        QVERIFY(timeline->isVisible());
        QTest::keyClick(m_window.get(), Qt::Key_Escape);
        QVERIFY(!m_window->presenting());
        QVERIFY(!m_window->isFullScreen());
        QVERIFY(timeline->isVisible());
        QVERIFY(m_window->menuBar()->isVisible());
        QVERIFY(!m_window->presenterStrip()->isVisible());
    }

    void pageDownGoesFromCaptionToCaption() {
        const std::vector<std::size_t> captions = captionPositions(*m_window->session()->trace());
        QVERIFY(captions.size() >= 3);
        for (const std::size_t at : captions) {
            QTest::keyClick(m_window.get(), Qt::Key_PageDown);
            QCOMPARE(m_window->session()->position(), at);
            QCOMPARE(m_window->captions()->caption(),
                     QString::fromStdString(m_window->session()->state().lastCaption));
        }
        QTest::keyClick(m_window.get(), Qt::Key_PageDown); // past the last: stays
        QCOMPARE(m_window->session()->position(), captions.back());
        QTest::keyClick(m_window.get(), Qt::Key_PageUp);
        QCOMPARE(m_window->session()->position(), captions[captions.size() - 2]);
        // Inside the second caption's stretch, Page Up goes to its start.
        QVERIFY(captions[2] - 1 > captions[1]);
        m_window->gotoEvent(captions[2] - 1);
        QTest::keyClick(m_window.get(), Qt::Key_PageUp);
        QCOMPARE(m_window->session()->position(), captions[1]);
    }

    void zoomScalesTextAndResets() {
        const double base = QApplication::font().pointSizeF();
        QTest::keyClick(m_window.get(), Qt::Key_Plus, Qt::ControlModifier);
        QVERIFY(m_window->fontScale() > 1.1);
        QVERIFY(QApplication::font().pointSizeF() > base);
        QVERIFY(m_window->captions()->captionLabel()->font().pointSizeF() >
                QApplication::font().pointSizeF());
        QTest::keyClick(m_window.get(), Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(m_window.get(), Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(m_window->fontScale() < 1.0);
        QTest::keyClick(m_window.get(), Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(m_window->fontScale(), 1.0);
        QCOMPARE(QApplication::font().pointSizeF(), base);
    }

    void revealAsYouGoHidesTheTimelineAfterTheCursor() {
        auto* timeline = static_cast<TimelineView*>(m_window->timelineView());
        auto* dock = m_window->findChild<QDockWidget*>(QStringLiteral("timeline"));
        dock->show();
        dock->raise();
        QVERIFY(m_window->revealAction()->isChecked()); // on by default
        const std::size_t length = m_window->session()->length();
        m_window->gotoEvent(length / 3);
        timeline->flushReplot();
        const double cursorX = timeline->xAxis->coordToPixel(timeline->cursorLineTime());
        QVERIFY(timeline->revealedUntil() < timeline->xAxis->range().upper);
        const QRect rect = timeline->axisRect()->rect();
        // Right of the cursor and of its label ("event 63 · t = 8", drawn over the
        // curtain): nothing but the background.
        const int from = static_cast<int>(cursorX) + 220;
        const QRect future(from, rect.top() + 2, rect.right() - from - 2, rect.height() - 4);
        QVERIFY(future.width() > 50);
        const QColor paper = timeline->palette().color(QPalette::Base);
        QImage shot = timeline->grab().toImage();
        if (qEnvironmentVariableIsSet("IPCLAB_SHOTS_DIR")) {
            shot.save(qEnvironmentVariable("IPCLAB_SHOTS_DIR") + "/reveal-timeline.png");
        }
        QCOMPARE(inkIn(shot, future, paper), 0);
        // The past is drawn.
        const QRect past(rect.left() + 2, future.top(), static_cast<int>(cursorX) - rect.left() - 4,
                         future.height());
        QVERIFY(past.width() > 50);
        QVERIFY(inkIn(shot, past, paper) > 0);
        // Off: the whole run.
        m_window->revealAction()->trigger();
        QVERIFY(!m_window->session()->revealAsYouGo());
        timeline->flushReplot();
        shot = timeline->grab().toImage();
        QVERIFY(inkIn(shot, future, paper) > 0);
        QVERIFY(std::isinf(timeline->revealedUntil()));
    }

    void revealAsYouGoHidesTheWholeRunCurve() {
        auto* chart = static_cast<SyscallChartView*>(m_window->syscallView());
        QVERIFY(!chart->fullCurveShown(Mechanism::MessagePassing));
        m_window->setRevealAsYouGo(false);
        QVERIFY(chart->fullCurveShown(Mechanism::MessagePassing));
        QVERIFY(!m_window->revealAction()->isChecked());
    }

    void legendNamesEveryState() {
        const QString legend = m_window->legendHtml();
        for (const char* word : {"new", "ready", "running", "blocked", "terminated", "mailbox",
                                 "system call", "tick", "event"}) {
            QVERIFY2(legend.contains(QString::fromLatin1(word)), word);
        }
    }

    void lessonsFollowTheLecture() {
        const QVector<LessonInfo> lessons = listLessons(bundledScenarioDir());
        QVERIFY(lessons.size() >= 22);
        QCOMPARE(QFileInfo(lessons.front().path).completeBaseName(), QStringLiteral("welcome"));
        int rank = -1;
        for (const LessonInfo& l : lessons) {
            const int r = lectureRank(QFileInfo(l.path).completeBaseName());
            QVERIFY2(r > rank, qPrintable(l.path)); // every bundled lesson has its place
            rank = r;
        }
        m_window->showLessons();
        auto* dialog = m_window->findChild<QDialog*>(QStringLiteral("lessonsDialog"));
        QVERIFY(dialog != nullptr);
        auto* tree = dialog->findChild<QTreeWidget*>();
        int listed = 0;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            listed += tree->topLevelItem(i)->childCount();
        }
        QCOMPARE(listed, static_cast<int>(lessons.size()));
        dialog->close();
    }

    void tourHasFourSkippableSteps() {
        QVERIFY(m_window->findChild<Tour*>() == nullptr); // never unasked in a test
        Tour* tour = m_window->startTour();
        QCOMPARE(tour->stepCount(), 4);
        QVERIFY(tour->isVisible());
        QVERIFY(m_window->rect().contains(tour->geometry()));
        tour->next();
        QCOMPARE(tour->step(), 1);
        QVERIFY(m_window->rect().contains(tour->geometry()));
        QSignalSpy done(tour, &Tour::finished);
        tour->skip();
        QCOMPARE(done.count(), 1);
        QVERIFY(!tour->isVisible());
    }

private:
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestPresenting)
#include "tst_presenting.moc"
