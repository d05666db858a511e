#pragma once
// One message of the sequence chart: a polyline from the sender's life line (through its
// mailbox's life line, if any) to the receiver's, with an arrowhead at each leg's end.

#include <QColor>
#include <QGraphicsItem>
#include <vector>

namespace ipclab::ui {

class MessageArrowItem : public QGraphicsItem {
public:
    MessageArrowItem(int message, QColor color);
    int message() const { return m_message; }
    /// The legs drawn, in order (sender -> mailbox -> receiver, or sender -> receiver).
    void setPoints(std::vector<QPointF> points, bool dashedLast);
    const std::vector<QPointF>& points() const { return m_points; }
    QRectF boundingRect() const override;
    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

private:
    int m_message;
    QColor m_color;
    std::vector<QPointF> m_points;
    bool m_dashedLast = false;
};

} // namespace ipclab::ui
