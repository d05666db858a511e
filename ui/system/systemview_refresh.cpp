// SystemView: turning the state at the cursor into items, and the message animation.

#include "edgeitems.h"
#include "objectitems.h"
#include "opformat.h"
#include "processitem.h"
#include "segmentcells.h"
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

QString costText(const StepCost& cost) {
    if (cost.sharedMemory && cost.syscalls.empty()) {
        // The point of the shared-memory lessons: an access is a plain load or store.
        return SystemView::tr("%1: no syscall").arg(QString::fromUtf8(opName(cost.op).data()));
    }
    QStringList names;
    for (const std::string& name : cost.syscalls) {
        names << QString::fromStdString(name);
    }
    names.removeDuplicates();
    QString text =
        SystemView::tr("%1 +%2").arg(names.join(QStringLiteral(" + "))).arg(cost.syscalls.size());
    if (cost.refused) {
        text += QStringLiteral(" ✗");
    }
    return text;
}

} // namespace

void SystemView::refresh() {
    if (!m_trace || !m_hasState) {
        return;
    }
    m_cost = stepCost(*m_trace, m_index);
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
        look.uid = p < m_uids.size() ? m_uids[p] : QString();
        if (m_cost.proc == proc) {
            look.cost = costText(m_cost);
            look.costFree = m_cost.syscalls.empty() && m_cost.sharedMemory;
            look.costRefused = m_cost.refused;
        }
        m_processes[p]->setLook(std::move(look), m_theme);
    }
}

