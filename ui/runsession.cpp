#include "runsession.h"

#include <algorithm>

#ifdef IPCLAB_HAVE_KERNEL
#include "kernel.h"
#endif

namespace ipclab::ui {

RunSession::RunSession(QObject* parent) : QObject(parent) {
}

RunSession::~RunSession() = default;

void RunSession::addView(TraceView* view) {
    m_views.push_back(view);
    view->setRevealAsYouGo(m_reveal);
    if (m_trace) {
        view->setRun(m_scenario, m_trace);
        view->setCursor(m_position, m_state);
    }
}

std::size_t RunSession::length() const {
    return m_trace ? m_trace->events.size() : 0;
}

bool RunSession::runScenario(std::shared_ptr<const Scenario> scenario) {
    m_scenario = std::move(scenario);
    m_choices.clear();
#ifdef IPCLAB_HAVE_KERNEL
    simulateAgain();
    install(m_trace, 0);
    return true;
#else
    return false;
#endif
}

void RunSession::showTrace(std::shared_ptr<const Scenario> scenario,
                           std::shared_ptr<const Trace> trace) {
    m_scenario = std::move(scenario);
    m_readyChoices.clear();
    install(std::move(trace), 0);
}

void RunSession::simulateAgain() {
#ifdef IPCLAB_HAVE_KERNEL
    if (!m_scenario) {
        return;
    }
    RunOptions options;
    SimulationResult result;
    if (m_manual) {
        Scenario manual = *m_scenario;
        manual.kernel.scheduler = SchedulerPolicy::Manual;
        options.choices = m_choices;
        result = simulate(manual, options);
    } else {
        result = simulate(*m_scenario, options);
    }
    m_readyChoices = result.readyChoices;
    m_trace = std::make_shared<const Trace>(std::move(result.trace));
#endif
}

void RunSession::retell() {
    if (m_trace) {
        install(m_trace, m_position);
    }
}

void RunSession::install(std::shared_ptr<const Trace> trace, std::size_t position) {
    m_trace = std::move(trace);
    m_cursor = std::make_unique<StateCursor>(m_trace);
    m_position = std::min(position, length());
    m_state = m_cursor->at(m_position);
    for (TraceView* view : m_views) {
        view->setRun(m_scenario, m_trace);
    }
    emit runChanged();
    for (TraceView* view : m_views) {
        view->setCursor(m_position, m_state);
    }
    emit positionChanged(m_position);
}

void RunSession::setPosition(std::size_t k) {
    if (!m_cursor) {
        return;
    }
    k = std::min(k, length());
    if (k == m_position) {
        return;
    }
    m_position = k;
    m_state = m_cursor->at(k);
    for (TraceView* view : m_views) {
        view->setCursor(m_position, m_state);
    }
    emit positionChanged(m_position);
}

bool RunSession::nextCaption() {
    for (std::size_t i = m_position; i < length(); ++i) {
        if (m_trace->events[i].kind == EventKind::Caption) {
            setPosition(i + 1);
            return true;
        }
    }
    return false;
}

bool RunSession::previousCaption() {
    if (!m_trace || m_position == 0) {
        return false;
    }
    // The caption on show is the last one before the cursor; standing on it, go one back.
    std::size_t i = m_position;
    bool skippedCurrent = false;
    while (i-- > 0) {
        if (m_trace->events[i].kind != EventKind::Caption) {
            continue;
        }
        if (i + 1 == m_position && !skippedCurrent) {
            skippedCurrent = true;
            continue;
        }
        setPosition(i + 1);
        return true;
    }
    setPosition(0);
    return true;
}

void RunSession::setRevealAsYouGo(bool on) {
    if (m_reveal == on) {
        return;
    }
    m_reveal = on;
    for (TraceView* view : m_views) {
        view->setRevealAsYouGo(on);
        if (m_trace) {
            view->setCursor(m_position, m_state);
        }
    }
    emit revealChanged(on);
}

void RunSession::step(int delta) {
    const auto current = static_cast<long long>(m_position);
    const long long target = std::max(0LL, current + delta);
    setPosition(static_cast<std::size_t>(target));
}

void RunSession::setManualMode(bool on) {
    if (m_manual == on) {
        return;
    }
    m_manual = on;
    m_choices.clear();
    if (m_scenario && m_scenario->kernel.scheduler != SchedulerPolicy::Manual) {
#ifdef IPCLAB_HAVE_KERNEL
        simulateAgain();
        install(m_trace, 0);
#endif
    }
}

std::size_t RunSession::choicesBefore(std::size_t k) const {
    std::size_t n = 0;
    for (std::size_t i = 0; i < k && i < length(); ++i) {
        const Event& e = m_trace->events[i];
        if (e.kind == EventKind::Dispatch && e.a >= 2) {
            ++n;
        }
    }
    return n;
}

std::vector<int> RunSession::selectableProcesses() const {
    if (!m_trace ||
        !(m_manual || (m_scenario && m_scenario->kernel.scheduler == SchedulerPolicy::Manual))) {
        return {};
    }
    if (atEnd() && m_trace->outcome == Outcome::AwaitingChoice) {
        return m_readyChoices;
    }
    std::vector<int> ready;
    for (std::size_t p = 0; p < m_state.processes.size(); ++p) {
        if (m_state.processes[p].state == ProcState::Ready) {
            ready.push_back(static_cast<int>(p));
        }
    }
    return ready;
}

bool RunSession::chooseProcess(int proc) {
    const std::vector<int> selectable = selectableProcesses();
    if (std::find(selectable.begin(), selectable.end(), proc) == selectable.end()) {
        return false;
    }
#ifdef IPCLAB_HAVE_KERNEL
    const std::size_t kept = std::min(m_choices.size(), choicesBefore(m_position));
    m_choices.resize(kept);
    m_choices.push_back(proc);
    simulateAgain();
    // Show the choice taking effect: just past its dispatch (the kept+1-th real choice)
    // and the chosen process's switch to running.
    std::size_t target = m_position;
    std::size_t seen = 0;
    bool dispatched = false;
    for (std::size_t i = 0; i < m_trace->events.size(); ++i) {
        const Event& e = m_trace->events[i];
        if (!dispatched && e.kind == EventKind::Dispatch && e.a >= 2 && seen++ == kept) {
            target = i + 1;
            dispatched = true;
        } else if (dispatched && e.proc == proc && e.kind == EventKind::State) {
            if (static_cast<ProcState>(e.a) == ProcState::Running) {
                target = i + 1;
            }
            break;
        }
    }
    install(m_trace, target);
    return true;
#else
    return false;
#endif
}

} // namespace ipclab::ui
