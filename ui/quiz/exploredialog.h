#pragma once
// Run › Explore all interleavings: every schedule of the scenario on one CPU, run by the
// kernel's explorer; a chart of the distinct outcomes (the final balance of lost-updates,
// a deadlock) and how many schedules reach each; a click loads that outcome's witness.

#include "scenario.h"

#include <QDialog>
#include <memory>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace ipclab::ui {

class OutcomeChart;
class RunSession;

class ExploreDialog : public QDialog {
    Q_OBJECT
public:
    ExploreDialog(RunSession* session, QWidget* parent = nullptr);

    /// Explores the session's scenario with the observe expression in the box.
    void explore();
    /// Loads outcome `index`'s witness into the session.
    void loadWitness(int index);
    void setObserve(const QString& expression);

    OutcomeChart* chart() const { return m_chart; }
    QTreeWidget* outcomes() const { return m_list; }
    QLabel* summary() const { return m_summary; }

private:
    struct Row {
        QString label;
        double schedules = 0;
        bool deadlock = false;
        std::vector<int> witness;
    };

    RunSession* m_session;
    std::shared_ptr<const Scenario> m_scenario;
    QLineEdit* m_observe;
    QSpinBox* m_maxStates;
    QPushButton* m_run;
    QLabel* m_summary;
    OutcomeChart* m_chart;
    QTreeWidget* m_list;
    std::vector<Row> m_rows;
};

} // namespace ipclab::ui
