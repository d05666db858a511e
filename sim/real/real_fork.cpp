#include "real_fork.h"

#include <cerrno>
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ipclab::real {

namespace {

long futex(std::atomic<std::uint32_t>& word, int op, std::uint32_t value) {
    return syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(&word), op, value, nullptr, nullptr,
                   0);
}

[[noreturn]] void childMain(const Scenario& scenario, const RunPlan& plan, SharedArea& shared,
                            const ChildConfig& config, pid_t group) {
    setpgid(0, group);
    if (plan.enforceUids) {
        // Raw syscalls: this process is single-threaded and these are async-signal-safe.
        const auto uid = static_cast<uid_t>(scenario.processes[config.self].uid);
        const gid_t gid = plan.runGid;
        if (syscall(SYS_setgroups, 0, nullptr) != 0 || syscall(SYS_setresgid, gid, gid, gid) != 0 ||
            syscall(SYS_setresuid, uid, uid, uid) != 0) {
            _exit(static_cast<int>(ChildExit::CredentialsFailed));
        }
    }
    // Every object gets exactly the mode the engine asks for, whatever the runner's umask.
    umask(0);
    // After the credential change (which clears it): die with the runner.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != plan.runner) {
        _exit(static_cast<int>(ChildExit::RunnerGone));
    }
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    for (const auto& o : plan.objects) {
        if (o.kind != ObjectKind::Link) {
            continue;
        }
        if (o.endA != config.self) {
            close(o.fdA);
        }
        if (o.endB != config.self) {
            close(o.fdB);
        }
    }
    while (shared.gate().load(std::memory_order_acquire) == 0) {
        futex(shared.gate(), FUTEX_WAIT, 0);
    }
    // The kernel's switch counts from here on are the run's (the runner reads the end from
    // wait4): waiting at the gate is not part of it.
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0) {
        shared.child(config.self).voluntaryAtStart = usage.ru_nvcsw;
        shared.child(config.self).involuntaryAtStart = usage.ru_nivcsw;
    }
    ChildInterpreter interpreter(scenario, plan, shared, config);
    _exit(static_cast<int>(interpreter.run()));
}

} // namespace

std::vector<pid_t> forkChildren(const Scenario& scenario, const RunPlan& plan, SharedArea& shared,
                                const ChildConfig& base, pid_t& group) {
    std::vector<pid_t> pids;
    group = 0;
    for (std::size_t i = 0; i < scenario.processes.size(); ++i) {
        ChildConfig config = base;
        config.self = static_cast<int>(i);
        const pid_t pid = fork();
        if (pid == 0) {
            childMain(scenario, plan, shared, config, group);
        }
        if (pid < 0) {
            if (group > 0) {
                kill(-group, SIGKILL);
            }
            for (pid_t p : pids) {
                waitpid(p, nullptr, 0);
            }
            pids.clear();
            return pids;
        }
        // Both sides set the group, so it holds whichever runs first.
        setpgid(pid, group == 0 ? pid : group);
        if (group == 0) {
            group = pid;
        }
        pids.push_back(pid);
    }
    return pids;
}

void openGate(SharedArea& shared) {
    shared.gate().store(1, std::memory_order_release);
    futex(shared.gate(), FUTEX_WAKE, 0x7FFFFFFF);
}

int pinChildren(const std::vector<pid_t>& pids, int cpus) {
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) {
        return 0;
    }
    cpu_set_t chosen;
    CPU_ZERO(&chosen);
    int taken = 0;
    for (int cpu = 0; cpu < CPU_SETSIZE && taken < cpus; ++cpu) {
        if (CPU_ISSET(cpu, &allowed)) {
            CPU_SET(cpu, &chosen);
            ++taken;
        }
    }
    for (pid_t pid : pids) {
        if (sched_setaffinity(pid, sizeof chosen, &chosen) != 0) {
            return 0;
        }
    }
    return taken;
}

} // namespace ipclab::real
