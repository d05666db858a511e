#include "syscall_counter.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <linux/perf_event.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace ipclab::real {

namespace {

long tracepointId(std::string_view name) {
    for (const char* root : {"/sys/kernel/tracing", "/sys/kernel/debug/tracing"}) {
        std::ifstream in(std::string(root) + "/events/syscalls/sys_enter_" + std::string(name) +
                         "/id");
        long id = -1;
        if (in >> id) {
            return id;
        }
    }
    return -1;
}

} // namespace

SyscallCounter::~SyscallCounter() {
    close();
}

bool SyscallCounter::open(std::string& why) {
    close();
    for (auto name : kSyscallNames) {
        const long id = tracepointId(name);
        if (id < 0) {
            why = "no tracepoint syscalls:sys_enter_" + std::string(name) +
                  " (tracefs not mounted or not readable)";
            close();
            return false;
        }
        perf_event_attr attr;
        std::memset(&attr, 0, sizeof attr);
        attr.size = sizeof attr;
        attr.type = PERF_TYPE_TRACEPOINT;
        attr.config = static_cast<std::uint64_t>(id);
        attr.inherit = 1; // children forked later are counted too
        attr.disabled = 0;
        const long fd = syscall(SYS_perf_event_open, &attr, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
        if (fd < 0) {
            why = "perf_event_open(syscalls:sys_enter_" + std::string(name) +
                  "): " + std::strerror(errno);
            close();
            return false;
        }
        m_fds.push_back(static_cast<int>(fd));
    }
    return true;
}

std::map<std::string, std::int64_t> SyscallCounter::read() const {
    std::map<std::string, std::int64_t> counts;
    for (std::size_t i = 0; i < m_fds.size(); ++i) {
        std::uint64_t value = 0;
        if (::read(m_fds[i], &value, sizeof value) == static_cast<ssize_t>(sizeof value) &&
            value > 0) {
            counts[std::string(kSyscallNames[i])] = static_cast<std::int64_t>(value);
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
