#include "player.h"

#include "runsession.h"

#include <algorithm>
#include <cmath>

namespace ipclab::ui {

Player::Player(RunSession* session, QObject* parent) : QObject(parent), m_session(session) {
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Player::tick);
    connect(session, &RunSession::runChanged, this, &Player::pause);
}

int Player::frameInterval() const {
    const int perEvent = static_cast<int>(std::lround(1000.0 / std::max(m_speed, 0.1)));
    return std::clamp(perEvent, kMinFrameMs, 1000);
}

void Player::setSpeed(double eventsPerSecond) {
    m_speed = std::clamp(eventsPerSecond, 0.1, 100000.0);
    m_timer.setInterval(frameInterval());
}

void Player::play() {
    if (isPlaying() || !m_session->hasRun()) {
        return;
    }
    if (m_session->atEnd()) {
        m_session->setPosition(0);
    }
    m_carry = 0.0;
    m_clock.start();
    m_timer.start(frameInterval());
    emit playingChanged(true);
}

void Player::pause() {
    if (!isPlaying()) {
        return;
    }
    m_timer.stop();
    emit playingChanged(false);
}

void Player::toggle() {
    if (isPlaying()) {
        pause();
    } else {
        play();
    }
}

void Player::tick() {
    const double elapsed = static_cast<double>(m_clock.restart()) / 1000.0;
    m_carry += elapsed * m_speed;
    // A slow speed still moves at least one event per tick: the timer already waited.
    const auto steps = std::max<long long>(1, static_cast<long long>(m_carry));
    m_carry = std::max(0.0, m_carry - static_cast<double>(steps));
    m_session->step(static_cast<int>(std::min<long long>(steps, 1 << 20)));
    if (m_session->atEnd()) {
        pause();
    }
}

} // namespace ipclab::ui
