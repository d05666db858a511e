#include "real_watch.h"

#include "busy_loop.h"

#include <algorithm>
#include <cstring>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

namespace ipclab::real {

namespace {

void drainAll(SharedArea& shared, Watch& w) {
    for (std::size_t i = 0; i < w.pids.size(); ++i) {
        drainRing(shared.child(static_cast<int>(i)), shared.ring(static_cast<int>(i)),
                  shared.ringBytes(), w.records[i]);
    }
}

void reapFinished(Watch& w, bool block) {
    for (std::size_t i = 0; i < w.pids.size(); ++i) {
        if (!w.alive[i]) {
            continue;
        }
        int status = 0;
        rusage usage{};
        const pid_t r = wait4(w.pids[i], &status, block ? 0 : WNOHANG, &usage);
        if (r == w.pids[i]) {
            w.alive[i] = false;
            --w.running;
            w.ends[i].exited = WIFEXITED(status);
            w.ends[i].status = WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status);
            w.ends[i].voluntarySwitches = usage.ru_nvcsw;
            w.ends[i].involuntarySwitches = usage.ru_nivcsw;
        }
    }
}

/// A fingerprint of everything the children did so far; unchanged means no progress.
std::uint64_t progressOf(SharedArea& shared, const Watch& w) {
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < w.pids.size(); ++i) {
        auto& c = shared.child(static_cast<int>(i));
        sum += c.head.load(std::memory_order_acquire) * 31 + c.callSeq.load() * 7 + c.phase.load();
    }
    return sum;
}

std::uint64_t eventsOf(SharedArea& shared, const Watch& w) {
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < w.pids.size(); ++i) {
        sum += shared.child(static_cast<int>(i)).events.load(std::memory_order_relaxed);
    }
    return sum;
}

bool allAliveInCalls(SharedArea& shared, const Watch& w) {
    for (std::size_t i = 0; i < w.pids.size(); ++i) {
        const auto phase = shared.child(static_cast<int>(i)).phase.load();
        if (w.alive[i] && phase != InCall && phase != AwaitingObject) {
            return false;
        }
    }
    return w.running > 0;
}

void snapshotCalls(SharedArea& shared, Watch& w) {
    for (std::size_t i = 0; i < w.pids.size(); ++i) {
        auto& c = shared.child(static_cast<int>(i));
        auto& e = w.ends[i];
        const auto phase = c.phase.load();
        e.inCall = phase == InCall || phase == AwaitingObject;
        e.awaiting = phase == AwaitingObject;
        e.callStart = c.callStart;
        e.callOp = c.callOp;
        e.callSyscall = c.callSyscall;
        e.callObject = c.callObject;
        e.callLine = c.callLine;
    }
}

/// Ends the run now: what each child was doing, then the whole group killed and reaped.
void endRun(SharedArea& shared, Watch& w) {
    snapshotCalls(shared, w);
    for (std::size_t i = 0; i < w.pids.size(); ++i) {
        w.ends[i].killedByRunner = w.alive[i];
    }
    kill(-w.group, SIGKILL);
    reapFinished(w, true);
    drainAll(shared, w);
}

std::string foreignNote(SharedArea& shared, const std::vector<std::string>& objectNames) {
    const auto i = static_cast<std::size_t>(shared.foreignObject().load());
    return "refused: " + (i < objectNames.size() ? objectNames[i] : std::string("an object")) +
           " was made by someone else; the run stopped without using it and left it alone";
}

} // namespace

void Watch::start(std::vector<pid_t> children, pid_t processGroup) {
    pids = std::move(children);
    group = processGroup;
    const std::size_t n = pids.size();
    alive.assign(n, true);
    ends.resize(n);
    records.resize(n);
    running = static_cast<int>(n);
}

InterruptGuard::InterruptGuard() {
    sigemptyset(&m_set);
    sigaddset(&m_set, SIGINT);
    sigaddset(&m_set, SIGTERM);
    sigaddset(&m_set, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &m_set, &m_old);
}

InterruptGuard::~InterruptGuard() {
    pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
}

int InterruptGuard::take() {
    const timespec now{0, 0};
    const int sig = sigtimedwait(&m_set, nullptr, &now);
    return sig > 0 ? sig : 0;
}

std::string signalName(int sig) {
    const char* abbrev = sigabbrev_np(sig);
    return abbrev != nullptr ? "SIG" + std::string(abbrev) : "signal " + std::to_string(sig);
}

Outcome watchRun(SharedArea& shared, Watch& w, const RealOptions& options,
                 InterruptGuard& interrupts, const std::vector<std::string>& objectNames,
                 std::vector<std::string>& notes) {
    const auto timeoutNs = static_cast<std::uint64_t>(options.timeoutSeconds * 1e9);
    // All processes waiting inside IPC calls, and nothing moved for this long: nobody is
    // left to wake them (the engine never uses timeouts in blocking calls).
    const std::uint64_t deadlockNs = std::min<std::uint64_t>(timeoutNs, 500000000ull);
    std::uint64_t lastProgress = monotonicNs();
    std::uint64_t fingerprint = progressOf(shared, w);
    while (w.running > 0) {
        shared.waitForDrainRequest(kRunnerTickNs);
        drainAll(shared, w);
        reapFinished(w, false);
        if (const int sig = interrupts.take()) {
            endRun(shared, w);
            notes.push_back("interrupted by " + signalName(sig) +
                            ": the runner ended the run and removed its objects");
            return Outcome::Interrupted;
        }
        if (eventsOf(shared, w) >= options.maxEvents) {
            endRun(shared, w);
            notes.push_back("stopped after " + std::to_string(eventsOf(shared, w)) +
                            " events: the run's event limit (--event-limit " +
                            std::to_string(options.maxEvents) + ")");
            return Outcome::EventLimit;
        }
        if (shared.foreignObject().load() >= 0) {
            endRun(shared, w);
            notes.push_back(foreignNote(shared, objectNames));
            return Outcome::Error;
        }
        const std::uint64_t now = monotonicNs();
        const std::uint64_t f = progressOf(shared, w);
        if (f != fingerprint) {
            fingerprint = f;
            lastProgress = now;
            continue;
        }
        const bool stuck = allAliveInCalls(shared, w);
        if ((stuck && now - lastProgress >= deadlockNs) || now - lastProgress >= timeoutNs) {
            endRun(shared, w);
            notes.push_back(std::string(stuck ? "deadlock" : "no progress") + " for " +
                            std::to_string((now - lastProgress) / 1000000) +
                            " ms: the watchdog ended the run");
            return stuck ? Outcome::Deadlock : Outcome::TimeLimit;
        }
    }
    drainAll(shared, w);
    if (shared.foreignObject().load() >= 0) {
        notes.push_back(foreignNote(shared, objectNames));
        return Outcome::Error;
    }
    return Outcome::Completed;
}

} // namespace ipclab::real
