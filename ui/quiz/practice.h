#pragma once
// What issue 12 adds to the window, in one place with one hook in MainWindow: the
// Questions dock (the ask/answer flow), the Practice menu (new exercise, reset progress)
// and Run › Explore all interleavings.

#include <QObject>
#include <cstdint>

class QDialog;
class QDockWidget;
class QMenu;

namespace ipclab::ui {

class MainWindow;
class QuizFlow;
class QuizPanel;

class Practice : public QObject {
    Q_OBJECT
public:
    explicit Practice(MainWindow* window);

    QuizFlow* flow() const { return m_flow; }
    QuizPanel* panel() const { return m_panel; }
    QDockWidget* dock() const { return m_dock; }
    QMenu* menu() const { return m_menu; }

    /// Generates the exercise, saves it under the application's data folder and opens
    /// it; returns its path (empty when it could not be written).
    QString openExercise(const QString& topic, int difficulty, std::uint64_t seed);
    /// Practice › New exercise: the dialog, then openExercise.
    void newExercise();
    void resetLessonProgress();
    void resetAllProgress();
    /// Run › Explore all interleavings (when the explorer is built in).
    void showExplorer();
    QDialog* explorer() const { return m_explorer; }

private:
    QMenu* runMenu() const;
    void addExploreAction();
    void onLoaded();
    void onRevealed();
    void showProgress();

    MainWindow* m_window;
    QuizFlow* m_flow;
    QuizPanel* m_panel;
    QDockWidget* m_dock;
    QMenu* m_menu;
    QDialog* m_explorer = nullptr;
};

} // namespace ipclab::ui
