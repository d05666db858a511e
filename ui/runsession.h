#pragma once
// The one cursor every view follows. A RunSession holds the run on show (scenario, trace,
// StateCursor), moves the cursor and hands each registered TraceView the state there. In
// "you are the scheduler" mode a ManualRun (sim/kernel, Qt-free) keeps the user's choices
// and re-simulates; this class only shows its runs.

#include "scenario.h"
#include "state.h"
#include "trace.h"
#include "traceview.h"

#include <QObject>
#include <memory>
#include <vector>

namespace ipclab {
class ManualRun;
}

namespace ipclab::ui {

class RunSession : public QObject {
    Q_OBJECT
public:
    explicit RunSession(QObject* parent = nullptr);
    ~RunSession() override;

    /// Views are told about every run and cursor move, in registration order.
    void addView(TraceView* view);

    /// Simulate `scenario` (in manual mode with the current choices) and show the trace
    /// with the cursor at 0. Returns false when no simulator is linked in.
    bool runScenario(std::shared_ptr<const Scenario> scenario);
    /// Show a trace made elsewhere (a real run, a test's hand-made trace); cursor at 0.
    void showTrace(std::shared_ptr<const Scenario> scenario, std::shared_ptr<const Trace> trace);

    bool hasRun() const { return m_trace != nullptr; }
    const Scenario* scenario() const { return m_scenario.get(); }
    std::shared_ptr<const Scenario> scenarioPtr() const { return m_scenario; }
    const Trace* trace() const { return m_trace.get(); }
    std::shared_ptr<const Trace> tracePtr() const { return m_trace; }
    /// Events applied: 0 (before the first) .. length() (the end of the run).
    std::size_t position() const { return m_position; }
    std::size_t length() const;
    const SystemState& state() const { return m_state; }
    bool atEnd() const { return m_position >= length(); }

    void setPosition(std::size_t k);
    void step(int delta);
    /// Tell every view the run and the cursor again, as if just shown (the views render
    /// their texts anew, e.g. after the language changed).
    void retell();

    /// Page Down / Page Up of a presenter: just past the next `say` after the cursor, or
    /// back to the start of the caption on show (its previous one when already there).
    /// False when there is none to go to.
    bool nextCaption();
    bool previousCaption();

    /// "Reveal as you go" for every view (on by default; see TraceView).
    bool revealAsYouGo() const { return m_reveal; }
    void setRevealAsYouGo(bool on);

    /// "You are the scheduler": force the manual policy and re-simulate from no choices.
    bool manualMode() const { return m_manual; }
    void setManualMode(bool on);
    const std::vector<int>& choices() const;
    /// Processes the user may pick now: in manual mode, who may run at the first choice
    /// point at or after the cursor (every operation boundary where two or more could
    /// run). Empty otherwise.
    std::vector<int> selectableProcesses() const;
    /// Decide that choice point for `proc`: choices made later are dropped, the run is
    /// re-simulated and the cursor moves just past the choice taking effect. Returns
    /// false when `proc` is not selectable.
    bool chooseProcess(int proc);

signals:
    void runChanged();
    void positionChanged(std::size_t position);
    void revealChanged(bool on);

private:
    void simulateAgain();
    void install(std::shared_ptr<const Trace> trace, std::size_t position);

    std::shared_ptr<const Scenario> m_scenario;
    std::shared_ptr<const Trace> m_trace;
    std::unique_ptr<StateCursor> m_cursor;
    SystemState m_state;
    std::size_t m_position = 0;
    std::vector<TraceView*> m_views;
    bool m_manual = false;
    bool m_reveal = true;
    std::unique_ptr<ManualRun> m_manualRun; ///< in manual mode, the run on show
};

} // namespace ipclab::ui
