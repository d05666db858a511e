#include "edgeitems.h"

#include "processitem.h"

#include <QFontMetricsF>
#include <QPainter>

namespace ipclab::ui {

namespace {
constexpr qreal kHead = 16;

QRectF lineBounds(QPointF a, QPointF b, qreal extra) {
    return QRectF(a, b).normalized().adjusted(-extra, -extra, extra, extra);
}
} // namespace

// --- LinkItem -------------------------------------------------------------------------

LinkItem::LinkItem(int object, ProcessItem* a, ProcessItem* b) : m_object(object), m_a(a), m_b(b) {
    setZValue(0);
    adjust();
}

void LinkItem::adjust() {
    prepareGeometryChange();
    m_from = m_a->borderPoint(m_b->scenePos());
    m_to = m_b->borderPoint(m_a->scenePos());
}

QPointF LinkItem::midpoint() const {
    return (m_from + m_to) / 2;
}

void LinkItem::setShut(bool shut) {
    if (shut != m_shut) {
        m_shut = shut;
        update();
    }
}

QRectF LinkItem::badgeRect() const {
    const QPointF mid = midpoint();
    return {mid.x() - 55, mid.y() - 16, 110, 32};
}

QRectF LinkItem::badgeSceneRect() const {
    return m_queued > 0 ? badgeRect() : QRectF();
}

void LinkItem::setQueued(int count, const Theme& theme) {
    m_queued = count;
    m_theme = theme;
    update();
}

QRectF LinkItem::boundingRect() const {
    return lineBounds(m_from, m_to, 40);
}

void LinkItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    p->setRenderHint(QPainter::Antialiasing);
    QColor colour = m_theme.link;
    if (m_shut) {
        colour.setAlpha(110);
    }
    p->setPen(QPen(colour, 6, m_shut ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap));
    p->drawLine(m_from, m_to);
    if (m_queued > 0) {
        // Messages the kernel still holds: drawn until they are read, even after the
        // sender ended and the link was shut down.
        const QString label = QObject::tr("%n queued", nullptr, m_queued);
        p->setFont(sceneFont(16, true));
        const QRectF r = badgeRect();
        p->setPen(QPen(m_theme.border, 1.5));
        p->setBrush(m_theme.token);
        p->drawRoundedRect(r, 14, 14);
        p->setPen(QColor(20, 20, 25));
        p->drawText(r, Qt::AlignCenter, label);
    }
}

// --- ArrowItem ------------------------------------------------------------------------

ArrowItem::ArrowItem() {
    setZValue(3);
}

void ArrowItem::setEnds(QPointF from, QPointF to) {
    if (from == m_from && to == m_to) {
        return;
    }
    prepareGeometryChange();
    m_from = from;
    m_to = to;
}

void ArrowItem::setStyle(const Style& style) {
    prepareGeometryChange();
    m_style = style;
    update();
}

void ArrowItem::setLabel(const QString& label, qreal at) {
    if (label != m_label || at != m_labelAt) {
        prepareGeometryChange();
        m_label = label;
        m_labelAt = at;
        update();
    }
}

QRectF ArrowItem::labelRect() const {
    if (m_label.isEmpty()) {
        return {};
    }
    const QFontMetricsF metrics(sceneFont(17, true));
    const qreal w = metrics.horizontalAdvance(m_label) + 16;
    const qreal h = metrics.height() + 6;
    const QPointF mid = m_from + (m_to - m_from) * m_labelAt;
    return {mid.x() - w / 2, mid.y() - h / 2, w, h};
}

QRectF ArrowItem::labelSceneRect() const {
    return m_label.isEmpty() || !isVisible() ? QRectF() : mapRectToScene(labelRect());
}

QRectF ArrowItem::boundingRect() const {
    return lineBounds(m_from, m_to, kHead + m_style.width) | labelRect();
}

void ArrowItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    const QLineF line(m_from, m_to);
    if (line.length() < 1) {
        return;
    }
    p->setRenderHint(QPainter::Antialiasing);
    QPen pen(m_style.color, m_style.width, m_style.dashed ? Qt::DashLine : Qt::SolidLine,
             Qt::RoundCap);
    p->setPen(pen);
    p->drawLine(line);
    if (m_style.head) {
        const QPointF u = (m_to - m_from) / line.length();
        const QPointF n(-u.y(), u.x());
        const qreal head = kHead + m_style.width;
        const QPointF tip = m_to;
        const QPointF left = tip - u * head + n * head * 0.5;
        const QPointF right = tip - u * head - n * head * 0.5;
        p->setPen(Qt::NoPen);
        p->setBrush(m_style.color);
        p->drawPolygon(QPolygonF() << tip << left << right);
    }
    if (!m_label.isEmpty()) {
        const QRectF r = labelRect();
        p->setBrush(QColor(255, 255, 255, 235));
        p->setPen(QPen(m_style.color, 2));
        p->drawRoundedRect(r, 6, 6);
        p->setFont(sceneFont(17, true));
        p->setPen(QColor(20, 20, 25));
        p->drawText(r, Qt::AlignCenter, m_label);
    }
}

// --- TokenItem ------------------------------------------------------------------------

TokenItem::TokenItem() {
    setZValue(10);
}

void TokenItem::setText(const QString& text, const Theme& theme) {
    prepareGeometryChange();
    m_text = text;
    m_theme = theme;
}

QRectF TokenItem::boundingRect() const {
    return {-80, -22, 160, 44};
}

void TokenItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    p->setRenderHint(QPainter::Antialiasing);
    p->setFont(sceneFont(17, true));
    const QString label =
        p->fontMetrics().elidedText(QStringLiteral("✉ ") + m_text, Qt::ElideRight, 150);
    const qreal w = std::max<qreal>(60, p->fontMetrics().horizontalAdvance(label) + 20);
    const QRectF r(-w / 2, -18, w, 36);
    p->setPen(QPen(QColor(120, 80, 0), 2));
    p->setBrush(m_theme.token);
    p->drawRoundedRect(r, 18, 18);
    p->setPen(QColor(20, 20, 25));
    p->drawText(r, Qt::AlignCenter, label);
}

} // namespace ipclab::ui
