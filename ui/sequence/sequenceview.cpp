#include "sequenceview.h"

#include "messagearrowitem.h"
#include "opformat.h"
#include "palette.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <algorithm>

namespace ipclab::ui {

namespace {

QString timeText(const Trace& trace, std::uint64_t time) {
    if (trace.timeUnit == TimeUnit::Tick) {
        return SequenceView::tr("t %1").arg(time);
    }
    return SequenceView::tr("%1 µs").arg(static_cast<double>(time) / 1000.0, 0, 'f', 1);
}

QGraphicsSimpleTextItem* addText(QGraphicsScene* scene, const QString& text, int px, bool bold,
                                 const QColor& colour) {
    auto* item = scene->addSimpleText(text, sceneFont(px, bold));
    item->setBrush(colour);
    item->setZValue(5);
    return item;
}

} // namespace

SequenceView::SequenceView(QWidget* parent) : QGraphicsView(parent) {
    setScene(new QGraphicsScene(this));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setMinimumSize(240, 160);
    m_theme = Theme::fromPalette(palette());
}

SequenceView::~SequenceView() = default;

void SequenceView::setRun(std::shared_ptr<const Scenario> scenario,
                          std::shared_ptr<const Trace> trace) {
    m_scenario = std::move(scenario);
    m_trace = std::move(trace);
    m_index = 0;
    rebuild();
}

void SequenceView::setRevealAsYouGo(bool on) {
    TraceView::setRevealAsYouGo(on);
    refresh();
}

qreal SequenceView::columnX(int column) const {
    return kGutter + (column + 0.5) * kColumnWidth;
}

qreal SequenceView::rowY(std::size_t row) const {
    return kHeader + 30 + static_cast<qreal>(row) * kRowHeight;
}

qreal SequenceView::eventY(std::size_t event) const {
    return rowY(m_layout.rowAtOrAfter(event));
}

qreal SequenceView::processX(int proc) const {
    return proc >= 0 && static_cast<std::size_t>(proc) < m_layout.processColumn.size()
               ? columnX(m_layout.processColumn[static_cast<std::size_t>(proc)])
               : -1;
}

qreal SequenceView::mailboxX(int object) const {
    if (object < 0 || static_cast<std::size_t>(object) >= m_layout.objectColumn.size()) {
        return -1;
    }
    const int column = m_layout.objectColumn[static_cast<std::size_t>(object)];
    return column >= 0 ? columnX(column) : -1;
}

void SequenceView::rebuild() {
    scene()->clear();
    m_arrows.clear();
    m_messageLabels.clear();
    m_blocked.clear();
    m_timeLabels.clear();
    m_headers.clear();
    m_lifelines.clear();
    m_ends.clear();
    m_cursor = nullptr;
    m_layout = {};
    setBackgroundBrush(m_theme.background);
    if (!m_trace) {
        return;
    }
    const Trace& trace = *m_trace;
    m_layout = layoutSequence(trace);
    const qreal bottom = rowY(m_layout.rows()) + 10;

    // Headers and life lines.
    for (std::size_t c = 0; c < m_layout.columns.size(); ++c) {
        const SequenceColumn& column = m_layout.columns[c];
        const qreal x = columnX(static_cast<int>(c));
        const QString name = column.mailbox
                                 ? tr("mailbox %1").arg(ui::objectName(trace, column.index))
                                 : processName(trace, column.index);
        const QRectF box(x - kColumnWidth / 2 + 8, 10, kColumnWidth - 16, kHeader - 20);
        auto* header = scene()->addRect(box, QPen(m_theme.border, 1.5),
                                        column.mailbox ? m_theme.mailbox : m_theme.nodeFill);
        header->setZValue(4);
        m_headers.push_back(header);
        const QFont font = sceneFont(17, !column.mailbox);
        const QString shown =
            QFontMetricsF(font).elidedText(name, Qt::ElideRight, box.width() - 10);
        auto* label = addText(scene(), shown, 17, !column.mailbox, m_theme.text);
        label->setPos(box.center() - label->boundingRect().center());
        m_headers.push_back(label);
        auto* line = scene()->addLine(QLineF(x, kHeader - 10, x, bottom),
                                      QPen(m_theme.mutedText, column.mailbox ? 2 : 1.5,
                                           column.mailbox ? Qt::DashLine : Qt::SolidLine));
        line->setZValue(1);
        m_lifelines.push_back(line);
    }
    // A process's end: its life line stops with a bar.
    for (std::size_t p = 0; p < m_layout.terminatedAt.size(); ++p) {
        if (m_layout.terminatedAt[p] == kNever) {
            continue;
        }
        const qreal x = processX(static_cast<int>(p));
        const qreal y = eventY(m_layout.terminatedAt[p]);
        auto* lifeline = m_lifelines[static_cast<std::size_t>(m_layout.processColumn[p])];
        lifeline->setLine(QLineF(x, kHeader - 10, x, y));
        auto* end = scene()->addLine(QLineF(x - 14, y, x + 14, y), QPen(m_theme.border, 4));
        end->setZValue(2);
        m_ends.emplace_back(m_layout.terminatedAt[p], end);
    }
    // Blocked stretches on the life lines.
    for (const BlockedSpan& span : m_layout.blocked) {
        auto* bar = scene()->addRect(QRectF(), QPen(Qt::NoPen),
                                     QBrush(palette::stateColor(ProcState::Blocked)));
        bar->setZValue(2);
        bar->setToolTip(tr("%1 blocked").arg(processName(trace, span.proc)));
        m_blocked.push_back(bar);
    }
    // Messages.
    const QFont labelFont = sceneFont(14);
    const QFontMetricsF metrics(labelFont);
    for (std::size_t i = 0; i < m_layout.messages.size(); ++i) {
        const MessageFlow& m = m_layout.messages[i];
        auto* arrow = new MessageArrowItem(static_cast<int>(i), palette::processColor(m.sender));
        scene()->addItem(arrow);
        m_arrows.push_back(arrow);
        const qreal sx = processX(m.sender);
        const qreal mx = mailboxX(m.object);
        int peer = m.receiver;
        if (peer < 0 && m.object >= 0 &&
            static_cast<std::size_t>(m.object) < trace.objects.size()) {
            const ObjectInfo& info = trace.objects[static_cast<std::size_t>(m.object)];
            peer = info.endA == m.sender ? info.endB : info.endA;
        }
        const qreal tx = mx >= 0 ? mx : processX(peer);
        const qreal width = std::max<qreal>(std::abs(tx - sx) - 16, 60);
        auto* label = addText(
            scene(), metrics.elidedText(QString::fromStdString(m.text), Qt::ElideRight, width), 14,
            false, m_theme.text);
        const qreal left = std::min(sx, tx) + 8;
        label->setPos(left, eventY(m.sentAt) - metrics.height() - 3);
        m_messageLabels.push_back(label);
    }
    // Times in the left gutter, where the time changes (a run at one tick shows one).
    m_timeLabels.assign(m_layout.rows(), nullptr);
    std::uint64_t last = 0;
    for (std::size_t r = 0; r < m_layout.rows(); ++r) {
        const std::uint64_t t = trace.events[m_layout.rowEvents[r]].time;
        if (r > 0 && t == last) {
            continue;
        }
        last = t;
        auto* label = addText(scene(), timeText(trace, t), 13, false, m_theme.mutedText);
        label->setPos(6, rowY(r) - label->boundingRect().height() / 2);
        m_timeLabels[r] = label;
    }
    m_cursor = scene()->addLine(QLineF(), QPen(m_theme.link, 2.5));
    m_cursor->setZValue(6);
    scene()->setSceneRect(0, 0, kGutter + m_layout.columns.size() * kColumnWidth + 10, bottom + 30);
    fitWidth();
    refresh();
}

void SequenceView::setCursor(std::size_t index, const SystemState&) {
    m_index = index;
    refresh();
}

void SequenceView::refresh() {
    if (!m_trace || m_cursor == nullptr) {
        return;
    }
    const Trace& trace = *m_trace;
    const std::size_t visible = visibleEvents(m_index, trace.events.size());
    const qreal cursor = cursorY();
    const qreal width = scene()->sceneRect().width();
    m_cursor->setLine(QLineF(0, cursor, width, cursor));

    for (std::size_t i = 0; i < m_arrows.size(); ++i) {
        const MessageFlow& m = m_layout.messages[i];
        const bool shown = m.sentAt < visible;
        m_arrows[i]->setVisible(shown);
        m_messageLabels[i]->setVisible(shown);
        if (!shown) {
            continue;
        }
        const qreal sx = processX(m.sender);
        const qreal ys = eventY(m.sentAt);
        const qreal mx = mailboxX(m.object);
        const bool received = m.receivedAt != kNever && m.receivedAt < visible;
        std::vector<QPointF> points{{sx, ys}};
        bool dashed = false;
        const bool rendezvous =
            mx >= 0 && trace.objects[static_cast<std::size_t>(m.object)].capacity == 0;
        if (rendezvous && received) {
            // Capacity 0: the message passes when sender and receiver meet, so the arrow
            // is level at the receive; the sender's blocked bar above it is its wait.
            const qreal yr = eventY(m.receivedAt);
            points = {{sx, yr}, {mx, yr}, {processX(m.receiver), yr}};
        } else if (mx >= 0) {
            points.emplace_back(mx, ys);
            dashed = rendezvous; // offered, not taken yet
            if (received) {
                points.emplace_back(processX(m.receiver), eventY(m.receivedAt));
            }
        } else if (received) {
            points.emplace_back(processX(m.receiver), eventY(m.receivedAt));
        } else {
            // On a link and not taken yet: a dashed leg towards the other end, "in transit".
            const ObjectInfo* info =
                m.object >= 0 && static_cast<std::size_t>(m.object) < trace.objects.size()
                    ? &trace.objects[static_cast<std::size_t>(m.object)]
                    : nullptr;
            const int peer =
                info == nullptr ? -1 : (info->endA == m.sender ? info->endB : info->endA);
            const qreal px = peer >= 0 ? processX(peer) : sx + kColumnWidth;
            points.emplace_back(sx + (px - sx) / 2, ys + kRowHeight / 2);
            dashed = true;
        }
        QGraphicsSimpleTextItem* label = m_messageLabels[i];
        label->setPos(std::min(points[0].x(), points[1].x()) + 8,
                      points[0].y() - label->boundingRect().height() - 3);
        m_arrows[i]->setPoints(std::move(points), dashed);
    }
    for (std::size_t i = 0; i < m_blocked.size(); ++i) {
        const BlockedSpan& span = m_layout.blocked[i];
        const bool shown = span.from < visible;
        m_blocked[i]->setVisible(shown);
        if (!shown) {
            continue;
        }
        const qreal top = eventY(span.from);
        const qreal end = span.to != kNever && span.to < visible
                              ? eventY(span.to)
                              : std::max(top + 6, std::min(cursor, rowY(m_layout.rows())));
        const qreal x = processX(span.proc);
        m_blocked[i]->setRect(QRectF(x - 6, top, 12, std::max<qreal>(end - top, 6)));
    }
    // A process's end is not shown before it happens (reveal as you go).
    for (const auto& [event, bar] : m_ends) {
        bar->setVisible(event < visible);
    }
    for (std::size_t r = 0; r < m_timeLabels.size(); ++r) {
        if (m_timeLabels[r] != nullptr) {
            m_timeLabels[r]->setVisible(m_layout.rowEvents[r] < visible);
        }
    }
    ensureVisible(QRectF(mapToScene(viewport()->rect().center()).x(), cursor - kRowHeight * 2, 1,
                         kRowHeight * 4),
                  0, 0);
}

qreal SequenceView::cursorY() const {
    return rowY(m_layout.rowAtOrAfter(m_index)) - kRowHeight / 2;
}

void SequenceView::fitWidth() {
    const QRectF rect = scene()->sceneRect();
    if (rect.isEmpty()) {
        return;
    }
    const qreal s = std::clamp(viewport()->width() / rect.width(), 0.45, 1.0);
    resetTransform();
    scale(s, s);
}

void SequenceView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    fitWidth();
}

