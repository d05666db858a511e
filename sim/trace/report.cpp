#include "report.h"

#include "state.h"

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
        if (op.kind == OpKind::Repeat) {
            addZeroKeys(op.body, out);
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
        pj["context_switches"] = p.contextSwitches;
        pj["blocked_time"] = p.blockedTime;
        j["processes"].push_back(std::move(pj));
    }
    j["messages"] = Json{{"sent", report.messagesSent}, {"received", report.messagesReceived}};
    j["links"] = report.links;
    j["mailboxes"] = report.mailboxes;
    j["bytes_copied"] = report.bytesCopied;
    j["context_switches"] = report.contextSwitches;
    j["end_time"] = report.endTime;
    j["time_unit"] = std::string(timeUnitName(trace.timeUnit));
    j["deadlock"] = deadlockJson(report, trace);
    j["notes"] = report.notes;
    j["counting_method"] = std::string(countingMethodName(report.countingMethod));
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
    Report r;
    r.scenario = trace.scenarioTitle.empty() ? scenario.title : trace.scenarioTitle;
    r.engine = trace.engine;
    r.outcome = trace.outcome;
    r.endTime = trace.events.empty() ? 0 : trace.events.back().time;
    r.syscallsTotal = s.syscallsTotal;
    for (const ProcessSpec& p : scenario.processes) {
        addZeroKeys(p.program, r.byOp);
    }
    for (const auto& [op, n] : s.syscallsByOp) {
        r.byOp[op] = n;
    }
    r.bySyscall = trace.measuredSyscalls.empty() ? s.syscallsByName : trace.measuredSyscalls;
    const auto blocked = blockedTimes(trace, r.endTime);
    for (std::size_t i = 0; i < trace.processNames.size(); ++i) {
        const ProcessStatus& ps = s.processes[i];
        ProcessReport p;
        p.name = trace.processNames[i];
        p.finalState = ps.state;
        if (i < scenario.processes.size()) {
            addZeroKeys(scenario.processes[i].program, p.syscalls);
        }
        for (const auto& [op, n] : ps.syscallsByOp) {
            p.syscalls[op] = n;
        }
        p.contextSwitches = ps.contextSwitches;
        p.blockedTime = blocked[i];
        r.contextSwitches += ps.contextSwitches;
        r.processes.push_back(std::move(p));
    }
    r.messagesSent = s.messagesSent;
    r.messagesReceived = s.messagesReceived;
    r.links = links;
    r.mailboxes = mailboxes;
    r.bytesCopied = s.bytesCopied;
    r.deadlockCycle = trace.deadlockCycle;
    r.notes = trace.notes;
    r.countingMethod = trace.countingMethod;
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
