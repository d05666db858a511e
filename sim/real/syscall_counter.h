#pragma once
// Honest syscall counts: one perf_event counter per IPC syscall on the tracepoint
// syscalls:sys_enter_<name>, opened on the runner with `inherit`, so every fork()ed child
// is counted by the kernel itself and folded back in when it exits.

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

/// The kernel's count of the IPC syscalls made by this process and its descendants
/// from open() on. Invariant: either every counter opened or none is kept.
class SyscallCounter {
public:
    SyscallCounter() = default;
    SyscallCounter(const SyscallCounter&) = delete;
    SyscallCounter& operator=(const SyscallCounter&) = delete;
    ~SyscallCounter();

    /// Opens the counters; false with `why` when perf events are not permitted here.
    bool open(std::string& why);
    bool active() const { return !m_fds.empty(); }
    /// Current counts by name (zero counts left out). Read after the children are reaped.
    std::map<std::string, std::int64_t> read() const;
    void close();

private:
    std::vector<int> m_fds; ///< index = Sys
};

} // namespace ipclab::real
