#pragma once
// Replots a QCustomPlot on change, at most once per interval: a cursor that moves 1000
// times a second during play costs at most 60 replots, and a paused window none. A change
// that only touches one buffered layer (the cursor) redraws that layer alone.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QCustomPlot;
class QCPLayer;

namespace ipclab::ui {

class ReplotLimiter : public QObject {
    Q_OBJECT
public:
    /// `layer` (may be null) is the buffered layer requestLayer() redraws; `intervalMs` > 0
    /// is the shortest time between two replots.
    explicit ReplotLimiter(QCustomPlot* plot, QCPLayer* layer = nullptr, int intervalMs = 16);
    /// Asks for a replot of everything: done now (queued to the event loop) if the last
    /// one is older than the interval, otherwise once when the interval has passed.
    void request();
    /// Asks for a redraw of the cursor layer only (cheap whatever the trace's size).
    void requestLayer();
    /// Does a pending replot now and paints the widget (for benchmarks and grabs).
    void flush();

private:
    void schedule();
    void replotNow();

    QCustomPlot* m_plot;
    QCPLayer* m_layer;
    int m_intervalMs;
    QTimer m_timer;
    QElapsedTimer m_sinceLast;
    bool m_pending = false;
    bool m_pendingFull = false;
};

} // namespace ipclab::ui
