#pragma once
// The message sequence chart, as SPIN draws it: one vertical life line per process and
// per mailbox, time downwards, an arrow per message from its send to its receive (through
// its mailbox where there is one), blocked stretches drawn on the life line. Rendezvous
// reads as flat arrows, asynchronous sends as arrows that slope down to a later receive.
// Follows the cursor, and with "reveal as you go" draws nothing past it.

#include "sequencelayout.h"
#include "theme.h"
#include "traceview.h"

#include <QGraphicsView>
#include <memory>
#include <vector>

class QGraphicsLineItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;

namespace ipclab::ui {

class MessageArrowItem;

class SequenceView : public QGraphicsView, public TraceView {
    Q_OBJECT
public:
    static constexpr qreal kColumnWidth = 170;
    static constexpr qreal kRowHeight = 38;
    static constexpr qreal kHeader = 70;
    static constexpr qreal kGutter = 70;

    explicit SequenceView(QWidget* parent = nullptr);
    ~SequenceView() override;

    void setRun(std::shared_ptr<const Scenario> scenario,
                std::shared_ptr<const Trace> trace) override;
    void setCursor(std::size_t index, const SystemState& state) override;
    void setRevealAsYouGo(bool on) override;

    // What the chart shows, for tests.
    struct ArrowInfo {
        int sender = -1;
        int receiver = -1; ///< -1 while the message is still queued (or not yet revealed)
        int object = -1;   ///< mailbox or link
        bool throughMailbox = false;
        QPointF from; ///< on the sender's life line
        QPointF to;   ///< on the receiver's life line (or the mailbox's, still queued)
        QString text;
    };
    /// The message arrows drawn now (hidden ones left out), in sending order.
    std::vector<ArrowInfo> arrows() const;
    /// The x of a process's / a mailbox's life line.
    qreal processX(int proc) const;
    qreal mailboxX(int object) const;
    /// Blocked stretches drawn now: process -> rectangles on its life line.
    std::vector<QRectF> blockedBars(int proc) const;
    /// Every text label drawn now, in scene coordinates (headers, message texts, times).
    std::vector<QRectF> labelRects() const;
    /// The cursor line's y.
    qreal cursorY() const;
    const SequenceLayout& layout() const { return m_layout; }

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void refresh();
    void fitWidth();
    qreal rowY(std::size_t row) const;
    qreal eventY(std::size_t event) const;
    qreal columnX(int column) const;

    std::shared_ptr<const Scenario> m_scenario;
    std::shared_ptr<const Trace> m_trace;
    SequenceLayout m_layout;
    Theme m_theme;
    std::size_t m_index = 0;
    std::vector<MessageArrowItem*> m_arrows;
    std::vector<QGraphicsSimpleTextItem*> m_messageLabels;
    std::vector<QGraphicsRectItem*> m_blocked;
    std::vector<QGraphicsSimpleTextItem*> m_timeLabels; ///< per row (null when no label)
    std::vector<QGraphicsItem*> m_headers;
    std::vector<QGraphicsLineItem*> m_lifelines;
    std::vector<std::pair<std::size_t, QGraphicsLineItem*>> m_ends; ///< (event, end bar)
    QGraphicsLineItem* m_cursor = nullptr;
};

} // namespace ipclab::ui
