#include "syscallchartview.h"

#include "plotstyle.h"
#include "replotlimiter.h"

#include <QEvent>
#include <algorithm>
#include <set>

namespace ipclab::ui {

namespace {

QCPAxis* bottom(QCPAxisRect* rect) {
    return rect->axis(QCPAxis::atBottom);
}
QCPAxis* left(QCPAxisRect* rect) {
    return rect->axis(QCPAxis::atLeft);
}

QString mechanismLabel(Mechanism m) {
    return m == Mechanism::MessagePassing
               ? SyscallChartView::tr("message passing (item = message received)")
               : SyscallChartView::tr("shared memory + semaphores (item = value read)");
}

QColor mechanismColor(Mechanism m) {
    return m == Mechanism::MessagePassing ? QColor(0xD5, 0x5E, 0x00) : QColor(0x00, 0x72, 0xB2);
}

QCPItemText* valueLabel(QCustomPlot* plot, QCPAxisRect* rect) {
    auto* label = new QCPItemText(plot);
    label->setClipAxisRect(rect);
    label->setClipToAxisRect(false);
    label->position->setAxes(bottom(rect), left(rect));
    label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
    label->setPadding(QMargins(2, 0, 2, 2));
    label->setSelectable(false);
    return label;
}

QSharedPointer<QCPAxisTickerText> textTicker(const QStringList& names) {
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < names.size(); ++i) {
        ticker->addTick(i, names[i]);
    }
    return ticker;
}

} // namespace

SyscallChartView::SyscallChartView(QWidget* parent) : QCustomPlot(parent) {
    setMinimumSize(300, 180);
    setAutoAddPlottableToLegend(false);
    plotLayout()->clear();
    m_title = new QCPTextElement(this, tr("System calls"));
    plotLayout()->addElement(0, 0, m_title);
    auto* top = new QCPLayoutGrid;
    plotLayout()->addElement(1, 0, top);
    m_opRect = new QCPAxisRect(this);
    m_procRect = new QCPAxisRect(this);
    top->addElement(0, 0, m_opRect);
    top->addElement(0, 1, m_procRect);
    m_curveRect = new QCPAxisRect(this);
    plotLayout()->addElement(2, 0, m_curveRect);
    plotLayout()->setRowStretchFactor(0, 0.01);

    left(m_opRect)->setLabel(tr("system calls"));
    bottom(m_opRect)->setLabel(tr("by operation"));
    left(m_procRect)->setLabel(tr("system calls"));
    bottom(m_procRect)->setLabel(tr("by process"));
    bottom(m_curveRect)->setLabel(tr("items transferred"));
    left(m_curveRect)->setLabel(tr("calls so far"));
    for (QCPAxisRect* rect : {m_opRect, m_procRect}) {
        bottom(rect)->grid()->setVisible(false);
        bottom(rect)->setSubTicks(false);
        bottom(rect)->setTickLength(0, 4);
    }
    // Counts are whole numbers: ticks at 1, 2, 5, 10, ... never at 2.5.
    for (QCPAxis* axis :
         {left(m_opRect), left(m_procRect), left(m_curveRect), bottom(m_curveRect)}) {
        auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
        ticker->setTickStep(1.0);
        ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
        ticker->setTickCount(6);
        axis->setTicker(ticker);
        axis->setSubTicks(false);
    }

    m_curveLegend = new QCPLegend;
    m_curveRect->insetLayout()->addElement(m_curveLegend, Qt::AlignTop | Qt::AlignLeft);
    m_curveLegend->setLayer(QStringLiteral("legend"));
    for (int k = 0; k < kMechanismCount; ++k) {
        const auto m = static_cast<Mechanism>(k);
        const QColor color = mechanismColor(m);
        QColor faint = color;
        faint.setAlpha(120);
        auto* full = new QCPCurve(bottom(m_curveRect), left(m_curveRect));
        full->setPen(QPen(faint, 3, Qt::DashLine));
        auto* prefix = new QCPCurve(bottom(m_curveRect), left(m_curveRect));
        prefix->setPen(QPen(color, 4));
        prefix->setName(mechanismLabel(m));
        auto* dot = new QCPCurve(bottom(m_curveRect), left(m_curveRect));
        dot->setLineStyle(QCPCurve::lsNone);
        dot->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, 14));
        m_fullCurves[static_cast<std::size_t>(k)] = full;
        m_prefixCurves[static_cast<std::size_t>(k)] = prefix;
        m_dots[static_cast<std::size_t>(k)] = dot;
        auto* label = valueLabel(this, m_curveRect);
        label->setClipToAxisRect(true);
        label->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        label->setPadding(QMargins(4, 2, 10, 8));
        m_dotLabels[static_cast<std::size_t>(k)] = label;
    }
    // Everything that follows the cursor is on one buffered layer: a cursor move redraws it
    // alone, not the whole-run curves behind it.
    addLayer(QStringLiteral("cursor"), layer(QStringLiteral("main")), limAbove);
    QCPLayer* cursorLayer = layer(QStringLiteral("cursor"));
    cursorLayer->setMode(QCPLayer::lmBuffered);
    m_title->setLayer(cursorLayer);
    for (int k = 0; k < kMechanismCount; ++k) {
        m_prefixCurves[static_cast<std::size_t>(k)]->setLayer(cursorLayer);
        m_dots[static_cast<std::size_t>(k)]->setLayer(cursorLayer);
        m_dotLabels[static_cast<std::size_t>(k)]->setLayer(cursorLayer);
    }
    m_replot = new ReplotLimiter(this, cursorLayer);
    restyle();
}

