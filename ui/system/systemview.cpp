#include "systemview.h"

#include "edgeitems.h"
#include "objectitems.h"
#include "opformat.h"
#include "processitem.h"
#include "systemlayout.h"

#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QMouseEvent>
#include <algorithm>

namespace ipclab::ui {

namespace {

void indexOperations(const std::vector<Operation>& ops, int proc,
                     std::map<std::pair<int, int>, const Operation*>& out) {
    for (const Operation& op : ops) {
        out.emplace(std::make_pair(proc, op.pos.line), &op);
        indexOperations(op.body, proc, out);
    }
}

QString segmentTitle(const ObjectInfo& info) {
    QString title = QObject::tr("segment %1").arg(QString::fromStdString(info.name));
    if (!info.key.empty()) {
        title += QObject::tr("  key %1").arg(QString::fromStdString(info.key));
    }
    return title + QObject::tr(" · %1 B · 0%2").arg(info.size).arg(info.mode, 0, 8);
}

} // namespace

SystemView::SystemView(QWidget* parent) : QGraphicsView(parent) {
    setScene(new QGraphicsScene(this));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setMinimumSize(320, 240);
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
    m_selectable.clear();
    m_opsByLine.clear();
    if (m_scenario) {
        for (std::size_t p = 0; p < m_scenario->processes.size(); ++p) {
            indexOperations(m_scenario->processes[p].program, static_cast<int>(p), m_opsByLine);
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
        case ObjectKind::Segment:
            box = new SegmentItem(index, segmentTitle(info), m_theme.segmentColor(segments++));
            break;
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

void SystemView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    fit();
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

} // namespace ipclab::ui
