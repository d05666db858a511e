#pragma once
// A process of the system view: a card with its name, its state (colour and words), the
// operation it is at, its variables, and its address space with every shared segment it
// attached drawn as a mapped region (the lecture's second figure).

#include "theme.h"

#include <QGraphicsItem>
#include <vector>

namespace ipclab::ui {

struct MappedRegion {
    int object = -1;
    QString name;
    QColor color;
};

struct ProcessLook {
    QString name;
    QString stateText;
    QString opText;
    QString variables;
    ProcState state = ProcState::New;
    bool selectable = false; ///< manual scheduling: the user may pick it
    bool deadlocked = false;
    std::vector<MappedRegion> mapped;
    QString uid;  ///< "uid 1000" where users matter (segments' modes), else empty
    QString cost; ///< what the current step cost this process: "mq_timedsend +1", "write: +0"
    bool costFree = false;    ///< a shared-memory access: no system call
    bool costRefused = false; ///< the call failed (e.g. shmat: permission denied)
};

class ProcessItem : public QGraphicsItem {
public:
    static constexpr qreal kWidth = 300;
    static constexpr qreal kHeight = 190;

    explicit ProcessItem(int index);
    int index() const { return m_index; }
    const ProcessLook& look() const { return m_look; }
    void setLook(ProcessLook look, const Theme& theme);

    /// Scene point where the mapped region of segment `object` sits (for mapping lines).
    QPointF regionAnchor(int object) const;
    /// The point on the card's border in the direction of `target` (edges end there).
    QPointF borderPoint(QPointF target) const;

    /// Where the cost badge is drawn (scene coordinates; empty when there is none).
    QRectF costSceneRect() const;
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QRectF card() const;
    QRectF addressSpace() const;
    QRectF regionRect(std::size_t i) const;
    QRectF costRect() const;

    int m_index;
    ProcessLook m_look;
    Theme m_theme;
};

} // namespace ipclab::ui