SyscallChartView::~SyscallChartView() = default;

void SyscallChartView::clearSeries() {
    for (auto& [op, bars] : m_opBars) {
        removePlottable(bars);
    }
    for (auto& [op, bars] : m_procBars) {
        removePlottable(bars);
    }
    m_opBars.clear();
    m_procBars.clear();
    for (QCPItemText* label : m_opLabels) {
        removeItem(label);
    }
    for (QCPItemText* label : m_procLabels) {
        removeItem(label);
    }
    m_opLabels.clear();
    m_procLabels.clear();
}

void SyscallChartView::setRun(std::shared_ptr<const Scenario> scenario,
                              std::shared_ptr<const Trace> trace) {
    m_scenario = std::move(scenario);
    m_trace = std::move(trace);
    clearSeries();
    m_ops.clear();
    m_curves = CumulativeCurves{};
    if (!m_trace) {
        m_replot->request();
        return;
    }
    buildSeries();
    restyle();
    setCursor(0, SystemState{});
    m_replot->request();
}

void SyscallChartView::buildSeries() {
    const Trace& trace = *m_trace;
    const SyscallCounts final = countSyscalls(trace, trace.events.size());
    // Operations the scenario uses (so read/write show their 0) plus any the trace shows.
    std::set<OpKind> ops;
    if (m_scenario) {
        for (OpKind op : ipcOpsOf(*m_scenario)) {
            ops.insert(op);
        }
    }
    for (const auto& perProc : final) {
        for (const auto& [op, names] : perProc) {
            ops.insert(op);
        }
    }
    m_ops.assign(ops.begin(), ops.end());

    std::map<OpKind, std::int64_t> opTotals;
    std::vector<std::int64_t> procTotals(final.size(), 0);
    for (std::size_t p = 0; p < final.size(); ++p) {
        for (const auto& [op, names] : final[p]) {
            for (const auto& [name, n] : names) {
                opTotals[op] += n;
                procTotals[p] += n;
            }
        }
    }

    QStringList opNames;
    QCPBars* below = nullptr;
    for (std::size_t i = 0; i < m_ops.size(); ++i) {
        const OpKind op = m_ops[i];
        opNames << QString::fromUtf8(opName(op).data(), static_cast<int>(opName(op).size()));
        auto* bars = new QCPBars(bottom(m_opRect), left(m_opRect));
        bars->setWidth(0.7);
        bars->setBrush(opColor(op));
        bars->setPen(Qt::NoPen);
        bars->setLayer(QStringLiteral("cursor"));
        m_opBars[op] = bars;
        auto* stack = new QCPBars(bottom(m_procRect), left(m_procRect));
        stack->setWidth(0.6);
        stack->setBrush(opColor(op));
        stack->setPen(QPen(palette().color(QPalette::Base), 1));
        if (below) {
            stack->moveAbove(below);
        }
        below = stack;
        stack->setLayer(QStringLiteral("cursor"));
        m_procBars[op] = stack;
        m_opLabels.push_back(valueLabel(this, m_opRect));
        m_opLabels.back()->setLayer(QStringLiteral("cursor"));
    }
    QStringList procNames;
    for (std::size_t p = 0; p < final.size(); ++p) {
        procNames << QString::fromStdString(trace.processNames[p]);
        m_procLabels.push_back(valueLabel(this, m_procRect));
        m_procLabels.back()->setLayer(QStringLiteral("cursor"));
    }
    bottom(m_opRect)->setTicker(textTicker(opNames));
    bottom(m_opRect)->setTickLabelRotation(opNames.size() > 3 ? -30 : 0);
    bottom(m_opRect)->setRange(-0.6, std::max<double>(1, m_ops.size()) - 0.4);
    bottom(m_procRect)->setTicker(textTicker(procNames));
    bottom(m_procRect)->setTickLabelRotation(procNames.size() > 3 ? -30 : 0);
    bottom(m_procRect)->setRange(-0.6, std::max<double>(1, final.size()) - 0.4);
    std::int64_t maxOp = 0;
    for (const auto& [op, n] : opTotals) {
        maxOp = std::max(maxOp, n);
    }
    const std::int64_t maxProc =
        procTotals.empty() ? 0 : *std::max_element(procTotals.begin(), procTotals.end());
    // Room above the tallest bar for its value label.
    left(m_opRect)->setRange(0, std::max<double>(1, maxOp) * 1.2);
    left(m_procRect)->setRange(0, std::max<double>(1, maxProc) * 1.2);

    m_curves = buildCumulativeCurves(trace);
    double maxItems = 1;
    double maxSyscalls = 1;
    for (int k = 0; k < kMechanismCount; ++k) {
        const auto& corners = m_curves.corners[static_cast<std::size_t>(k)];
        QVector<double> keys;
        QVector<double> values;
        for (const CurvePoint& p : corners) {
            keys.push_back(p.items);
            values.push_back(p.syscalls);
            maxItems = std::max(maxItems, p.items);
            maxSyscalls = std::max(maxSyscalls, p.syscalls);
        }
        m_fullCurves[static_cast<std::size_t>(k)]->setData(keys, values);
        const bool used = !corners.empty();
        for (QCPCurve* c :
             {m_fullCurves[static_cast<std::size_t>(k)],
              m_prefixCurves[static_cast<std::size_t>(k)], m_dots[static_cast<std::size_t>(k)]}) {
            c->setVisible(used);
        }
        m_fullCurves[static_cast<std::size_t>(k)]->setVisible(used && !revealAsYouGo());
        m_prefixCurves[static_cast<std::size_t>(k)]->removeFromLegend(m_curveLegend);
        if (used) {
            m_prefixCurves[static_cast<std::size_t>(k)]->addToLegend(m_curveLegend);
        }
    }
    for (int k = 0; k < kMechanismCount; ++k) {
        m_drawCorners[static_cast<std::size_t>(k)] = thinCurve(
            m_curves.corners[static_cast<std::size_t>(k)], maxItems / 2000, maxSyscalls / 2000);
    }
    bottom(m_curveRect)->setRange(-0.02 * maxItems, maxItems * 1.05);
    left(m_curveRect)->setRange(-0.02 * maxSyscalls, maxSyscalls * 1.15);
}

