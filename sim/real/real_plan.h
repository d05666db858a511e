#pragma once
// The IPC objects a real run may create, fixed before fork: every mailbox, segment,
// semaphore and direct link the scenario names, with the real name or key each gets.

#include "real_limits.h"
#include "scenario.h"
#include "trace.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace ipclab::real {

/// One object of the run. Indices equal Trace::objects indices of the merged trace.
struct PlannedObject {
    ObjectKind kind = ObjectKind::Mailbox;
    std::string name;          ///< scenario name; links "a<->b" (renamed to the opener first)
    std::int64_t capacity = 0; ///< mailbox: as the scenario says (0, N, kUnbounded)
    long maxMsg = 1;           ///< mailbox: what the data queue really holds
    std::string mqName;        ///< mailbox: POSIX queue name
    std::string mqAckName;     ///< rendezvous mailbox: the acknowledgement queue
    key_t key = 0;             ///< segment / semaphore: System V key
    std::int64_t size = 0;     ///< segment: bytes as the scenario says
    int mode = 0600;           ///< segment: scenario's mode
    int realMode = 0600;       ///< segment: mode given to shmget (see makePlan)
    std::string scenarioKey;   ///< segment: key as written
    std::int64_t initial = 0;  ///< semaphore: initial value
    int endA = -1;             ///< link: lower process index
    int endB = -1;             ///< link: higher process index
    int fdA = -1;              ///< link: endA's socket (created by the runner before fork)
    int fdB = -1;              ///< link: endB's socket
    std::size_t tagOffset = 0; ///< segment: its value-type tags in the shared area
};

/// All objects of a run plus lookups by name. Invariant: names are unique per kind and
/// every link joins two different processes.
struct RunPlan {
    pid_t runner = 0;
    std::string error; ///< why no plan could be made (no randomness); empty when it could
    std::vector<PlannedObject> objects;
    std::map<std::string, int> mailboxes;
    std::map<std::string, int> segments;
    std::map<std::string, int> semaphores;
    std::map<std::pair<int, int>, int> links; ///< (lower, higher) process index -> object
    long msgSize = 1;                         ///< mq_msgsize of data queues (header included)
    std::size_t tagBytes = 0;                 ///< total segment type-tag bytes
    bool enforceUids = false; ///< children run as the scenario's uids (runner is root)
    gid_t runGid = 0;         ///< the group all children share when enforceUids

    int link(int a, int b) const;
};

/// Plans the objects of `scenario` for a runner with pid `runner`.
RunPlan makePlan(const Scenario& scenario, pid_t runner, const SystemLimits& limits,
                 bool runAsScenarioUids = true);

/// System V keys of runs: the top two bits 01, the other 30 random (getrandom), so that
/// nobody can create a run's object before it does. Queue names carry 96 random bits each.
inline constexpr unsigned long kRunKeyMark = 0x40000000ul;
/// The group every child of the runner `runner` shares when uids are enforced: a number
/// no login group is likely to use, so queues and semaphores (mode 0660) are theirs alone.
gid_t runGroup(pid_t runner);

/// Whether `key` has the pattern of a run's key (for reports and tests; says nothing of
/// whose it is).
bool isRunKey(long key);

} // namespace ipclab::real
