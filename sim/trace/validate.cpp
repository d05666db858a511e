// validateTrace: the structural half (header, framing, indices, fields of each event kind)
// and the entry points. The per-process half is in validate_flow.cpp.

#include "validate.h"

#include "validate_rules.h"
#include "waitfor.h"

#include <string>

namespace ipclab {

namespace validation {

namespace {

bool needsProcess(EventKind k) {
    switch (k) {
    case EventKind::State:
    case EventKind::Dispatch:
    case EventKind::Preempt:
    case EventKind::Choice:
    case EventKind::Syscall:
    case EventKind::Compute:
    case EventKind::MsgReceived:
    case EventKind::ShmWrite:
    case EventKind::ShmRead:
    case EventKind::VarSet:
    case EventKind::Attached:
    case EventKind::Detached:
        return true;
    default:
        return false;
    }
}

/// The object kinds an event kind applies to; none means it needs no object.
bool objectFits(EventKind k, ObjectKind o, bool& needed) {
    needed = true;
    switch (k) {
    case EventKind::MsgSent:
    case EventKind::MsgReceived:
        return o == ObjectKind::Mailbox || o == ObjectKind::Link;
    case EventKind::ShmWrite:
    case EventKind::ShmRead:
    case EventKind::ShmMarked:
    case EventKind::Attached:
    case EventKind::Detached:
        return o == ObjectKind::Segment;
    case EventKind::SemChanged:
        return o == ObjectKind::Semaphore;
    case EventKind::ObjCreated:
    case EventKind::ObjDeleted:
        return true;
    default:
        needed = false;
        return true;
    }
}

void checkHeader(const Trace& t, Problems& out) {
    const bool sim = t.engine == Engine::Sim;
    if ((t.timeUnit == TimeUnit::Tick) != sim) {
        out.add(kWholeTrace, sim ? "the simulator counts time in ticks"
                                 : "real mode counts time in nanoseconds");
    }
    if ((t.countingMethod == CountingMethod::Simulated) != sim) {
        out.add(kWholeTrace, sim ? "the simulator counts its own calls (\"simulated\")"
                                 : "real mode counts with perf events or itself, never "
                                   "\"simulated\"");
    }
    if (sim && (!t.measuredSyscalls.empty() || !t.cleanupSyscalls.empty() ||
                !t.kernelSwitches.empty() || !t.timings.empty())) {
        out.add(kWholeTrace, "a simulated trace has no measured counts, clean-up, kernel "
                             "switches or timings");
    }
    if (t.countingFallback != CountingFallback::None && t.countingMethod != CountingMethod::Self) {
        out.add(kWholeTrace, "a reason why the kernel did not count, but it did count");
    }
    if (t.kernelSwitches.size() > t.processNames.size()) {
        out.add(kWholeTrace, "more kernel switch counts than processes");
    }
    if (t.processNames.size() >= kNoProcess || t.objects.size() >= kNoObject) {
        out.add(kWholeTrace, "more processes or objects than an event can index");
    }
    for (const WaitEdge& w : t.deadlockCycle) {
        const bool ok = w.proc >= 0 && static_cast<std::size_t>(w.proc) < t.processNames.size() &&
                        w.holder >= -1 && w.holder < static_cast<int>(t.processNames.size()) &&
                        w.object >= -1 && w.object < static_cast<int>(t.objects.size());
        if (!ok) {
            out.add(kWholeTrace, "a deadlock edge names a process or object that does not exist");
        }
    }
    if (!t.deadlockCycle.empty() && t.outcome != Outcome::Deadlock) {
        out.add(kWholeTrace, "a deadlock cycle for a run that did not deadlock");
    }
}

void checkFraming(const Trace& t, Problems& out) {
    const auto& ev = t.events;
    if (ev.empty()) {
        if (t.outcome != Outcome::Error) {
            out.add(kWholeTrace, "no events, yet the run did not end in an error");
        }
        return;
    }
    if (ev.front().kind != EventKind::RunStart || ev.front().time != 0) {
        out.add(0, "the first event must be run_start at time 0");
    }
    if (ev.back().kind != EventKind::RunEnd) {
        out.add(ev.size() - 1, "the last event must be run_end");
    } else if (ev.back().a != static_cast<std::int32_t>(t.outcome)) {
        out.add(ev.size() - 1, "run_end's outcome is not the trace's");
    }
    for (std::size_t i = 1; i < ev.size(); ++i) {
        if (ev[i].time < ev[i - 1].time) {
            out.add(i, "time goes backwards (" + std::to_string(ev[i - 1].time) + " before it)");
        }
        const bool frame = ev[i].kind == EventKind::RunStart ||
                           (ev[i].kind == EventKind::RunEnd && i + 1 != ev.size());
        if (frame) {
            out.add(i, "run_start or run_end in the middle of the run");
        }
    }
}

void checkEvent(const Trace& t, std::size_t i, Problems& out) {
    const Event& e = t.events[i];
    if (e.kind > EventKind::Choice || static_cast<int>(e.op) >= kOpKindCount) {
        out.add(i, "an event kind or operation out of range");
        return;
    }
    const bool procOk = e.proc == kNoProcess || e.proc < t.processNames.size();
    if (!procOk || (needsProcess(e.kind) && e.proc == kNoProcess)) {
        out.add(i, e.proc == kNoProcess ? "needs a process"
                                        : "names a process that does not "
                                          "exist");
    }
    const bool objOk = e.object == kNoObject || e.object < t.objects.size();
    bool needed = false;
    objectFits(e.kind, ObjectKind::Mailbox, needed);
    if (!objOk) {
        out.add(i, "names an object that does not exist");
    } else if (needed && e.object == kNoObject) {
        out.add(i, "needs an object");
    } else if (e.object != kNoObject && !objectFits(e.kind, t.objects[e.object].kind, needed)) {
        out.add(i, "names an object of the wrong kind");
    }
    if (e.text != kNoString && e.text >= t.strings.size()) {
        out.add(i, "names a string that does not exist");
    }
    switch (e.kind) {
    case EventKind::State:
        if (e.a < 0 || e.a > static_cast<std::int32_t>(ProcState::Terminated)) {
            out.add(i, "a process state out of range");
        }
        break;
    case EventKind::Syscall:
        if (e.b < 0 || e.b > static_cast<std::int32_t>(CallResult::Error)) {
            out.add(i, "a call result out of range");
        }
        if (e.text == kNoString) {
            out.add(i, "a system call without its kernel name");
        }
        break;
    case EventKind::VarSet:
        if (e.b < 0 || static_cast<std::size_t>(e.b) >= t.strings.size()) {
            out.add(i, "a variable without a name");
        }
        break;
    case EventKind::Dispatch:
    case EventKind::Preempt:
        if (e.cpu == kNoCpu) {
            out.add(i, "a dispatch or preemption without its CPU");
        }
        break;
    case EventKind::RunEnd:
        if (e.a < 0 || e.a >= kOutcomeCount) {
            out.add(i, "an outcome out of range");
        }
        break;
    default:
        break;
    }
    if (t.engine == Engine::Sim && t.cpus > 0 && e.cpu != kNoCpu && e.cpu >= t.cpus) {
        out.add(i, "a CPU the simulated machine does not have");
    }
}

} // namespace

void checkStructure(const Trace& trace, Problems& out) {
    checkHeader(trace, out);
    checkFraming(trace, out);
    for (std::size_t i = 0; i < trace.events.size() && !out.full(); ++i) {
        checkEvent(trace, i, out);
    }
}

} // namespace validation

std::vector<TraceProblem> validateTrace(const Trace& trace) {
    validation::Problems out;
    validation::checkStructure(trace, out);
    auto found = out.take();
    if (!found.empty()) {
        return found; // the flow checks index freely: only on a trace whose indices hold
    }
    validation::checkFlow(trace, out);
    return out.take();
}

std::vector<TraceProblem> validateTrace(const Trace& trace, const Scenario& scenario) {
    auto found = validateTrace(trace);
    std::vector<std::string> names;
    for (const ProcessSpec& p : scenario.processes) {
        names.push_back(p.name);
    }
    if (names != trace.processNames) {
        found.push_back({kWholeTrace, "the processes are not the scenario's"});
    } else if (found.empty() && trace.outcome == Outcome::Deadlock) {
        const auto fold = waitForCycle(scenario, trace);
        bool same = fold.size() == trace.deadlockCycle.size();
        for (std::size_t i = 0; same && i < fold.size(); ++i) {
            const WaitEdge& a = fold[i];
            const WaitEdge& b = trace.deadlockCycle[i];
            same = a.proc == b.proc && a.op == b.op && a.object == b.object && a.holder == b.holder;
        }
        if (!same) {
            found.push_back({kWholeTrace, "the deadlock cycle is not the one the trace folds to"});
        }
    }
    return found;
}

std::string formatProblems(const Trace& trace, const std::vector<TraceProblem>& problems) {
    std::string out;
    for (const TraceProblem& p : problems) {
        if (p.event == kWholeTrace || p.event >= trace.events.size()) {
            out += "trace: " + p.what + "\n";
            continue;
        }
        const Event& e = trace.events[p.event];
        out += "event " + std::to_string(p.event) + " (" + std::string(eventKindName(e.kind)) +
               ", t=" + std::to_string(e.time) + "): " + p.what + "\n";
    }
    return out;
}

} // namespace ipclab
