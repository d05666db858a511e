// runReal, one function per phase: prepare (private directory, stale runs, limits, plan,
// registry, shared area), start the children, watch them, clean up, merge. Everything the
// run holds (registry, sockets, rlimit, counters, signal mask) is released by a guard.
#include "busy_loop.h"
#include "real_engine.h"
#include "real_fork.h"
#include "real_limits.h"
#include "real_merge.h"
#include "real_plan.h"
#include "real_registry.h"
#include "real_shared.h"
#include "real_watch.h"
#include "syscall_counter.h"
#include "syscalltally.h"
#include "waitfor.h"

#include <cstring>
#include <optional>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace ipclab {

namespace {

using namespace ipclab::real;

/// Lifts the per-user queue memory cap for a root run and puts the old limit back.
class QueueMemoryLimit {
public:
    explicit QueueMemoryLimit(bool lift) {
        m_saved = getrlimit(RLIMIT_MSGQUEUE, &m_old) == 0;
        if (lift && m_saved) {
            const rlimit unlimited{RLIM_INFINITY, RLIM_INFINITY};
            setrlimit(RLIMIT_MSGQUEUE, &unlimited);
        }
    }
    QueueMemoryLimit(const QueueMemoryLimit&) = delete;
    QueueMemoryLimit& operator=(const QueueMemoryLimit&) = delete;
    ~QueueMemoryLimit() {
        if (m_saved) {
            setrlimit(RLIMIT_MSGQUEUE, &m_old);
        }
    }

private:
    rlimit m_old{};
    bool m_saved = false;
};

/// The runner's ends of the direct links' socketpairs (made before fork); closed once the
/// children have their copies, or at the end whatever happened.
class LinkSockets {
public:
    LinkSockets(RunPlan& plan, CallCounts& calls) : m_plan(plan) {
        for (auto& o : plan.objects) {
            if (o.kind != ObjectKind::Link) {
                continue;
            }
            int sv[2] = {-1, -1};
            ++calls["socketpair"];
            if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) == 0) {
                o.fdA = sv[0];
                o.fdB = sv[1];
            }
        }
    }
    LinkSockets(const LinkSockets&) = delete;
    LinkSockets& operator=(const LinkSockets&) = delete;
    ~LinkSockets() { close(); }
    void close() {
        for (auto& o : m_plan.objects) {
            if (o.kind == ObjectKind::Link) {
                for (int* fd : {&o.fdA, &o.fdB}) {
                    if (*fd >= 0) {
                        ::close(*fd);
                        *fd = -1;
                    }
                }
            }
        }
    }

private:
    RunPlan& m_plan;
};

/// Everything the run set up before the children start. Destroyed in reverse order:
/// shared area, registry (after the objects are gone), directory.
struct Prepared {
    PrivateDir dir;
    RunPlan plan;
    Owners owners;
    Registry registry;
    SharedArea shared;
    SystemLimits limits;
};

Trace startTrace(const Scenario& scenario) {
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
    return trace;
}

/// Private directory, stale runs, limits, plan, registry and shared area. A refusal (the
/// reason) when the run cannot start; nothing is created then.
std::optional<std::string> prepare(const Scenario& scenario, const RealOptions& options,
                                   Prepared& p, Trace& trace) {
    std::string error;
    if (!p.dir.open(options.registryBase, error)) {
        return error;
    }
    for (auto& line : cleanStaleRuns(p.dir)) {
        trace.notes.push_back("stale objects: " + line);
    }
    p.limits = readSystemLimits();
    if (auto refusal = checkLimits(scenario, p.limits, trace.notes)) {
        return "refused: " + *refusal + "; nothing was created";
    }
    p.plan = makePlan(scenario, getpid(), p.limits, options.runAsScenarioUids);
    if (!p.plan.error.empty()) {
        return "refused: " + p.plan.error + "; nothing was created";
    }
    p.owners = ownersOf(scenario, p.plan);
    if (!p.registry.write(p.dir, p.plan, p.owners, error) ||
        !p.shared.create(static_cast<int>(scenario.processes.size()),
                         static_cast<int>(p.plan.objects.size()), p.plan.tagBytes,
                         options.ringBytes, error)) {
        return error;
    }
    if (options.afterPlan) {
        options.afterPlan(registryLines(p.plan));
    }
    return std::nullopt;
}

