#include "report.h"

#include "leftbehind.h"
#include "state.h"
#include "syscalltally.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace ipclab {

namespace {

using Json = nlohmann::ordered_json;

/// Adds a zero entry for every operation in `program` (repeat bodies included). `repeat`
/// itself is structure, not an operation that could cost anything, so it gets no key.
void addZeroKeys(const std::vector<Operation>& program, std::map<OpKind, std::int64_t>& out) {
    for (const Operation& op : program) {
        if (isControl(op.kind)) {
            addZeroKeys(op.body, out);
            addZeroKeys(op.elseBody, out);
        } else {
            out.emplace(op.kind, 0);
        }
    }
}

/// Ticks (or ns) each process spent blocked; a process still blocked at the end of the
/// run is charged up to the run's end time.
std::vector<std::uint64_t> blockedTimes(const Trace& trace, std::uint64_t endTime) {
    const std::size_t n = trace.processNames.size();
    std::vector<std::uint64_t> total(n, 0);
    std::vector<std::uint64_t> since(n, 0);
    std::vector<bool> blocked(n, false);
    for (const Event& e : trace.events) {
        if (e.kind != EventKind::State || e.proc >= n) {
            continue;
        }
        const bool nowBlocked = static_cast<ProcState>(e.a) == ProcState::Blocked;
        if (blocked[e.proc] && !nowBlocked) {
            total[e.proc] += e.time - since[e.proc];
        } else if (!blocked[e.proc] && nowBlocked) {
            since[e.proc] = e.time;
        }
        blocked[e.proc] = nowBlocked;
    }
    for (std::size_t p = 0; p < n; ++p) {
        if (blocked[p]) {
            total[p] += endTime - since[p];
        }
    }
    return total;
}

/// Ticks (or ns) each process spent running, and the part spent spinning in a `while`
/// (Compute events of a condition carry the spun iteration's ticks in `b`).
void runningTimes(const Trace& trace, std::uint64_t endTime, std::vector<std::uint64_t>& cpu,
                  std::vector<std::uint64_t>& spin) {
    const std::size_t n = trace.processNames.size();
    cpu.assign(n, 0);
    spin.assign(n, 0);
    std::vector<std::uint64_t> since(n, 0);
    std::vector<bool> running(n, false);
    for (const Event& e : trace.events) {
        if (e.proc >= n) {
            continue;
        }
        if (e.kind == EventKind::Compute && e.op == OpKind::While && e.b > 0) {
            spin[e.proc] += static_cast<std::uint64_t>(e.b);
        }
        if (e.kind != EventKind::State) {
            continue;
        }
        const bool now = static_cast<ProcState>(e.a) == ProcState::Running;
        if (running[e.proc] && !now) {
            cpu[e.proc] += e.time - since[e.proc];
        } else if (!running[e.proc] && now) {
            since[e.proc] = e.time;
        }
        running[e.proc] = now;
    }
    for (std::size_t p = 0; p < n; ++p) {
        if (running[p]) {
            cpu[p] += endTime - since[p];
        }
    }
}

/// Median (mean of the middle two for an even count) and nearest-rank 99th percentile.
std::map<OpKind, LatencyStats> latencies(const std::vector<OpTiming>& timings) {
    std::map<OpKind, std::vector<std::uint64_t>> byOp;
    for (const OpTiming& t : timings) {
        byOp[t.op].push_back(t.durationNs);
    }
    std::map<OpKind, LatencyStats> out;
    for (auto& [op, d] : byOp) {
        std::sort(d.begin(), d.end());
        const std::size_t n = d.size();
        LatencyStats s;
        s.count = static_cast<std::int64_t>(n);
        s.medianNs = n % 2 == 1 ? static_cast<double>(d[n / 2])
                                : (static_cast<double>(d[n / 2 - 1]) + d[n / 2]) / 2.0;
        const auto rank = static_cast<std::size_t>(std::ceil(0.99 * static_cast<double>(n)));
        s.p99Ns = static_cast<double>(d[std::max<std::size_t>(rank, 1) - 1]);
        out.emplace(op, s);
    }
    return out;
}

Json opCounts(const std::map<OpKind, std::int64_t>& counts) {
    Json j = Json::object();
    for (const auto& [op, n] : counts) {
        j[std::string(opName(op))] = n;
    }
    return j;
}

template <typename T> Json orNull(const std::optional<T>& v) {
    return v ? Json(*v) : Json(nullptr);
}

Json leftBehindJson(const Report& report, const Trace& trace) {
    Json objects = Json::array();
    for (int i : report.leftBehind) {
        const ObjectInfo& o = trace.objects[static_cast<std::size_t>(i)];
        objects.push_back(Json{{"kind", std::string(objectKindName(o.kind))}, {"name", o.name}});
    }
    Json calls = Json::object();
    for (const auto& [name, n] : report.cleanup) {
        calls[name] = n;
    }
    return Json{{"objects", std::move(objects)}, {"cleanup_syscalls", std::move(calls)}};
}

Json nameOrNull(const std::vector<std::string>& names, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= names.size()) {
        return nullptr;
    }
    return names[static_cast<std::size_t>(index)];
}

