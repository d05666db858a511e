#include "mainwindow.h"

#include "captionview.h"
#include "errorpanel.h"
#include "eventlogview.h"
#include "lessontext.h"
#include "opformat.h"
#include "player.h"
#include "presenterstrip.h"
#include "programview.h"
#include "realrunner.h"
#include "runsession.h"
#include "scenariodocument.h"
#include "scenariofiles.h"
#include "scenariolibrary.h"
#include "sequenceview.h"
#include "systemview.h"
#include "transportbar.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QResizeEvent>
#include <QSettings>
#include <QStatusBar>
#include <QVBoxLayout>
#include <algorithm>

#ifdef IPCLAB_HAVE_PLOTS
#include "comparisonchartview.h"
#include "syscallchartview.h"
#include "timelineview.h"
#endif

namespace ipclab::ui {

namespace {
constexpr int kMaxRecent = 8;

/// Narrower than this, the timeline and the charts share one tabbed dock.
bool isNarrow(QSize size) {
    return size.width() < 1500;
}
const char* const kOrganisation = "IPCLab";
const char* const kApplication = "IPC Lab";
} // namespace

MainWindow::MainWindow(bool persistent, QWidget* parent)
    : QMainWindow(parent), m_persistent(persistent), m_session(new RunSession(this)),
      m_player(new Player(m_session, this)), m_document(new ScenarioDocument(this)),
      m_real(new RealRunner(this)) {
    setWindowTitle(tr("IPC Lab"));
    m_baseFont = QApplication::font();
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    createViews();
    createPlotViews();
    createMenus();
    connect(m_document, &ScenarioDocument::loaded, this, &MainWindow::onScenarioLoaded);
    connect(m_document, &ScenarioDocument::failed, this, &MainWindow::onLoadFailed);
    connect(m_session, &RunSession::positionChanged, this, &MainWindow::onPositionChanged);
    connect(m_session, &RunSession::runChanged, this, &MainWindow::onPositionChanged);
    connect(m_real, &RealRunner::finished, this, &MainWindow::onRealFinished);
    connect(m_real, &RealRunner::failed, this, [this](const QString& message) {
        m_realAction->setEnabled(true);
        m_errors->showErrors(
            m_document->path(), message.split(QLatin1Char('\n')),
            m_session->scenario()
                ? lessonText(m_session->scenario()->title, m_session->scenario()->titleTranslations)
                : QString());
    });
    resize(1600, 1000);
    if (m_persistent) {
        restoreLayout();
        restoreViewSettings();
    }
}

MainWindow::~MainWindow() = default;

QDockWidget* MainWindow::addDock(QWidget* view, const QString& title, const QString& name,
                                 Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    dock->setWidget(view);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createViews() {
    m_system = new SystemView(this);
    m_errors = new ErrorPanel(this);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    m_presenter = new PresenterStrip(this);
    m_presenter->hide();
    layout->addWidget(m_errors);
    layout->addWidget(m_presenter);
    layout->addWidget(m_system, 1);
    setCentralWidget(central);

    m_transport = new TransportBar(m_session, m_player, this);
    addToolBar(Qt::TopToolBarArea, m_transport);

    m_captions = new CaptionView(this);
    m_program = new ProgramView(this);
    m_log = new EventLogView(this);
    m_library = new ScenarioLibrary(this);
    addDock(m_captions, tr("Captions"), QStringLiteral("captions"), Qt::RightDockWidgetArea);
    QDockWidget* program =
        addDock(m_program, tr("Program"), QStringLiteral("program"), Qt::RightDockWidgetArea);
    QDockWidget* library = addDock(m_library, tr("Scenario library"), QStringLiteral("library"),
                                   Qt::RightDockWidgetArea);
    tabifyDockWidget(program, library);
    program->raise();
    QDockWidget* log =
        addDock(m_log, tr("Event log"), QStringLiteral("eventlog"), Qt::BottomDockWidgetArea);
    m_sequence = new SequenceView(this);
    tabifyDockWidget(log, addDock(m_sequence, tr("Message sequence chart"),
                                  QStringLiteral("sequence"), Qt::BottomDockWidgetArea));

    m_session->addView(m_system);
    m_session->addView(m_program);
    m_session->addView(m_log);
    m_session->addView(m_sequence);
    m_session->addView(m_captions);
    m_session->addView(m_presenter);
    connect(m_log, &EventLogView::positionRequested, m_session, &RunSession::setPosition);
    connect(m_library, &ScenarioLibrary::openRequested, this, &MainWindow::openFile);
    connect(m_system, &SystemView::processClicked, this, [this](int proc) {
        if (m_session->chooseProcess(proc)) {
            statusBar()->showMessage(tr("You chose %1").arg(processName(*m_session->trace(), proc)),
                                     3000);
        }
    });
    m_library->setDirectory(bundledScenarioDir());
    m_status = new QLabel(this);
    statusBar()->addPermanentWidget(m_status);
}

void MainWindow::createPlotViews() {
#ifdef IPCLAB_HAVE_PLOTS
    auto* timeline = new TimelineView(this);
    auto* syscalls = new SyscallChartView(this);
    m_timeline = timeline;
    m_syscalls = syscalls;
    QDockWidget* log = findChild<QDockWidget*>(QStringLiteral("eventlog"));
    QDockWidget* time =
        addDock(timeline, tr("Timeline"), QStringLiteral("timeline"), Qt::BottomDockWidgetArea);
    QDockWidget* counts =
        addDock(syscalls, tr("System calls"), QStringLiteral("syscalls"), Qt::BottomDockWidgetArea);
    splitDockWidget(time, counts, Qt::Horizontal);
    tabifyDockWidget(time, log);
    time->raise();
    m_session->addView(timeline);
    m_session->addView(syscalls);
    connect(timeline, &TimelineView::cursorRequested, m_session, &RunSession::setPosition);
    auto* comparison = new ComparisonChartView(this);
    m_comparison = comparison;
    m_comparisonDock = addDock(comparison, tr("Simulated vs real"), QStringLiteral("comparison"),
                               Qt::BottomDockWidgetArea);
    tabifyDockWidget(counts, m_comparisonDock);
    counts->raise();
    m_comparisonDock->hide();
#endif
}

bool MainWindow::openFile(const QString& path) {
    m_player->pause();
    return m_document->open(path);
}

void MainWindow::onScenarioLoaded() {
    m_errors->clearErrors();
    m_real->cancel();
    m_realAction->setEnabled(true);
    const auto scenario = m_document->scenario();
    if (!m_session->runScenario(scenario)) {
        m_errors->showErrors(m_document->path(), {tr("This build has no simulator.")}, QString());
        return;
    }
    m_simTrace = m_session->tracePtr();
    rememberRecent(m_document->path());
    setWindowTitle(
        tr("IPC Lab — %1").arg(lessonText(scenario->title, scenario->titleTranslations)));
}

void MainWindow::onLoadFailed(const QString& path, const QStringList& messages) {
    const QString kept =
        m_session->scenario()
            ? lessonText(m_session->scenario()->title, m_session->scenario()->titleTranslations)
            : QString();
    m_errors->showErrors(path, messages, kept);
}

void MainWindow::gotoEvent(std::size_t n) {
    m_session->setPosition(n);
}

void MainWindow::gotoEnd() {
    m_session->setPosition(m_session->length());
}

void MainWindow::setManualScheduling(bool on) {
    if (m_manualAction->isChecked() != on) {
        m_manualAction->setChecked(on); // triggers toggled -> session
        return;
    }
    m_session->setManualMode(on);
}

void MainWindow::onPositionChanged() {
    m_system->setSelectable(m_session->selectableProcesses());
    if (!m_session->hasRun()) {
        m_status->clear();
        return;
    }
    const Trace& trace = *m_session->trace();
    QString text = tr("%1 engine").arg(QString::fromUtf8(engineName(trace.engine).data()));
    if (m_session->atEnd()) {
        text += tr("  ·  outcome: %1").arg(QString::fromUtf8(outcomeName(trace.outcome).data()));
    }
    if (m_session->manualMode()) {
        text += tr("  ·  you are the scheduler (%n choice(s))", nullptr,
                   static_cast<int>(m_session->choices().size()));
    }
    m_status->setText(text);
}

void MainWindow::runOnRealLinux() {
    if (m_document->path().isEmpty() || !m_session->hasRun()) {
        return;
    }
    m_player->pause();
    if (m_session->trace()->engine == Engine::Sim) {
        m_simTrace = m_session->tracePtr();
    }
    m_realAction->setEnabled(false);
    statusBar()->showMessage(tr("Running on real Linux…"));
    m_real->start(m_document->path());
}

void MainWindow::onRealFinished(std::shared_ptr<const Trace> trace, const QString&) {
    m_realAction->setEnabled(true);
    statusBar()->showMessage(
        tr("Real run finished: %1").arg(QString::fromUtf8(outcomeName(trace->outcome).data())),
        5000);
    m_session->showTrace(m_document->scenario(), trace);
#ifdef IPCLAB_HAVE_PLOTS
    static_cast<ComparisonChartView*>(m_comparison)->setRuns(m_simTrace, trace);
    m_comparisonDock->show();
    m_comparisonDock->raise();
#endif
}

void MainWindow::closeEvent(QCloseEvent* event) {
    m_real->cancel();
    if (m_persistent) {
        saveLayout();
    }
    event->accept();
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (!m_arranged && !m_layoutRestored) {
        m_arranged = true;
        arrangeDocks(size());
    }
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    // Moved to a projector (or back): the charts go into tabs or side by side again.
    if (m_arranged && !m_presenting && isNarrow(event->size()) != m_narrow) {
        arrangeDocks(event->size());
    }
}

void MainWindow::arrangeDocks(QSize size) {
    const auto dock = [this](const char* name) {
        return findChild<QDockWidget*>(QString::fromLatin1(name));
    };
    QDockWidget* captions = dock("captions");
    QDockWidget* program = dock("program");
    QDockWidget* time = dock("timeline");
    QDockWidget* counts = dock("syscalls");
    QDockWidget* log = dock("eventlog");
    m_narrow = isNarrow(size);
    if (time != nullptr && counts != nullptr) {
        const bool comparing = m_comparisonDock != nullptr && m_comparisonDock->isVisible();
        if (m_narrow) {
            tabifyDockWidget(time, counts);
            if (m_comparisonDock != nullptr) {
                tabifyDockWidget(time, m_comparisonDock);
            }
        } else {
            splitDockWidget(time, counts, Qt::Horizontal);
            if (m_comparisonDock != nullptr) {
                tabifyDockWidget(counts, m_comparisonDock);
            }
            counts->raise();
        }
        if (m_comparisonDock != nullptr) {
            m_comparisonDock->setVisible(comparing);
        }
        time->raise();
    }
    // Proportions that leave the system view the larger part at any size.
    const int right = std::clamp(size.width() * 3 / 10, 260, 520);
    resizeDocks({captions}, {right}, Qt::Horizontal);
    const int bottom = std::clamp(size.height() * 44 / 100, 200, 400);
    resizeDocks({time != nullptr ? time : log}, {bottom}, Qt::Vertical);
    const int column = size.height() - bottom;
    resizeDocks({captions, program}, {column * 45 / 100, column * 55 / 100}, Qt::Vertical);
}

void MainWindow::restoreLayout() {
    QSettings s(QString::fromLatin1(kOrganisation), QString::fromLatin1(kApplication));
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    m_layoutRestored = restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    m_recent = s.value(QStringLiteral("recentFiles")).toStringList();
    rebuildRecentMenu();
}

void MainWindow::saveLayout() const {
    QSettings s(QString::fromLatin1(kOrganisation), QString::fromLatin1(kApplication));
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("recentFiles"), m_recent);
}

void MainWindow::rememberRecent(const QString& path) {
    m_recent.removeAll(path);
    m_recent.prepend(path);
    while (m_recent.size() > kMaxRecent) {
        m_recent.removeLast();
    }
    rebuildRecentMenu();
    if (m_persistent) {
        QSettings s(QString::fromLatin1(kOrganisation), QString::fromLatin1(kApplication));
        s.setValue(QStringLiteral("recentFiles"), m_recent);
    }
}

} // namespace ipclab::ui
