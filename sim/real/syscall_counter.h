#pragma once
// Honest syscall counts: perf_event counters on the tracepoints syscalls:sys_enter_<name>,
// counted by the kernel itself. Preferred: one counter per syscall and CPU, filtered to
// the run's pids (no cost at context switches). Fallback: per-task counters on the runner
// with `inherit`, which follow every fork()ed child (but are switched with each task).

#include "trace.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab::real {

/// The IPC syscalls the real engine issues, by the kernel's (strace's) names. Record
/// headers store an index into this table.
inline constexpr std::array<std::string_view, 16> kSyscallNames = {
    "mq_open",  "mq_unlink", "mq_timedsend", "mq_timedreceive", "shmget",     "shmat",    "shmdt",
    "shmctl",   "semget",    "semctl",       "semtimedop",      "socketpair", "shutdown", "sendto",
    "recvfrom", "ppoll"};

enum class Sys : std::uint8_t {
    MqOpen,
    MqUnlink,
    MqTimedsend,
    MqTimedreceive,
    Shmget,
    Shmat,
    Shmdt,
    Shmctl,
    Semget,
    Semctl,
    Semtimedop,
    Socketpair,
    Shutdown,
    Sendto,
    Recvfrom,
    Ppoll,
};
inline std::string_view sysName(Sys s) {
    return kSyscallNames[static_cast<std::size_t>(s)];
}

/// Event::flags bit of a Syscall the runner refused in the kernel's place (uids not
/// enforced, so the runner checks segment modes): the scenario's call, counted for it, that
/// never reached the kernel. Beyond the trace's own bits (kFlagBlocking, kFlagCompletes).
inline constexpr std::uint8_t kFlagNotIssued = 4;

/// The calls of `trace` that reached the kernel, by kernel name: its counted syscalls but
/// those marked kFlagNotIssued. The `self` count, before the runner's own socketpairs.
std::map<std::string, std::int64_t> issuedCalls(const Trace& trace);

/// The kernel's count of the IPC syscalls made by the runner and its children. Counters
/// are perf events on raw_syscalls:sys_enter, one per syscall (filter `id == NR`): for the
/// runner a per-task set; for the children, per-CPU counters filtered to their pids
/// (opened by watch(), after fork) or, where per-CPU counting is not permitted, per-task
/// counters with `inherit` opened before fork. Invariant: either every counter of a mode
/// is open or none is.
class SyscallCounter {
public:
    SyscallCounter() = default;
    SyscallCounter(const SyscallCounter&) = delete;
    SyscallCounter& operator=(const SyscallCounter&) = delete;
    ~SyscallCounter();

    /// Whether the raw_syscalls:sys_enter tracepoint can be found (tracefs is mounted).
    static bool tracepointAvailable();
    /// Whether a run here can count with perf events: opens and closes the counters a run
    /// opens (its own and, per CPU, a child's). False with `why` when it cannot.
    static bool usable(std::string& why);
    /// Opens the runner's counters; false with `why` when perf events are not permitted.
    bool open(std::string& why);
    bool active() const { return !m_fds.empty(); }
    /// Counts the children `pids` too (per-CPU mode; inherit mode follows them already).
    bool watch(const std::vector<int>& pids, std::string& why);
    /// Current counts by name (zero counts left out). Read after the children are reaped.
    std::map<std::string, std::int64_t> read() const;
    void close();

private:
    std::vector<int> m_fds; ///< groups of kSyscallNames.size(), in name order
    bool m_perCpu = false;
};

} // namespace ipclab::real