Json deadlockJson(const Report& report, const Trace& trace) {
    if (report.deadlockCycle.empty()) {
        return nullptr;
    }
    Json cycle = Json::array();
    for (const WaitEdge& w : report.deadlockCycle) {
        Json edge;
        edge["process"] = nameOrNull(trace.processNames, w.proc);
        edge["waits_in"] = std::string(opName(w.op));
        edge["object"] = w.object >= 0 && static_cast<std::size_t>(w.object) < trace.objects.size()
                             ? Json(trace.objects[static_cast<std::size_t>(w.object)].name)
                             : Json(nullptr);
        edge["held_by"] = nameOrNull(trace.processNames, w.holder);
        cycle.push_back(std::move(edge));
    }
    Json j;
    j["cycle"] = std::move(cycle);
    return j;
}

Json reportValue(const Report& report, const Trace& trace) {
    Json j;
    j["scenario"] = report.scenario;
    j["engine"] = std::string(engineName(report.engine));
    j["outcome"] = std::string(outcomeName(report.outcome));
    Json syscalls;
    syscalls["total"] = report.syscallsTotal;
    syscalls["by_op"] = opCounts(report.byOp);
    syscalls["by_syscall"] = Json::object();
    for (const auto& [name, n] : report.bySyscall) {
        syscalls["by_syscall"][name] = n;
    }
    j["syscalls"] = std::move(syscalls);
    j["processes"] = Json::array();
    for (const ProcessReport& p : report.processes) {
        Json pj;
        pj["name"] = p.name;
        pj["final_state"] = std::string(stateName(p.finalState));
        pj["syscalls"] = opCounts(p.syscalls);
        pj["context_switches"] = orNull(p.contextSwitches);
        pj["blocked_time"] = p.blockedTime;
        pj["cpu_time"] = p.cpuTime;
        pj["spin_time"] = p.spinTime;
        if (p.kernelSwitches) {
            pj["voluntary_switches"] = p.kernelSwitches->voluntary;
            pj["involuntary_switches"] = p.kernelSwitches->involuntary;
        }
        j["processes"].push_back(std::move(pj));
    }
    j["messages"] = Json{{"sent", report.messagesSent}, {"received", report.messagesReceived}};
    j["links"] = report.links;
    j["mailboxes"] = report.mailboxes;
    j["bytes_copied"] = report.bytesCopied;
    j["context_switches"] = orNull(report.contextSwitches);
    j["end_time"] = report.endTime;
    j["time_unit"] = std::string(timeUnitName(trace.timeUnit));
    j["deadlock"] = deadlockJson(report, trace);
    j["notes"] = report.notes;
    j["counting_method"] = std::string(countingMethodName(report.countingMethod));
    j["counting"] = countingText(report.countingMethod, report.countingFallback);
    j["left_behind"] = leftBehindJson(report, trace);
    if (!report.latency.empty()) {
        Json lat = Json::object();
        for (const auto& [op, s] : report.latency) {
            lat[std::string(opName(op))] =
                Json{{"count", s.count}, {"median_ns", s.medianNs}, {"p99_ns", s.p99Ns}};
        }
        j["latency"] = std::move(lat);
    }
    return j;
}

} // namespace

