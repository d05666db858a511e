#pragma once
// Replots a QCustomPlot on change, at most once per interval: a cursor that moves 1000
// times a second during play costs at most 60 replots, and a paused window none.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QCustomPlot;

namespace ipclab::ui {

class ReplotLimiter : public QObject {
    Q_OBJECT
public:
    /// `intervalMs` > 0: the shortest time between two replots.
    explicit ReplotLimiter(QCustomPlot* plot, int intervalMs = 16);
    /// Asks for a replot: done now (queued to the event loop) if the last one is older
    /// than the interval, otherwise once when the interval has passed.
    void request();
    int replotsRequested() const { return m_requested; }

private:
    void replotNow();

    QCustomPlot* m_plot;
    int m_intervalMs;
    QTimer m_timer;
    QElapsedTimer m_sinceLast;
    int m_requested = 0;
};

} // namespace ipclab::ui
