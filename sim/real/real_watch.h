#pragma once
// The runner while the children go: drain their rings, reap the ones that end, and end
// the run when it deadlocks, makes no progress, refuses a foreign object or is
// interrupted by a signal.

#include "real_engine.h"
#include "real_merge.h"
#include "real_shared.h"

#include <csignal>
#include <string>
#include <sys/types.h>
#include <vector>

namespace ipclab::real {

/// The run's state while the children go: who is still alive, what they wrote.
struct Watch {
    std::vector<pid_t> pids;
    std::vector<bool> alive;
    std::vector<ChildEnd> ends;
    std::vector<std::vector<unsigned char>> records; ///< raw ring bytes per process
    int running = 0;
    pid_t group = 0;

    void start(std::vector<pid_t> children, pid_t processGroup);
};

/// Blocks SIGINT, SIGTERM and SIGHUP in the runner for its lifetime, so that they end the
/// run through the watch loop (clean-up, report) instead of killing the runner with its
/// objects still in place; the old mask comes back at the end. Children unblock them.
class InterruptGuard {
public:
    InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;
    ~InterruptGuard();
    /// The interrupting signal that arrived (taking it), or 0.
    int take();

private:
    sigset_t m_set{};
    sigset_t m_old{};
};

/// Waits until every child ended or something ended the run. Returns the outcome; the
/// notes say why a run was ended.
Outcome watchRun(SharedArea& shared, Watch& w, const RealOptions& options,
                 InterruptGuard& interrupts, const std::vector<std::string>& objectNames,
                 std::vector<std::string>& notes);

/// "SIGKILL", "SIGTERM", ... or "signal N".
std::string signalName(int sig);

} // namespace ipclab::real
