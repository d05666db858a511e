#include "comparisonchartview.h"

#include "countsfold.h"
#include "leftbehind.h"
#include "plotstyle.h"
#include "report.h"
#include "state.h"

#include <QEvent>
#include <algorithm>
#include <set>

namespace ipclab::ui {

namespace {
QString outcomeText(const std::shared_ptr<const Trace>& trace) {
    if (!trace) {
        return ComparisonChartView::tr("not run");
    }
    const std::string_view name = outcomeName(trace->outcome);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}
/// Which method counted the real run's calls, in plain words, and how to let the kernel
/// count when it could not.
QString countingLine(const Trace& real) {
    switch (real.countingMethod) {
    case CountingMethod::PerfEvent:
        return ComparisonChartView::tr("Real calls counted by the Linux kernel (perf events)");
    case CountingMethod::Simulated:
        return {};
    case CountingMethod::Self:
        break;
    }
    const QString self = ComparisonChartView::tr("Real calls counted by IPC Lab itself");
    switch (real.countingFallback) {
    case CountingFallback::NoTracefs:
        return ComparisonChartView::tr("%1: the kernel cannot count until tracefs is mounted\n"
                                       "(as root: %2)")
            .arg(self, QString::fromLatin1(kEnableKernelCounting));
    case CountingFallback::NotPermitted:
        return ComparisonChartView::tr("%1: the kernel's perf counters were refused").arg(self);
    default:
        return self;
    }
}

/// What the simulated run leaves behind (objects that would outlive their processes).
QString leftBehindLine(const Trace& trace) {
    SystemState end = initialState(trace);
    for (const Event& e : trace.events) {
        applyEvent(end, trace, e);
    }
    QStringList names;
    for (int i : leftBehind(trace, end).objects) {
        const ObjectInfo& o = trace.objects[static_cast<std::size_t>(i)];
        names << QString::fromUtf8(objectKindName(o.kind).data()) + QLatin1Char(' ') +
                     QString::fromStdString(o.name);
    }
    return names.isEmpty() ? QString()
                           : ComparisonChartView::tr("Left behind, would leak on Linux: %1")
                                 .arg(names.join(QStringLiteral(", ")));
}
} // namespace

ComparisonChartView::ComparisonChartView(QWidget* parent) : QCustomPlot(parent) {
    setMinimumSize(300, 180);
    m_title = new QCPTextElement(this, tr("Simulated vs real"));
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, m_title);
    // Who counted and what would leak: smaller, under the title.
    m_subtitle = new QCPTextElement(this, QString());
    plotLayout()->insertRow(1);
    plotLayout()->addElement(1, 0, m_subtitle);
    m_group = new QCPBarsGroup(this);
    m_group->setSpacing(2);
    m_simBars = new QCPBars(xAxis, yAxis);
    m_realBars = new QCPBars(xAxis, yAxis);
    m_simBars->setName(tr("simulated (prediction)"));
    m_realBars->setName(tr("real (measured)"));
    m_simBars->setBrush(QColor(0x00, 0x72, 0xB2));
    m_realBars->setBrush(QColor(0xE6, 0x9F, 0x00));
    for (QCPBars* bars : {m_simBars, m_realBars}) {
        bars->setWidth(0.38);
        bars->setPen(Qt::NoPen);
        bars->setBarsGroup(m_group);
    }
    xAxis->grid()->setVisible(false);
    xAxis->setSubTicks(false);
    xAxis->setTickLength(0, 4);
    xAxis->setLabel(tr("system call"));
    yAxis->setLabel(tr("calls"));
    legend->setVisible(true);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    restyle();
}

