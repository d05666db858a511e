#include "replotlimiter.h"

#include <qcustomplot.h>

namespace ipclab::ui {

ReplotLimiter::ReplotLimiter(QCustomPlot* plot, int intervalMs)
    : QObject(plot), m_plot(plot), m_intervalMs(std::max(1, intervalMs)) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ReplotLimiter::replotNow);
}

void ReplotLimiter::request() {
    ++m_requested;
    if (m_timer.isActive()) {
        return; // a replot is already scheduled; it will show this change too
    }
    if (!m_sinceLast.isValid() || m_sinceLast.elapsed() >= m_intervalMs) {
        replotNow();
        return;
    }
    m_timer.start(static_cast<int>(m_intervalMs - m_sinceLast.elapsed()));
}

void ReplotLimiter::replotNow() {
    m_sinceLast.start();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace ipclab::ui
