// MainWindow: menus, recent files and export.

#include "errorpanel.h"
#include "mainwindow.h"
#include "player.h"
#include "runsession.h"
#include "scenariodocument.h"
#include "scenariofiles.h"
#include "sequenceview.h"
#include "systemview.h"
#include "transportbar.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

#ifdef IPCLAB_HAVE_PLOTS
#include "exporter.h"
#endif

namespace ipclab::ui {

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, [this] {
        QString dir = QFileInfo(m_document->path()).absolutePath();
        if (m_document->path().isEmpty()) {
            dir = bundledScenarioDir();
        }
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open scenario"), dir, tr("Scenario files (*.yaml *.yml);;All files (*)"));
        if (!path.isEmpty()) {
            openFile(path);
        }
    });
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    QAction* reload = file->addAction(tr("Re&load"), m_document, &ScenarioDocument::reload);
    reload->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_R); // F5 presents
    file->addSeparator();
    createExportMenu(file->addMenu(tr("&Export")));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    run->addActions(m_transport->transportActions());
    run->addSeparator();
    m_manualAction = run->addAction(tr("You are the &scheduler"));
    m_manualAction->setCheckable(true);
    m_manualAction->setShortcut(Qt::CTRL | Qt::Key_M);
    m_manualAction->setToolTip(tr("Pick which ready process runs next by clicking it"));
    connect(m_manualAction, &QAction::toggled, m_session, &RunSession::setManualMode);
    m_realAction = run->addAction(tr("Run on real &Linux"), this, &MainWindow::runOnRealLinux);
    m_realAction->setShortcut(Qt::CTRL | Qt::Key_R);
    m_transport->addSeparator();
    m_transport->addAction(m_manualAction);
    m_transport->addAction(m_realAction);

    createViewMenu();
    createHelpMenu();
    rebuildRecentMenu();

    // Shortcuts must work with the menu bar and the toolbar hidden (presentation mode):
    // the window itself carries every action that has one.
    for (QMenu* menu : menuBar()->findChildren<QMenu*>()) {
        for (QAction* action : menu->actions()) {
            if (!action->shortcuts().isEmpty()) {
                addAction(action);
            }
        }
    }
}

void MainWindow::rebuildRecentMenu() {
    if (m_recentMenu == nullptr) {
        return;
    }
    m_recentMenu->clear();
    for (const QString& path : m_recent) {
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openFile(path); })
            ->setToolTip(path);
    }
    m_recentMenu->setEnabled(!m_recent.isEmpty());
}

void MainWindow::createExportMenu(QMenu* menu) {
#ifdef IPCLAB_HAVE_PLOTS
    menu->addAction(tr("Current view as &image (PNG, SVG, PDF)…"), this, &MainWindow::exportView);
    menu->addAction(tr("&Trace as JSON lines…"), this, &MainWindow::exportTrace);
    menu->addAction(tr("System call &counts as CSV…"), this, &MainWindow::exportCounts);
#else
    menu->setEnabled(false);
#endif
}

void MainWindow::exportView() {
#ifdef IPCLAB_HAVE_PLOTS
    // "The current view": the focused dock's view when one has focus, else the system view.
    QWidget* view = m_system;
    for (QWidget* w = QApplication::focusWidget(); w != nullptr; w = w->parentWidget()) {
        if (w == m_timeline || w == m_syscalls || w == static_cast<QWidget*>(m_sequence)) {
            view = w;
            break;
        }
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export view"), QStringLiteral("ipclab-view.png"),
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    QString error;
    if (!path.isEmpty() && !exportWidget(view, path, &error)) {
        QMessageBox::warning(this, tr("Export failed"), error);
    }
#endif
}

void MainWindow::exportTrace() {
#ifdef IPCLAB_HAVE_PLOTS
    if (!m_session->hasRun()) {
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export trace"), QStringLiteral("trace.jsonl"), tr("JSON lines (*.jsonl *.json)"));
    QString error;
    if (!path.isEmpty() && !exportTraceJsonLines(*m_session->trace(), path, &error)) {
        QMessageBox::warning(this, tr("Export failed"), error);
    }
#endif
}

void MainWindow::exportCounts() {
#ifdef IPCLAB_HAVE_PLOTS
    if (!m_session->hasRun()) {
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export counts"), QStringLiteral("syscalls.csv"), tr("CSV (*.csv)"));
    QString error;
    if (!path.isEmpty() && !exportCountsCsv(*m_session->trace(), m_session->scenario(),
                                            m_session->position(), path, &error)) {
        QMessageBox::warning(this, tr("Export failed"), error);
    }
#endif
}

} // namespace ipclab::ui