void ComparisonChartView::setRuns(std::shared_ptr<const Trace> simulated,
                                  std::shared_ptr<const Trace> real) {
    m_sim = std::move(simulated);
    m_real = std::move(real);
    m_simCounts = m_sim ? syscallsByName(*m_sim) : std::map<std::string, std::int64_t>{};
    m_realCounts = m_real ? syscallsByName(*m_real) : std::map<std::string, std::int64_t>{};
    std::set<std::string> names;
    for (const auto& [name, n] : m_simCounts) {
        names.insert(name);
    }
    for (const auto& [name, n] : m_realCounts) {
        names.insert(name);
    }
    m_names.assign(names.begin(), names.end());

    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    QVector<double> keys;
    QVector<double> simValues;
    QVector<double> realValues;
    double top = 1;
    for (std::size_t i = 0; i < m_names.size(); ++i) {
        const auto key = static_cast<double>(i);
        ticker->addTick(key, QString::fromStdString(m_names[i]));
        keys.push_back(key);
        const auto s = m_simCounts.find(m_names[i]);
        const auto r = m_realCounts.find(m_names[i]);
        simValues.push_back(s == m_simCounts.end() ? 0.0 : static_cast<double>(s->second));
        realValues.push_back(r == m_realCounts.end() ? 0.0 : static_cast<double>(r->second));
        top = std::max({top, simValues.back(), realValues.back()});
    }
    // A side that did not run has no bars at all (not bars of height 0).
    m_simBars->setData(m_sim ? keys : QVector<double>(), m_sim ? simValues : QVector<double>(),
                       true);
    m_realBars->setData(m_real ? keys : QVector<double>(), m_real ? realValues : QVector<double>(),
                        true);
    for (QCPItemText* label : m_labels) {
        removeItem(label);
    }
    m_labels.clear();
    const QColor text = palette().color(QPalette::WindowText);
    for (std::size_t i = 0; i < m_names.size(); ++i) {
        // "sim / real" above each pair; a missed prediction stands out in vermillion.
        const double s = simValues[static_cast<int>(i)];
        const double r = realValues[static_cast<int>(i)];
        auto* label = new QCPItemText(this);
        label->position->setCoords(static_cast<double>(i), std::max(s, r));
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->setPadding(QMargins(2, 0, 2, 3));
        label->setText(m_sim && m_real ? QStringLiteral("%1 / %2").arg(s).arg(r)
                                       : QString::number(m_sim ? s : r));
        QFont font;
        font.setPointSize(plotPt(kTickFontPt - 1));
        font.setBold(true);
        label->setFont(font);
        label->setColor(m_sim && m_real && s != r ? QColor(0xD5, 0x5E, 0x00) : text);
        m_labels.push_back(label);
    }
    xAxis->setTicker(ticker);
    xAxis->setTickLabelRotation(m_names.size() > 4 ? -30 : 0);
    xAxis->setRange(-0.6, std::max<double>(1, m_names.size()) - 0.4);
    yAxis->setRange(0, top * 1.25);

    const QString scenario = QString::fromStdString(
        m_sim ? m_sim->scenarioTitle : (m_real ? m_real->scenarioTitle : std::string()));
    QString heading = tr("Simulated: %1 · Real: %2").arg(outcomeText(m_sim), outcomeText(m_real));
    QStringList details;
    if (m_real && m_real->engine == Engine::Real) {
        details << countingLine(*m_real);
    }
    if (const QString left = m_sim ? leftBehindLine(*m_sim) : QString(); !left.isEmpty()) {
        details << left;
    }
    m_title->setText(scenario.isEmpty() ? heading : scenario + QLatin1Char('\n') + heading);
    m_subtitle->setText(details.join(QLatin1Char('\n')));
    replot(rpQueuedReplot);
}

double ComparisonChartView::barValue(const std::string& name, Side side) const {
    const auto it = std::find(m_names.begin(), m_names.end(), name);
    QCPBars* bars = side == Side::Simulated ? m_simBars : m_realBars;
    const auto index = static_cast<int>(it - m_names.begin());
    if (it == m_names.end() || index >= bars->data()->size()) {
        return -1;
    }
    return bars->data()->at(index)->value;
}

std::vector<std::string> ComparisonChartView::mismatches() const {
    std::vector<std::string> out;
    for (const std::string& name : m_names) {
        if (barValue(name, Side::Simulated) != barValue(name, Side::Real)) {
            out.push_back(name);
        }
    }
    return out;
}

QString ComparisonChartView::labelText(const std::string& name) const {
    const auto it = std::find(m_names.begin(), m_names.end(), name);
    if (it == m_names.end()) {
        return {};
    }
    return m_labels[static_cast<std::size_t>(it - m_names.begin())]->text();
}

QString ComparisonChartView::titleText() const {
    const QString details = m_subtitle->text();
    return details.isEmpty() ? m_title->text() : m_title->text() + QLatin1Char('\n') + details;
}

void ComparisonChartView::changeEvent(QEvent* event) {
    QCustomPlot::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        restyle();
        replot(rpQueuedReplot);
    }
}

void ComparisonChartView::restyle() {
    applyPlotStyle(this, palette());
    QFont details = m_subtitle->font();
    details.setBold(false);
    details.setPointSize(plotPt(kTickFontPt - 2));
    m_subtitle->setFont(details);
}

} // namespace ipclab::ui
