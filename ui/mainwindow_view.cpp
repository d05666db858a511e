// MainWindow: the View menu: docks one key away, presentation mode, the zoom of every
// text, reveal as you go, and the presenter's next / previous caption.

#include "languagemenu.h"
#include "mainwindow.h"
#include "presenterstrip.h"
#include "runsession.h"
#include "transportbar.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QSettings>
#include <QSignalBlocker>
#include <QStatusBar>
#include <algorithm>
#include <cmath>

#ifdef IPCLAB_HAVE_PLOTS
#include "plotstyle.h"
#endif

namespace ipclab::ui {

namespace {
constexpr double kZoomStep = 1.15;
constexpr double kMinScale = 0.6;
constexpr double kMaxScale = 3.0;
const char* const kScaleKey = "view/fontScale";
const char* const kRevealKey = "view/revealAsYouGo";

void storeSetting(const char* key, const QVariant& value) {
    QSettings(QStringLiteral("IPCLab"), QStringLiteral("IPC Lab"))
        .setValue(QString::fromLatin1(key), value);
}

QVariant loadSetting(const char* key, const QVariant& fallback) {
    return QSettings(QStringLiteral("IPCLab"), QStringLiteral("IPC Lab"))
        .value(QString::fromLatin1(key), fallback);
}

/// The docks in the order of their Ctrl+digit keys: what a lecturer reaches for first.
const char* const kDockOrder[] = {"captions", "timeline", "syscalls", "eventlog",
                                  "sequence", "program",  "library",  "comparison"};
} // namespace

void MainWindow::createViewMenu() {
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_presentAction = m_viewMenu->addAction(tr("&Presentation"));
    m_presentAction->setCheckable(true);
    m_presentAction->setShortcuts({QKeySequence(Qt::Key_F5)});
    m_presentAction->setToolTip(tr("Full screen, the system view and the caption in large "
                                   "type (F5; Esc leaves)"));
    connect(m_presentAction, &QAction::toggled, this, [this](bool on) { setPresentation(on); });
    QAction* leave = new QAction(tr("Leave presentation"), this);
    leave->setShortcut(Qt::Key_Escape);
    connect(leave, &QAction::triggered, this, [this] { setPresentation(false); });
    addAction(leave);

    m_revealAction = m_viewMenu->addAction(tr("&Reveal as you go"));
    m_revealAction->setCheckable(true);
    m_revealAction->setChecked(m_session->revealAsYouGo());
    m_revealAction->setToolTip(tr("Show only what has happened up to the cursor, so that "
                                  "nothing spoils a prediction; off shows the whole run"));
    connect(m_revealAction, &QAction::toggled, this, &MainWindow::setRevealAsYouGo);
    m_viewMenu->addSeparator();

    QAction* next = m_viewMenu->addAction(tr("&Next caption"), m_session, &RunSession::nextCaption);
    next->setShortcuts({QKeySequence(Qt::Key_PageDown), QKeySequence(Qt::Key_N)});
    QAction* previous =
        m_viewMenu->addAction(tr("Pre&vious caption"), m_session, &RunSession::previousCaption);
    previous->setShortcuts({QKeySequence(Qt::Key_PageUp), QKeySequence(Qt::Key_P)});
    m_viewMenu->addSeparator();

    QAction* zoomIn = m_viewMenu->addAction(tr("Zoom &in"), this, [this] { zoomBy(1); });
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction* zoomOut = m_viewMenu->addAction(tr("Zoom &out"), this, [this] { zoomBy(-1); });
    zoomOut->setShortcuts(QKeySequence::ZoomOut);
    QAction* zoomReset =
        m_viewMenu->addAction(tr("&Actual size"), this, [this] { setFontScale(1.0); });
    zoomReset->setShortcut(Qt::CTRL | Qt::Key_0);
    m_viewMenu->addSeparator();

    int key = 1;
    for (const char* name : kDockOrder) {
        auto* dock = findChild<QDockWidget*>(QString::fromLatin1(name));
        if (dock == nullptr) {
            continue;
        }
        QAction* toggle = dock->toggleViewAction();
        toggle->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + key++)));
        m_viewMenu->addAction(toggle);
    }
    m_viewMenu->addAction(m_transport->toggleViewAction());
    m_viewMenu->addSeparator();
    addLanguageMenu(m_viewMenu);
}

void MainWindow::setPresentation(bool on, bool fullScreen) {
    if (on == m_presenting) {
        return;
    }
    m_presenting = on;
    {
        const QSignalBlocker block(m_presentAction);
        m_presentAction->setChecked(on);
    }
    if (on) {
        m_stateBeforePresenting = saveState();
        m_wasMaximized = isMaximized();
        for (QDockWidget* dock : findChildren<QDockWidget*>()) {
            dock->hide();
        }
        m_transport->hide();
        menuBar()->hide();
        statusBar()->hide();
        m_presenter->show();
        if (fullScreen) {
            showFullScreen();
        }
        return;
    }
    m_presenter->hide();
    menuBar()->show();
    statusBar()->show();
    if (isFullScreen()) {
        if (m_wasMaximized) {
            showMaximized();
        } else {
            showNormal();
        }
    }
    restoreState(m_stateBeforePresenting);
    m_transport->show();
}

void MainWindow::zoomBy(int steps) {
    setFontScale(m_fontScale * std::pow(kZoomStep, steps));
}

void MainWindow::setFontScale(double scale) {
    scale = std::clamp(scale, kMinScale, kMaxScale);
    if (std::abs(scale - 1.0) < 0.02) {
        scale = 1.0;
    }
    m_fontScale = scale;
    QFont font = m_baseFont;
    font.setPointSizeF(m_baseFont.pointSizeF() * scale);
#ifdef IPCLAB_HAVE_PLOTS
    setPlotFontScale(scale);
#endif
    QApplication::setFont(font);
    if (m_persistent) {
        storeSetting(kScaleKey, scale);
    }
    statusBar()->showMessage(tr("Text size %1%").arg(qRound(scale * 100)), 2000);
}

void MainWindow::setRevealAsYouGo(bool on) {
    m_session->setRevealAsYouGo(on);
    if (m_revealAction->isChecked() != on) {
        const QSignalBlocker block(m_revealAction);
        m_revealAction->setChecked(on);
    }
    if (m_persistent) {
        storeSetting(kRevealKey, on);
    }
}

void MainWindow::restoreViewSettings() {
    setRevealAsYouGo(loadSetting(kRevealKey, true).toBool());
    const double scale = loadSetting(kScaleKey, 1.0).toDouble();
    if (scale != 1.0) {
        setFontScale(scale);
    }
}

} // namespace ipclab::ui
