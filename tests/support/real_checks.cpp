#include "real_checks.h"

#include "real_plan.h"
#include "real_registry.h"
#include "report.h"
#include "state.h"
#include "syscall_counter.h"
#include "syscalltally.h"

#include <dirent.h>
#include <fstream>
#include <sstream>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ipclab::test {

namespace {

/// Keys are random: an object is the run's when it has a run key and the run's private
/// group as creator group (uids enforced) or this user as creator (they are not).
bool ourObject(long key, long cuid, long cgid, pid_t runner) {
    return real::isRunKey(key) && (cgid == static_cast<long>(real::runGroup(runner)) ||
                                   cuid == static_cast<long>(geteuid()));
}

void sysvEntries(const char* path, const char* kind, pid_t runner, std::set<std::string>& out) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line); // header
    const bool shm = std::string(kind) == "shm";
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        long key = 0;
        long id = 0;
        long skip = 0;
        long cuid = 0;
        long cgid = 0;
        fields >> key >> id >> skip >> skip; // perms, size / nsems
        if (shm) {
            fields >> skip >> skip >> skip; // cpid, lpid, nattch
        }
        fields >> skip >> skip >> cuid >> cgid; // uid, gid
        if (ourObject(key, cuid, cgid, runner)) {
            out.insert(std::string(kind) + " key " + std::to_string(key) + " id " +
                       std::to_string(id));
        }
    }
}

} // namespace

bool queuesListable() {
    struct stat st {};
    if (stat("/dev/mqueue", &st) != 0) {
        if (geteuid() != 0 || mkdir("/dev/mqueue", 01777) != 0) {
            return false;
        }
    }
    if (access("/dev/mqueue/.", R_OK) == 0) {
        std::ifstream mounts("/proc/mounts");
        std::string line;
        while (std::getline(mounts, line)) {
            if (line.find(" /dev/mqueue mqueue ") != std::string::npos) {
                return true;
            }
        }
    }
    return geteuid() == 0 && mount("none", "/dev/mqueue", "mqueue", 0, nullptr) == 0;
}

std::set<std::string> leftovers(pid_t runner) {
    std::set<std::string> out;
    sysvEntries("/proc/sysvipc/shm", "shm", runner, out);
    sysvEntries("/proc/sysvipc/sem", "sem", runner, out);
    const std::string queuePrefix = "ipclab." + std::to_string(runner) + ".";
    const std::string registry = real::Registry::fileName(runner);
    for (const std::string& dir :
         {std::string("/dev/mqueue"), real::PrivateDir::pathForThisUser()}) {
        if (DIR* d = opendir(dir.c_str())) {
            while (const dirent* e = readdir(d)) {
                const std::string name = e->d_name;
                if (name.rfind(queuePrefix, 0) == 0 || name == registry) {
                    out.insert(dir + "/" + name);
                }
            }
            closedir(d);
        }
    }
    return out;
}

std::vector<pid_t> childrenOf(pid_t parent) {
    std::vector<pid_t> out;
    DIR* d = opendir("/proc");
    if (d == nullptr) {
        return out;
    }
    while (const dirent* e = readdir(d)) {
        const pid_t pid = static_cast<pid_t>(std::atoi(e->d_name));
        if (pid <= 0) {
            continue;
        }
        std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
        std::string text;
        std::getline(in, text);
        const auto close = text.rfind(')');
        if (close == std::string::npos) {
            continue;
        }
        std::istringstream rest(text.substr(close + 2));
        std::string state;
        pid_t ppid = 0;
        rest >> state >> ppid;
        if (ppid == parent && state != "Z") {
            out.push_back(pid);
        }
    }
    closedir(d);
    return out;
}

namespace {

template <typename Map>
void compareMaps(const std::string& what, const Map& sim, const Map& real,
                 std::vector<std::string>& out) {
    if (sim == real) {
        return;
    }
    std::ostringstream s;
    s << what << " differ:";
    for (const auto& [k, v] : sim) {
        auto it = real.find(k);
        if (it == real.end()) {
            s << " [" << k << ": " << v << " vs none]";
        } else if (it->second != v) {
            s << " [" << k << ": " << v << " vs " << it->second << "]";
        }
    }
    for (const auto& [k, v] : real) {
        if (sim.find(k) == sim.end()) {
            s << " [+" << k << ": " << v << "]";
        }
    }
    out.push_back(s.str());
}

std::string join(const std::multiset<std::string>& items) {
    std::string out;
    for (const auto& i : items) {
        out += (out.empty() ? "" : " | ") + i;
    }
    return out;
}

} // namespace

