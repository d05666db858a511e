#pragma once
// The trace as a table: one row per event (time, process, event, object, syscall,
// result, detail). Rows past the cursor are greyed out, or absent when revealing as you
// go; the row just applied is bold.

#include "trace.h"

#include <QAbstractTableModel>
#include <memory>

namespace ipclab::ui {

class EventLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Index, Time, Process, Kind, Object, Syscall, Result, Detail, ColumnCount };

    explicit EventLogModel(QObject* parent = nullptr);
    void setTrace(std::shared_ptr<const Trace> trace);
    /// Events applied so far; row position-1 is "the event just shown".
    void setPosition(std::size_t position);
    /// Reveal as you go: only the rows up to the cursor exist.
    void setRevealed(bool on);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString text(const Event& e, int column) const;
    std::shared_ptr<const Trace> m_trace;
    std::size_t m_position = 0;
    bool m_reveal = true;
};

} // namespace ipclab::ui
