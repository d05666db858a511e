#pragma once
// Simulated vs real, side by side: two bars per kernel call name (the simulator's
// prediction and what the real run made), with both runs' outcomes in the title.

#include "trace.h"

#include <QString>
#include <map>
#include <memory>
#include <qcustomplot.h>
#include <string>
#include <vector>

namespace ipclab::ui {

class ComparisonChartView : public QCustomPlot {
    Q_OBJECT
public:
    enum class Side { Simulated, Real };

    explicit ComparisonChartView(QWidget* parent = nullptr);

    /// Shows both runs; either may be null (its bars are then empty).
    void setRuns(std::shared_ptr<const Trace> simulated, std::shared_ptr<const Trace> real);

    /// Call names on the horizontal axis, in order.
    const std::vector<std::string>& names() const { return m_names; }
    /// Height of the bar of `name` for one side (-1 for a name not shown).
    double barValue(const std::string& name, Side side) const;
    /// Names whose two counts differ (the prediction missed).
    std::vector<std::string> mismatches() const;
    QString titleText() const;
    /// The text above the bars of `name` ("20 / 20"), empty for a name not shown.
    QString labelText(const std::string& name) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void restyle();

    std::shared_ptr<const Trace> m_sim;
    std::shared_ptr<const Trace> m_real;
    std::vector<std::string> m_names;
    std::map<std::string, std::int64_t> m_simCounts;
    std::map<std::string, std::int64_t> m_realCounts;
    QCPTextElement* m_title = nullptr;
    QCPTextElement* m_subtitle = nullptr; ///< who counted, what would leak
    QCPBars* m_simBars = nullptr;
    QCPBars* m_realBars = nullptr;
    QCPBarsGroup* m_group = nullptr;
    std::vector<QCPItemText*> m_labels; ///< "sim / real" above each pair of bars
};

} // namespace ipclab::ui
