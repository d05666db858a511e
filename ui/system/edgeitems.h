#pragma once
// Lines of the system view, after Qt's elasticnodes Edge: endpoints are recomputed in
// adjust() (with prepareGeometryChange), the arrowhead is drawn in paint().

#include "theme.h"

#include <QGraphicsItem>

namespace ipclab::ui {

class ProcessItem;

/// A direct link between two processes: appears on connect, vanishes on shut-down.
class LinkItem : public QGraphicsItem {
public:
    LinkItem(int object, ProcessItem* a, ProcessItem* b);
    int object() const { return m_object; }
    ProcessItem* endA() const { return m_a; }
    ProcessItem* endB() const { return m_b; }
    void adjust();
    void setQueued(int count, const Theme& theme);
    int queued() const { return m_queued; }
    QPointF midpoint() const;
    /// Shut down but still holding messages: drawn dashed and faded until they are read.
    void setShut(bool shut);
    bool shut() const { return m_shut; }
    /// Where the "N queued" badge is (scene coordinates; empty when nothing is queued).
    QRectF badgeSceneRect() const;
    QRectF boundingRect() const override;
    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

private:
    QRectF badgeRect() const;
    int m_object;
    bool m_shut = false;
    ProcessItem* m_a;
    ProcessItem* m_b;
    QPointF m_from;
    QPointF m_to;
    int m_queued = 0;
    Theme m_theme;
};

/// A straight arrow between two scene points: "waits for", a mapping, a deadlock edge.
class ArrowItem : public QGraphicsItem {
public:
    struct Style {
        QColor color;
        qreal width = 3;
        bool dashed = false;
        bool head = true;
    };
    ArrowItem();
    void setEnds(QPointF from, QPointF to);
    void setStyle(const Style& style);
    /// Words on the arrow ("waits for", "shmat refused"), at fraction `at` of the way.
    void setLabel(const QString& label, qreal at = 0.5);
    QString label() const { return m_label; }
    QPointF from() const { return m_from; }
    QPointF to() const { return m_to; }
    /// The label's rectangle in scene coordinates (empty without a label).
    QRectF labelSceneRect() const;
    QRectF boundingRect() const override;
    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

private:
    QRectF labelRect() const;
    QPointF m_from;
    QPointF m_to;
    Style m_style;
    QString m_label;
    qreal m_labelAt = 0.5;
};

/// A message on its way: a small labelled token moved by the view's animation clock.
class TokenItem : public QGraphicsItem {
public:
    TokenItem();
    void setText(const QString& text, const Theme& theme);
    QString text() const { return m_text; }
    QRectF boundingRect() const override;
    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

private:
    QString m_text;
    Theme m_theme;
};

} // namespace ipclab::ui