void noteSetup(const RealOptions& options, const Prepared& p, Trace& trace) {
    trace.notes.push_back(
        p.plan.enforceUids
            ? "uids enforced by the kernel: each process ran as its scenario uid"
            : "uids not enforced by the kernel (runner not root, or asked not to): the runner "
              "checked segment modes itself; a refused attach is counted but never reached "
              "the kernel");
    trace.notes.push_back("compute: 1 tick = " + std::to_string(options.tickNs) +
                          " ns of calibrated busy loop");
}

void openCounter(SyscallCounter& counter, const RealOptions& options, Trace& trace) {
    std::string why;
    if (options.usePerf && counter.open(why)) {
        trace.countingMethod = CountingMethod::PerfEvent;
        return;
    }
    trace.countingFallback = !options.usePerf ? CountingFallback::Declined
                             : !SyscallCounter::tracepointAvailable()
                                 ? CountingFallback::NoTracefs
                                 : CountingFallback::NotPermitted;
    trace.notes.push_back("syscalls counted by the program itself" +
                          (why.empty() ? std::string() : ": " + why));
}

/// Forks the children, pins them, points the counters at them and opens the gate. False
/// (with a note) when fork failed.
bool startChildren(const Scenario& scenario, const RealOptions& options, Prepared& p,
                   LinkSockets& links, SyscallCounter& counter, Watch& w, Trace& trace) {
    ChildConfig config;
    config.tickNs = options.tickNs;
    config.itersPerUs = busyIterationsPerMicrosecond();
    pid_t group = 0;
    auto pids = forkChildren(scenario, p.plan, p.shared, config, group);
    links.close();
    if (pids.empty() && !scenario.processes.empty()) {
        trace.notes.push_back(std::string("fork failed: ") + std::strerror(errno));
        return false;
    }
    w.start(std::move(pids), group);
    const int cpus = std::min(scenario.kernel.cpus, p.limits.onlineCpus);
    if (pinChildren(w.pids, cpus) == 0 && !w.pids.empty()) {
        trace.notes.push_back("cpus: could not pin the processes (sched_setaffinity)");
    }
    const std::vector<int> counted(w.pids.begin(), w.pids.end());
    std::string why;
    if (counter.active() && !counter.watch(counted, why)) {
        counter.close();
        trace.countingMethod = CountingMethod::Self;
        trace.countingFallback = CountingFallback::NotPermitted;
        trace.notes.push_back("syscalls counted by the program itself: " + why);
    }
    p.shared.startNs() = monotonicNs();
    openGate(p.shared);
    return true;
}

bool endedNormally(const ChildEnd& end) {
    return end.exited && (end.status == static_cast<int>(ChildExit::Done) ||
                          end.status == static_cast<int>(ChildExit::Fault) ||
                          end.status == static_cast<int>(ChildExit::ForeignObject));
}

