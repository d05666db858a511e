// runReal: plan, register, fork, watch, clean up, merge.
#include "busy_loop.h"
#include "real_engine.h"
#include "real_fork.h"
#include "real_limits.h"
#include "real_merge.h"
#include "real_plan.h"
#include "real_registry.h"
#include "real_shared.h"
#include "syscall_counter.h"
#include "syscalltally.h"
#include "waitfor.h"

#include <cstring>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

namespace ipclab {

namespace {

using namespace ipclab::real;

/// The run's state while the children go: who is still alive, what they wrote.
struct Watch {
    std::vector<pid_t> pids;
    std::vector<bool> alive;
    std::vector<ChildEnd> ends;
    std::vector<std::vector<unsigned char>> records; ///< raw ring bytes per process
    int running = 0;
};

void drainAll(SharedArea& shared, Watch& w) {
    for (std::size_t i = 0; i < w.pids.size(); ++i) {
        drainRing(shared.child(static_cast<int>(i)), shared.ring(static_cast<int>(i)),
                  shared.ringBytes(), w.records[i]);
    }
}

void reapFinished(Watch& w, bool block) {
    for (std::size_t i = 0; i < w.pids.size(); ++i) {
        if (!w.alive[i]) {
            continue;
        }
        int status = 0;
        rusage usage{};
        const pid_t r = wait4(w.pids[i], &status, block ? 0 : WNOHANG, &usage);
        if (r == w.pids[i]) {
            w.alive[i] = false;
            --w.running;
            w.ends[i].exited = WIFEXITED(status);
            w.ends[i].status = WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status);
            w.ends[i].voluntarySwitches = usage.ru_nvcsw;
            w.ends[i].involuntarySwitches = usage.ru_nivcsw;
        }
    }
}

/// A fingerprint of everything the children did so far; unchanged means no progress.
std::uint64_t progressOf(SharedArea& shared, const Watch& w) {
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < w.pids.size(); ++i) {
        auto& c = shared.child(static_cast<int>(i));
        sum += c.head.load(std::memory_order_acquire) * 31 + c.callSeq.load() * 7 + c.phase.load();
    }
    return sum;
}

bool allAliveInCalls(SharedArea& shared, const Watch& w) {
    for (std::size_t i = 0; i < w.pids.size(); ++i) {
        const auto phase = shared.child(static_cast<int>(i)).phase.load();
        if (w.alive[i] && phase != InCall && phase != AwaitingObject) {
            return false;
        }
    }
    return w.running > 0;
}

void snapshotCalls(SharedArea& shared, Watch& w, std::uint64_t start) {
    for (std::size_t i = 0; i < w.pids.size(); ++i) {
        auto& c = shared.child(static_cast<int>(i));
        auto& e = w.ends[i];
        const auto phase = c.phase.load();
        e.inCall = phase == InCall || phase == AwaitingObject;
        e.awaiting = phase == AwaitingObject;
        e.callStart = c.callStart;
        e.callOp = c.callOp;
        e.callSyscall = c.callSyscall;
        e.callObject = c.callObject;
        e.callLine = c.callLine;
        (void)start;
    }
}

/// Waits until every child ended or the watchdog fired. Returns the outcome.
Outcome watch(SharedArea& shared, Watch& w, pid_t group, const RealOptions& options,
              std::vector<std::string>& notes) {
    const auto timeoutNs = static_cast<std::uint64_t>(options.timeoutSeconds * 1e9);
    // All processes waiting inside IPC calls, and nothing moved for this long: nobody is
    // left to wake them (the engine never uses timeouts in blocking calls).
    const std::uint64_t deadlockNs = std::min<std::uint64_t>(timeoutNs, 500000000ull);
    std::uint64_t lastProgress = monotonicNs();
    std::uint64_t fingerprint = progressOf(shared, w);
    while (w.running > 0) {
        shared.waitForDrainRequest(kRunnerTickNs);
        drainAll(shared, w);
        reapFinished(w, false);
        const std::uint64_t now = monotonicNs();
        const std::uint64_t f = progressOf(shared, w);
        if (f != fingerprint) {
            fingerprint = f;
            lastProgress = now;
            continue;
        }
        const bool stuck = allAliveInCalls(shared, w);
        if ((stuck && now - lastProgress >= deadlockNs) || now - lastProgress >= timeoutNs) {
            snapshotCalls(shared, w, shared.startNs());
            for (std::size_t i = 0; i < w.pids.size(); ++i) {
                w.ends[i].killedByRunner = w.alive[i];
            }
            kill(-group, SIGKILL);
            reapFinished(w, true);
            drainAll(shared, w);
            notes.push_back(std::string(stuck ? "deadlock" : "no progress") + " for " +
                            std::to_string((now - lastProgress) / 1000000) +
                            " ms: the watchdog ended the run");
            return stuck ? Outcome::Deadlock : Outcome::TimeLimit;
        }
    }
    drainAll(shared, w);
    return Outcome::Completed;
}

