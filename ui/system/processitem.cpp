#include "processitem.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace ipclab::ui {

namespace {
constexpr qreal kHalo = 10;  // room for the selection / deadlock halo
constexpr qreal kBand = 64;  // the coloured state band on top
constexpr qreal kCostH = 34; // the cost badge, across the card's top edge
} // namespace

ProcessItem::ProcessItem(int index) : m_index(index) {
    setZValue(2);
    setAcceptHoverEvents(false);
}

void ProcessItem::setLook(ProcessLook look, const Theme& theme) {
    if (look.cost != m_look.cost) {
        prepareGeometryChange();
    }
    m_look = std::move(look);
    m_theme = theme;
    update();
}

QRectF ProcessItem::card() const {
    return {-kWidth / 2, -kHeight / 2, kWidth, kHeight};
}

QRectF ProcessItem::boundingRect() const {
    QRectF r = card().adjusted(-kHalo, -kHalo, kHalo, kHalo);
    if (!m_look.cost.isEmpty()) {
        r |= costRect().adjusted(-2, -2, 2, 2);
    }
    return r;
}

QRectF ProcessItem::costRect() const {
    if (m_look.cost.isEmpty()) {
        return {};
    }
    // Right-aligned, straddling the card's top edge: it reads as "this one just paid".
    QFontMetricsF metrics(sceneFont(20, true));
    const qreal w = std::min(kWidth - 20, metrics.horizontalAdvance(m_look.cost) + 28);
    const QRectF c = card();
    return {c.right() - w - 6, c.top() - kCostH / 2 - 8, w, kCostH};
}

QRectF ProcessItem::costSceneRect() const {
    return m_look.cost.isEmpty() ? QRectF() : mapRectToScene(costRect());
}

QRectF ProcessItem::addressSpace() const {
    const QRectF c = card();
    return {c.left() + 10, c.bottom() - 40, c.width() - 20, 30};
}

QRectF ProcessItem::regionRect(std::size_t i) const {
    // The private part (code, data, stack) takes the left third; regions share the rest.
    const QRectF space = addressSpace();
    const qreal privateWidth = space.width() / 3;
    const auto n = static_cast<qreal>(std::max<std::size_t>(1, m_look.mapped.size()));
    const qreal w = (space.width() - privateWidth) / n;
    return {space.left() + privateWidth + w * static_cast<qreal>(i), space.top(), w,
            space.height()};
}

QPointF ProcessItem::regionAnchor(int object) const {
    for (std::size_t i = 0; i < m_look.mapped.size(); ++i) {
        if (m_look.mapped[i].object == object) {
            return mapToScene(regionRect(i).center());
        }
    }
    return mapToScene(QPointF(0, 0));
}

QPointF ProcessItem::borderPoint(QPointF target) const {
    const QPointF centre = scenePos();
    const QPointF d = target - centre;
    if (std::abs(d.x()) < 1e-6 && std::abs(d.y()) < 1e-6) {
        return centre;
    }
    const qreal sx = (kWidth / 2) / std::max(std::abs(d.x()), 1e-6);
    const qreal sy = (kHeight / 2) / std::max(std::abs(d.y()), 1e-6);
    return centre + d * std::min(sx, sy);
}

void ProcessItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    p->setRenderHint(QPainter::Antialiasing);
    const QRectF c = card();
    if (m_look.deadlocked || m_look.selectable) {
        const QColor halo = m_look.deadlocked ? m_theme.deadlock : m_theme.selectable;
        p->setPen(QPen(halo, 8));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(c.adjusted(-5, -5, 5, 5), 16, 16);
    }
    p->setPen(QPen(m_theme.border, 2));
    p->setBrush(m_theme.nodeFill);
    p->drawRoundedRect(c, 12, 12);

    // State band: colour first, words too (colour alone fails on a washed-out projector).
    const QRectF band(c.left(), c.top(), c.width(), kBand);
    p->save();
    p->setClipRect(band);
    p->setBrush(m_theme.stateColor(m_look.state));
    p->drawRoundedRect(c, 12, 12);
    p->restore();

    const QColor bandText = QColor(20, 20, 25);
    p->setPen(bandText);
    p->setFont(sceneFont(26, true));
    QRectF nameRect = band.adjusted(12, 2, -12, -kBand / 2);
    if (!m_look.uid.isEmpty()) {
        // Who the process runs as: the segment's mode is checked against it.
        p->save();
        p->setFont(sceneFont(17, true));
        const qreal w = p->fontMetrics().horizontalAdvance(m_look.uid) + 4;
        const QRectF uidRect(nameRect.right() - w, nameRect.top(), w, nameRect.height());
        p->drawText(uidRect, Qt::AlignRight | Qt::AlignVCenter, m_look.uid);
        p->restore();
        nameRect.setRight(uidRect.left() - 8);
    }
    p->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                p->fontMetrics().elidedText(m_look.name, Qt::ElideRight,
                                            static_cast<int>(nameRect.width())));
    p->setFont(sceneFont(19));
    const QRectF stateRect = band.adjusted(12, kBand / 2, -12, -2);
    p->drawText(stateRect, Qt::AlignLeft | Qt::AlignVCenter,
                p->fontMetrics().elidedText(m_look.stateText, Qt::ElideRight,
                                            static_cast<int>(stateRect.width())));

    p->setPen(m_theme.text);
    p->setFont(sceneFont(17));
    const QRectF opRect(c.left() + 12, band.bottom() + 6, c.width() - 24, 26);
    p->drawText(opRect, Qt::AlignLeft | Qt::AlignVCenter,
                p->fontMetrics().elidedText(m_look.opText, Qt::ElideMiddle,
                                            static_cast<int>(opRect.width())));
    p->setPen(m_theme.mutedText);
    p->setFont(sceneFont(16));
    const QRectF varRect(c.left() + 12, opRect.bottom() + 2, c.width() - 24, 24);
    p->drawText(varRect, Qt::AlignLeft | Qt::AlignVCenter,
                p->fontMetrics().elidedText(m_look.variables, Qt::ElideRight,
                                            static_cast<int>(varRect.width())));

    // Address space: private part, then each attached segment mapped in.
    const QRectF space = addressSpace();
    p->setPen(QPen(m_theme.border, 1));
    p->setBrush(m_theme.dark ? QColor(70, 72, 80) : QColor(225, 225, 230));
    p->drawRect(space);
    p->setFont(sceneFont(13));
    p->setPen(m_theme.mutedText);
    QRectF privateRect = space;
    privateRect.setWidth(space.width() / 3);
    p->drawText(privateRect, Qt::AlignCenter, QObject::tr("private"));
    for (std::size_t i = 0; i < m_look.mapped.size(); ++i) {
        const QRectF r = regionRect(i);
        p->setPen(QPen(m_theme.border, 1));
        p->setBrush(m_look.mapped[i].color);
        p->drawRect(r);
        p->setPen(QColor(20, 20, 25));
        p->drawText(r, Qt::AlignCenter,
                    p->fontMetrics().elidedText(m_look.mapped[i].name, Qt::ElideRight,
                                                static_cast<int>(r.width()) - 4));
    }

    if (!m_look.cost.isEmpty()) {
        // The current step's price, named: a system call in the token colour, a refused
        // one in the deadlock red, a shared-memory access (no call at all) in green.
        const QRectF r = costRect();
        const QColor fill = m_look.costRefused ? m_theme.deadlock
                            : m_look.costFree  ? m_theme.selectable
                                               : m_theme.token;
        p->setPen(QPen(m_theme.border, 2));
        p->setBrush(fill);
        p->drawRoundedRect(r, kCostH / 2, kCostH / 2);
        p->setPen(m_look.costRefused ? QColor(255, 255, 255) : QColor(20, 20, 25));
        p->setFont(sceneFont(20, true));
        p->drawText(r, Qt::AlignCenter,
                    p->fontMetrics().elidedText(m_look.cost, Qt::ElideRight,
                                                static_cast<int>(r.width()) - 16));
    }
}

} // namespace ipclab::ui