std::string perfCountingUnavailable() {
    std::string why;
    return real::SyscallCounter::usable(why) ? std::string()
           : why.empty()                     ? std::string("perf events refused")
                                             : why;
}

CountingFallback expectedFallback() {
    if (perfCountingUnavailable().empty()) {
        return CountingFallback::None;
    }
    return real::SyscallCounter::tracepointAvailable() ? CountingFallback::NotPermitted
                                                       : CountingFallback::NoTracefs;
}

std::vector<std::string> countingBroken(const Trace& real) {
    std::vector<std::string> out;
    auto recorded = real::issuedCalls(real);
    auto measured = real.measuredSyscalls;
    std::int64_t links = 0;
    for (const auto& o : real.objects) {
        links += o.kind == ObjectKind::Link ? 1 : 0;
    }
    recorded.erase("socketpair");
    if (links > 0) {
        recorded["socketpair"] = links;
    }
    compareMaps("syscalls counted (" + std::string(countingMethodName(real.countingMethod)) +
                    ") vs recorded",
                recorded, measured, out);
    return out;
}

RunFacts factsOf(const Scenario& scenario, const Trace& trace) {
    RunFacts f;
    (void)scenario;
    SystemState state = initialState(trace);
    auto procName = [&](int p) {
        return p >= 0 && static_cast<std::size_t>(p) < trace.processNames.size()
                   ? trace.processNames[p]
                   : std::string("?");
    };
    for (const auto& e : trace.events) {
        applyEvent(state, trace, e);
        if (e.kind == EventKind::Syscall && (e.flags & kFlagCompletes) == 0) {
            // Which end opens a link is a race between its two processes: count links
            // opened, not who opened them.
            if (trace.str(e.text) == "socketpair") {
                ++f.byOp["(links opened)"];
            } else {
                ++f.byOp[std::string(opName(e.op))];
                ++f.syscallsByProcOp[procName(e.proc)][std::string(opName(e.op))];
            }
        } else if (e.kind == EventKind::MsgReceived) {
            f.received.insert(procName(e.proc) + "<-" + procName(e.b) + ": " + trace.str(e.text));
            f.receivedTexts.insert(trace.str(e.text));
        } else if (e.kind == EventKind::MsgSent) {
            ++f.sent;
        } else if (e.kind == EventKind::ShmWrite && e.object < trace.objects.size()) {
            f.lastWrites[trace.objects[e.object].name + "@" + std::to_string(e.a)] =
                trace.str(e.text);
        }
    }
    for (std::size_t p = 0; p < state.processes.size(); ++p) {
        for (const auto& [var, value] : state.processes[p].locals) {
            f.locals[procName(static_cast<int>(p)) + "." + var] = value;
        }
    }
    return f;
}

std::vector<std::string> differences(const RunFacts& sim, const RunFacts& real, unsigned parts) {
    std::vector<std::string> out;
    if ((parts & kCounts) != 0) {
        compareMaps("syscalls by operation", sim.byOp, real.byOp, out);
        for (const auto& [proc, ops] : sim.syscallsByProcOp) {
            auto it = real.syscallsByProcOp.find(proc);
            const std::map<std::string, std::int64_t> none;
            compareMaps("syscalls of " + proc, ops,
                        it == real.syscallsByProcOp.end() ? none : it->second, out);
        }
    }
    if ((parts & kMessages) != 0 && sim.received != real.received) {
        out.push_back("received: sim {" + join(sim.received) + "} real {" + join(real.received) +
                      "}");
    }
    if ((parts & kTexts) != 0 && sim.receivedTexts != real.receivedTexts) {
        out.push_back("received texts: sim {" + join(sim.receivedTexts) + "} real {" +
                      join(real.receivedTexts) + "}");
    }
    if ((parts & kMemory) != 0) {
        compareMaps("shared memory", sim.lastWrites, real.lastWrites, out);
    }
    if ((parts & kLocals) != 0) {
        compareMaps("variables", sim.locals, real.locals, out);
    }
    return out;
}

} // namespace ipclab::test