std::vector<ObjectFate> fatesOf(const RunPlan& plan, SharedArea& shared, bool abnormal) {
    std::vector<ObjectFate> fates(plan.objects.size());
    for (std::size_t i = 0; i < plan.objects.size(); ++i) {
        auto& o = shared.object(static_cast<int>(i));
        fates[i].sysvId = o.sysvId.load();
        if (abnormal) {
            continue; // a child may have died between creating and recording: try all
        }
        fates[i].mayExist = o.created.load() != 0 && o.removed.load() == 0;
    }
    return fates;
}

std::string signalName(int sig) {
    const char* abbrev = sigabbrev_np(sig);
    return abbrev != nullptr ? "SIG" + std::string(abbrev) : "signal " + std::to_string(sig);
}

/// The kernel's switch counts of each child from its start gate to its end, where both ends
/// are known.
std::vector<std::optional<KernelSwitches>> switchesOf(SharedArea& shared, const Watch& w) {
    std::vector<std::optional<KernelSwitches>> out(w.ends.size());
    for (std::size_t i = 0; i < w.ends.size(); ++i) {
        const auto& c = shared.child(static_cast<int>(i));
        const auto& e = w.ends[i];
        if (c.voluntaryAtStart >= 0 && e.voluntarySwitches >= c.voluntaryAtStart &&
            e.involuntarySwitches >= c.involuntaryAtStart) {
            out[i] = KernelSwitches{e.voluntarySwitches - c.voluntaryAtStart,
                                    e.involuntarySwitches - c.involuntaryAtStart};
        }
    }
    return out;
}

std::string callsText(const CallCounts& calls) {
    std::string out;
    for (const auto& [name, n] : calls) {
        out += (out.empty() ? "" : ", ") + name + " x" + std::to_string(n);
    }
    return out;
}

} // namespace

