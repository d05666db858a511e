#pragma once
// The syscall charts: bars of system calls per operation and per process (stacked by
// operation) at the cursor, and the cumulative "syscalls vs items transferred" curves
// that make the lecture's point: flat for shared memory after set-up, one step per
// message for message passing. Axis ranges are fixed to the whole run so bars grow
// visibly instead of the axis rescaling under them.

#include "countsfold.h"
#include "traceview.h"

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <qcustomplot.h>
#include <vector>

namespace ipclab::ui {

class ReplotLimiter;

class SyscallChartView : public QCustomPlot, public TraceView {
    Q_OBJECT
public:
    explicit SyscallChartView(QWidget* parent = nullptr);
    ~SyscallChartView() override;

    void setRun(std::shared_ptr<const Scenario> scenario,
                std::shared_ptr<const Trace> trace) override;
    void setCursor(std::size_t index, const SystemState& state) override;
    /// Revealing as you go hides the faint whole-run curves ahead of the cursor.
    void setRevealAsYouGo(bool on) override;
    /// Is the whole run's curve of `m` drawn (not only its part up to the cursor)?
    bool fullCurveShown(Mechanism m) const;

    /// The operations shown as bars, in order.
    const std::vector<OpKind>& shownOps() const { return m_ops; }
    /// Height of the bar of `op` in the per-operation chart (-1 when not shown).
    double barValue(OpKind op) const;
    /// Height of `op`'s segment in process `proc`'s stacked bar (-1 when not shown).
    double processBarValue(int proc, OpKind op) const;
    /// The whole run's curve of `m` (its corners).
    const std::vector<CurvePoint>& curve(Mechanism m) const;
    /// The curve as drawn up to the cursor, as (items, syscalls) points.
    std::vector<QPointF> drawnCurve(Mechanism m) const;
    /// The marked point of `m` at the cursor.
    QPointF cursorPoint(Mechanism m) const;
    QString titleText() const;
    /// Does a pending (rate-limited) replot now (for benchmarks and screenshots).
    void flushReplot();
    /// The text beside the marked point of `m` ("43 calls / 20 items").
    QString cursorPointText(Mechanism m) const;
    QCPAxisRect* opRect() const { return m_opRect; }
    QCPAxisRect* processRect() const { return m_procRect; }
    QCPAxisRect* curveRect() const { return m_curveRect; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void clearSeries();
    void buildSeries();
    void restyle();

    std::shared_ptr<const Scenario> m_scenario;
    std::shared_ptr<const Trace> m_trace;
    std::vector<OpKind> m_ops;
    CumulativeCurves m_curves;
    /// The corners thinned to about a pixel (a 100k-event run has tens of thousands).
    std::array<std::vector<CurvePoint>, kMechanismCount> m_drawCorners;
    QCPTextElement* m_title = nullptr;
    QCPAxisRect* m_opRect = nullptr;
    QCPAxisRect* m_procRect = nullptr;
    QCPAxisRect* m_curveRect = nullptr;
    QCPLegend* m_curveLegend = nullptr;
    std::map<OpKind, QCPBars*> m_opBars;
    std::map<OpKind, QCPBars*> m_procBars;
    std::vector<QCPItemText*> m_opLabels;   ///< value above each op bar
    std::vector<QCPItemText*> m_procLabels; ///< total above each process bar
    std::array<QCPCurve*, kMechanismCount> m_fullCurves{};
    std::array<QCPCurve*, kMechanismCount> m_prefixCurves{};
    std::array<QCPCurve*, kMechanismCount> m_dots{};
    std::array<QCPItemText*, kMechanismCount> m_dotLabels{}; ///< "43 calls / 20 items"
    ReplotLimiter* m_replot = nullptr;
};

} // namespace ipclab::ui