/// Notes on children that ended other than by their program; true when any did.
bool noteChildEnds(const Scenario& scenario, SharedArea& shared, const Watch& w, Trace& trace) {
    bool abnormal = false;
    for (std::size_t i = 0; i < w.ends.size(); ++i) {
        const auto& end = w.ends[i];
        const auto& status = shared.child(static_cast<int>(i));
        if (status.faultErrno != 0) {
            trace.notes.push_back(scenario.processes[i].name + ": " +
                                  std::string(sysName(static_cast<Sys>(status.faultSyscall))) +
                                  " failed with " + strerrorname_np(status.faultErrno) + " (" +
                                  std::strerror(status.faultErrno) +
                                  "); the process was stopped (its fault, not a deadlock)");
        }
        abnormal = abnormal || !endedNormally(end);
        if (!end.exited && !end.killedByRunner) {
            trace.notes.push_back(scenario.processes[i].name + ": killed by " +
                                  signalName(end.status));
        } else if (!endedNormally(end)) {
            trace.notes.push_back(scenario.processes[i].name + ": exited with status " +
                                  std::to_string(end.status) +
                                  (end.status == static_cast<int>(ChildExit::CredentialsFailed)
                                       ? " (could not take its scenario uid)"
                                       : ""));
        }
    }
    return abnormal;
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

std::string callsText(const CallCounts& calls) {
    std::string out;
    for (const auto& [name, n] : calls) {
        out += (out.empty() ? "" : ", ") + name + " x" + std::to_string(n);
    }
    return out;
}

/// Removes what the run left (only what is provably its own) and the registry.
CallCounts cleanUp(Prepared& p, bool abnormal, Trace& trace) {
    CallCounts cleanup;
    std::vector<std::string> leftAlone;
    removeObjects(p.plan, fatesOf(p.plan, p.shared, abnormal), p.owners, cleanup, leftAlone);
    if (!cleanup.empty()) {
        trace.notes.push_back(
            "cleanup by the runner: " + callsText(cleanup) +
            (abnormal ? " (every object the run may have made)" : " (objects the scenario left)"));
    }
    for (const auto& line : leftAlone) {
        trace.notes.push_back("left alone: " + line);
    }
    p.registry.remove();
    return cleanup;
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

/// The kernel's counts, less the runner's clean-up (its own row, not the scenario's).
void takeKernelCounts(SyscallCounter& counter, const CallCounts& cleanup, Trace& trace) {
    if (!counter.active()) {
        return;
    }
    trace.measuredSyscalls = counter.read();
    for (const auto& [name, count] : cleanup) {
        auto it = trace.measuredSyscalls.find(name);
        if (it != trace.measuredSyscalls.end() && (it->second -= count) <= 0) {
            trace.measuredSyscalls.erase(it);
        }
    }
    counter.close();
}

void merge(const Scenario& scenario, const RunPlan& plan, Watch& w, Outcome outcome,
           std::uint64_t endNs, Trace& trace) {
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
}

/// In "self" counting, the trace's calls that reached the kernel (not those the runner
/// refused in its place), except socketpair: the runner made those, one per link.
void selfCounts(const CallCounts& runnerCalls, Trace& trace) {
    if (trace.countingMethod != CountingMethod::Self) {
        return;
    }
    trace.measuredSyscalls = issuedCalls(trace);
    trace.measuredSyscalls.erase("socketpair");
    for (const auto& [name, count] : runnerCalls) {
        trace.measuredSyscalls[name] += count;
    }
}

std::vector<std::string> objectNames(const RunPlan& plan) {
    std::vector<std::string> names;
    for (const auto& o : plan.objects) {
        names.push_back(std::string(objectKindName(o.kind)) + " " + o.name);
    }
    return names;
}

} // namespace

Trace runReal(const Scenario& scenario, const RealOptions& options) {
    Trace trace = startTrace(scenario);
    // From here on SIGINT, SIGTERM and SIGHUP end the run cleanly instead of the runner.
    InterruptGuard interrupts;
    Prepared p;
    if (auto refusal = prepare(scenario, options, p, trace)) {
        trace.outcome = Outcome::Error;
        trace.notes.push_back(*refusal);
        return trace;
    }
    trace.cpus = std::min(scenario.kernel.cpus, p.limits.onlineCpus);
    noteSetup(options, p, trace);
    const QueueMemoryLimit queueMemory(p.plan.enforceUids);
    SyscallCounter counter;
    openCounter(counter, options, trace);
    CallCounts runnerCalls;
    LinkSockets links(p.plan, runnerCalls);
    if (!runnerCalls.empty()) {
        trace.notes.push_back("direct links: the runner made " +
                              std::to_string(runnerCalls["socketpair"]) +
                              " socketpair(s) before fork; each is counted to the process "
                              "that opens the link");
    }
    Watch w;
    Outcome outcome = Outcome::Error;
    if (startChildren(scenario, options, p, links, counter, w, trace)) {
        outcome = watchRun(p.shared, w, options, interrupts, objectNames(p.plan), trace.notes);
    }
    const std::uint64_t endNs = monotonicNs() - p.shared.startNs();
    const bool abnormal =
        noteChildEnds(scenario, p.shared, w, trace) || outcome != Outcome::Completed;
    const CallCounts cleanup = cleanUp(p, abnormal, trace);
    takeKernelCounts(counter, cleanup, trace);
    trace.cleanupSyscalls = cleanup;
    trace.kernelSwitches = switchesOf(p.shared, w);
    merge(scenario, p.plan, w, outcome, endNs, trace);
    selfCounts(runnerCalls, trace);
    return trace;
}

} // namespace ipclab
