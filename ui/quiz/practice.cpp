#include "practice.h"

#include "exercise.h"
#include "exercisedialog.h"
#ifdef IPCLAB_HAVE_EXPLORER
#include "exploredialog.h"
#endif
#include "mainwindow.h"
#include "quizflow.h"
#include "quizpanel.h"
#include "quizprogress.h"
#include "runsession.h"
#include "scenariodocument.h"

#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QStandardPaths>

namespace ipclab::ui {

Practice::Practice(MainWindow* window)
    : QObject(window), m_window(window),
      m_flow(new QuizFlow(window->session(), window->player(), this)),
      m_panel(new QuizPanel(m_flow, window->session())),
      m_dock(new QDockWidget(tr("Questions"), window)),
      m_menu(window->menuBar()->addMenu(tr("&Practice"))) {
    m_dock->setObjectName(QStringLiteral("questions"));
    m_dock->setWidget(m_panel);
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_dock->hide(); // shown when a scenario asks something

    QAction* exercise = m_menu->addAction(tr("New &exercise…"), this, &Practice::newExercise);
    exercise->setShortcut(Qt::CTRL | Qt::Key_E);
    m_menu->addAction(m_dock->toggleViewAction());
    m_menu->addSeparator();
    m_menu->addAction(tr("Reset progress of this lesson"), this, &Practice::resetLessonProgress);
    m_menu->addAction(tr("Reset all progress"), this, &Practice::resetAllProgress);

    addExploreAction();
    connect(window->document(), &ScenarioDocument::loaded, this, &Practice::onLoaded);
    connect(m_flow, &QuizFlow::revealedChanged, this, &Practice::onRevealed);
    connect(m_flow, &QuizFlow::questionDue, this, [this] {
        m_dock->show();
        m_dock->raise();
    });
}

QMenu* Practice::runMenu() const {
    // The window's Run menu, found by its (translated) title in MainWindow's context.
    const QString title = QCoreApplication::translate("ipclab::ui::MainWindow", "&Run");
    for (QAction* a : m_window->menuBar()->actions()) {
        if (a->menu() != nullptr && a->text() == title) {
            return a->menu();
        }
    }
    return nullptr;
}

void Practice::addExploreAction() {
#ifdef IPCLAB_HAVE_EXPLORER
    QMenu* run = runMenu();
    QMenu* into = run != nullptr ? run : m_menu;
    into->addSeparator();
    QAction* explore =
        into->addAction(tr("&Explore all interleavings…"), this, &Practice::showExplorer);
    explore->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_X);
    explore->setToolTip(tr("Run every schedule on one CPU: how can this scenario end?"));
#endif
}

void Practice::showExplorer() {
#ifdef IPCLAB_HAVE_EXPLORER
    if (m_window->session()->scenario() == nullptr) {
        return;
    }
    delete m_explorer; // a new scenario may be on show: start afresh
    auto* dialog = new ExploreDialog(m_window->session(), m_window);
    m_explorer = dialog;
    dialog->show();
    dialog->explore();
#endif
}

void Practice::onLoaded() {
    m_flow->setLessonKey(QFileInfo(m_window->document()->path()).absoluteFilePath());
    if (m_flow->hasQuestions()) {
        m_dock->show();
        m_dock->raise();
    }
    showProgress();
}

void Practice::onRevealed() {
    if (m_flow->revealed() && m_flow->hasQuestions()) {
        QuizProgress::record(m_flow->lessonKey(), m_flow->rightCount(),
                             static_cast<int>(m_flow->items().size()));
    }
    showProgress();
}

void Practice::showProgress() {
    const QuizScore s = QuizProgress::score(m_flow->lessonKey());
    m_panel->setProgressText(s.known() ? tr("Your progress: last time %1 of %2 right, best %3.")
                                             .arg(s.right)
                                             .arg(s.total)
                                             .arg(s.best)
                                       : QString());
}

QString Practice::openExercise(const QString& topic, int difficulty, std::uint64_t seed) {
    const auto ex = generateExercise(topic.toStdString(), seed, difficulty);
    if (!ex) {
        return {};
    }
    const QDir dir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                   QStringLiteral("/exercises"));
    QDir().mkpath(dir.path());
    const QString path =
        dir.filePath(QStringLiteral("%1-d%2-seed%3.yaml").arg(topic).arg(difficulty).arg(seed));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return {};
    }
    file.write(QByteArray::fromStdString(ex->yaml));
    file.close();
    return m_window->openFile(path) ? path : QString();
}

void Practice::newExercise() {
    ExerciseDialog dialog(m_window);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    if (openExercise(dialog.topic(), dialog.difficulty(), dialog.seed()).isEmpty()) {
        QMessageBox::warning(m_window, tr("New exercise"),
                             tr("The exercise could not be written to the data folder."));
    }
}

void Practice::resetLessonProgress() {
    QuizProgress::reset(m_flow->lessonKey());
    m_flow->restart();
    showProgress();
}

void Practice::resetAllProgress() {
    QuizProgress::resetAll();
    m_flow->restart();
    showProgress();
}

} // namespace ipclab::ui
