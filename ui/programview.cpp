#include "programview.h"

#include "opformat.h"

#include <QHeaderView>

namespace ipclab::ui {

ProgramView::ProgramView(QWidget* parent) : QTreeWidget(parent) {
    setColumnCount(2);
    setHeaderLabels({tr("Operation"), tr("Line")});
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    mono.setPointSizeF(font().pointSizeF());
    setFont(mono);
}

void ProgramView::addOperations(QTreeWidgetItem* parent, const std::vector<Operation>& ops,
                                int proc) {
    for (const Operation& op : ops) {
        auto* row = new QTreeWidgetItem(parent, {opSummary(op), QString::number(op.pos.line)});
        row->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        m_items.emplace(std::make_pair(proc, op.pos.line), row);
        addOperations(row, op.body, proc);
        addOperations(row, op.elseBody, proc);
    }
}

void ProgramView::setRun(std::shared_ptr<const Scenario> scenario, std::shared_ptr<const Trace>) {
    m_scenario = std::move(scenario);
    clear();
    m_items.clear();
    m_highlighted.clear();
    m_processRows.clear();
    m_theme = Theme::fromPalette(palette());
    if (!m_scenario) {
        return;
    }
    for (std::size_t p = 0; p < m_scenario->processes.size(); ++p) {
        const ProcessSpec& spec = m_scenario->processes[p];
        auto* top = new QTreeWidgetItem(
            this, {QString::fromStdString(spec.name), QString::number(spec.pos.line)});
        QFont bold = font();
        bold.setBold(true);
        top->setFont(0, bold);
        m_processRows.push_back(top);
        addOperations(top, spec.program, static_cast<int>(p));
    }
    expandAll();
}

void ProgramView::setCursor(std::size_t, const SystemState& state) {
    for (auto& [proc, row] : m_highlighted) {
        row->setBackground(0, QBrush());
        row->setBackground(1, QBrush());
        row->setForeground(0, QBrush());
    }
    m_highlighted.clear();
    QTreeWidgetItem* focus = nullptr;
    for (std::size_t p = 0; p < state.processes.size() && p < m_processRows.size(); ++p) {
        const ProcessStatus& status = state.processes[p];
        const QString header = QStringLiteral("%1  —  %2")
                                   .arg(QString::fromStdString(m_scenario->processes[p].name),
                                        stateName(status.state).data());
        m_processRows[p]->setText(0, header);
        if (status.state == ProcState::Terminated || status.state == ProcState::New) {
            continue;
        }
        auto it = m_items.find({static_cast<int>(p), status.line});
        if (it == m_items.end()) {
            continue;
        }
        QTreeWidgetItem* row = it->second;
        const QColor colour = m_theme.stateColor(status.state);
        row->setBackground(0, colour);
        row->setBackground(1, colour);
        row->setForeground(0, QColor(20, 20, 25));
        m_highlighted[static_cast<int>(p)] = row;
        if (status.state == ProcState::Running && focus == nullptr) {
            focus = row;
        }
    }
    if (focus != nullptr) {
        scrollToItem(focus);
    }
}

int ProgramView::highlightedLine(int proc) const {
    auto it = m_highlighted.find(proc);
    return it == m_highlighted.end() ? 0 : it->second->text(1).toInt();
}

QString ProgramView::highlightedText(int proc) const {
    auto it = m_highlighted.find(proc);
    return it == m_highlighted.end() ? QString() : it->second->text(0);
}

} // namespace ipclab::ui
