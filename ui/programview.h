#pragma once
// The program view: every process's operations as written in the file (repeat bodies
// nested), with the operation each process is at highlighted in its state's colour.

#include "theme.h"
#include "traceview.h"

#include <QTreeWidget>
#include <map>

namespace ipclab::ui {

class ProgramView : public QTreeWidget, public TraceView {
    Q_OBJECT
public:
    explicit ProgramView(QWidget* parent = nullptr);

    void setRun(std::shared_ptr<const Scenario> scenario,
                std::shared_ptr<const Trace> trace) override;
    void setCursor(std::size_t index, const SystemState& state) override;

    /// The source line highlighted for `proc` (0: none) and its text.
    int highlightedLine(int proc) const;
    QString highlightedText(int proc) const;

private:
    void addOperations(QTreeWidgetItem* parent, const std::vector<Operation>& ops, int proc);

    std::shared_ptr<const Scenario> m_scenario;
    std::map<std::pair<int, int>, QTreeWidgetItem*> m_items; ///< (proc, line) -> row
    std::map<int, QTreeWidgetItem*> m_highlighted;           ///< proc -> row
    std::vector<QTreeWidgetItem*> m_processRows;
    Theme m_theme;
};

} // namespace ipclab::ui
