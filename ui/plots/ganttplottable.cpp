#include "ganttplottable.h"

#include <algorithm>
#include <cmath>

namespace ipclab::ui {

GanttPlottable::GanttPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : QCPAbstractPlottable(keyAxis, valueAxis) {
    setSelectable(QCP::stNone);
    setAntialiasedFill(false);
    setAntialiased(false);
}

void GanttPlottable::setLanes(std::vector<std::vector<Bar>> lanes) {
    m_lanes = std::move(lanes);
}

void GanttPlottable::setLabel(const QString& label, const QColor& color) {
    m_label = label;
    m_labelColor = color;
}

double GanttPlottable::selectTest(const QPointF&, bool, QVariant*) const {
    return -1; // the timeline handles clicks itself (click = move the cursor)
}

QCPRange GanttPlottable::getKeyRange(bool& foundRange, QCP::SignDomain) const {
    foundRange = false;
    QCPRange range;
    for (const auto& lane : m_lanes) {
        if (lane.empty()) {
            continue;
        }
        if (!foundRange) {
            range = QCPRange(lane.front().start, lane.back().end);
            foundRange = true;
        } else {
            range.expand(QCPRange(lane.front().start, lane.back().end));
        }
    }
    return range;
}

QCPRange GanttPlottable::getValueRange(bool& foundRange, QCP::SignDomain, const QCPRange&) const {
    foundRange = !m_lanes.empty();
    return QCPRange(m_laneOffset - 0.5, m_laneOffset + static_cast<double>(m_lanes.size()) - 0.5);
}

void GanttPlottable::draw(QCPPainter* painter) {
    if (!mKeyAxis || !mValueAxis) {
        return;
    }
    painter->setPen(Qt::NoPen);
    painter->setFont(m_labelFont);
    for (std::size_t i = 0; i < m_lanes.size(); ++i) {
        drawLane(painter, m_lanes[i], m_laneOffset + static_cast<double>(i));
    }
}

void GanttPlottable::drawLane(QCPPainter* painter, const std::vector<Bar>& lane,
                              double value) const {
    const QCPRange visible = mKeyAxis->range();
    auto it = std::lower_bound(lane.begin(), lane.end(), visible.lower,
                               [](const Bar& b, double t) { return b.end < t; });
    const double yTop = mValueAxis->coordToPixel(value - m_barHeight / 2);
    const double yBottom = mValueAxis->coordToPixel(value + m_barHeight / 2);
    const double top = std::min(yTop, yBottom);
    const double height = std::abs(yBottom - yTop);
    const double labelWidth =
        m_label.isEmpty() ? 0 : QFontMetricsF(m_labelFont).horizontalAdvance(m_label) + 8;
    // Pending rectangle: neighbouring bars closer than a pixel are painted as one.
    double pendLeft = 0;
    double pendRight = -1;
    auto flush = [&] {
        if (pendRight >= pendLeft) {
            painter->fillRect(QRectF(pendLeft, top, std::max(1.0, pendRight - pendLeft), height),
                              mBrush);
        }
    };
    for (; it != lane.end() && it->start <= visible.upper; ++it) {
        const double left = mKeyAxis->coordToPixel(it->start);
        const double right = mKeyAxis->coordToPixel(it->end);
        if (left <= pendRight + 1.0) {
            pendRight = std::max(pendRight, right);
        } else {
            flush();
            pendLeft = left;
            pendRight = right;
        }
        if (!m_label.isEmpty() && right - left > labelWidth) {
            flush();
            pendRight = -1;
            painter->fillRect(QRectF(left, top, right - left, height), mBrush);
            painter->setPen(m_labelColor);
            painter->drawText(QRectF(left, top, right - left, height), Qt::AlignCenter, m_label);
            painter->setPen(Qt::NoPen);
        }
    }
    flush();
}

void GanttPlottable::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const {
    painter->setPen(Qt::NoPen);
    painter->fillRect(rect.adjusted(0, rect.height() * 0.15, 0, -rect.height() * 0.15), mBrush);
}

} // namespace ipclab::ui
