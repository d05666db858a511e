#include "quizflow.h"

#include "player.h"
#include "runsession.h"

namespace ipclab::ui {

QuizFlow::QuizFlow(RunSession* session, Player* player, QObject* parent)
    : QObject(parent), m_session(session), m_player(player) {
    connect(session, &RunSession::runChanged, this, &QuizFlow::onRunChanged);
    connect(session, &RunSession::positionChanged, this, &QuizFlow::onPosition);
}

int QuizFlow::rightCount() const {
    int n = 0;
    for (const Item& item : m_items) {
        n += item.right() ? 1 : 0;
    }
    return n;
}

void QuizFlow::onRunChanged() {
    const Scenario* scenario = m_session->scenario();
    const Trace* trace = m_session->trace();
    // The same scenario run again (the manual scheduler re-simulates on every choice)
    // keeps what the student answered; a new scenario starts afresh.
    const bool sameQuestions = scenario != nullptr && !m_items.empty() &&
                               questionsOf(*scenario).size() == m_items.size() &&
                               m_items.front().question.op != nullptr &&
                               m_items.front().question.op == questionsOf(*scenario).front().op;
    std::vector<Item> items;
    if (scenario != nullptr && trace != nullptr) {
        const auto questions = questionsOf(*scenario);
        for (std::size_t i = 0; i < questions.size(); ++i) {
            Item item{questions[i], answerQuestion(*scenario, *trace, questions[i]), {}};
            if (sameQuestions) {
                item.given = m_items[i].given;
            }
            items.push_back(std::move(item));
        }
    }
    m_items = std::move(items);
    m_pending = -1;
    m_resumeAfterAnswer = false;
    if (!sameQuestions) {
        m_revealed = false;
    }
    emit changed();
    onPosition(m_session->position());
}

void QuizFlow::onPosition(std::size_t position) {
    if (m_revealed || m_items.empty()) {
        return;
    }
    if (m_pending >= 0) {
        return; // still waiting for the student
    }
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        const Item& item = m_items[i];
        const std::size_t at = item.answer.askedAt;
        if (item.given || at == std::string::npos || position <= at) {
            continue;
        }
        m_pending = static_cast<int>(i);
        const bool playing = m_player != nullptr && m_player->isPlaying();
        m_resumeAfterAnswer = m_resumeAfterAnswer || playing;
        if (playing) {
            // Playback may move many events per frame: stop right after the question.
            m_player->pause();
            m_session->setPosition(at + 1);
        }
        emit questionDue(m_pending);
        return;
    }
    if (m_session->atEnd()) {
        reveal();
    }
}

void QuizFlow::answer(const QString& given) {
    if (m_pending < 0) {
        return;
    }
    m_items[static_cast<std::size_t>(m_pending)].given = given.trimmed();
    m_pending = -1;
    emit changed();
    onPosition(m_session->position());
    if (m_pending >= 0) {
        return; // another question at the same moment
    }
    // Playback was running when the questions stopped it: it continues.
    if (m_resumeAfterAnswer && !m_revealed && m_player != nullptr) {
        m_player->play();
    }
    m_resumeAfterAnswer = false;
}

void QuizFlow::showNow() {
    m_pending = -1;
    m_resumeAfterAnswer = false;
    reveal();
}

void QuizFlow::restart() {
    for (Item& item : m_items) {
        item.given.reset();
    }
    m_revealed = false;
    m_pending = -1;
    m_resumeAfterAnswer = false;
    emit changed();
    emit revealedChanged();
    onPosition(m_session->position());
}

void QuizFlow::reveal() {
    if (m_revealed) {
        return;
    }
    m_revealed = true;
    emit changed();
    emit revealedChanged();
}

} // namespace ipclab::ui
