#pragma once
// Nothing leaks: every name and key a run may create is written to a registry file
// (/dev/shm/ipclab.<pid>.registry) before the first fork; the run removes its objects and
// the file at the end, and any later run removes the objects of runners that died.

#include "real_plan.h"

#include <cstdint>
#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

namespace ipclab::real {

/// Syscalls the runner itself made, by kernel name (for the "self" count and the notes).
using CallCounts = std::map<std::string, std::int64_t>;

/// The registry file of one run. Invariant: while the file exists it lists a superset of
/// the run's live IPC objects.
class Registry {
public:
    /// Where registries live: /dev/shm when it exists, else /tmp.
    static std::string directory();
    static std::string pathFor(pid_t pid);

    /// Writes the file for `plan`; false (with `error`) when it cannot.
    bool write(const RunPlan& plan, std::string& error);
    /// Deletes the file (after the objects are gone).
    void remove();

private:
    std::string m_path;
};

/// What the run knows about one object at its end.
struct ObjectFate {
    bool mayExist = true; ///< created and not (known to be) removed
    int sysvId = -1;      ///< segment / semaphore id when known
};

/// Removes the plan's objects that may still exist. Counts the calls it made.
void removeObjects(const RunPlan& plan, const std::vector<ObjectFate>& fates, CallCounts& calls);

/// Removes the objects of every registry whose runner is gone; returns one line per
/// removed run ("removed 3 objects left by run 1234").
std::vector<std::string> cleanStaleRuns();

/// The start time of process `pid` in clock ticks since boot (/proc/PID/stat), 0 if none.
std::uint64_t processStartTime(pid_t pid);

} // namespace ipclab::real