void SequenceView::changeEvent(QEvent* event) {
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_trace) {
        m_theme = Theme::fromPalette(palette());
        rebuild();
    }
}

std::vector<SequenceView::ArrowInfo> SequenceView::arrows() const {
    std::vector<ArrowInfo> out;
    if (!m_trace) {
        return out;
    }
    const std::size_t visible = visibleEvents(m_index, m_trace->events.size());
    for (std::size_t i = 0; i < m_arrows.size(); ++i) {
        if (!m_arrows[i]->isVisible()) {
            continue;
        }
        const MessageFlow& m = m_layout.messages[i];
        ArrowInfo info;
        info.sender = m.sender;
        info.receiver = m.receivedAt != kNever && m.receivedAt < visible ? m.receiver : -1;
        info.object = m.object;
        info.throughMailbox = mailboxX(m.object) >= 0;
        info.from = m_arrows[i]->points().front();
        info.to = m_arrows[i]->points().back();
        info.text = QString::fromStdString(m.text);
        out.push_back(info);
    }
    return out;
}

std::vector<QRectF> SequenceView::blockedBars(int proc) const {
    std::vector<QRectF> out;
    for (std::size_t i = 0; i < m_blocked.size(); ++i) {
        if (m_layout.blocked[i].proc == proc && m_blocked[i]->isVisible()) {
            out.push_back(m_blocked[i]->rect());
        }
    }
    return out;
}

std::vector<QRectF> SequenceView::labelRects() const {
    std::vector<QRectF> out;
    const auto add = [&](const QGraphicsItem* item) {
        if (item != nullptr && item->isVisible()) {
            out.push_back(item->sceneBoundingRect());
        }
    };
    for (std::size_t i = 1; i < m_headers.size(); i += 2) {
        add(m_headers[i]);
    }
    for (const auto* label : m_messageLabels) {
        add(label);
    }
    for (const auto* label : m_timeLabels) {
        add(label);
    }
    return out;
}

} // namespace ipclab::ui
