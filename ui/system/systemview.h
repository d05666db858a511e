#pragma once
// The system view: processes, links, mailboxes, segments and semaphores of "the system at
// event k", with messages animated on their way. Animation runs on its own short-lived
// clock, apart from simulated time, and stops as soon as the token has arrived.

#include "eventcost.h"
#include "messageflow.h"
#include "theme.h"
#include "traceview.h"

#include <QElapsedTimer>
#include <QGraphicsView>
#include <QTimer>
#include <map>
#include <memory>
#include <set>
#include <vector>

class QGraphicsSimpleTextItem;

namespace ipclab::ui {

class ArrowItem;
class LinkItem;
class MailboxItem;
class ObjectItem;
class ProcessItem;
class SegmentItem;
class SemaphoreItem;
class TokenItem;

class SystemView : public QGraphicsView, public TraceView {
    Q_OBJECT
public:
    static constexpr int kTokenMs = 450;

    explicit SystemView(QWidget* parent = nullptr);
    ~SystemView() override;

    void setRun(std::shared_ptr<const Scenario> scenario,
                std::shared_ptr<const Trace> trace) override;
    void setCursor(std::size_t index, const SystemState& state) override;
    /// Manual scheduling: the processes the user may pick now (drawn with a green halo).
    void setSelectable(const std::vector<int>& processes);
    void setAnimationEnabled(bool on) { m_animate = on; }

    // What the view shows, for tests and for the status bar.
    QString processStateText(int proc) const;
    QString processOpText(int proc) const;
    QString processVariables(int proc) const;
    bool processSelectable(int proc) const;
    bool processDeadlocked(int proc) const;
    QStringList mappedSegments(int proc) const;
    /// The object a blocked process's "waits for" arrow points at ("" when none).
    QString waitTarget(int proc) const;
    int mailboxFilledSlots(const QString& name) const;
    QStringList mailboxMessages(const QString& name) const;
    bool mailboxVisible(const QString& name) const;
    /// A deleted object stays drawn, faded, so the picture keeps its story.
    bool objectFaded(const QString& name, int kind) const;
    bool linkVisible(const QString& name) const;
    int linkQueued(const QString& name) const;
    QString segmentCell(const QString& name, qint64 offset) const;
    /// "written", "read" or "" for a cell's highlight.
    QString segmentCellHighlight(const QString& name, qint64 offset) const;
    qint64 semaphoreValue(const QString& name) const;
    /// Where process `proc`'s card is drawn (scene coordinates).
    QRectF processSceneRect(int proc) const;
    bool tokenInFlight() const;
    QString tokenText() const;
    QString banner() const;

    // The "honest at every event" items.
    /// The cost badge on a process ("mq_timedsend +1", "write: no syscall"; "" when none).
    QString processCost(int proc) const;
    /// "uid 1000" on a process where users matter, else "".
    QString processUid(int proc) const;
    /// A segment's heading as drawn (name, key, size, mode).
    QString segmentTitle(const QString& name) const;
    /// True for the cell written by the current step.
    bool segmentCellWrittenNow(const QString& name, qint64 offset) const;
    /// A shut link still drawn because it holds messages.
    bool linkShut(const QString& name) const;
    /// Names of the holders drawn under a semaphore.
    QStringList semaphoreHolders(const QString& name) const;
    /// The processes drawn connected to a mailbox (they have sent to it or received from it).
    QStringList mailboxUsers(const QString& name) const;
    /// Deadlock: the process `proc`'s "waits for" edge points at ("" when none drawn).
    QString waitsFor(int proc) const;
    /// The labels of the arrows drawn now ("waits for", "shmat refused: permission denied").
    QStringList labelledArrows() const;
    /// Every text-bearing rectangle drawn now, in scene coordinates: process cards, cost
    /// badges, object boxes, arrow labels, link badges and the banner.
    std::vector<QRectF> labelRects() const;

    // Zoom and pan (wheel, pinch, drag; fit-to-window with F or a double click).
    void zoomBy(qreal factor);
    void fitToWindow();
    /// 1.0 when the whole system fits the window; above 1 when zoomed in.
    qreal zoom() const;

signals:
    void processClicked(int proc);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    void rebuild();
    void refresh();
    void refreshProcesses();
    void refreshObjects();
    void refreshArrows();
    void startToken(std::size_t from, std::size_t to);
    void animationFrame();
    void fit();
    qreal fitScale() const;
    void refreshConnections(std::size_t& used);
    void refreshDeadlockEdges(std::size_t& used, std::set<int>& drawn);
    const Operation* operationAt(int proc, int line) const;
    QPointF objectPoint(int object, QPointF towards) const;
    ObjectItem* objectItem(int object) const;
    int objectIndex(const QString& name, int kind) const;
    ArrowItem* arrow(std::size_t i);
    int processIndexOf(const QString& name) const;

    std::shared_ptr<const Scenario> m_scenario;
    std::shared_ptr<const Trace> m_trace;
    SystemState m_state;
    std::size_t m_index = 0;
    bool m_hasState = false;
    Theme m_theme;
    std::vector<ProcessItem*> m_processes;
    std::map<int, ObjectItem*> m_objects;   ///< trace object index -> box (not links)
    std::map<int, LinkItem*> m_links;       ///< trace object index -> edge
    std::map<int, std::size_t> m_createdAt; ///< object -> index of its first ObjCreated
    std::vector<ArrowItem*> m_arrows;       ///< pool: waits, mappings, deadlock edges
    std::map<int, int> m_waitTargets;       ///< proc -> arrow index, for waitTarget()
    std::map<int, QString> m_waitNames;
    std::vector<int> m_selectable;
    std::map<std::pair<int, int>, const Operation*> m_opsByLine;
    QGraphicsSimpleTextItem* m_banner = nullptr;
    TokenItem* m_token = nullptr;
    QTimer m_animation;
    QElapsedTimer m_animationClock;
    QPointF m_tokenFrom;
    QPointF m_tokenTo;
    bool m_animate = true;
    bool m_userZoomed = false; ///< the user zoomed or panned: a resize keeps their view
    StepCost m_cost;           ///< what the current step cost
    std::vector<MailboxUse> m_mailboxUsers; ///< who ever used which mailbox, when first
    std::vector<QString> m_uids;            ///< per process: "uid N" or "" (see processUid)
    std::map<int, QString> m_waitsFor;      ///< proc -> holder drawn by a deadlock edge
};

} // namespace ipclab::ui
