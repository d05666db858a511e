#include "objectitems.h"

#include "scenario.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

namespace ipclab::ui {

namespace {
constexpr qreal kSlotW = 78;
constexpr qreal kSlotH = 44;
constexpr qreal kSlotGap = 6;
constexpr int kSlotsPerRow = 6;
constexpr qreal kTitleH = 40;
constexpr qreal kPad = 10;
constexpr qreal kRowH = 30;
} // namespace

QRectF ObjectItem::box() const {
    const QSizeF s = size();
    return {-s.width() / 2, -s.height() / 2, s.width(), s.height()};
}

QRectF ObjectItem::boundingRect() const {
    return box().adjusted(-4, -4, 4, 4);
}

QPointF ObjectItem::borderPoint(QPointF target) const {
    const QPointF centre = scenePos();
    const QPointF d = target - centre;
    const QSizeF s = size();
    if (std::abs(d.x()) < 1e-6 && std::abs(d.y()) < 1e-6) {
        return centre;
    }
    const qreal sx = (s.width() / 2) / std::max(std::abs(d.x()), 1e-6);
    const qreal sy = (s.height() / 2) / std::max(std::abs(d.y()), 1e-6);
    return centre + d * std::min(sx, sy);
}

void ObjectItem::setAlive(bool alive) {
    if (alive != m_alive) {
        m_alive = alive;
        setOpacity(alive ? 1.0 : 0.35);
    }
}

// --- Mailbox --------------------------------------------------------------------------

MailboxItem::MailboxItem(int object, QString name, std::int64_t capacity)
    : ObjectItem(object), m_name(std::move(name)), m_capacity(capacity) {
}

int MailboxItem::drawnSlots() const {
    if (m_capacity == 0) {
        return 1; // the hand-over place of a rendezvous
    }
    if (m_capacity == kUnbounded) {
        return std::min<int>(kMaxDrawnSlots, static_cast<int>(m_messages.size()) + 1);
    }
    return static_cast<int>(std::min<std::int64_t>(m_capacity, kMaxDrawnSlots));
}

QSizeF MailboxItem::size() const {
    // Unbounded mailboxes keep the width of a full row so the layout does not jump.
    const int slotCount = m_capacity == kUnbounded ? kSlotsPerRow : std::max(1, drawnSlots());
    const int columns = std::min(slotCount, kSlotsPerRow);
    const int rows = m_capacity == kUnbounded ? (kMaxDrawnSlots + kSlotsPerRow - 1) / kSlotsPerRow
                                              : (slotCount + kSlotsPerRow - 1) / kSlotsPerRow;
    const qreal w = std::max<qreal>(230, columns * (kSlotW + kSlotGap) - kSlotGap + 2 * kPad);
    return {w, kTitleH + rows * (kSlotH + kSlotGap) + kPad};
}

QRectF MailboxItem::slotRect(int i) const {
    const QRectF b = box();
    const int row = i / kSlotsPerRow;
    const int col = i % kSlotsPerRow;
    return {b.left() + kPad + col * (kSlotW + kSlotGap),
            b.top() + kTitleH + row * (kSlotH + kSlotGap), kSlotW, kSlotH};
}

QPointF MailboxItem::slotCentre(int i) const {
    return mapToScene(slotRect(std::clamp(i, 0, std::max(0, drawnSlots() - 1))).center());
}

void MailboxItem::setMessages(QStringList messages) {
    if (messages == m_messages) {
        return;
    }
    if (m_capacity == kUnbounded) {
        prepareGeometryChange();
    }
    m_messages = std::move(messages);
    update();
}

void MailboxItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    p->setRenderHint(QPainter::Antialiasing);
    const QRectF b = box();
    QPen border(m_theme.border, 2);
    if (m_capacity == 0) {
        border.setStyle(Qt::DashLine); // a rendezvous holds nothing: the hand-over only
    }
    p->setPen(border);
    p->setBrush(m_theme.mailbox);
    p->drawRoundedRect(b, 8, 8);