void SystemView::refreshObjects() {
    const Trace& trace = *m_trace;
    // Cells touched by the last few events stay highlighted, so a step shows what it did.
    std::map<int, std::set<std::int64_t>> written;
    std::map<int, std::set<std::int64_t>> read;
    std::map<int, std::set<std::int64_t>> writtenNow;
    if (m_index > 0 && m_index <= trace.events.size()) {
        const Event& e = trace.events[m_index - 1];
        if (e.kind == EventKind::ShmWrite) {
            writtenNow[e.object].insert(e.a);
        }
    }
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
            // A removed segment keeps showing what it held, faded: "nothing written yet"
            // after writes would be a lie.
            const auto& source =
                status.exists || !seen ? status.cells : cellsWritten(trace, object, m_index);
            std::map<std::int64_t, QString> cells;
            for (const auto& [offset, value] : source) {
                cells[offset] = QString::fromStdString(value);
            }
            segment->setCells(std::move(cells), written[object], read[object],
                              status.markedForRemoval, writtenNow[object]);
        } else if (auto* semaphore = dynamic_cast<SemaphoreItem*>(item)) {
            semaphore->setValue(status.semValue);
            QStringList holders;
            for (int holder : status.holders) {
                holders << processName(trace, holder);
            }
            semaphore->setHolders(holders);
        }
    }
    for (auto& [object, link] : m_links) {
        if (static_cast<std::size_t>(object) >= m_state.objects.size()) {
            continue;
        }
        const ObjectStatus& status = m_state.objects[static_cast<std::size_t>(object)];
        // A shut link stays drawn while it still holds messages (the sender may have ended
        // before the receiver read them).
        link->setVisible(status.exists || !status.queue.empty());
        link->setShut(!status.exists);
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
    m_arrows[i]->setLabel(QString());
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
    m_waitsFor.clear();
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
    refreshConnections(used);
    // Deadlock: the wait-for cycle as directed "waits for" edges between processes.
    const bool deadlock = m_state.ended && m_state.outcome == Outcome::Deadlock;
    std::set<int> drawnAsEdges;
    if (deadlock) {
        refreshDeadlockEdges(used, drawnAsEdges);
    }
    // Waits: a blocked process points at what it waits on.
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
        if (drawnAsEdges.count(static_cast<int>(p)) > 0) {
            continue;
        }
        ArrowItem* a = arrow(used++);
        a->setStyle(
            {deadlock ? m_theme.deadlock : m_theme.waiting, deadlock ? 7.0 : 4.0, !deadlock, true});
        a->setEnds(process->borderPoint(target), target);
    }
    // A refused call, drawn at the moment it happens: a red dashed arrow that stops at
    // the object, with the kernel's answer on it.
    if (m_cost.refused && m_cost.proc >= 0 &&
        static_cast<std::size_t>(m_cost.proc) < m_processes.size() && m_cost.object >= 0) {
        ProcessItem* process = m_processes[static_cast<std::size_t>(m_cost.proc)];
        const QPointF target = objectPoint(m_cost.object, process->scenePos());
        ArrowItem* a = arrow(used++);
        a->setStyle({m_theme.deadlock, 5, true, true});
        a->setEnds(process->borderPoint(target), target);
        const QString call =
            m_cost.syscalls.empty() ? QString() : QString::fromStdString(m_cost.syscalls.back());
        a->setLabel(tr("%1 refused: %2")
                        .arg(call, QString::fromUtf8(resultName(m_cost.result).data())
                                       .replace(QLatin1Char('_'), QLatin1Char(' '))));
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

void SystemView::refreshConnections(std::size_t& used) {
    // Mailbox users: every process that has sent to a mailbox or received from it stays
    // drawn connected to it (the arrow says which way its messages go).
    std::set<std::pair<int, int>> pairs;
    for (const MailboxUse& use : m_mailboxUsers) {
        if (use.firstAt >= m_index || static_cast<std::size_t>(use.proc) >= m_processes.size()) {
            continue;
        }
        ObjectItem* box = objectItem(use.object);
        if (box == nullptr || !box->isVisible() || !pairs.insert({use.proc, use.object}).second) {
            continue;
        }
        ProcessItem* process = m_processes[static_cast<std::size_t>(use.proc)];
        QColor colour = m_theme.link;
        colour.setAlpha(box->opacity() < 1.0 ? 70 : 150);
        const QPointF atBox = box->borderPoint(process->scenePos());
        const QPointF atProcess = process->borderPoint(box->scenePos());
        ArrowItem* a = arrow(used++);
        a->setStyle({colour, 3, false, use.sends != use.receives});
        if (use.receives && !use.sends) {
            a->setEnds(atBox, atProcess);
        } else {
            a->setEnds(atProcess, atBox);
        }
    }
}

void SystemView::refreshDeadlockEdges(std::size_t& used, std::set<int>& drawn) {
    for (const WaitEdge& edge : m_trace->deadlockCycle) {
        const auto n = static_cast<int>(m_processes.size());
        if (edge.proc < 0 || edge.proc >= n || edge.holder < 0 || edge.holder >= n ||
            edge.holder == edge.proc) {
            continue;
        }
        ProcessItem* from = m_processes[static_cast<std::size_t>(edge.proc)];
        ProcessItem* to = m_processes[static_cast<std::size_t>(edge.holder)];
        // Two processes waiting for each other get two parallel arrows, not two heads
        // meeting in the middle (which reads as "both send").
        QPointF a = from->borderPoint(to->scenePos());
        QPointF b = to->borderPoint(from->scenePos());
        const QLineF line(a, b);
        if (line.length() < 1) {
            continue;
        }
        const QPointF normal = QPointF(-line.dy(), line.dx()) / line.length();
        const qreal side = edge.proc < edge.holder ? 22 : -22;
        a += normal * side;
        b += normal * side;
        QString label = tr("waits for");
        if (edge.object >= 0 && static_cast<std::size_t>(edge.object) < m_trace->objects.size() &&
            m_trace->objects[static_cast<std::size_t>(edge.object)].kind != ObjectKind::Link) {
            label = tr("waits for (%1)").arg(ui::objectName(*m_trace, edge.object));
        }
        ArrowItem* arrowItem = arrow(used++);
        arrowItem->setStyle({m_theme.deadlock, 7, false, true});
        // Label near the tail, so the two labels of a pair never meet.
        arrowItem->setEnds(a, b);
        arrowItem->setLabel(label, 0.3);
        drawn.insert(edge.proc);
        m_waitsFor[edge.proc] = processName(*m_trace, edge.holder);
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
