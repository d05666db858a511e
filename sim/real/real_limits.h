#pragma once
// What the running Linux allows (read from /proc) and the engine's own caps, and the check
// that refuses a scenario before any IPC object exists.

#include "scenario.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ipclab::real {

/// The kernel's IPC limits as /proc reports them (defaults when a file is missing).
struct SystemLimits {
    long msgMax = 10;         ///< fs.mqueue.msg_max: messages per queue
    long msgsizeMax = 8192;   ///< fs.mqueue.msgsize_max: bytes per message
    long queuesMax = 256;     ///< fs.mqueue.queues_max
    std::uint64_t shmmax = 0; ///< kernel.shmmax: bytes per segment
    std::uint64_t shmall = 0; ///< kernel.shmall: pages in all segments
    long shmmni = 4096;       ///< kernel.shmmni: segments system-wide
    long semmsl = 32000;      ///< kernel.sem[0]: semaphores per set
    long semmni = 32000;      ///< kernel.sem[3]: sets system-wide
    long shmInUse = 0;        ///< segments that exist now (/proc/sysvipc/shm)
    long semInUse = 0;        ///< semaphore sets that exist now (/proc/sysvipc/sem)
    int onlineCpus = 1;       ///< CPUs this process may run on
};

SystemLimits readSystemLimits();

/// The engine's own caps, below whatever the kernel allows.
inline constexpr int kMaxRealProcesses = 64;
inline constexpr int kMaxSysvObjectsPerKind = 255;  ///< keys carry an 8-bit object number
inline constexpr std::int64_t kSemValueMax = 32767; ///< SEMVMX
inline constexpr int kMessageHeaderBytes = 8;       ///< message id + sender, see real_child

/// The longest message any send of the scenario can produce: exact for plain text,
/// kMaxMessageLength when a template may expand to anything.
std::int64_t longestMessage(const Scenario& scenario);

/// Why the scenario cannot run for real on this system, or nothing. `notes` receives the
/// approximations a run will make (capacities, scheduler, cpus).
std::optional<std::string> checkLimits(const Scenario& scenario, const SystemLimits& limits,
                                       std::vector<std::string>& notes);

/// Calls `visit` for every operation of every process, repeat/while/if bodies included.
template <typename Visit> void forEachOperation(const Scenario& scenario, Visit&& visit) {
    struct Walker {
        Visit& v;
        int proc;
        void walk(const std::vector<Operation>& ops) {
            for (const auto& op : ops) {
                v(proc, op);
                walk(op.body);
                walk(op.elseBody);
            }
        }
    };
    for (std::size_t p = 0; p < scenario.processes.size(); ++p) {
        Walker{visit, static_cast<int>(p)}.walk(scenario.processes[p].program);
    }
}

} // namespace ipclab::real
