#pragma once
// The IPC Lab window: the system view in the middle, the other views in docks, the
// transport on top. Every view follows the one cursor of a RunSession.

#include "trace.h"

#include <QMainWindow>
#include <memory>

class QDockWidget;
class QLabel;
class QMenu;

namespace ipclab::ui {

class CaptionView;
class ErrorPanel;
class EventLogView;
class Player;
class ProgramView;
class RealRunner;
class RunSession;
class ScenarioDocument;
class ScenarioLibrary;
class SystemView;
class TransportBar;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// `persistent`: restore and save the layout and the recent files (off for tests
    /// and screenshots, so they see the default layout).
    explicit MainWindow(bool persistent = true, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Load and show a scenario file; on errors the panel lists them and the scenario on
    /// show stays. Returns true when the file loaded.
    bool openFile(const QString& path);
    /// Move the cursor to event `n` (clamped to the end).
    void gotoEvent(std::size_t n);
    void gotoEnd();
    void setManualScheduling(bool on);
    void runOnRealLinux();

    RunSession* session() const { return m_session; }
    Player* player() const { return m_player; }
    ScenarioDocument* document() const { return m_document; }
    SystemView* systemView() const { return m_system; }
    ProgramView* programView() const { return m_program; }
    EventLogView* eventLog() const { return m_log; }
    CaptionView* captions() const { return m_captions; }
    ErrorPanel* errorPanel() const { return m_errors; }
    ScenarioLibrary* library() const { return m_library; }
    TransportBar* transport() const { return m_transport; }
    RealRunner* realRunner() const { return m_real; }
    QWidget* timelineView() const { return m_timeline; }
    QWidget* syscallView() const { return m_syscalls; }
    QWidget* comparisonView() const { return m_comparison; }
    QStringList recentFiles() const { return m_recent; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QDockWidget* addDock(QWidget* view, const QString& title, const QString& name,
                         Qt::DockWidgetArea area);
    void createViews();
    void createPlotViews();
    void createMenus();
    void createExportMenu(QMenu* menu);
    void exportView();
    void exportTrace();
    void exportCounts();
    void rememberRecent(const QString& path);
    void rebuildRecentMenu();
    void onScenarioLoaded();
    void onLoadFailed(const QString& path, const QStringList& messages);
    void onRealFinished(std::shared_ptr<const Trace> trace, const QString& report);
    void onPositionChanged();
    void restoreLayout();
    void saveLayout() const;

    bool m_persistent;
    RunSession* m_session;
    Player* m_player;
    ScenarioDocument* m_document;
    RealRunner* m_real;
    SystemView* m_system = nullptr;
    ProgramView* m_program = nullptr;
    EventLogView* m_log = nullptr;
    CaptionView* m_captions = nullptr;
    ErrorPanel* m_errors = nullptr;
    ScenarioLibrary* m_library = nullptr;
    TransportBar* m_transport = nullptr;
    QWidget* m_timeline = nullptr;
    QWidget* m_syscalls = nullptr;
    QWidget* m_comparison = nullptr;
    QDockWidget* m_comparisonDock = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QAction* m_manualAction = nullptr;
    QAction* m_realAction = nullptr;
    QLabel* m_status = nullptr;
    QStringList m_recent;
    std::shared_ptr<const Trace> m_simTrace; ///< kept for the sim-vs-real comparison
};

} // namespace ipclab::ui