Trace runReal(const Scenario& scenario, const RealOptions& options) {
    Trace trace;
    trace.scenarioTitle = scenario.title;
    trace.engine = Engine::Real;
    trace.timeUnit = TimeUnit::Nanosecond;
    trace.seed = scenario.kernel.seed;
    trace.cpus = scenario.kernel.cpus;
    trace.countingMethod = CountingMethod::Self;
    for (const auto& p : scenario.processes) {
        trace.processNames.push_back(p.name);
    }
    for (auto& line : cleanStaleRuns()) {
        trace.notes.push_back("stale objects: " + line);
    }
    const SystemLimits limits = readSystemLimits();
    if (auto refusal = checkLimits(scenario, limits, trace.notes)) {
        trace.outcome = Outcome::Error;
        trace.notes.push_back("refused: " + *refusal + "; nothing was created");
        return trace;
    }
    const RunPlan basePlan = makePlan(scenario, getpid(), limits, options.runAsScenarioUids);
    RunPlan plan = basePlan;
    Registry registry;
    std::string error;
    SharedArea shared;
    if (!registry.write(plan, error) || !shared.create(static_cast<int>(scenario.processes.size()),
                                                       static_cast<int>(plan.objects.size()),
                                                       plan.tagBytes, options.ringBytes, error)) {
        registry.remove();
        trace.outcome = Outcome::Error;
        trace.notes.push_back(error);
        return trace;
    }
    trace.cpus = std::min(scenario.kernel.cpus, limits.onlineCpus);
    trace.notes.push_back(
        plan.enforceUids
            ? "uids enforced by the kernel: each process ran as its scenario uid"
            : "uids not enforced by the kernel (runner not root, or asked not to): the runner "
              "checked segment modes itself; a refused attach is counted but never reached "
              "the kernel");
    trace.notes.push_back("compute: 1 tick = " + std::to_string(options.tickNs) +
                          " ns of calibrated busy loop");

    // Old soft limits come back at the end; root may lift the per-user queue memory cap.
    rlimit oldMsgLimit{};
    getrlimit(RLIMIT_MSGQUEUE, &oldMsgLimit);
    if (plan.enforceUids) {
        const rlimit unlimited{RLIM_INFINITY, RLIM_INFINITY};
        setrlimit(RLIMIT_MSGQUEUE, &unlimited);
    }
    SyscallCounter counter;
    std::string why;
    if (options.usePerf && counter.open(why)) {
        trace.countingMethod = CountingMethod::PerfEvent;
    } else {
        trace.countingFallback = !options.usePerf ? CountingFallback::Declined
                                 : !SyscallCounter::tracepointAvailable()
                                     ? CountingFallback::NoTracefs
                                     : CountingFallback::NotPermitted;
        trace.notes.push_back("syscalls counted by the program itself" +
                              (why.empty() ? std::string() : ": " + why));
    }
    CallCounts runnerCalls;
    for (auto& o : plan.objects) {
        if (o.kind != ObjectKind::Link) {
            continue;
        }
        int sv[2] = {-1, -1};
        ++runnerCalls["socketpair"];
        if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) == 0) {
            o.fdA = sv[0];
            o.fdB = sv[1];
        }
    }
    if (!runnerCalls.empty()) {
        trace.notes.push_back("direct links: the runner made " +
                              std::to_string(runnerCalls["socketpair"]) +
                              " socketpair(s) before fork; each is counted to the process "
                              "that opens the link");
    }

    ChildConfig config;
    config.tickNs = options.tickNs;
    config.itersPerUs = busyIterationsPerMicrosecond();
    pid_t group = 0;
    Watch w;
    w.pids = forkChildren(scenario, plan, shared, config, group);
    for (const auto& o : plan.objects) {
        if (o.kind == ObjectKind::Link) {
            close(o.fdA);
            close(o.fdB);
        }
    }
    Outcome outcome = Outcome::Error;
    if (w.pids.empty() && !scenario.processes.empty()) {
        trace.notes.push_back(std::string("fork failed: ") + std::strerror(errno));
    } else {
        const int n = static_cast<int>(w.pids.size());
        w.alive.assign(n, true);
        w.ends.resize(n);
        w.records.resize(n);
        w.running = n;
        if (pinChildren(w.pids, std::min(scenario.kernel.cpus, limits.onlineCpus)) == 0 && n > 0) {
            trace.notes.push_back("cpus: could not pin the processes (sched_setaffinity)");
        }
        const std::vector<int> counted(w.pids.begin(), w.pids.end());
        std::string watchWhy;
        if (counter.active() && !counter.watch(counted, watchWhy)) {
            counter.close();
            trace.countingMethod = CountingMethod::Self;
            trace.countingFallback = CountingFallback::NotPermitted;
            trace.notes.push_back("syscalls counted by the program itself: " + watchWhy);
        }
        shared.startNs() = monotonicNs();
        openGate(shared);
        outcome = watch(shared, w, group, options, trace.notes);
    }
    const std::uint64_t endNs = monotonicNs() - shared.startNs();

    bool abnormal = outcome != Outcome::Completed;
    for (std::size_t i = 0; i < w.ends.size(); ++i) {
        const auto& end = w.ends[i];
        if (!end.exited || (end.status != 0 && end.status != 2)) {
            abnormal = true;
        }
        if (!end.exited && !end.killedByRunner) {
            trace.notes.push_back(scenario.processes[i].name + ": killed by " +
                                  signalName(end.status));
        } else if (end.exited && end.status != 0 && end.status != 2) {
            trace.notes.push_back(scenario.processes[i].name + ": exited with status " +
                                  std::to_string(end.status));
        }
    }
    CallCounts cleanup;
    removeObjects(plan, fatesOf(plan, shared, abnormal), cleanup);
    if (!cleanup.empty()) {
        trace.notes.push_back(
            "cleanup by the runner: " + callsText(cleanup) +
            (abnormal ? " (every object the run may have made)" : " (objects the scenario left)"));
    }
    registry.remove();
    if (counter.active()) {
        // The runner's clean-up is its own row (cleanupSyscalls), not the scenario's.
        trace.measuredSyscalls = counter.read();
        for (const auto& [name, count] : cleanup) {
            auto it = trace.measuredSyscalls.find(name);
            if (it != trace.measuredSyscalls.end() && (it->second -= count) <= 0) {
                trace.measuredSyscalls.erase(it);
            }
        }
        counter.close();
    }
    trace.cleanupSyscalls = cleanup;
    trace.kernelSwitches = switchesOf(shared, w);
    setrlimit(RLIMIT_MSGQUEUE, &oldMsgLimit);

    MergeInput input;
    w.records.resize(scenario.processes.size());
    input.records.resize(scenario.processes.size());
    for (std::size_t i = 0; i < w.records.size(); ++i) {
        input.records[i] = decodeRecords(w.records[i]);
        std::vector<unsigned char>().swap(w.records[i]);
    }
    input.ends = w.ends;
    input.ends.resize(scenario.processes.size());
    input.outcome = outcome;
    input.endNs = endNs;
    mergeRecords(scenario, plan, input, trace);
    if (outcome == Outcome::Deadlock) {
        trace.deadlockCycle = waitForCycle(scenario, trace);
    }
    if (trace.countingMethod == CountingMethod::Self) {
        // The trace's calls that reached the kernel (not those the runner refused in its
        // place), except socketpair: the runner made those, one per link.
        trace.measuredSyscalls = issuedCalls(trace);
        trace.measuredSyscalls.erase("socketpair");
        for (const auto& [name, count] : runnerCalls) {
            trace.measuredSyscalls[name] += count;
        }
    }
    return trace;
}

} // namespace ipclab
