#pragma once
// The Questions dock: the question playback stopped at (choices as buttons, or a box
// for a number), then every answer marked right or wrong with the simulator's answer
// and buttons that jump the cursor to the events deciding it.

#include <QWidget>
#include <vector>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTreeWidget;
class QVBoxLayout;

namespace ipclab::ui {

class QuizFlow;
class RunSession;

class QuizPanel : public QWidget {
    Q_OBJECT
public:
    QuizPanel(QuizFlow* flow, RunSession* session, QWidget* parent = nullptr);

    /// For tests and the screenshot: the widgets a student uses.
    QLineEdit* answerBox() const { return m_answerBox; }
    QButtonGroup* choiceButtons() const { return m_choices; }
    QPushButton* answerButton() const { return m_answerButton; }
    QPushButton* showNowButton() const { return m_showNow; }
    QTreeWidget* results() const { return m_results; }
    QPushButton* evidenceButton() const { return m_evidence; }
    QLabel* questionLabel() const { return m_question; }
    QLabel* scoreLabel() const { return m_score; }
    /// Selects result row `index` (its evidence becomes the one the button jumps to).
    void selectResult(int index);

    /// The text shown for the progress kept of this lesson (empty: none yet).
    void setProgressText(const QString& text);

private:
    void showQuestion(int index);
    void submit();
    void refresh();
    void fillResults();
    void jumpToEvidence();

    QuizFlow* m_flow;
    RunSession* m_session;
    QLabel* m_header;
    QLabel* m_progress;
    QStackedWidget* m_pages;
    QLabel* m_idle;
    QLabel* m_question;
    QLabel* m_where;
    QWidget* m_choiceBox;
    QVBoxLayout* m_choiceLayout;
    QButtonGroup* m_choices;
    QLineEdit* m_answerBox;
    QPushButton* m_answerButton;
    QTreeWidget* m_results;
    QLabel* m_score;
    QLabel* m_detail;
    QPushButton* m_evidence;
    QPushButton* m_showNow;
    QPushButton* m_again;
    std::size_t m_evidenceStep = 0;
};

} // namespace ipclab::ui
