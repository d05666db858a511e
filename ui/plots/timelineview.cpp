#include "timelineview.h"

#include "ganttplottable.h"
#include "plotstyle.h"
#include "replotlimiter.h"

#include <QEvent>
#include <QFontMetrics>
#include <QMouseEvent>
#include <QResizeEvent>
#include <limits>

namespace ipclab::ui {

namespace {

constexpr std::array<ProcState, 4> kDrawnStates = {ProcState::Ready, ProcState::Running,
                                                   ProcState::Blocked, ProcState::Terminated};
/// Where a marker sits inside its lane (0 = lane centre, +-0.5 = lane edges; the value
/// axis is reversed so negative is up).
constexpr std::array<double, kMarkerKindCount> kMarkerOffset = {-0.3, 0.0, 0.0, 0.3};
constexpr double kCpuGap = 0.6;   ///< space between the process lanes and the CPU lanes
constexpr int kShortHeight = 300; ///< below this the title gives its room to the lanes

QString stateLabel(ProcState state) {
    switch (state) {
    case ProcState::Ready:
        return TimelineView::tr("ready");
    case ProcState::Running:
        return TimelineView::tr("running");
    case ProcState::Blocked:
        return TimelineView::tr("blocked");
    case ProcState::Terminated:
        return TimelineView::tr("terminated");
    default:
        return TimelineView::tr("new");
    }
}

QString markerLabel(MarkerKind kind) {
    switch (kind) {
    case MarkerKind::Syscall:
        return TimelineView::tr("syscall");
    case MarkerKind::MsgSent:
        return TimelineView::tr("sent");
    case MarkerKind::MsgReceived:
        return TimelineView::tr("received");
    case MarkerKind::ShmAccess:
        return TimelineView::tr("shm read/write (no syscall)");
    }
    return {};
}

QCPScatterStyle markerStyle(MarkerKind kind, const QColor& ink, const QColor& paper) {
    switch (kind) {
    case MarkerKind::Syscall:
        return QCPScatterStyle(QCPScatterStyle::ssTriangleInverted, ink, ink, 9);
    case MarkerKind::MsgSent:
        return QCPScatterStyle(QCPScatterStyle::ssDisc, ink, ink, 9);
    case MarkerKind::MsgReceived:
        return QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(ink, 2), paper, 10);
    case MarkerKind::ShmAccess:
        return QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(ink, 1.5), paper, 8);
    }
    return {};
}

} // namespace

TimelineView::TimelineView(QWidget* parent) : QCustomPlot(parent) {
    setMinimumSize(240, 140);
    setNoAntialiasingOnDrag(true);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    axisRect()->setRangeDrag(Qt::Horizontal);
    axisRect()->setRangeZoom(Qt::Horizontal);
    yAxis->setRangeReversed(true);
    yAxis->grid()->setVisible(false);
    yAxis->setSubTicks(false);
    yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    xAxis->setLabel(tr("time (ticks)"));

    m_title = new QCPTextElement(this, tr("Timeline"));
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, m_title);

    for (std::size_t i = 0; i < kDrawnStates.size(); ++i) {
        auto* series = new GanttPlottable(xAxis, yAxis);
        series->setName(stateLabel(kDrawnStates[i]));
        series->setBrush(stateColor(kDrawnStates[i]));
        series->setBarHeight(kDrawnStates[i] == ProcState::Terminated ? 0.25 : 0.7);
        m_stateSeries[i] = series;
    }
    for (int k = 0; k < kMarkerKindCount; ++k) {
        QCPGraph* graph = addGraph(xAxis, yAxis);
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setName(markerLabel(static_cast<MarkerKind>(k)));
        graph->setAdaptiveSampling(true);
        m_markerGraphs[static_cast<std::size_t>(k)] = graph;
    }

    // The legend sits under the chart so that it never hides a lane.
    auto* legendRow = new QCPLayoutGrid;
    plotLayout()->addElement(2, 0, legendRow);
    plotLayout()->setRowStretchFactor(2, 0.001);
    axisRect()->insetLayout()->take(legend);
    legendRow->addElement(0, 0, legend);
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setWrap(4);
    legend->setVisible(true);

    // The curtain is made before the cursor line so that the line is drawn over it.
    m_curtain = new QCPItemRect(this);
    m_curtain->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_curtain->bottomRight->setTypeX(QCPItemPosition::ptAxisRectRatio);
    m_curtain->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_curtain->topLeft->setCoords(0, 0);
    m_curtain->bottomRight->setCoords(1, 1);
    m_curtain->setPen(Qt::NoPen);
    m_curtain->setSelectable(false);
    m_cursorLine = new QCPItemStraightLine(this);
    m_cursorLine->point1->setCoords(0, 0);
    m_cursorLine->point2->setCoords(0, 1);
    m_cursorLine->setSelectable(false);
    m_cursorLabel = new QCPItemText(this);
    m_cursorLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_cursorLabel->position->setCoords(0, 0);
    m_cursorLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_cursorLabel->setPadding(QMargins(4, 2, 4, 2));
    m_cursorLabel->setSelectable(false);

    // The cursor lives on its own buffered layer: moving it redraws that layer only,
    // never the lanes and markers of a long trace.
    addLayer(QStringLiteral("cursor"), layer(QStringLiteral("overlay")), limBelow);
    QCPLayer* cursorLayer = layer(QStringLiteral("cursor"));
    cursorLayer->setMode(QCPLayer::lmBuffered);
    m_curtain->setLayer(cursorLayer);
    m_cursorLine->setLayer(cursorLayer);
    m_cursorLabel->setLayer(cursorLayer);
    connect(xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            &TimelineView::placeCurtain);
    // The curtain's edge is a pixel offset from the cursor: place it again once the axis
    // rect has its size (the first layout, a resize), or an early export shows it shifted.
    connect(this, &QCustomPlot::afterLayout, this, &TimelineView::placeCurtain);
    m_replot = new ReplotLimiter(this, cursorLayer);
    connect(this, &QCustomPlot::mousePress, this, &TimelineView::onMousePress);
    connect(this, &QCustomPlot::mouseRelease, this, &TimelineView::onMouseRelease);
    restyle();
    rebuildAxes();
}

