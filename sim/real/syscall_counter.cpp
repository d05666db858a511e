#include "syscall_counter.h"

#include "syscalltally.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <linux/perf_event.h>
#include <sstream>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace ipclab::real {

namespace {

/// x86-64 and others: the numbers raw_syscalls:sys_enter reports, in kSyscallNames order.
constexpr long kNumbers[] = {SYS_mq_open,  SYS_mq_unlink, SYS_mq_timedsend, SYS_mq_timedreceive,
                             SYS_shmget,   SYS_shmat,     SYS_shmdt,        SYS_shmctl,
                             SYS_semget,   SYS_semctl,    SYS_semtimedop,   SYS_socketpair,
                             SYS_shutdown, SYS_sendto,    SYS_recvfrom,     SYS_ppoll};
static_assert(std::size(kNumbers) == kSyscallNames.size());

long sysEnterId() {
    for (const char* root : {"/sys/kernel/tracing", "/sys/kernel/debug/tracing"}) {
        std::ifstream in(std::string(root) + "/events/raw_syscalls/sys_enter/id");
        long id = -1;
        if (in >> id) {
            return id;
        }
    }
    return -1;
}

long openEvent(long id, bool inherit, bool disabled, int pid, int cpu) {
    perf_event_attr attr;
    std::memset(&attr, 0, sizeof attr);
    attr.size = sizeof attr;
    attr.type = PERF_TYPE_TRACEPOINT;
    attr.config = static_cast<std::uint64_t>(id);
    attr.inherit = inherit ? 1 : 0;
    attr.disabled = disabled ? 1 : 0;
    return syscall(SYS_perf_event_open, &attr, pid, cpu, -1, PERF_FLAG_FD_CLOEXEC);
}

/// Releasing the last perf event of a tracepoint unregisters it, and that waits for an
/// RCU grace period (about 10 ms per close here). One idle event kept for the life of
/// the process keeps the tracepoint registered, so closing the counters is cheap.
void keepTracepointRegistered(long id) {
    static const long keeper = openEvent(id, false, true, 0, -1);
    (void)keeper;
}

/// Whether our pids are the kernel's own (NSpid in /proc/self/status lists one pid), as a
/// filter on common_pid needs.
bool inRootPidNamespace() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("NSpid:", 0) == 0) {
            std::istringstream fields(line.substr(6));
            int pid = 0;
            int n = 0;
            while (fields >> pid) {
                ++n;
            }
            return n == 1;
        }
    }
    return true;
}

bool setFilter(int fd, const std::string& filter) {
    return ioctl(fd, PERF_EVENT_IOC_SET_FILTER, filter.c_str()) == 0;
}

} // namespace

std::map<std::string, std::int64_t> issuedCalls(const Trace& trace) {
    std::map<std::string, std::int64_t> out;
    for (const auto& e : trace.events) {
        if (isCountedSyscall(e) && (e.flags & kFlagNotIssued) == 0) {
            ++out[trace.str(e.text)];
        }
    }
    return out;
}

SyscallCounter::~SyscallCounter() {
    close();
}

bool SyscallCounter::tracepointAvailable() {
    return sysEnterId() >= 0;
}

bool SyscallCounter::usable(std::string& why) {
    SyscallCounter probe;
    return probe.open(why) && probe.watch({static_cast<int>(getpid())}, why);
}

bool SyscallCounter::open(std::string& why) {
    close();
    const long id = sysEnterId();
    if (id < 0) {
        why = "no tracepoint raw_syscalls:sys_enter (tracefs not mounted or not readable)";
        return false;
    }
    keepTracepointRegistered(id);
    // Per-CPU counting needs more privilege (perf_event_paranoid <= 0 or CAP_PERFMON).
    const long probe = inRootPidNamespace() ? openEvent(id, false, true, -1, 0) : -1;
    m_perCpu = probe >= 0;
    if (probe >= 0) {
        ::close(static_cast<int>(probe));
    }
    for (long nr : kNumbers) {
        // Per-CPU mode: the runner's own calls; inherit mode: the runner and its children.
        // Disabled until its filter is set, or it would count the ioctl that sets it.
        const long fd = openEvent(id, !m_perCpu, true, 0, -1);
        if (fd < 0 || !setFilter(static_cast<int>(fd), "id == " + std::to_string(nr))) {
            why = std::string("perf_event_open(raw_syscalls:sys_enter): ") + std::strerror(errno);
            if (fd >= 0) {
                ::close(static_cast<int>(fd));
            }
            close();
            return false;
        }
        m_fds.push_back(static_cast<int>(fd));
    }
    for (int fd : m_fds) {
        ioctl(fd, PERF_EVENT_IOC_ENABLE, 0);
    }
    return true;
}

bool SyscallCounter::watch(const std::vector<int>& pids, std::string& why) {
    if (!m_perCpu || pids.empty()) {
        return true;
    }
    std::string who;
    for (int pid : pids) {
        who += (who.empty() ? "" : " || ") + std::string("common_pid == ") + std::to_string(pid);
    }
    const long id = sysEnterId();
    const long cpus = sysconf(_SC_NPROCESSORS_CONF);
    std::vector<int> opened;
    for (long cpu = 0; cpu < cpus; ++cpu) {
        for (long nr : kNumbers) {
            const long fd = openEvent(id, false, true, -1, static_cast<int>(cpu));
            if (fd < 0) {
                if (errno == ENODEV && nr == kNumbers[0]) {
                    break; // an offline CPU: nothing runs there
                }
                why = std::string("perf_event_open per CPU: ") + std::strerror(errno);
                for (int f : opened) {
                    ::close(f);
                }
                return false;
            }
            opened.push_back(static_cast<int>(fd));
            if (!setFilter(static_cast<int>(fd),
                           "id == " + std::to_string(nr) + " && (" + who + ")")) {
                why = std::string("perf filter: ") + std::strerror(errno);
                for (int f : opened) {
                    ::close(f);
                }
                return false;
            }
        }
    }
    for (int fd : opened) {
        ioctl(fd, PERF_EVENT_IOC_ENABLE, 0);
    }
    m_fds.insert(m_fds.end(), opened.begin(), opened.end());
    return true;
}

std::map<std::string, std::int64_t> SyscallCounter::read() const {
    std::map<std::string, std::int64_t> counts;
    for (std::size_t i = 0; i < m_fds.size(); ++i) {
        std::uint64_t value = 0;
        if (::read(m_fds[i], &value, sizeof value) == static_cast<ssize_t>(sizeof value) &&
            value > 0) {
            counts[std::string(kSyscallNames[i % kSyscallNames.size()])] +=
                static_cast<std::int64_t>(value);
        }
    }
    return counts;
}

void SyscallCounter::close() {
    for (int fd : m_fds) {
        ::close(fd);
    }
    m_fds.clear();
}

} // namespace ipclab::real
