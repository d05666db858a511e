#pragma once
// The question flow of a lesson or an exercise: playback stops at each `ask:`, the
// student answers, the run continues; at the end (or on "show me now") every answer is
// marked against what the simulator computed, with the events that decide it. Holds no
// widgets: the QuizPanel shows it, tests drive it directly.

#include "question.h"
#include "scenario.h"
#include "trace.h"

#include <QObject>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

namespace ipclab::ui {

class Player;
class RunSession;

class QuizFlow : public QObject {
    Q_OBJECT
public:
    /// One question of the run on show, with the simulator's answer and the student's.
    struct Item {
        Question question;
        Answer answer;
        std::optional<QString> given; ///< what the student answered (nothing: not yet)
        bool right() const {
            return given && answer.ok && sameAnswer(answer.value, given->toStdString());
        }
    };

    QuizFlow(RunSession* session, Player* player, QObject* parent = nullptr);

    bool hasQuestions() const { return !m_items.empty(); }
    const std::vector<Item>& items() const { return m_items; }
    /// The question waiting for an answer now, or -1.
    int pending() const { return m_pending; }
    /// True once the answers are marked (the run reached its end, or "show me now").
    bool revealed() const { return m_revealed; }
    int rightCount() const;

    /// The key progress is kept under (the lesson's file, or its title).
    void setLessonKey(const QString& key) { m_key = key; }
    QString lessonKey() const { return m_key; }

public slots:
    /// The student's answer to the pending question; playback resumes.
    void answer(const QString& given);
    /// Mark every answer now (unanswered ones count as wrong).
    void showNow();
    /// Forget the answers of this run and start asking again from the cursor.
    void restart();

signals:
    /// A question is due (playback was paused for it).
    void questionDue(int index);
    /// The answers were marked.
    void revealedChanged();
    /// Items changed (a new run, an answer).
    void changed();

private:
    void onRunChanged();
    void onPosition(std::size_t position);
    void reveal();

    RunSession* m_session;
    Player* m_player;
    std::vector<Item> m_items;
    int m_pending = -1;
    bool m_revealed = false;
    bool m_resumeAfterAnswer = false;
    QString m_key;
};

} // namespace ipclab::ui