void SyscallChartView::setCursor(std::size_t index, const SystemState& state) {
    if (!m_trace) {
        return;
    }
    index = std::min(index, m_trace->events.size());
    auto countOf = [](const std::map<OpKind, std::int64_t>& counts, OpKind op) {
        auto it = counts.find(op);
        return it == counts.end() ? 0.0 : static_cast<double>(it->second);
    };
    const std::size_t procs = m_procLabels.size();
    std::vector<double> procTotals(procs, 0.0);
    for (std::size_t i = 0; i < m_ops.size(); ++i) {
        const OpKind op = m_ops[i];
        const double n = countOf(state.syscallsByOp, op);
        m_opBars[op]->setData(QVector<double>{static_cast<double>(i)}, QVector<double>{n}, true);
        m_opLabels[i]->position->setCoords(static_cast<double>(i), n);
        m_opLabels[i]->setText(QString::number(n));
        QVector<double> keys;
        QVector<double> values;
        for (std::size_t p = 0; p < procs; ++p) {
            const double v =
                p < state.processes.size() ? countOf(state.processes[p].syscallsByOp, op) : 0.0;
            keys.push_back(static_cast<double>(p));
            values.push_back(v);
            procTotals[p] += v;
        }
        m_procBars[op]->setData(keys, values, true);
    }
    for (std::size_t p = 0; p < procs; ++p) {
        m_procLabels[p]->position->setCoords(static_cast<double>(p), procTotals[p]);
        m_procLabels[p]->setText(QString::number(procTotals[p]));
    }
    for (int k = 0; k < kMechanismCount; ++k) {
        const auto m = static_cast<Mechanism>(k);
        const auto points =
            curvePrefix(m_drawCorners[static_cast<std::size_t>(k)], index, m_curves.at(m, index));
        QVector<double> keys;
        QVector<double> values;
        keys.reserve(static_cast<int>(points.size()));
        values.reserve(static_cast<int>(points.size()));
        for (const CurvePoint& p : points) {
            keys.push_back(p.items);
            values.push_back(p.syscalls);
        }
        m_prefixCurves[static_cast<std::size_t>(k)]->setData(keys, values);
        const CurvePoint now = m_curves.at(m, index);
        m_dots[static_cast<std::size_t>(k)]->setData(QVector<double>{now.items},
                                                     QVector<double>{now.syscalls});
        QCPItemText* label = m_dotLabels[static_cast<std::size_t>(k)];
        label->position->setCoords(now.items, now.syscalls);
        label->setText(tr("%1 calls / %2 items").arg(now.syscalls).arg(now.items));
        label->setVisible(!m_curves.empty(m));
        const bool rightHalf = now.items > bottom(m_curveRect)->range().center();
        label->setPositionAlignment((rightHalf ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignBottom);
    }
    m_title->setText(tr("System calls: %1 at event %2 of %3")
                         .arg(state.syscallsTotal)
                         .arg(index)
                         .arg(m_trace->events.size()));
    m_replot->requestLayer();
}

void SyscallChartView::setRevealAsYouGo(bool on) {
    TraceView::setRevealAsYouGo(on);
    for (int k = 0; k < kMechanismCount; ++k) {
        const bool used = !m_curves.empty(static_cast<Mechanism>(k));
        m_fullCurves[static_cast<std::size_t>(k)]->setVisible(used && !on);
    }
    m_replot->request();
}

bool SyscallChartView::fullCurveShown(Mechanism m) const {
    return m_fullCurves[static_cast<std::size_t>(m)]->visible();
}

double SyscallChartView::barValue(OpKind op) const {
    auto it = m_opBars.find(op);
    if (it == m_opBars.end() || it->second->data()->isEmpty()) {
        return -1;
    }
    return it->second->data()->at(0)->value;
}

double SyscallChartView::processBarValue(int proc, OpKind op) const {
    auto it = m_procBars.find(op);
    if (it == m_procBars.end() || proc < 0 || proc >= it->second->data()->size()) {
        return -1;
    }
    return it->second->data()->at(proc)->value;
}

const std::vector<CurvePoint>& SyscallChartView::curve(Mechanism m) const {
    return m_curves.corners[static_cast<std::size_t>(m)];
}

std::vector<QPointF> SyscallChartView::drawnCurve(Mechanism m) const {
    std::vector<QPointF> points;
    const auto data = m_prefixCurves[static_cast<std::size_t>(m)]->data();
    for (auto it = data->constBegin(); it != data->constEnd(); ++it) {
        points.emplace_back(it->key, it->value);
    }
    return points;
}

QPointF SyscallChartView::cursorPoint(Mechanism m) const {
    const auto data = m_dots[static_cast<std::size_t>(m)]->data();
    if (data->isEmpty()) {
        return {};
    }
    return {data->constBegin()->key, data->constBegin()->value};
}

QString SyscallChartView::cursorPointText(Mechanism m) const {
    return m_dotLabels[static_cast<std::size_t>(m)]->text();
}

void SyscallChartView::flushReplot() {
    m_replot->flush();
}

QString SyscallChartView::titleText() const {
    return m_title->text();
}

void SyscallChartView::changeEvent(QEvent* event) {
    QCustomPlot::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        restyle();
        m_replot->request();
    }
}

void SyscallChartView::restyle() {
    applyPlotStyle(this, palette());
    QFont font;
    font.setPointSize(plotPt(kTickFontPt));
    font.setBold(true);
    const QColor text = palette().color(QPalette::WindowText);
    for (QCPItemText* label : m_opLabels) {
        label->setFont(font);
        label->setColor(text);
    }
    for (QCPItemText* label : m_procLabels) {
        label->setFont(font);
        label->setColor(text);
    }
    for (auto& [op, bars] : m_procBars) {
        bars->setPen(QPen(palette().color(QPalette::Base), 1));
    }
    for (int k = 0; k < kMechanismCount; ++k) {
        m_dotLabels[static_cast<std::size_t>(k)]->setFont(font);
        m_dotLabels[static_cast<std::size_t>(k)]->setColor(
            mechanismColor(static_cast<Mechanism>(k)));
    }
}

} // namespace ipclab::ui
