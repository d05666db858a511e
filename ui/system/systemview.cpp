#include "systemview.h"

#include "edgeitems.h"
#include "objectitems.h"
#include "opformat.h"
#include "processitem.h"
#include "segmentcells.h"
#include "systemlayout.h"

#include <QGestureEvent>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPinchGesture>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace ipclab::ui {

namespace {

void indexOperations(const std::vector<Operation>& ops, int proc,
                     std::map<std::pair<int, int>, const Operation*>& out) {
    for (const Operation& op : ops) {
        out.emplace(std::make_pair(proc, op.pos.line), &op);
        indexOperations(op.body, proc, out);
        indexOperations(op.elseBody, proc, out);
    }
}

QString segmentHeading(const ObjectInfo& info) {
    // The mode first, in the lecture's octal: the snooping lessons turn on it, and a
    // narrow window elides the end of the heading.
    QString title = QObject::tr("segment %1 · mode 0%2")
                        .arg(QString::fromStdString(info.name))
                        .arg(info.mode, 0, 8);
    if (!info.key.empty()) {
        title += QObject::tr(" · key %1").arg(QString::fromStdString(info.key));
    }
    return title + QObject::tr(" · %1 B").arg(info.size);
}

} // namespace

SystemView::SystemView(QWidget* parent) : QGraphicsView(parent) {
    setScene(new QGraphicsScene(this));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setMinimumSize(320, 240);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    viewport()->grabGesture(Qt::PinchGesture);
    m_theme = Theme::fromPalette(palette());
    m_animation.setInterval(16); // ~60 Hz, and only while a token is in flight
    m_animation.setTimerType(Qt::PreciseTimer);
    connect(&m_animation, &QTimer::timeout, this, &SystemView::animationFrame);
}

SystemView::~SystemView() = default;

void SystemView::setRun(std::shared_ptr<const Scenario> scenario,
                        std::shared_ptr<const Trace> trace) {
    m_scenario = std::move(scenario);
    m_trace = std::move(trace);
    m_hasState = false;
    m_userZoomed = false;
    m_selectable.clear();
    m_opsByLine.clear();
    m_uids.clear();
    if (m_scenario) {
        for (std::size_t p = 0; p < m_scenario->processes.size(); ++p) {
            indexOperations(m_scenario->processes[p].program, static_cast<int>(p), m_opsByLine);
        }
    }
    // Users matter where a segment's mode is checked against them: draw each process's
    // uid when the run has a segment or when the processes run as different users.
    m_mailboxUsers = m_trace ? ipclab::mailboxUsers(*m_trace) : std::vector<MailboxUse>{};
    if (m_scenario && m_trace) {
        bool segments = false;
        for (const ObjectInfo& info : m_trace->objects) {
            segments = segments || info.kind == ObjectKind::Segment;
        }
        std::set<int> uids;
        for (const ProcessSpec& p : m_scenario->processes) {
            uids.insert(p.uid);
        }
        for (const ProcessSpec& p : m_scenario->processes) {
            m_uids.push_back(segments || uids.size() > 1 ? tr("uid %1").arg(p.uid) : QString());
        }
    }
    rebuild();
}

