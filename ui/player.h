#pragma once
// Play / pause over a RunSession. While playing, one QTimer advances the cursor at the
// chosen speed; the timer never fires faster than 60 Hz, however fast the speed, so views
// refresh at a capped rate. A paused player runs no timer at all.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace ipclab::ui {

class RunSession;

class Player : public QObject {
    Q_OBJECT
public:
    static constexpr int kMinFrameMs = 16; ///< ~60 Hz: the fastest the views are refreshed

    explicit Player(RunSession* session, QObject* parent = nullptr);

    bool isPlaying() const { return m_timer.isActive(); }
    /// Events per second.
    double speed() const { return m_speed; }
    void setSpeed(double eventsPerSecond);
    /// The timer's interval for the current speed (never below kMinFrameMs).
    int frameInterval() const;

public slots:
    void play();
    void pause();
    void toggle();

signals:
    void playingChanged(bool playing);

private:
    void tick();

    RunSession* m_session;
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_speed = 4.0;
    double m_carry = 0.0;
};

} // namespace ipclab::ui
