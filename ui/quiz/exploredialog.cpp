#include "exploredialog.h"

#include "explorer.h"
#include "outcomechart.h"
#include "question.h"
#include "runsession.h"
#include "schedule.h"

#include <QApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ipclab::ui {

namespace {

/// A lesson's first question about a value the explorer can observe: the race lesson
/// asks for the final balance, so the explorer shows every balance it can end with.
QString defaultObserve(const Scenario& scenario) {
    for (const Question& q : questionsOf(scenario)) {
        if (q.answer.rfind("segment(", 0) == 0 || q.answer.rfind("final(", 0) == 0) {
            return QString::fromStdString(q.answer);
        }
    }
    return {};
}

QString outcomeLabel(const ExploredOutcome& o) {
    if (o.outcome != Outcome::Completed) {
        return QString::fromUtf8(outcomeName(o.outcome).data());
    }
    QStringList values;
    for (const auto& v : o.observed) {
        values << (v ? QString::fromStdString(*v) : QStringLiteral("–"));
    }
    return values.isEmpty() ? QStringLiteral("completed") : values.join(QStringLiteral(", "));
}

} // namespace

ExploreDialog::ExploreDialog(RunSession* session, QWidget* parent)
    : QDialog(parent), m_session(session), m_scenario(session->scenarioPtr()),
      m_observe(new QLineEdit), m_maxStates(new QSpinBox), m_run(new QPushButton(tr("Explore"))),
      m_summary(new QLabel), m_chart(new OutcomeChart), m_list(new QTreeWidget) {
    setWindowTitle(tr("Explore all interleavings"));
    m_observe->setPlaceholderText(tr("segment(NAME, OFFSET) or final(PROCESS, VAR)"));
    m_maxStates->setRange(1000, 50'000'000);
    m_maxStates->setSingleStep(100'000);
    m_maxStates->setValue(5'000'000);
    m_maxStates->setGroupSeparatorShown(true);
    m_summary->setWordWrap(true);
    m_list->setHeaderLabels({tr("Outcome"), tr("Schedules"), tr("Witness")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(2, QHeaderView::Stretch);

    auto* form = new QFormLayout;
    form->addRow(tr("Observe"), m_observe);
    auto* limitRow = new QHBoxLayout;
    limitRow->addWidget(m_maxStates, 1);
    limitRow->addWidget(m_run);
    form->addRow(tr("At most states"), limitRow);
    auto* hint = new QLabel(tr("Every choice of which ready process runs next, at every "
                               "operation boundary, on one CPU; equal states are visited once. "
                               "Click an outcome to load one schedule that reaches it."));
    hint->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_chart, 3);
    layout->addWidget(m_list, 1);

    if (m_scenario) {
        m_observe->setText(defaultObserve(*m_scenario));
    }
    connect(m_run, &QPushButton::clicked, this, &ExploreDialog::explore);
    connect(m_observe, &QLineEdit::returnPressed, this, &ExploreDialog::explore);
    connect(m_chart, &OutcomeChart::outcomeClicked, this, &ExploreDialog::loadWitness);
    connect(m_list, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { loadWitness(m_list->indexOfTopLevelItem(item)); });
    resize(900, 640);
}

void ExploreDialog::setObserve(const QString& expression) {
    m_observe->setText(expression);
}

void ExploreDialog::explore() {
    if (!m_scenario) {
        m_summary->setText(tr("Open a scenario first."));
        return;
    }
    ExploreOptions options;
    for (const QString& e : m_observe->text().split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        options.observe.push_back(e.trimmed().toStdString());
    }
    options.maxStates = static_cast<std::uint64_t>(m_maxStates->value());
    std::string error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto result = ipclab::explore(*m_scenario, options, error);
    QApplication::restoreOverrideCursor();
    m_rows.clear();
    m_list->clear();
    if (!result) {
        m_summary->setText(tr("Cannot explore: %1").arg(QString::fromStdString(error)));
        m_chart->setOutcomes({}, tr("No outcomes"));
        return;
    }
    const QLocale locale;
    std::vector<OutcomeBar> bars;
    for (const ExploredOutcome& o : result->outcomes) {
        Row row{outcomeLabel(o), static_cast<double>(o.schedules), o.outcome == Outcome::Deadlock,
                o.witness.choices};
        bars.push_back({row.label, row.schedules, row.deadlock});
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(0, row.label);
        item->setText(1, locale.toString(static_cast<qulonglong>(o.schedules)));
        item->setText(2, QString::fromStdString(formatSchedule(o.witness, *m_scenario)));
        m_rows.push_back(std::move(row));
    }
    m_summary->setText(tr("%1 states visited, %2 schedules, %3 distinct outcomes — %4")
                           .arg(locale.toString(static_cast<qulonglong>(result->states)),
                                locale.toString(static_cast<qulonglong>(result->schedules)))
                           .arg(result->outcomes.size())
                           .arg(result->complete ? tr("the search is complete")
                                                 : tr("stopped at the limit: incomplete")));
    const QString observed = m_observe->text().trimmed();
    m_chart->setOutcomes(bars, observed.isEmpty()
                                   ? tr("How every interleaving ends")
                                   : tr("%1 at the end, over every interleaving").arg(observed));
}

void ExploreDialog::loadWitness(int index) {
    if (index < 0 || index >= static_cast<int>(m_rows.size()) || !m_scenario) {
        return;
    }
    Schedule schedule;
    schedule.choices = m_rows[static_cast<std::size_t>(index)].witness;
    Replay replay = replaySchedule(m_scenario, schedule);
    m_session->showTrace(m_scenario, std::make_shared<const Trace>(std::move(replay.trace)));
    m_list->setCurrentItem(m_list->topLevelItem(index));
}

} // namespace ipclab::ui
