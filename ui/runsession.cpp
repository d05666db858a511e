#include "runsession.h"

#include "kernel.h"
#include "manualrun.h"

#include <QEventLoop>
#include <QProgressDialog>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <thread>

namespace ipclab::ui {

namespace {

/// Operations a full run executes (repeat bodies multiplied): what makes a run long.
std::uint64_t operationsOf(const std::vector<Operation>& program) {
    std::uint64_t n = 0;
    for (const Operation& op : program) {
        n += op.kind == OpKind::Repeat
                 ? static_cast<std::uint64_t>(std::max<std::int64_t>(op.count, 0)) *
                       operationsOf(op.body)
                 : 1;
    }
    return n;
}

/// Past this many operations a run goes to a worker thread (about a tenth of a second).
constexpr std::uint64_t kLongRun = 1'000'000;

/// Runs `scenario` on a worker thread while the GUI keeps drawing; after a moment a
/// progress dialog offers to cancel (the run then ends early, outcome time_limit, note
/// "cancelled"). Returns when the run is over, like simulate().
Trace simulateOffThread(const Scenario& scenario) {
    std::atomic<bool> cancel{false};
    std::atomic<std::uint64_t> progress{0};
    RunOptions options;
    options.cancel = &cancel;
    options.progress = &progress;
    Trace trace;
    QEventLoop loop;
    std::thread worker([&] {
        trace = std::move(simulate(scenario, options).trace);
        QMetaObject::invokeMethod(
            &loop, [&loop] { loop.quit(); }, Qt::QueuedConnection);
    });
    QProgressDialog dialog(QObject::tr("Simulating…"), QObject::tr("Cancel"), 0, 0);
    dialog.setWindowModality(Qt::ApplicationModal);
    dialog.setMinimumDuration(400);
    QObject::connect(&dialog, &QProgressDialog::canceled, [&cancel] { cancel = true; });
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        dialog.setLabelText(
            QObject::tr("Simulating… %L1 events").arg(static_cast<qulonglong>(progress.load())));
    });
    tick.start(100);
    loop.exec();
    worker.join();
    return trace;
}

} // namespace

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
    m_manualRun.reset();
    simulateAgain();
    install(m_trace, 0);
    return true;
}

void RunSession::showTrace(std::shared_ptr<const Scenario> scenario,
                           std::shared_ptr<const Trace> trace) {
    m_scenario = std::move(scenario);
    m_manualRun.reset();
    install(std::move(trace), 0);
}

const std::vector<int>& RunSession::choices() const {
    static const std::vector<int> none;
    return m_manualRun ? m_manualRun->choices() : none;
}

void RunSession::simulateAgain() {
    if (!m_scenario) {
        return;
    }
    if (m_manual || m_scenario->kernel.scheduler == SchedulerPolicy::Manual) {
        m_manualRun = std::make_unique<ManualRun>(m_scenario);
        m_trace = std::make_shared<const Trace>(m_manualRun->replay().trace);
    } else {
        m_manualRun.reset();
        std::uint64_t operations = 0;
        for (const ProcessSpec& p : m_scenario->processes) {
            operations += operationsOf(p.program);
        }
        m_trace = std::make_shared<const Trace>(operations > kLongRun
                                                    ? simulateOffThread(*m_scenario)
                                                    : std::move(simulate(*m_scenario).trace));
    }
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
    if (m_scenario && m_scenario->kernel.scheduler != SchedulerPolicy::Manual) {
        simulateAgain();
        install(m_trace, 0);
    }
}

std::vector<int> RunSession::selectableProcesses() const {
    if (!m_trace || !m_manualRun || m_trace.get() == nullptr) {
        return {};
    }
    return m_manualRun->runnableAt(m_position);
}

bool RunSession::chooseProcess(int proc) {
    if (!m_manualRun) {
        return false;
    }
    const auto target = m_manualRun->choose(m_position, proc);
    if (!target) {
        return false;
    }
    m_trace = std::make_shared<const Trace>(m_manualRun->replay().trace);
    install(m_trace, *target);
    return true;
}

} // namespace ipclab::ui
