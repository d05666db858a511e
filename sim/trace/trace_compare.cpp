// Comparing two traces by content (used to check that a trace survives its JSON form).

#include "trace.h"

#include <string>

namespace ipclab {

namespace {

bool sameObject(const ObjectInfo& a, const ObjectInfo& b) {
    return a.kind == b.kind && a.name == b.name && a.endA == b.endA && a.endB == b.endB &&
           a.capacity == b.capacity && a.size == b.size && a.mode == b.mode && a.key == b.key;
}

/// A StringId compared by the text it stands for (kNoString only equals kNoString).
bool sameString(const Trace& ta, StringId a, const Trace& tb, StringId b) {
    if (a == kNoString || b == kNoString) {
        return a == b;
    }
    return a < ta.strings.size() && b < tb.strings.size() && ta.str(a) == tb.str(b);
}

const char* eventDifference(const Trace& ta, const Event& a, const Trace& tb, const Event& b) {
    if (a.time != b.time) {
        return "time";
    }
    if (a.kind != b.kind) {
        return "kind";
    }
    if (a.op != b.op || a.cpu != b.cpu || a.flags != b.flags || a.proc != b.proc ||
        a.object != b.object || a.line != b.line || a.a != b.a) {
        return "fields";
    }
    // var_set keeps the variable's name as a StringId in b.
    const bool bIsString = a.kind == EventKind::VarSet;
    if (bIsString ? !sameString(ta, static_cast<StringId>(a.b), tb, static_cast<StringId>(b.b))
                  : a.b != b.b) {
        return "b";
    }
    if (!sameString(ta, a.text, tb, b.text)) {
        return "text";
    }
    return nullptr;
}

bool setDifference(std::string* out, const std::string& what) {
    if (out != nullptr) {
        *out = what;
    }
    return false;
}

} // namespace

bool sameRun(const Trace& a, const Trace& b, std::string* difference) {
    if (a.scenarioTitle != b.scenarioTitle || a.engine != b.engine || a.timeUnit != b.timeUnit ||
        a.seed != b.seed || a.cpus != b.cpus || a.countingMethod != b.countingMethod) {
        return setDifference(difference, "header");
    }
    if (a.processNames != b.processNames) {
        return setDifference(difference, "processes");
    }
    if (a.objects.size() != b.objects.size()) {
        return setDifference(difference, "object count");
    }
    for (std::size_t i = 0; i < a.objects.size(); ++i) {
        if (!sameObject(a.objects[i], b.objects[i])) {
            return setDifference(difference, "object " + std::to_string(i));
        }
    }
    if (a.events.size() != b.events.size()) {
        return setDifference(difference, "event count");
    }
    for (std::size_t i = 0; i < a.events.size(); ++i) {
        if (const char* what = eventDifference(a, a.events[i], b, b.events[i])) {
            return setDifference(difference, "event " + std::to_string(i) + ": " + what);
        }
    }
    if (a.outcome != b.outcome) {
        return setDifference(difference, "outcome");
    }
    if (a.deadlockCycle.size() != b.deadlockCycle.size()) {
        return setDifference(difference, "deadlock cycle");
    }
    for (std::size_t i = 0; i < a.deadlockCycle.size(); ++i) {
        const WaitEdge& x = a.deadlockCycle[i];
        const WaitEdge& y = b.deadlockCycle[i];
        if (x.proc != y.proc || x.op != y.op || x.object != y.object || x.holder != y.holder) {
            return setDifference(difference, "deadlock edge " + std::to_string(i));
        }
    }
    if (a.notes != b.notes) {
        return setDifference(difference, "notes");
    }
    if (a.measuredSyscalls != b.measuredSyscalls) {
        return setDifference(difference, "measured syscalls");
    }
    if (a.countingFallback != b.countingFallback) {
        return setDifference(difference, "counting fallback");
    }
    if (a.cleanupSyscalls != b.cleanupSyscalls) {
        return setDifference(difference, "cleanup syscalls");
    }
    if (a.kernelSwitches != b.kernelSwitches) {
        return setDifference(difference, "kernel switches");
    }
    if (a.timings.size() != b.timings.size()) {
        return setDifference(difference, "timing count");
    }
    for (std::size_t i = 0; i < a.timings.size(); ++i) {
        const OpTiming& x = a.timings[i];
        const OpTiming& y = b.timings[i];
        if (x.proc != y.proc || x.op != y.op || x.startNs != y.startNs ||
            x.durationNs != y.durationNs) {
            return setDifference(difference, "timing " + std::to_string(i));
        }
    }
    return true;
}

} // namespace ipclab