std::string countingText(CountingMethod method, CountingFallback fallback) {
    switch (method) {
    case CountingMethod::Simulated:
        return "counted by the simulator: the calls its kernel model makes";
    case CountingMethod::PerfEvent:
        return "counted by the Linux kernel itself (perf events on raw_syscalls:sys_enter)";
    case CountingMethod::Self:
        break;
    }
    std::string why;
    switch (fallback) {
    case CountingFallback::NoTracefs:
        why = "the kernel could not count because tracefs is not mounted; to let it, run as "
              "root: " +
              std::string(kEnableKernelCounting);
        break;
    case CountingFallback::NotPermitted:
        why = "the kernel's perf counters were refused (they need root or "
              "kernel.perf_event_paranoid <= -1, and tracefs: " +
              std::string(kEnableKernelCounting) + ")";
        break;
    case CountingFallback::Declined:
        why = "the run asked not to use the kernel's counters";
        break;
    case CountingFallback::None:
        why = "the kernel's counters were not used";
        break;
    }
    return "counted by IPC Lab itself, one per call it made; " + why;
}

Report makeReport(const Scenario& scenario, const Trace& trace) {
    SystemState s = initialState(trace);
    std::int64_t links = 0;
    std::int64_t mailboxes = 0;
    for (const Event& e : trace.events) {
        applyEvent(s, trace, e);
        if (e.kind == EventKind::ObjCreated && e.object < trace.objects.size()) {
            const ObjectKind kind = trace.objects[e.object].kind;
            links += kind == ObjectKind::Link ? 1 : 0;
            mailboxes += kind == ObjectKind::Mailbox ? 1 : 0;
        }
    }
    const SyscallTally tally = tallySyscalls(trace);
    Report r;
    r.scenario = trace.scenarioTitle.empty() ? scenario.title : trace.scenarioTitle;
    r.engine = trace.engine;
    r.outcome = trace.outcome;
    r.endTime = trace.events.empty() ? 0 : trace.events.back().time;
    r.syscallsTotal = tally.total;
    for (const ProcessSpec& p : scenario.processes) {
        addZeroKeys(p.program, r.byOp);
    }
    for (const auto& [op, n] : tally.byOp) {
        r.byOp[op] = n;
    }
    r.bySyscall = trace.measuredSyscalls.empty() ? tally.byName : trace.measuredSyscalls;
    const auto blocked = blockedTimes(trace, r.endTime);
    std::vector<std::uint64_t> cpu;
    std::vector<std::uint64_t> spin;
    runningTimes(trace, r.endTime, cpu, spin);
    bool allSwitchesKnown = true;
    std::int64_t switches = 0;
    for (std::size_t i = 0; i < trace.processNames.size(); ++i) {
        const ProcessStatus& ps = s.processes[i];
        ProcessReport p;
        p.name = trace.processNames[i];
        p.finalState = ps.state;
        if (i < scenario.processes.size()) {
            addZeroKeys(scenario.processes[i].program, p.syscalls);
        }
        for (const auto& [op, n] : tally.processByOp(i)) {
            p.syscalls[op] = n;
        }
        if (trace.engine == Engine::Sim) {
            p.contextSwitches = ps.contextSwitches;
        } else if (i < trace.kernelSwitches.size() && trace.kernelSwitches[i]) {
            // Real mode has no Dispatch events: only the kernel's own count is a number.
            p.kernelSwitches = trace.kernelSwitches[i];
            p.contextSwitches = p.kernelSwitches->voluntary + p.kernelSwitches->involuntary;
        }
        allSwitchesKnown = allSwitchesKnown && p.contextSwitches.has_value();
        switches += p.contextSwitches.value_or(0);
        p.blockedTime = blocked[i];
        p.cpuTime = cpu[i];
        p.spinTime = spin[i];
        r.processes.push_back(std::move(p));
    }
    if (allSwitchesKnown) {
        r.contextSwitches = switches;
    }
    r.messagesSent = s.messagesSent;
    r.messagesReceived = s.messagesReceived;
    r.links = links;
    r.mailboxes = mailboxes;
    r.bytesCopied = s.bytesCopied;
    r.deadlockCycle = trace.deadlockCycle;
    const LeftBehind left = leftBehind(trace, s);
    r.leftBehind = left.objects;
    // The simulator predicts the clean-up; real mode's runner made it (and counted it).
    r.cleanup = trace.engine == Engine::Sim ? left.cleanupCalls : trace.cleanupSyscalls;
    r.notes = trace.notes;
    r.countingMethod = trace.countingMethod;
    r.countingFallback = trace.countingFallback;
    r.latency = latencies(trace.timings);
    return r;
}

std::string reportToJson(const Report& report, const Trace& trace) {
    return reportValue(report, trace).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string reportToCompactJson(const Report& report, const Trace& trace) {
    return reportValue(report, trace).dump(-1, ' ', false, Json::error_handler_t::replace);
}

} // namespace ipclab
