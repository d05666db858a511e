#include "real_limits.h"

#include <fstream>
#include <sched.h>
#include <set>
#include <sstream>

namespace ipclab::real {

namespace {

template <typename T> void readNumber(const char* path, T& out) {
    std::ifstream in(path);
    T value{};
    if (in >> value) {
        out = value;
    }
}

long countLines(const char* path) {
    std::ifstream in(path);
    std::string line;
    long n = -1; // the first line is the column header
    while (std::getline(in, line)) {
        ++n;
    }
    return n < 0 ? 0 : n;
}

std::string capacityText(std::int64_t capacity) {
    return capacity == kUnbounded ? std::string("unbounded") : std::to_string(capacity);
}

} // namespace

SystemLimits readSystemLimits() {
    SystemLimits l;
    readNumber("/proc/sys/fs/mqueue/msg_max", l.msgMax);
    readNumber("/proc/sys/fs/mqueue/msgsize_max", l.msgsizeMax);
    readNumber("/proc/sys/fs/mqueue/queues_max", l.queuesMax);
    readNumber("/proc/sys/kernel/shmmax", l.shmmax);
    readNumber("/proc/sys/kernel/shmall", l.shmall);
    readNumber("/proc/sys/kernel/shmmni", l.shmmni);
    std::ifstream sem("/proc/sys/kernel/sem");
    long semmns = 0;
    long semopm = 0;
    sem >> l.semmsl >> semmns >> semopm >> l.semmni;
    l.shmInUse = countLines("/proc/sysvipc/shm");
    l.semInUse = countLines("/proc/sysvipc/sem");
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        l.onlineCpus = CPU_COUNT(&set);
    }
    return l;
}

std::int64_t longestMessage(const Scenario& scenario) {
    std::int64_t longest = 0;
    forEachOperation(scenario, [&](int, const Operation& op) {
        if (op.kind != OpKind::Send) {
            return;
        }
        const bool plain = op.text.find('{') == std::string::npos;
        longest = std::max<std::int64_t>(longest, plain ? static_cast<std::int64_t>(op.text.size())
                                                        : kMaxMessageLength);
    });
    return longest;
}

std::optional<std::string> checkLimits(const Scenario& scenario, const SystemLimits& limits,
                                       std::vector<std::string>& notes) {
    const auto nprocs = static_cast<long>(scenario.processes.size());
    if (nprocs > kMaxRealProcesses) {
        return std::to_string(nprocs) + " processes: real mode runs at most " +
               std::to_string(kMaxRealProcesses) + " (one fork()ed child each)";
    }
    std::set<std::string> segments;
    std::set<std::string> semaphores;
    std::set<std::string> mailboxes;
    long queues = 0;
    std::optional<std::string> refusal;
    auto refuse = [&](std::string why) {
        if (!refusal) {
            refusal = std::move(why);
        }
    };
    const std::int64_t segmentCap =
        limits.shmmax > 0
            ? std::min<std::int64_t>(
                  kMaxSegmentSize,
                  static_cast<std::int64_t>(std::min<std::uint64_t>(limits.shmmax, 1ULL << 62)))
            : kMaxSegmentSize;
    forEachOperation(scenario, [&](int, const Operation& op) {
        switch (op.kind) {
        case OpKind::ShmCreate:
            if (op.size <= 0 || op.size > segmentCap) {
                refuse("segment " + op.object + ": " + std::to_string(op.size) +
                       " bytes; real mode allows 1.." + std::to_string(segmentCap) +
                       (segmentCap < kMaxSegmentSize ? " (kernel.shmmax)" : " (engine cap 1 MiB)"));
            }
            segments.insert(op.object);
            break;
        case OpKind::SemCreate:
            if (op.value < 0 || op.value > kSemValueMax) {
                refuse("semaphore " + op.object + ": initial value " + std::to_string(op.value) +
                       " outside 0.." + std::to_string(kSemValueMax) + " (SEMVMX)");
            }
            semaphores.insert(op.object);
            break;
        case OpKind::MailboxCreate:
            if (mailboxes.insert(op.object).second) {
                queues += op.capacity == 0 ? 2 : 1;
                if (op.capacity == kUnbounded || op.capacity > limits.msgMax) {
                    notes.push_back("mailbox " + op.object + ": capacity " +
                                    capacityText(op.capacity) + " ran as " +
                                    std::to_string(limits.msgMax) + ": fs.mqueue.msg_max");
                }
            }
            break;
        default:
            break;
        }
    });
    if (refusal) {
        return refusal;
    }
    if (static_cast<long>(segments.size()) > kMaxSysvObjectsPerKind ||
        static_cast<long>(segments.size()) > limits.shmmni - limits.shmInUse) {
        return std::to_string(segments.size()) + " segments: the system has room for " +
               std::to_string(std::max(0L, limits.shmmni - limits.shmInUse)) +
               " more (kernel.shmmni), the engine for " + std::to_string(kMaxSysvObjectsPerKind);
    }
    if (static_cast<long>(semaphores.size()) > kMaxSysvObjectsPerKind ||
        static_cast<long>(semaphores.size()) > limits.semmni - limits.semInUse) {
        return std::to_string(semaphores.size()) + " semaphores: the system has room for " +
               std::to_string(std::max(0L, limits.semmni - limits.semInUse)) +
               " more (kernel.sem SEMMNI), the engine for " +
               std::to_string(kMaxSysvObjectsPerKind);
    }
    if (queues > limits.queuesMax || static_cast<long>(mailboxes.size()) > 4096) {
        return std::to_string(queues) + " message queues needed; fs.mqueue.queues_max is " +
               std::to_string(limits.queuesMax);
    }
    const std::int64_t longest = longestMessage(scenario);
    if (!mailboxes.empty() && kMessageHeaderBytes + 1 > limits.msgsizeMax) {
        return "fs.mqueue.msgsize_max is " + std::to_string(limits.msgsizeMax) +
               " bytes: too small for any message";
    }
    if (!mailboxes.empty() && longest + kMessageHeaderBytes > limits.msgsizeMax) {
        notes.push_back("messages longer than " +
                        std::to_string(limits.msgsizeMax - kMessageHeaderBytes) +
                        " bytes fail in real mode: fs.mqueue.msgsize_max");
    }
    std::ostringstream sched;
    sched << "scheduler " << policyName(scenario.kernel.scheduler);
    if (scenario.kernel.scheduler == SchedulerPolicy::RoundRobin ||
        scenario.kernel.scheduler == SchedulerPolicy::Priority) {
        sched << " (quantum " << scenario.kernel.quantum << ")";
    }
    sched << " not applied: Linux's own scheduler decides who runs";
    notes.push_back(sched.str());
    const int cpus = scenario.kernel.cpus;
    if (cpus > limits.onlineCpus) {
        notes.push_back("cpus: " + std::to_string(cpus) + " ran on " +
                        std::to_string(limits.onlineCpus) + ": the machine has " +
                        std::to_string(limits.onlineCpus));
    }
    for (const auto& p : scenario.processes) {
        if (p.priority != 0) {
            notes.push_back("process priorities not applied (Linux schedules them as equals)");
            break;
        }
    }
    return std::nullopt;
}

} // namespace ipclab::real