void SystemView::rebuild() {
    m_animation.stop();
    scene()->clear();
    m_processes.clear();
    m_objects.clear();
    m_links.clear();
    m_arrows.clear();
    m_createdAt.clear();
    m_banner = nullptr;
    m_token = nullptr;
    if (!m_trace) {
        return;
    }
    const Trace& trace = *m_trace;
    for (std::size_t i = 0; i < trace.events.size(); ++i) {
        const Event& e = trace.events[i];
        if (e.kind == EventKind::ObjCreated && e.object != kNoObject) {
            m_createdAt.emplace(e.object, i);
        }
    }
    for (std::size_t p = 0; p < trace.processNames.size(); ++p) {
        auto* item = new ProcessItem(static_cast<int>(p));
        scene()->addItem(item);
        m_processes.push_back(item);
    }
    std::vector<QSizeF> sizes;
    std::vector<ObjectItem*> boxes;
    int segments = 0;
    for (std::size_t i = 0; i < trace.objects.size(); ++i) {
        const ObjectInfo& info = trace.objects[i];
        const int index = static_cast<int>(i);
        ObjectItem* box = nullptr;
        switch (info.kind) {
        case ObjectKind::Mailbox:
            box = new MailboxItem(index, QString::fromStdString(info.name), info.capacity);
            break;
        case ObjectKind::Segment: {
            auto* segment =
                new SegmentItem(index, segmentHeading(info), m_theme.segmentColor(segments++));
            segment->reserveRows(static_cast<int>(distinctCellsWritten(trace, index)));
            box = segment;
            break;
        }
        case ObjectKind::Semaphore:
            box = new SemaphoreItem(index, QString::fromStdString(info.name));
            break;
        case ObjectKind::Link:
            break;
        }
        if (box != nullptr) {
            box->setTheme(m_theme);
            scene()->addItem(box);
            m_objects[index] = box;
            boxes.push_back(box);
            sizes.push_back(box->size());
        }
    }
    const SystemLayout layout =
        layoutSystem(m_processes.size(), QSizeF(ProcessItem::kWidth, ProcessItem::kHeight), sizes);
    for (std::size_t p = 0; p < m_processes.size(); ++p) {
        m_processes[p]->setPos(layout.processes[p]);
    }
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        boxes[i]->setPos(layout.objects[i]);
    }
    for (std::size_t i = 0; i < trace.objects.size(); ++i) {
        const ObjectInfo& info = trace.objects[i];
        const auto n = static_cast<int>(m_processes.size());
        if (info.kind == ObjectKind::Link && info.endA >= 0 && info.endA < n && info.endB >= 0 &&
            info.endB < n) {
            auto* link =
                new LinkItem(static_cast<int>(i), m_processes[info.endA], m_processes[info.endB]);
            link->setVisible(false);
            scene()->addItem(link);
            m_links[static_cast<int>(i)] = link;
        }
    }
    m_banner = scene()->addSimpleText(QString(), sceneFont(30, true));
    m_banner->setZValue(20);
    m_banner->setBrush(m_theme.deadlock);
    m_banner->setPos(layout.bounds.left() + 20, layout.bounds.top() + 10);
    m_token = new TokenItem();
    m_token->setVisible(false);
    scene()->addItem(m_token);
    scene()->setSceneRect(layout.bounds);
    setBackgroundBrush(m_theme.background);
    fit();
}

void SystemView::setCursor(std::size_t index, const SystemState& state) {
    const std::size_t previous = m_index;
    const bool had = m_hasState;
    m_index = index;
    m_state = state;
    m_hasState = true;
    refresh();
    if (had && m_animate && index > previous && index - previous <= 4096) {
        startToken(previous, index);
    } else if (m_animation.isActive() || (m_token != nullptr && m_token->isVisible())) {
        m_animation.stop();
        m_token->setVisible(false);
    }
}

void SystemView::setSelectable(const std::vector<int>& processes) {
    if (processes == m_selectable) {
        return;
    }
    m_selectable = processes;
    if (m_hasState) {
        refreshProcesses();
    }
}

void SystemView::fit() {
    if (scene()->sceneRect().isEmpty()) {
        return;
    }
    fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
}

qreal SystemView::fitScale() const {
    const QRectF r = scene()->sceneRect();
    if (r.isEmpty() || viewport()->width() <= 0 || viewport()->height() <= 0) {
        return 1.0;
    }
    return std::min(viewport()->width() / r.width(), viewport()->height() / r.height());
}

qreal SystemView::zoom() const {
    return transform().m11() / fitScale();
}

void SystemView::zoomBy(qreal factor) {
    // From half the fitted size (room to see it whole with a margin) to 12 times it (one
    // card of 32 fills the window: every word legible on a projector).
    const qreal target = std::clamp(zoom() * factor, 0.5, 12.0);
    const qreal applied = target / zoom();
    if (std::abs(applied - 1.0) < 1e-6) {
        return;
    }
    m_userZoomed = true;
    scale(applied, applied);
}

void SystemView::fitToWindow() {
    m_userZoomed = false;
    fit();
}

void SystemView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (!m_userZoomed) {
        fit();
    }
}

void SystemView::wheelEvent(QWheelEvent* event) {
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(1.0015, delta));
    event->accept();
}

void SystemView::mouseDoubleClickEvent(QMouseEvent* event) {
    for (QGraphicsItem* item : items(event->position().toPoint())) {
        if (dynamic_cast<ProcessItem*>(item) != nullptr) {
            QGraphicsView::mouseDoubleClickEvent(event);
            return;
        }
    }
    fitToWindow();
}

void SystemView::keyPressEvent(QKeyEvent* event) {
    if (event->modifiers() == Qt::NoModifier && event->key() == Qt::Key_F) {
        fitToWindow();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

bool SystemView::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::Gesture) {
        auto* gestures = static_cast<QGestureEvent*>(event);
        if (auto* pinch = static_cast<QPinchGesture*>(gestures->gesture(Qt::PinchGesture))) {
            if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged) {
                zoomBy(pinch->scaleFactor());
            }
            return true;
        }
    }
    if (event->type() == QEvent::NativeGesture) {
        auto* native = static_cast<QNativeGestureEvent*>(event);
        if (native->gestureType() == Qt::ZoomNativeGesture) {
            zoomBy(1.0 + native->value());
            return true;
        }
    }
    return QGraphicsView::viewportEvent(event);
}

