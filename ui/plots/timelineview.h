#pragma once
// The timeline: a Gantt chart with one lane per process coloured by its state over time,
// one lane per CPU showing who ran, markers for system calls, messages and shared-memory
// accesses, and the cursor as a vertical line. A click moves the cursor.

#include "lanemodel.h"
#include "traceview.h"

#include <array>
#include <cstddef>
#include <memory>
#include <qcustomplot.h>
#include <vector>

namespace ipclab::ui {

class GanttPlottable;
class ReplotLimiter;

class TimelineView : public QCustomPlot, public TraceView {
    Q_OBJECT
public:
    explicit TimelineView(QWidget* parent = nullptr);
    ~TimelineView() override;

    void setRun(std::shared_ptr<const Scenario> scenario,
                std::shared_ptr<const Trace> trace) override;
    void setCursor(std::size_t index, const SystemState& state) override;
    /// Revealing as you go draws a curtain over everything right of the cursor.
    void setRevealAsYouGo(bool on) override;
    /// The time from which the chart is hidden (+inf when nothing is).
    double revealedUntil() const;

    /// The stretches of process `proc`'s lane (empty for an unknown process).
    std::vector<StateInterval> laneIntervals(int proc) const;
    /// Who ran on `cpu` when.
    std::vector<CpuInterval> cpuIntervals(int cpu) const;
    int processLaneCount() const { return static_cast<int>(m_model.processLanes.size()); }
    int cpuLaneCount() const { return static_cast<int>(m_model.cpuLanes.size()); }
    /// Markers of one kind drawn on the chart.
    int markerCount(MarkerKind kind) const;
    /// The time at which the cursor line stands.
    double cursorLineTime() const;
    std::size_t cursorIndex() const { return m_cursor; }
    /// The value (vertical position) of process `proc`'s lane / cpu `cpu`'s lane.
    double processLaneValue(int proc) const { return proc; }
    double cpuLaneValue(int cpu) const;
    /// The cursor a click at `time` asks for (see cursorForTime).
    std::size_t cursorForClick(double time) const;
    /// Does a pending (rate-limited) replot now (for benchmarks and screenshots).
    void flushReplot();

signals:
    /// The user clicked the chart at a time; `eventIndex` is the cursor to move to.
    void cursorRequested(std::size_t eventIndex);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuildSeries();
    void elideTitle();
    void rebuildAxes();
    void restyle();
    void onMousePress(QMouseEvent* event);
    void onMouseRelease(QMouseEvent* event);
    /// Pans the time axis to show `time`; true when it had to.
    bool followCursor(double time);
    void placeCurtain();

    std::shared_ptr<const Scenario> m_scenario;
    std::shared_ptr<const Trace> m_trace;
    LaneModel m_model;
    std::size_t m_cursor = 0;
    QCPTextElement* m_title = nullptr;
    QString m_fullTitle; ///< the title before eliding it to the widget's width
    std::array<GanttPlottable*, 4> m_stateSeries{}; ///< ready, running, blocked, terminated
    std::vector<GanttPlottable*> m_cpuSeries;       ///< one per process that ever ran
    std::array<QCPGraph*, kMarkerKindCount> m_markerGraphs{};
    QCPItemStraightLine* m_cursorLine = nullptr;
    QCPItemText* m_cursorLabel = nullptr;
    QCPItemRect* m_curtain = nullptr; ///< hides the future when revealing as you go
    ReplotLimiter* m_replot = nullptr;
    QPoint m_pressPos;
};

} // namespace ipclab::ui
