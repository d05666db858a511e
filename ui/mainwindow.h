#pragma once
// The IPC Lab window: the system view in the middle, the other views in docks, the
// transport on top. Every view follows the one cursor of a RunSession.

#include "trace.h"

#include <QFont>
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
class PresenterStrip;
class ProgramView;
class RealRunner;
class RunSession;
class ScenarioDocument;
class ScenarioLibrary;
class SequenceView;
class SystemView;
class Tour;
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

    /// Presentation mode (F5): the system view alone under the caption in large type and a
    /// big syscall counter; docks one key away (Ctrl+1 ...), Esc or F5 back. `fullScreen`
    /// is off for screenshots, which keep the asked size.
    void setPresentation(bool on, bool fullScreen = true);
    bool presenting() const { return m_presenting; }
    /// The zoom of every text in the window (Ctrl +/-/0), saved in the settings.
    void setFontScale(double scale);
    double fontScale() const { return m_fontScale; }
    void setRevealAsYouGo(bool on);

    /// Help › Legend's text (colours and markers), Help › Lessons, the tour.
    QString legendHtml() const;
    void showLegend();
    void showLessons();
    Tour* startTour();
    /// True once the tour was shown on this machine (a first start shows it).
    bool tourShownBefore() const;

    RunSession* session() const { return m_session; }
    Player* player() const { return m_player; }
    ScenarioDocument* document() const { return m_document; }
    SystemView* systemView() const { return m_system; }
    SequenceView* sequenceView() const { return m_sequence; }
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
    PresenterStrip* presenterStrip() const { return m_presenter; }
    QAction* presentAction() const { return m_presentAction; }
    QAction* revealAction() const { return m_revealAction; }
    QStringList recentFiles() const { return m_recent; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    /// A new language (View › Language): every text on screen again in it.
    void changeEvent(QEvent* event) override;

private:
    QDockWidget* addDock(QWidget* view, const QString& title, const QString& name,
                         Qt::DockWidgetArea area);
    void createViews();
    void createPlotViews();
    void createMenus();
    void createViewMenu();
    void createHelpMenu();
    void zoomBy(int steps);
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
    /// The default layout for the window's size: on a projector (narrower than 1500 px) the
    /// charts and the log share one tabbed dock under the system view.
    void arrangeDocks(QSize size);
    void restoreLayout();
    void restoreViewSettings();
    void saveLayout() const;

    bool m_persistent;
    RunSession* m_session;
    Player* m_player;
    ScenarioDocument* m_document;
    RealRunner* m_real;
    SystemView* m_system = nullptr;
    SequenceView* m_sequence = nullptr;
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
    QAction* m_presentAction = nullptr;
    QAction* m_revealAction = nullptr;
    PresenterStrip* m_presenter = nullptr;
    bool m_presenting = false;
    bool m_layoutRestored = false; ///< a saved layout wins over arrangeDocks()
    bool m_arranged = false;
    bool m_narrow = false; ///< the charts share one tabbed dock (see arrangeDocks)
    bool m_wasMaximized = false;
    QByteArray m_stateBeforePresenting;
    QFont m_baseFont; ///< the application font at scale 1
    double m_fontScale = 1.0;
    QLabel* m_status = nullptr;
    QStringList m_recent;
    std::shared_ptr<const Trace> m_simTrace; ///< kept for the sim-vs-real comparison
};

} // namespace ipclab::ui