TimelineView::~TimelineView() = default;

void TimelineView::setRun(std::shared_ptr<const Scenario> scenario,
                          std::shared_ptr<const Trace> trace) {
    m_scenario = std::move(scenario);
    m_trace = std::move(trace);
    m_cursor = 0;
    const std::size_t procs = m_scenario ? m_scenario->processes.size() : 0;
    const auto cpus = static_cast<std::size_t>(
        std::max(m_scenario ? m_scenario->kernel.cpus : 1, m_trace ? m_trace->cpus : 0));
    m_model = m_trace ? buildLaneModel(*m_trace, procs, cpus) : LaneModel{};
    QString title = m_trace ? QString::fromStdString(m_trace->scenarioTitle) : QString();
    if (title.isEmpty() && m_scenario) {
        title = QString::fromStdString(m_scenario->title);
    }
    m_fullTitle = title.isEmpty() ? tr("Timeline") : tr("Timeline — %1").arg(title);
    elideTitle();
    xAxis->setLabel(m_trace && m_trace->timeUnit == TimeUnit::Nanosecond ? tr("time (ns)")
                                                                         : tr("time (ticks)"));
    rebuildSeries();
    rebuildAxes();
    m_cursorLine->point1->setCoords(0, 0);
    m_cursorLine->point2->setCoords(0, 1);
    m_cursorLabel->position->setCoords(0, 0);
    m_cursorLabel->setText(tr("event 0"));
    restyle();
    m_replot->request();
}

