#pragma once
// The kernel's IPC objects in the system view: mailboxes (one slot per unit of capacity;
// rendezvous and unbounded drawn distinctly), shared segments (their cells, with the
// ones just read or written highlighted) and semaphores (their value).

#include "theme.h"

#include <QGraphicsItem>
#include <QStringList>
#include <cstdint>
#include <map>
#include <set>

namespace ipclab::ui {

/// Base of the object boxes: a fixed-size card centred on its position.
class ObjectItem : public QGraphicsItem {
public:
    explicit ObjectItem(int object) : m_object(object) { setZValue(1); }
    int object() const { return m_object; }
    virtual QSizeF size() const = 0;
    QRectF boundingRect() const override;
    /// The point on the box's border towards `target`.
    QPointF borderPoint(QPointF target) const;
    void setTheme(const Theme& theme) { m_theme = theme; }
    /// A deleted object is drawn faded, so the place where it was stays readable.
    void setAlive(bool alive);

protected:
    QRectF box() const;
    Theme m_theme;
    bool m_alive = true;

private:
    int m_object;
};

class MailboxItem : public ObjectItem {
public:
    static constexpr int kMaxDrawnSlots = 16;
    MailboxItem(int object, QString name, std::int64_t capacity);
    QSizeF size() const override;
    void setMessages(QStringList messages);
    const QStringList& messages() const { return m_messages; }
    std::int64_t capacity() const { return m_capacity; }
    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;
    /// Centre of slot `i` in scene coordinates (message tokens fly there).
    QPointF slotCentre(int i) const;

private:
    int drawnSlots() const;
    QRectF slotRect(int i) const;
    QString m_name;
    std::int64_t m_capacity;
    QStringList m_messages;
};

class SegmentItem : public ObjectItem {
public:
    static constexpr int kMaxRows = 8;
    SegmentItem(int object, QString title, QColor color);
    QSizeF size() const override;
    /// Rows to make room for: the most cells the segment ever holds (so its box keeps
    /// its size, and its place in the layout, as cells are written).
    void reserveRows(int rows);
    /// Cells (offset -> value), which offsets were written / read in the last few events,
    /// and the ones written by the current step (drawn the strongest).
    void setCells(std::map<std::int64_t, QString> cells, std::set<std::int64_t> written,
                  std::set<std::int64_t> read, bool marked, std::set<std::int64_t> writtenNow = {});
    const std::set<std::int64_t>& writtenNow() const { return m_now; }
    const std::map<std::int64_t, QString>& cells() const { return m_cells; }
    const std::set<std::int64_t>& writtenOffsets() const { return m_written; }
    const std::set<std::int64_t>& readOffsets() const { return m_read; }
    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

private:
    QString m_title;
    QColor m_color;
    std::map<std::int64_t, QString> m_cells;
    std::set<std::int64_t> m_written;
    std::set<std::int64_t> m_read;
    std::set<std::int64_t> m_now;
    int m_reserved = 1;
    bool m_marked = false;
};

class SemaphoreItem : public ObjectItem {
public:
    SemaphoreItem(int object, QString name);
    QSizeF size() const override;
    void setValue(std::int64_t value);
    std::int64_t value() const { return m_value; }
    /// Who holds a unit (took one with sem_wait and has not posted), as names.
    void setHolders(QStringList holders);
    const QStringList& holders() const { return m_holders; }
    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

private:
    QString m_name;
    std::int64_t m_value = 0;
    QStringList m_holders;
};

} // namespace ipclab::ui