    QString kind;
    if (m_capacity == 0) {
        kind = QObject::tr("rendezvous");
    } else if (m_capacity == kUnbounded) {
        kind = QObject::tr("%1 queued, unbounded").arg(m_messages.size());
    } else {
        kind = QObject::tr("%1 / %2").arg(m_messages.size()).arg(m_capacity);
    }
    p->setPen(m_theme.text);
    p->setFont(sceneFont(20, true));
    const QRectF title(b.left() + kPad, b.top() + 4, b.width() - 2 * kPad, kTitleH - 8);
    p->drawText(title, Qt::AlignLeft | Qt::AlignVCenter, QObject::tr("mailbox %1").arg(m_name));
    p->setFont(sceneFont(16));
    p->drawText(title, Qt::AlignRight | Qt::AlignVCenter, kind);

    p->setFont(sceneFont(15));
    const int slotCount = drawnSlots();
    for (int i = 0; i < slotCount; ++i) {
        const QRectF r = slotRect(i);
        const bool filled = i < m_messages.size();
        const bool openEnd = m_capacity == kUnbounded && !filled;
        QPen pen(m_theme.border, 1.5);
        if (openEnd || m_capacity == 0) {
            pen.setStyle(Qt::DashLine);
        }
        p->setPen(pen);
        p->setBrush(filled ? m_theme.token : m_theme.nodeFill);
        p->drawRoundedRect(r, 5, 5);
        p->setPen(filled ? QColor(20, 20, 25) : m_theme.mutedText);
        QString text;
        if (filled) {
            text = m_messages[i];
        } else if (openEnd) {
            text = QStringLiteral("… ∞");
        }
        p->drawText(
            r.adjusted(3, 0, -3, 0), Qt::AlignCenter,
            p->fontMetrics().elidedText(text, Qt::ElideRight, static_cast<int>(r.width()) - 6));
    }
    const auto hidden = m_capacity == kUnbounded
                            ? m_messages.size() - slotCount + 1
                            : std::max<std::int64_t>(0, m_capacity - slotCount);
    if (hidden > 0) {
        p->setPen(m_theme.mutedText);
        p->drawText(b.adjusted(0, 0, -kPad, -2), Qt::AlignRight | Qt::AlignBottom,
                    QObject::tr("+%1 more").arg(hidden));
    }
}

// --- Segment --------------------------------------------------------------------------

SegmentItem::SegmentItem(int object, QString title, QColor color)
    : ObjectItem(object), m_title(std::move(title)), m_color(std::move(color)) {
}

void SegmentItem::reserveRows(int rows) {
    prepareGeometryChange();
    m_reserved = std::clamp(rows, 1, kMaxRows);
}

QSizeF SegmentItem::size() const {
    const int rows =
        std::max<int>(m_reserved, std::min<int>(kMaxRows, static_cast<int>(m_cells.size())));
    return {300, kTitleH + rows * kRowH + 2 * kPad};
}

void SegmentItem::setCells(std::map<std::int64_t, QString> cells, std::set<std::int64_t> written,
                           std::set<std::int64_t> read, bool marked,
                           std::set<std::int64_t> writtenNow) {
    const auto rows = [this](std::size_t n) {
        return std::max<std::size_t>(static_cast<std::size_t>(m_reserved),
                                     std::min<std::size_t>(kMaxRows, n));
    };
    if (rows(cells.size()) != rows(m_cells.size())) {
        prepareGeometryChange();
    }
    m_cells = std::move(cells);
    m_written = std::move(written);
    m_read = std::move(read);
    m_now = std::move(writtenNow);
    m_marked = marked;
    update();
}

void SegmentItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    p->setRenderHint(QPainter::Antialiasing);
    const QRectF b = box();
    QPen border(m_theme.border, 2);
    if (m_marked) {
        border.setStyle(Qt::DashLine);
    }
    p->setPen(border);
    p->setBrush(m_color);
    p->drawRoundedRect(b, 8, 8);
    p->setPen(QColor(20, 20, 25));
    p->setFont(sceneFont(19, true));
    const QRectF title(b.left() + kPad, b.top() + 4, b.width() - 2 * kPad, kTitleH - 8);
    QString heading = m_title;
    if (m_marked) {
        heading += QObject::tr(" (removed when detached)");
    } else if (!m_alive) {
        heading += QObject::tr(" (removed)");
    }
    p->drawText(
        title, Qt::AlignLeft | Qt::AlignVCenter,
        p->fontMetrics().elidedText(heading, Qt::ElideRight, static_cast<int>(title.width())));

    p->setFont(sceneFont(16));
    int row = 0;
    for (const auto& [offset, value] : m_cells) {
        if (row == kMaxRows) {
            break;
        }
        const QRectF r(b.left() + kPad, b.top() + kTitleH + row * kRowH, b.width() - 2 * kPad,
                       kRowH - 4);
        QColor fill = m_theme.nodeFill;
        if (m_written.count(offset) > 0) {
            fill = m_theme.written;
        } else if (m_read.count(offset) > 0) {
            fill = m_theme.read;
        }
        // The cell written by this very step: thick outline, so the eye finds it at once.
        const bool now = m_now.count(offset) > 0;
        p->setPen(now ? QPen(m_theme.deadlock, 4) : QPen(m_theme.border, 1));
        p->setBrush(fill);
        p->drawRect(r);
        p->setPen(fill == m_theme.nodeFill ? m_theme.text : QColor(20, 20, 25));
        const QRectF offRect(r.left() + 6, r.top(), 70, r.height());
        p->drawText(offRect, Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("@%1").arg(offset));
        const QRectF valRect(offRect.right(), r.top(), r.width() - 82, r.height());
        p->drawText(
            valRect, Qt::AlignLeft | Qt::AlignVCenter,
            p->fontMetrics().elidedText(value, Qt::ElideRight, static_cast<int>(valRect.width())));
        ++row;
    }
    if (m_cells.empty()) {
        p->setPen(QColor(40, 40, 45));
        p->drawText(QRectF(b.left(), b.top() + kTitleH, b.width(), kRowH), Qt::AlignCenter,
                    QObject::tr("(nothing written yet)"));
    }
}

// --- Semaphore ------------------------------------------------------------------------

SemaphoreItem::SemaphoreItem(int object, QString name)
    : ObjectItem(object), m_name(std::move(name)) {
}

QSizeF SemaphoreItem::size() const {
    return {220, 108};
}

void SemaphoreItem::setHolders(QStringList holders) {
    if (holders != m_holders) {
        m_holders = std::move(holders);
        update();
    }
}

void SemaphoreItem::setValue(std::int64_t value) {
    if (value != m_value) {
        m_value = value;
        update();
    }
}

void SemaphoreItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    p->setRenderHint(QPainter::Antialiasing);
    const QRectF b = box();
    p->setPen(QPen(m_theme.border, 2));
    p->setBrush(m_theme.semaphore);
    p->drawRoundedRect(b, 30, 30);
    p->setPen(m_theme.text);
    const qreal third = b.height() / 3;
    p->setFont(sceneFont(18, true));
    p->drawText(QRectF(b.left(), b.top() + 6, b.width(), third - 4), Qt::AlignCenter,
                QObject::tr("semaphore %1").arg(m_name));
    p->setFont(sceneFont(24, true));
    p->drawText(QRectF(b.left(), b.top() + third, b.width(), third), Qt::AlignCenter,
                QStringLiteral("= %1").arg(m_value));
    // Who holds it: the names the deadlock's "waits for" edges point at.
    p->setFont(sceneFont(16));
    const QString held = m_holders.isEmpty()
                             ? QObject::tr("held by nobody")
                             : QObject::tr("held by %1").arg(m_holders.join(QStringLiteral(", ")));
    const QRectF heldRect(b.left() + 12, b.top() + 2 * third - 4, b.width() - 24, third);
    p->drawText(
        heldRect, Qt::AlignCenter,
        p->fontMetrics().elidedText(held, Qt::ElideRight, static_cast<int>(heldRect.width())));
}

} // namespace ipclab::ui