void TimelineView::rebuildSeries() {
    for (std::size_t i = 0; i < kDrawnStates.size(); ++i) {
        std::vector<std::vector<GanttPlottable::Bar>> lanes(m_model.processLanes.size());
        for (std::size_t p = 0; p < lanes.size(); ++p) {
            for (const StateInterval& s : m_model.processLanes[p]) {
                if (s.state == kDrawnStates[i]) {
                    lanes[p].push_back({static_cast<double>(s.start), static_cast<double>(s.end)});
                }
            }
        }
        m_stateSeries[i]->setLanes(std::move(lanes));
    }

    for (GanttPlottable* series : m_cpuSeries) {
        removePlottable(series);
    }
    m_cpuSeries.clear();
    const std::size_t cpus = m_model.cpuLanes.size();
    std::vector<std::vector<std::vector<GanttPlottable::Bar>>> perProc(
        m_model.processLanes.size(), std::vector<std::vector<GanttPlottable::Bar>>(cpus));
    for (std::size_t c = 0; c < cpus; ++c) {
        for (const CpuInterval& run : m_model.cpuLanes[c]) {
            perProc[static_cast<std::size_t>(run.proc)][c].push_back(
                {static_cast<double>(run.start), static_cast<double>(run.end)});
        }
    }
    for (std::size_t p = 0; p < perProc.size(); ++p) {
        const bool ran = std::any_of(perProc[p].begin(), perProc[p].end(),
                                     [](const auto& lane) { return !lane.empty(); });
        if (!ran) {
            continue;
        }
        auto* series = new GanttPlottable(xAxis, yAxis);
        series->setLanes(std::move(perProc[p]));
        series->setLaneOffset(cpuLaneValue(0));
        series->setBrush(processColor(static_cast<int>(p)));
        const bool named = m_trace && p < m_trace->processNames.size();
        series->setLabel(named ? QString::fromStdString(m_trace->processNames[p])
                               : QStringLiteral("p%1").arg(p),
                         Qt::white);
        series->removeFromLegend();
        m_cpuSeries.push_back(series);
    }

    std::array<QVector<double>, kMarkerKindCount> keys;
    std::array<QVector<double>, kMarkerKindCount> values;
    for (const Marker& m : m_model.markers) {
        const auto k = static_cast<std::size_t>(m.kind);
        keys[k].push_back(static_cast<double>(m.time));
        values[k].push_back(m.proc + kMarkerOffset[k]);
    }
    for (std::size_t k = 0; k < keys.size(); ++k) {
        m_markerGraphs[k]->setData(keys[k], values[k], true);
    }
}

double TimelineView::cpuLaneValue(int cpu) const {
    return static_cast<double>(m_model.processLanes.size()) + kCpuGap + cpu;
}

void TimelineView::rebuildAxes() {
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (std::size_t p = 0; p < m_model.processLanes.size(); ++p) {
        const bool named = m_trace && p < m_trace->processNames.size();
        ticker->addTick(static_cast<double>(p),
                        named ? QString::fromStdString(m_trace->processNames[p])
                              : QStringLiteral("p%1").arg(p));
    }
    for (std::size_t c = 0; c < m_model.cpuLanes.size(); ++c) {
        ticker->addTick(cpuLaneValue(static_cast<int>(c)), tr("CPU %1").arg(c));
    }
    yAxis->setTicker(ticker);
    const double lanes = cpuLaneValue(static_cast<int>(m_model.cpuLanes.size()));
    yAxis->setRange(-0.6, std::max(1.0, lanes - 0.4));
    const double end = std::max<double>(1.0, static_cast<double>(m_model.endTime));
    xAxis->setRange(-end * 0.01, end * 1.01);
}

void TimelineView::setCursor(std::size_t index, const SystemState& /*state*/) {
    if (!m_trace) {
        return;
    }
    m_cursor = std::min(index, m_trace->events.size());
    const auto time = static_cast<double>(cursorTime(*m_trace, m_cursor));
    m_cursorLine->point1->setCoords(time, 0);
    m_cursorLine->point2->setCoords(time, 1);
    const bool panned = followCursor(time);
    placeCurtain();
    m_cursorLabel->position->setCoords(time, 0);
    m_cursorLabel->setText(tr("event %1 · t = %2").arg(m_cursor).arg(time));
    // The label reads away from the right edge so that it is never cut off.
    const bool rightHalf = time > xAxis->range().center();
    m_cursorLabel->setPositionAlignment((rightHalf ? Qt::AlignRight : Qt::AlignLeft) |
                                        Qt::AlignTop);
    if (panned) {
        m_replot->request();
    } else {
        m_replot->requestLayer();
    }
}

void TimelineView::setRevealAsYouGo(bool on) {
    TraceView::setRevealAsYouGo(on);
    placeCurtain();
    m_replot->requestLayer();
}

void TimelineView::placeCurtain() {
    m_curtain->setVisible(revealAsYouGo() && m_trace != nullptr);
    if (!m_curtain->visible()) {
        return;
    }
    // Starts a marker's half width right of the cursor: what happened at the cursor's
    // tick stays whole, later ticks are hidden.
    const double x = xAxis->coordToPixel(cursorLineTime()) + 6;
    m_curtain->topLeft->setCoords(xAxis->pixelToCoord(x), 0);
    m_curtain->setBrush(palette().color(QPalette::Base));
}

double TimelineView::revealedUntil() const {
    return m_curtain->visible() ? m_curtain->topLeft->key()
                                : std::numeric_limits<double>::infinity();
}

