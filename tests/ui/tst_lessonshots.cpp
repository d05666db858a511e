// Every bundled lesson at its key moments (the start, its captions, the end) at the sizes
// lecture halls have (1280x720, 1024x768) and a desk's (1920x1080), in normal and in
// presentation mode. Asserts what a test can: the window really has the asked size (no
// view's minimum pushes it larger), every visible view is at least its minimum size, the
// caption is wholly visible, and no two visible labels overlap.
// IPCLAB_SHOTS_DIR=DIR also writes a PNG of each moment there, for a person to look at.

#include "captionview.h"
#include "lessonorder.h"
#include "mainwindow.h"
#include "presenterstrip.h"
#include "runsession.h"
#include "scenariofiles.h"
#include "systemview.h"

#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QScrollArea>
#include <QtTest>

using namespace ipclab;
using namespace ipclab::ui;

namespace {

/// The start, the first, middle and last caption, and the end.
std::vector<std::size_t> keyMoments(const Trace& trace) {
    std::vector<std::size_t> captions;
    for (std::size_t i = 0; i < trace.events.size(); ++i) {
        if (trace.events[i].kind == EventKind::Caption) {
            captions.push_back(i + 1);
        }
    }
    std::vector<std::size_t> moments = {0};
    if (!captions.empty()) {
        moments.push_back(captions.front());
        moments.push_back(captions[captions.size() / 2]);
        moments.push_back(captions.back());
    }
    moments.push_back(trace.events.size());
    std::sort(moments.begin(), moments.end());
    moments.erase(std::unique(moments.begin(), moments.end()), moments.end());
    return moments;
}

QRect inWindow(const QWidget* w, const QWidget* window) {
    return QRect(w->mapTo(window, QPoint(0, 0)), w->size());
}

/// Is `w` really on screen: visible, and not scrolled out of a scroll area's viewport.
bool showing(const QWidget* w) {
    if (!w->isVisible() || w->width() <= 1 || w->height() <= 1) {
        return false;
    }
    for (const QWidget* p = w->parentWidget(); p != nullptr; p = p->parentWidget()) {
        if (const auto* area = qobject_cast<const QScrollArea*>(p)) {
            const QRect r(w->mapTo(area->viewport(), QPoint(0, 0)), w->size());
            return area->viewport()->rect().intersects(r);
        }
    }
    return true;
}

QString describe(const QLabel* l) {
    return QStringLiteral("%1 '%2'").arg(l->objectName(), l->text().left(40));
}

} // namespace

class TestLessonShots : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        m_window = std::make_unique<MainWindow>(false);
        m_window->systemView()->setAnimationEnabled(false);
        m_window->show();
        m_shots = qEnvironmentVariable("IPCLAB_SHOTS_DIR");
        if (!m_shots.isEmpty()) {
            QDir().mkpath(m_shots);
        }
    }
    void cleanupTestCase() { m_window.reset(); }

    void everyLessonAtEverySize_data() {
        QTest::addColumn<QString>("path");
        const QVector<LessonInfo> lessons = listLessons(bundledScenarioDir());
        QVERIFY(lessons.size() >= 22);
        for (const LessonInfo& lesson : lessons) {
            const QByteArray name = QFileInfo(lesson.path).completeBaseName().toUtf8();
            QTest::newRow(name.constData()) << lesson.path;
        }
    }

    void everyLessonAtEverySize() {
        QFETCH(QString, path);
        QVERIFY(m_window->openFile(path));
        const std::vector<std::size_t> moments = keyMoments(*m_window->session()->trace());
        for (const QSize size : {QSize(1280, 720), QSize(1024, 768), QSize(1920, 1080)}) {
            for (const bool present : {false, true}) {
                m_window->setPresentation(present, false);
                m_window->resize(size);
                settle();
                QCOMPARE(m_window->size(), size);
                for (const std::size_t at : moments) {
                    m_window->gotoEvent(at);
                    settle();
                    const QString where = QStringLiteral("%1 %2x%3 %4 event %5")
                                              .arg(QFileInfo(path).completeBaseName())
                                              .arg(size.width())
                                              .arg(size.height())
                                              .arg(present ? "presenting" : "normal")
                                              .arg(at);
                    checkViewsFit(where);
                    checkCaptionVisible(present, where);
                    checkLabelsApart(where);
                    if (!m_shots.isEmpty()) {
                        m_window->grab().save(
                            QDir(m_shots).filePath(QString(where).replace(' ', '-') + ".png"));
                    }
                }
            }
        }
        m_window->setPresentation(false, false);
    }