void SystemView::mousePressEvent(QMouseEvent* event) {
    for (QGraphicsItem* item : items(event->position().toPoint())) {
        if (auto* process = dynamic_cast<ProcessItem*>(item)) {
            emit processClicked(process->index());
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void SystemView::changeEvent(QEvent* event) {
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_trace) {
        m_theme = Theme::fromPalette(palette());
        rebuild();
        if (m_hasState) {
            refresh();
        }
    }
}

const Operation* SystemView::operationAt(int proc, int line) const {
    auto it = m_opsByLine.find({proc, line});
    return it == m_opsByLine.end() ? nullptr : it->second;
}

ObjectItem* SystemView::objectItem(int object) const {
    auto it = m_objects.find(object);
    return it == m_objects.end() ? nullptr : it->second;
}

int SystemView::objectIndex(const QString& name, int kind) const {
    return m_trace ? m_trace->findObject(static_cast<ObjectKind>(kind), name.toStdString()) : -1;
}

// --- Queries --------------------------------------------------------------------------

QString SystemView::processStateText(int proc) const {
    return proc >= 0 && proc < static_cast<int>(m_processes.size())
               ? m_processes[static_cast<std::size_t>(proc)]->look().stateText
               : QString();
}

QString SystemView::processOpText(int proc) const {
    return proc >= 0 && proc < static_cast<int>(m_processes.size())
               ? m_processes[static_cast<std::size_t>(proc)]->look().opText
               : QString();
}

QString SystemView::processVariables(int proc) const {
    return proc >= 0 && proc < static_cast<int>(m_processes.size())
               ? m_processes[static_cast<std::size_t>(proc)]->look().variables
               : QString();
}

bool SystemView::processSelectable(int proc) const {
    return proc >= 0 && proc < static_cast<int>(m_processes.size()) &&
           m_processes[static_cast<std::size_t>(proc)]->look().selectable;
}

bool SystemView::processDeadlocked(int proc) const {
    return proc >= 0 && proc < static_cast<int>(m_processes.size()) &&
           m_processes[static_cast<std::size_t>(proc)]->look().deadlocked;
}

QStringList SystemView::mappedSegments(int proc) const {
    QStringList names;
    if (proc >= 0 && proc < static_cast<int>(m_processes.size())) {
        for (const MappedRegion& r : m_processes[static_cast<std::size_t>(proc)]->look().mapped) {
            names << r.name;
        }
    }
    return names;
}

QString SystemView::waitTarget(int proc) const {
    auto it = m_waitNames.find(proc);
    return it == m_waitNames.end() ? QString() : it->second;
}

int SystemView::mailboxFilledSlots(const QString& name) const {
    return static_cast<int>(mailboxMessages(name).size());
}

QStringList SystemView::mailboxMessages(const QString& name) const {
    auto* box = dynamic_cast<MailboxItem*>(objectItem(objectIndex(name, 0)));
    return box != nullptr ? box->messages() : QStringList();
}

bool SystemView::mailboxVisible(const QString& name) const {
    const ObjectItem* box = objectItem(objectIndex(name, 0));
    return box != nullptr && box->isVisible();
}

bool SystemView::objectFaded(const QString& name, int kind) const {
    const ObjectItem* box = objectItem(objectIndex(name, kind));
    return box != nullptr && box->isVisible() && box->opacity() < 1.0;
}

bool SystemView::linkVisible(const QString& name) const {
    auto it = m_links.find(objectIndex(name, 1));
    return it != m_links.end() && it->second->isVisible();
}

int SystemView::linkQueued(const QString& name) const {
    auto it = m_links.find(objectIndex(name, 1));
    return it != m_links.end() ? it->second->queued() : 0;
}

QString SystemView::segmentCell(const QString& name, qint64 offset) const {
    auto* box = dynamic_cast<SegmentItem*>(objectItem(objectIndex(name, 2)));
    if (box == nullptr) {
        return {};
    }
    auto it = box->cells().find(offset);
    return it == box->cells().end() ? QString() : it->second;
}

QString SystemView::segmentCellHighlight(const QString& name, qint64 offset) const {
    auto* box = dynamic_cast<SegmentItem*>(objectItem(objectIndex(name, 2)));
    if (box == nullptr) {
        return {};
    }
    if (box->writtenOffsets().count(offset) > 0) {
        return QStringLiteral("written");
    }
    return box->readOffsets().count(offset) > 0 ? QStringLiteral("read") : QString();
}

qint64 SystemView::semaphoreValue(const QString& name) const {
    auto* box = dynamic_cast<SemaphoreItem*>(objectItem(objectIndex(name, 3)));
    return box != nullptr ? box->value() : 0;
}

QRectF SystemView::processSceneRect(int proc) const {
    if (proc < 0 || proc >= static_cast<int>(m_processes.size())) {
        return {};
    }
    const ProcessItem* item = m_processes[static_cast<std::size_t>(proc)];
    return item->mapRectToScene(QRectF(-ProcessItem::kWidth / 2, -ProcessItem::kHeight / 2,
                                       ProcessItem::kWidth, ProcessItem::kHeight));
}

bool SystemView::tokenInFlight() const {
    return m_token != nullptr && m_token->isVisible();
}

QString SystemView::tokenText() const {
    return m_token != nullptr ? m_token->text() : QString();
}

QString SystemView::banner() const {
    return m_banner != nullptr ? m_banner->text() : QString();
}

QString SystemView::processCost(int proc) const {
    return proc >= 0 && proc < static_cast<int>(m_processes.size())
               ? m_processes[static_cast<std::size_t>(proc)]->look().cost
               : QString();
}

QString SystemView::processUid(int proc) const {
    return proc >= 0 && proc < static_cast<int>(m_processes.size())
               ? m_processes[static_cast<std::size_t>(proc)]->look().uid
               : QString();
}

QString SystemView::segmentTitle(const QString& name) const {
    const int index = objectIndex(name, 2);
    return index >= 0 ? segmentHeading(m_trace->objects[static_cast<std::size_t>(index)])
                      : QString();
}

bool SystemView::segmentCellWrittenNow(const QString& name, qint64 offset) const {
    auto* box = dynamic_cast<SegmentItem*>(objectItem(objectIndex(name, 2)));
    return box != nullptr && box->writtenNow().count(offset) > 0;
}

bool SystemView::linkShut(const QString& name) const {
    auto it = m_links.find(objectIndex(name, 1));
    return it != m_links.end() && it->second->isVisible() && it->second->shut();
}

QStringList SystemView::semaphoreHolders(const QString& name) const {
    auto* box = dynamic_cast<SemaphoreItem*>(objectItem(objectIndex(name, 3)));
    return box != nullptr ? box->holders() : QStringList();
}

int SystemView::processIndexOf(const QString& name) const {
    if (!m_trace) {
        return -1;
    }
    for (std::size_t p = 0; p < m_trace->processNames.size(); ++p) {
        if (QString::fromStdString(m_trace->processNames[p]) == name) {
            return static_cast<int>(p);
        }
    }
    return -1;
}

QStringList SystemView::mailboxUsers(const QString& name) const {
    QStringList out;
    const int object = objectIndex(name, 0);
    const ObjectItem* box = objectItem(object);
    if (box == nullptr || !box->isVisible()) {
        return out;
    }
    for (const MailboxUse& use : m_mailboxUsers) {
        if (use.object == object && use.firstAt < m_index) {
            out << processName(*m_trace, use.proc);
        }
    }
    return out;
}

QString SystemView::waitsFor(int proc) const {
    auto it = m_waitsFor.find(proc);
    return it == m_waitsFor.end() ? QString() : it->second;
}

QStringList SystemView::labelledArrows() const {
    QStringList out;
    for (const ArrowItem* a : m_arrows) {
        if (a->isVisible() && !a->label().isEmpty()) {
            out << a->label();
        }
    }
    return out;
}

std::vector<QRectF> SystemView::labelRects() const {
    std::vector<QRectF> out;
    for (std::size_t p = 0; p < m_processes.size(); ++p) {
        out.push_back(processSceneRect(static_cast<int>(p)));
        const QRectF cost = m_processes[p]->costSceneRect();
        if (!cost.isEmpty()) {
            out.push_back(cost);
        }
    }
    for (const auto& [object, box] : m_objects) {
        if (box->isVisible()) {
            out.push_back(box->sceneBoundingRect());
        }
    }
    for (const auto& [object, link] : m_links) {
        if (link->isVisible() && link->queued() > 0) {
            out.push_back(link->badgeSceneRect());
        }
    }
    for (const ArrowItem* a : m_arrows) {
        const QRectF r = a->labelSceneRect();
        if (!r.isEmpty()) {
            out.push_back(r);
        }
    }
    if (m_banner != nullptr && !m_banner->text().isEmpty()) {
        out.push_back(m_banner->sceneBoundingRect());
    }
    return out;
}

} // namespace ipclab::ui
