#pragma once
// Nothing leaks, nothing of others is touched: every name and key a run may create is
// written to a registry file before the first fork, in a directory only the runner's uid
// can use (/dev/shm/ipclab-<uid>/run.<pid>.registry, 0700 / 0600). The run removes its
// objects and the file at the end; a later run of the same uid removes what runners that
// died left, after checking that each object is one such a run would have made.

#include "real_plan.h"

#include <cstdint>
#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

namespace ipclab::real {

/// Syscalls the runner itself made, by kernel name (for the "self" count and the notes).
using CallCounts = std::map<std::string, std::int64_t>;

/// The runner's private directory, opened and checked. Invariant: while valid, `fd` is a
/// directory owned by the effective uid with no group or other permission bits.
class PrivateDir {
public:
    PrivateDir() = default;
    PrivateDir(const PrivateDir&) = delete;
    PrivateDir& operator=(const PrivateDir&) = delete;
    ~PrivateDir();
    /// Creates (0700) or opens the directory under `base` (empty: the default); false with
    /// `error` when it is not safe.
    bool open(const std::string& base, std::string& error);
    int fd() const { return m_fd; }
    const std::string& path() const { return m_path; }
    /// BASE/ipclab-<euid>; BASE /dev/shm (or /tmp when there is no /dev/shm) by default.
    static std::string pathForThisUser(const std::string& base = {});

private:
    int m_fd = -1;
    std::string m_path;
};

/// Who may own a run's objects: the uids its processes run as and the group they share.
struct Owners {
    std::vector<uid_t> uids;
    gid_t gid = 0;
};
Owners ownersOf(const Scenario& scenario, const RunPlan& plan);

/// The registry file of one run. Invariant: while the file exists it lists a superset of
/// the run's live IPC objects. Removes the file when destroyed (RAII for the runner).
class Registry {
public:
    Registry() = default;
    Registry(const Registry&) = delete;
    Registry& operator=(const Registry&) = delete;
    ~Registry() { remove(); }

    static std::string fileName(pid_t pid);

    /// Writes the file for `plan` in `dir` (O_EXCL | O_NOFOLLOW, 0600); false (with
    /// `error`) when it cannot.
    bool write(const PrivateDir& dir, const RunPlan& plan, const Owners& owners,
               std::string& error);
    /// Deletes the file (after the objects are gone).
    void remove();

private:
    int m_dirFd = -1;
    std::string m_name;
};

/// What the run knows about one object at its end.
struct ObjectFate {
    bool mayExist = true; ///< created and not (known to be) removed
    int sysvId = -1;      ///< segment / semaphore id when the run's creator published it
};

/// The plan's objects as registry lines: "shm KEY", "sem KEY", "mq NAME".
std::vector<std::string> registryLines(const RunPlan& plan);

/// Removes the plan's objects that may still exist. An object whose id the run does not
/// know is looked up and removed only when it is one the run would have made (`owners`);
/// anything else is left alone and described in `leftAlone`. Counts the calls it made.
void removeObjects(const RunPlan& plan, const std::vector<ObjectFate>& fates, const Owners& owners,
                   CallCounts& calls, std::vector<std::string>& leftAlone);

/// Removes the objects of every registry in `dir` whose runner is gone; returns one line
/// per removed run ("removed 3 objects left by run 1234") and per thing left alone.
std::vector<std::string> cleanStaleRuns(const PrivateDir& dir);

/// The start time of process `pid` in clock ticks since boot (/proc/PID/stat), 0 if none.
std::uint64_t processStartTime(pid_t pid);

} // namespace ipclab::real