bool TimelineView::followCursor(double time) {
    // During play the cursor must stay in view, even when the user has zoomed in.
    const QCPRange range = xAxis->range();
    if (time >= range.lower && time <= range.upper) {
        return false;
    }
    xAxis->setRange(time - range.size() * 0.1, time + range.size() * 0.9);
    return true;
}

void TimelineView::flushReplot() {
    m_replot->flush();
}

std::vector<StateInterval> TimelineView::laneIntervals(int proc) const {
    if (proc < 0 || static_cast<std::size_t>(proc) >= m_model.processLanes.size()) {
        return {};
    }
    return m_model.processLanes[static_cast<std::size_t>(proc)];
}

std::vector<CpuInterval> TimelineView::cpuIntervals(int cpu) const {
    if (cpu < 0 || static_cast<std::size_t>(cpu) >= m_model.cpuLanes.size()) {
        return {};
    }
    return m_model.cpuLanes[static_cast<std::size_t>(cpu)];
}

int TimelineView::markerCount(MarkerKind kind) const {
    return m_markerGraphs[static_cast<std::size_t>(kind)]->dataCount();
}

double TimelineView::cursorLineTime() const {
    return m_cursorLine->point1->key();
}

std::size_t TimelineView::cursorForClick(double time) const {
    return m_trace ? cursorForTime(*m_trace, time) : 0;
}

void TimelineView::onMousePress(QMouseEvent* event) {
    m_pressPos = event->pos();
}

void TimelineView::onMouseRelease(QMouseEvent* event) {
    // A drag pans the time axis; only a click (no movement) moves the cursor.
    if (!m_trace || event->button() != Qt::LeftButton ||
        (event->pos() - m_pressPos).manhattanLength() > 4 ||
        !axisRect()->rect().contains(event->pos())) {
        return;
    }
    emit cursorRequested(cursorForClick(xAxis->pixelToCoord(event->pos().x())));
}

void TimelineView::changeEvent(QEvent* event) {
    QCustomPlot::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        restyle();
        m_replot->request();
    }
}

void TimelineView::restyle() {
    applyPlotStyle(this, palette());
    // Many lanes: smaller lane names so that neighbours do not overlap.
    const auto laneCount = m_model.processLanes.size() + m_model.cpuLanes.size();
    QFont nameFont = yAxis->tickLabelFont();
    nameFont.setPointSize(plotPt(laneCount > 24   ? kTickFontPt - 4
                                 : laneCount > 14 ? kTickFontPt - 2
                                                  : kTickFontPt));
    yAxis->setTickLabelFont(nameFont);
    const QColor ink = palette().color(QPalette::WindowText);
    const QColor paper = palette().color(QPalette::Base);
    for (std::size_t k = 0; k < m_markerGraphs.size(); ++k) {
        m_markerGraphs[k]->setScatterStyle(markerStyle(static_cast<MarkerKind>(k), ink, paper));
        m_markerGraphs[k]->setPen(QPen(ink));
    }
    const QColor accent = isDark(palette()) ? QColor(0xFF, 0xEB, 0x3B) : QColor(0x20, 0x20, 0xC0);
    m_cursorLine->setPen(QPen(accent, 3));
    m_cursorLabel->setColor(accent);
    QFont font;
    font.setPointSize(plotPt(kTickFontPt));
    font.setBold(true);
    m_cursorLabel->setFont(font);
    QColor back = paper;
    back.setAlpha(200);
    m_cursorLabel->setBrush(back);
    QFont laneFont;
    laneFont.setPointSize(plotPt(kTickFontPt - 1));
    laneFont.setBold(true);
    for (GanttPlottable* series : m_cpuSeries) {
        series->setLabelFont(laneFont);
    }
}

void TimelineView::resizeEvent(QResizeEvent* event) {
    elideTitle();
    // The legend's eight entries in four columns need about 1000 px; narrower, two columns,
    // so that no entry is cut ("runnin", "blockec").
    legend->setWrap(event->size().width() >= 1000 ? 4 : 2);
    QCustomPlot::resizeEvent(event);
}

void TimelineView::elideTitle() {
    // A long scenario title would otherwise be cut at both ends of a narrow dock.
    const QFontMetrics metrics(m_title->font());
    m_title->setText(metrics.elidedText(m_fullTitle, Qt::ElideRight, std::max(80, width() - 24)));
    // In a short dock (a projector's 720 lines) the lanes need the room more than a title
    // that repeats the window's.
    if (height() < kShortHeight) {
        m_title->setText(QString());
    }
}

} // namespace ipclab::ui
