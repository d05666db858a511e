// SystemView: turning the state at the cursor into items, and the message animation.

#include "edgeitems.h"
#include "objectitems.h"
#include "opformat.h"
#include "processitem.h"
#include "systemview.h"

#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <algorithm>
#include <cmath>
#include <set>

namespace ipclab::ui {

namespace {
/// How many events back a shared cell's read or write stays highlighted.
constexpr std::size_t kRecentEvents = 6;
} // namespace

void SystemView::refresh() {
    if (!m_trace || !m_hasState) {
        return;
    }
    refreshObjects();
    refreshProcesses();
    refreshArrows();
}

void SystemView::refreshProcesses() {
    const Trace& trace = *m_trace;
    std::set<int> deadlocked;
    if (m_state.ended && m_state.outcome == Outcome::Deadlock) {
        for (const WaitEdge& edge : trace.deadlockCycle) {
            deadlocked.insert(edge.proc);
        }
    }
    for (std::size_t p = 0; p < m_processes.size() && p < m_state.processes.size(); ++p) {
        const ProcessStatus& status = m_state.processes[p];
        const int proc = static_cast<int>(p);
        ProcessLook look;
        look.name = processName(trace, proc);
        look.state = status.state;
        look.stateText = ui::processStateText(status, trace);
        const Operation* op = operationAt(proc, status.line);
        if (status.state == ProcState::Blocked && status.blockedObject < 0 && op != nullptr &&
            op->peerKind == PeerKind::Process) {
            look.stateText = tr("blocked: %1 %2 %3")
                                 .arg(QString::fromUtf8(opName(op->kind).data()),
                                      op->kind == OpKind::Send ? tr("to") : tr("from"),
                                      QString::fromStdString(op->object));
        } else if (status.state == ProcState::Blocked && status.blockedObject < 0 &&
                   op != nullptr && op->peerKind == PeerKind::Any) {
            look.stateText = tr("blocked: receive from any");
        }
        if (status.state == ProcState::Blocked && status.blockedObject >= 0 &&
            trace.objects[static_cast<std::size_t>(status.blockedObject)].kind ==
                ObjectKind::Link) {
            // On a link, name the peer: "blocked: receive from bob" reads like the lecture.
            const ObjectInfo& link = trace.objects[static_cast<std::size_t>(status.blockedObject)];
            const int peer = link.endA == proc ? link.endB : link.endA;
            look.stateText = tr("blocked: %1 %2 %3")
                                 .arg(QString::fromUtf8(opName(status.blockedOp).data()),
                                      status.blockedOp == OpKind::Send ? tr("to") : tr("from"),
                                      processName(trace, peer));
        }
        if (status.state == ProcState::Terminated) {
            look.opText = tr("finished");
        } else if (op != nullptr) {
            look.opText = tr("line %1: %2").arg(status.line).arg(opShort(*op));
        } else if (status.state == ProcState::New) {
            look.opText = tr("not started yet");
        }
        QStringList vars;
        for (const auto& [name, value] : status.locals) {
            vars << QStringLiteral("%1 = %2").arg(QString::fromStdString(name),
                                                  QString::fromStdString(value));
        }
        look.variables = vars.join(QStringLiteral(", "));
        int segment = 0;
        for (const auto& [object, box] : m_objects) {
            if (trace.objects[static_cast<std::size_t>(object)].kind != ObjectKind::Segment) {
                continue;
            }
            if (status.attachments.count(object) > 0) {
                look.mapped.push_back(MappedRegion{object, ui::objectName(trace, object),
                                                   m_theme.segmentColor(segment)});
            }
            ++segment;
        }
        look.selectable =
            std::find(m_selectable.begin(), m_selectable.end(), proc) != m_selectable.end();
        look.deadlocked = deadlocked.count(proc) > 0;
        m_processes[p]->setLook(std::move(look), m_theme);
    }
}

void SystemView::refreshObjects() {
    const Trace& trace = *m_trace;
    // Cells touched by the last few events stay highlighted, so a step shows what it did.
    std::map<int, std::set<std::int64_t>> written;
    std::map<int, std::set<std::int64_t>> read;
    const std::size_t from = m_index > kRecentEvents ? m_index - kRecentEvents : 0;
    for (std::size_t i = from; i < m_index && i < trace.events.size(); ++i) {
        const Event& e = trace.events[i];
        if (e.kind == EventKind::ShmWrite) {
            written[e.object].insert(e.a);
        } else if (e.kind == EventKind::ShmRead) {
            read[e.object].insert(e.a);
        }
    }
    for (auto& [object, item] : m_objects) {
        if (static_cast<std::size_t>(object) >= m_state.objects.size()) {
            continue;
        }
        const ObjectStatus& status = m_state.objects[static_cast<std::size_t>(object)];
        const auto created = m_createdAt.find(object);
        const bool seen = created != m_createdAt.end() && created->second < m_index;
        item->setVisible(status.exists || status.markedForRemoval || seen);
        item->setAlive(status.exists || status.markedForRemoval);
        if (auto* mailbox = dynamic_cast<MailboxItem*>(item)) {
            QStringList messages;
            for (const QueuedMessage& m : status.queue) {
                messages << QString::fromStdString(m.text);
            }
            mailbox->setMessages(messages);
        } else if (auto* segment = dynamic_cast<SegmentItem*>(item)) {
            std::map<std::int64_t, QString> cells;
            for (const auto& [offset, value] : status.cells) {
                cells[offset] = QString::fromStdString(value);
            }
            segment->setCells(std::move(cells), written[object], read[object],
                              status.markedForRemoval);
        } else if (auto* semaphore = dynamic_cast<SemaphoreItem*>(item)) {
            semaphore->setValue(status.semValue);
        }
    }
    for (auto& [object, link] : m_links) {
        if (static_cast<std::size_t>(object) >= m_state.objects.size()) {
            continue;
        }
        const ObjectStatus& status = m_state.objects[static_cast<std::size_t>(object)];
        link->setVisible(status.exists);
        link->setQueued(static_cast<int>(status.queue.size()), m_theme);
    }
}

ArrowItem* SystemView::arrow(std::size_t i) {
    while (m_arrows.size() <= i) {
        auto* item = new ArrowItem();
        scene()->addItem(item);
        m_arrows.push_back(item);
    }
    m_arrows[i]->setVisible(true);
    return m_arrows[i];
}

QPointF SystemView::objectPoint(int object, QPointF towards) const {
    if (ObjectItem* box = objectItem(object)) {
        return box->borderPoint(towards);
    }
    auto it = m_links.find(object);
    return it != m_links.end() ? it->second->midpoint() : towards;
}

void SystemView::refreshArrows() {
    const Trace& trace = *m_trace;
    std::size_t used = 0;
    m_waitNames.clear();
    // Mappings: each attached segment's region in a process, to the segment itself.
    for (ProcessItem* process : m_processes) {
        for (const MappedRegion& region : process->look().mapped) {
            ObjectItem* box = objectItem(region.object);
            if (box == nullptr) {
                continue;
            }
            ArrowItem* a = arrow(used++);
            const QPointF anchor = process->regionAnchor(region.object);
            a->setStyle({region.color.darker(130), 4, true, false});
            a->setEnds(anchor, box->borderPoint(anchor));
        }
    }
    // Waits: a blocked process points at what it waits on.
    const bool deadlock = m_state.ended && m_state.outcome == Outcome::Deadlock;
    for (std::size_t p = 0; p < m_processes.size() && p < m_state.processes.size(); ++p) {
        const ProcessStatus& status = m_state.processes[p];
        if (status.state != ProcState::Blocked) {
            continue;
        }
        ProcessItem* process = m_processes[p];
        QPointF target;
        QString name;
        if (status.blockedObject >= 0) {
            name = ui::objectName(trace, status.blockedObject);
            target = objectPoint(status.blockedObject, process->scenePos());
        } else if (const Operation* op = operationAt(static_cast<int>(p), status.line);
                   op != nullptr && op->peerKind == PeerKind::Process) {
            const int peer = m_scenario ? m_scenario->processIndex(op->object) : -1;
            if (peer < 0 || peer >= static_cast<int>(m_processes.size())) {
                continue;
            }
            name = QString::fromStdString(op->object);
            target = m_processes[static_cast<std::size_t>(peer)]->borderPoint(process->scenePos());
        } else {
            continue;
        }
        m_waitNames[static_cast<int>(p)] = name;
        ArrowItem* a = arrow(used++);
        a->setStyle(
            {deadlock ? m_theme.deadlock : m_theme.waiting, deadlock ? 7.0 : 4.0, !deadlock, true});
        a->setEnds(process->borderPoint(target), target);
    }
    for (std::size_t i = used; i < m_arrows.size(); ++i) {
        m_arrows[i]->setVisible(false);
    }
    QString banner;
    if (deadlock) {
        QStringList cycle;
        for (const WaitEdge& edge : trace.deadlockCycle) {
            cycle << processName(trace, edge.proc);
        }
        if (!trace.deadlockCycle.empty()) {
            cycle << processName(trace, trace.deadlockCycle.front().proc);
        }
        banner = tr("DEADLOCK: %1").arg(cycle.join(QStringLiteral(" → ")));
    } else if (m_state.ended && m_state.outcome == Outcome::AwaitingChoice) {
        banner = tr("Your turn: click a ready process to run it next");
    }
    if (m_banner != nullptr) {
        m_banner->setText(banner);
        m_banner->setBrush(deadlock ? m_theme.deadlock : m_theme.selectable);
    }
}

void SystemView::startToken(std::size_t from, std::size_t to) {
    const Trace& trace = *m_trace;
    // Animate the latest message movement of the step (a fast play skips the others).
    for (std::size_t i = to; i-- > from;) {
        const Event& e = trace.events[i];
        if (e.kind != EventKind::MsgSent && e.kind != EventKind::MsgReceived) {
            continue;
        }
        if (e.proc >= m_processes.size()) {
            return;
        }
        ProcessItem* process = m_processes[e.proc];
        QPointF place = objectPoint(e.object, process->scenePos());
        if (auto* mailbox = dynamic_cast<MailboxItem*>(objectItem(e.object))) {
            place = mailbox->slotCentre(e.kind == EventKind::MsgSent ? std::max(0, e.b - 1) : 0);
        }
        if (e.kind == EventKind::MsgSent) {
            m_tokenFrom = process->scenePos();
            m_tokenTo = place;
        } else {
            m_tokenFrom = place;
            m_tokenTo = process->scenePos();
        }
        m_token->setText(QString::fromStdString(trace.str(e.text)), m_theme);
        m_token->setPos(m_tokenFrom);
        m_token->setVisible(true);
        m_animationClock.start();
        m_animation.start();
        return;
    }
    m_animation.stop();
    m_token->setVisible(false);
}

void SystemView::animationFrame() {
    const double t = std::min(1.0, static_cast<double>(m_animationClock.elapsed()) / kTokenMs);
    const double eased = t * t * (3 - 2 * t);
    m_token->setPos(m_tokenFrom + (m_tokenTo - m_tokenFrom) * eased);
    if (t >= 1.0) {
        m_animation.stop();
        m_token->setVisible(false);
    }
}

} // namespace ipclab::ui
