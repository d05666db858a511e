#include "replotlimiter.h"

#include <qcustomplot.h>

namespace ipclab::ui {

ReplotLimiter::ReplotLimiter(QCustomPlot* plot, QCPLayer* layer, int intervalMs)
    : QObject(plot), m_plot(plot), m_layer(layer), m_intervalMs(std::max(1, intervalMs)) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ReplotLimiter::replotNow);
}

void ReplotLimiter::request() {
    m_pendingFull = true;
    schedule();
}

void ReplotLimiter::requestLayer() {
    if (!m_layer) {
        m_pendingFull = true;
    }
    schedule();
}

void ReplotLimiter::schedule() {
    m_pending = true;
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
    if (!m_pending) {
        return;
    }
    m_sinceLast.start();
    if (m_pendingFull) {
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    } else {
        m_layer->replot();
    }
    m_pending = false;
    m_pendingFull = false;
}

void ReplotLimiter::flush() {
    m_timer.stop();
    if (m_pending && m_pendingFull) {
        m_pending = false;
        m_pendingFull = false;
        m_sinceLast.start();
        m_plot->replot(QCustomPlot::rpImmediateRefresh);
        return;
    }
    replotNow();
    m_plot->repaint();
}

} // namespace ipclab::ui