private:
    static void settle() {
        for (int i = 0; i < 3; ++i) {
            QCoreApplication::processEvents();
        }
    }

    void checkViewsFit(const QString& where) {
        const auto fits = [&](QWidget* view) {
            // A dock in a tab that is not raised is parked out of sight: not shown.
            if (view == nullptr || !view->isVisible() || view->visibleRegion().isEmpty()) {
                return;
            }
            const QSize min = view->minimumSize().expandedTo(view->minimumSizeHint());
            QVERIFY2(view->width() >= min.width() && view->height() >= min.height(),
                     qPrintable(QStringLiteral("%1: %2 is %3x%4, below its minimum %5x%6")
                                    .arg(where, view->metaObject()->className())
                                    .arg(view->width())
                                    .arg(view->height())
                                    .arg(min.width())
                                    .arg(min.height())));
            QVERIFY2(m_window->rect().contains(inWindow(view, m_window.get())),
                     qPrintable(QStringLiteral("%1: %2 at %3,%4 %5x%6 sticks out of the window")
                                    .arg(where, view->metaObject()->className())
                                    .arg(inWindow(view, m_window.get()).x())
                                    .arg(inWindow(view, m_window.get()).y())
                                    .arg(view->width())
                                    .arg(view->height())));
        };
        fits(m_window->systemView());
        for (QDockWidget* dock : m_window->findChildren<QDockWidget*>()) {
            fits(dock->widget());
        }
    }

    void checkCaptionVisible(bool present, const QString& where) {
        QLabel* label = present ? m_window->presenterStrip()->captionLabel()
                                : m_window->captions()->captionLabel();
        if (!label->isVisible() || label->text().isEmpty()) {
            return;
        }
        // All its wrapped lines fit in the label...
        const int needed = label->heightForWidth(label->width());
        QVERIFY2(needed <= label->height(),
                 qPrintable(QStringLiteral("%1: caption needs %2 px, has %3")
                                .arg(where)
                                .arg(needed)
                                .arg(label->height())));
        // ... and the label is wholly on screen (not scrolled away, not under a dock).
        const QRect inside =
            present ? m_window->presenterStrip()->rect() : m_window->captions()->viewport()->rect();
        const QWidget* frame = present ? static_cast<QWidget*>(m_window->presenterStrip())
                                       : m_window->captions()->viewport();
        const QRect r(label->mapTo(frame, QPoint(0, 0)), label->size());
        QVERIFY2(inside.contains(r), qPrintable(where + QStringLiteral(": caption cut off")));
    }

    void checkLabelsApart(const QString& where) {
        QList<QLabel*> labels;
        for (QLabel* l : m_window->findChildren<QLabel*>()) {
            if (showing(l) && !l->text().isEmpty() && l->window() == m_window.get()) {
                labels << l;
            }
        }
        for (int i = 0; i < labels.size(); ++i) {
            for (int j = i + 1; j < labels.size(); ++j) {
                const QRect a = inWindow(labels[i], m_window.get());
                const QRect b = inWindow(labels[j], m_window.get());
                QVERIFY2(!a.intersects(b),
                         qPrintable(QStringLiteral("%1: %2 overlaps %3")
                                        .arg(where, describe(labels[i]), describe(labels[j]))));
            }
        }
    }

    std::unique_ptr<MainWindow> m_window;
    QString m_shots;
};

QTEST_MAIN(TestLessonShots)
#include "tst_lessonshots.moc"
