#include "messagearrowitem.h"

#include <QPainter>
#include <QPolygonF>
#include <cmath>

namespace ipclab::ui {

namespace {
constexpr qreal kHead = 11;
} // namespace

MessageArrowItem::MessageArrowItem(int message, QColor color)
    : m_message(message), m_color(std::move(color)) {
    setZValue(3);
}

void MessageArrowItem::setPoints(std::vector<QPointF> points, bool dashedLast) {
    if (points == m_points && dashedLast == m_dashedLast) {
        return;
    }
    prepareGeometryChange();
    m_points = std::move(points);
    m_dashedLast = dashedLast;
}

QRectF MessageArrowItem::boundingRect() const {
    if (m_points.empty()) {
        return {};
    }
    QRectF r(m_points.front(), QSizeF(0, 0));
    for (const QPointF& p : m_points) {
        r |= QRectF(p, QSizeF(0, 0));
    }
    return r.adjusted(-kHead, -kHead, kHead, kHead);
}

void MessageArrowItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    p->setRenderHint(QPainter::Antialiasing);
    for (std::size_t i = 0; i + 1 < m_points.size(); ++i) {
        const QPointF a = m_points[i];
        const QPointF b = m_points[i + 1];
        const bool dashed = m_dashedLast && i + 2 == m_points.size();
        p->setPen(QPen(m_color, 2.5, dashed ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap));
        p->drawLine(a, b);
        const QPointF d = b - a;
        const qreal len = std::hypot(d.x(), d.y());
        if (len < 1 || dashed) {
            continue;
        }
        const QPointF u = d / len;
        const QPointF n(-u.y(), u.x());
        p->setPen(Qt::NoPen);
        p->setBrush(m_color);
        p->drawPolygon(
            QPolygonF({b, b - u * kHead + n * kHead * 0.45, b - u * kHead - n * kHead * 0.45}));
    }
}

} // namespace ipclab::ui
