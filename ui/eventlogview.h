#pragma once
// The event log: the trace as a filterable table; selecting a row moves the cursor to
// just after that event.

#include "traceview.h"

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace ipclab::ui {

class EventLogModel;

class EventLogView : public QWidget, public TraceView {
    Q_OBJECT
public:
    explicit EventLogView(QWidget* parent = nullptr);

    void setRun(std::shared_ptr<const Scenario> scenario,
                std::shared_ptr<const Trace> trace) override;
    void setCursor(std::size_t index, const SystemState& state) override;
    void setRevealAsYouGo(bool on) override;

    void setFilter(const QString& text);
    /// Rows shown (after the filter) and one cell's text, for tests.
    int visibleRows() const;
    QString cell(int visibleRow, int column) const;
    /// The trace index of the selected row, or -1.
    int currentEvent() const;
    /// Select the visible row as a user would (moves the cursor).
    void selectVisibleRow(int row);
    QTableView* table() const { return m_table; }

signals:
    /// The user selected event `event` (0-based): show the state just after it.
    void positionRequested(std::size_t position);

private:
    void onCurrentChanged();

    EventLogModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QLineEdit* m_filter;
    bool m_following = false; ///< set while the cursor (not the user) moves the selection
};

} // namespace ipclab::ui
