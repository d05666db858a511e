#pragma once
// The explorer's chart: one bar per distinct outcome of a scenario (a final balance, a
// deadlock), as tall as the number of schedules that reach it. Clicking a bar asks for
// that outcome's witness schedule.

#include <QString>
#include <qcustomplot.h>
#include <vector>

namespace ipclab::ui {

/// One bar.
struct OutcomeBar {
    QString label; ///< "balance 10", "deadlock"
    double schedules = 0;
    bool deadlock = false;
};

class OutcomeChart : public QCustomPlot {
    Q_OBJECT
public:
    explicit OutcomeChart(QWidget* parent = nullptr);

    void setOutcomes(const std::vector<OutcomeBar>& bars, const QString& title);
    int barCount() const { return m_count; }

signals:
    /// Bar `index` (in setOutcomes order) was clicked.
    void outcomeClicked(int index);

protected:
    void changeEvent(QEvent* event) override;

private:
    QCPTextElement* m_title;
    QCPBars* m_bars;
    QCPBars* m_deadlocks;
    int m_count = 0;
};

} // namespace ipclab::ui
