#pragma once
// Helpers for the kernel suites: run inline YAML through the loader and the kernel, and
// read a trace back as short, exact lines ("3 p0 syscall mq_timedsend ok").

#include "kernel.h"
#include "loader.h"

#include <QTest>
#include <string>
#include <vector>

namespace kt {

using namespace ipclab;

/// The scenario of `yaml`; aborts the test run with the diagnostics when it does not load.
inline Scenario load(const std::string& yaml) {
    LoadResult r = loadScenarioText(yaml, "inline.yaml");
    if (!r.ok()) {
        std::string all;
        for (const auto& d : r.diagnostics) {
            all += d.format() + "\n";
        }
        qFatal("inline scenario does not load:\n%s", all.c_str());
    }
    return *r.scenario;
}

inline SimulationResult run(const std::string& yaml, const RunOptions& options = {}) {
    return simulate(load(yaml), options);
}

inline std::string processName(const Trace& t, int p) {
    return p >= 0 && static_cast<std::size_t>(p) < t.processNames.size()
               ? t.processNames[static_cast<std::size_t>(p)]
               : std::string("-");
}

/// Counted syscalls (completions excluded) of process `proc` (-1: everyone).
inline int syscalls(const Trace& t, int proc = -1) {
    int n = 0;
    for (const auto& e : t.events) {
        if (e.kind == EventKind::Syscall && (e.flags & kFlagCompletes) == 0 &&
            (proc < 0 || e.proc == proc)) {
            ++n;
        }
    }
    return n;
}

/// Counted syscalls of one operation kind.
inline int syscallsOf(const Trace& t, OpKind op) {
    int n = 0;
    for (const auto& e : t.events) {
        if (e.kind == EventKind::Syscall && (e.flags & kFlagCompletes) == 0 && e.op == op) {
            ++n;
        }
    }
    return n;
}

/// "name result" of every syscall event of `proc`, completions marked with "+".
inline std::vector<std::string> calls(const Trace& t, int proc) {
    std::vector<std::string> out;
    for (const auto& e : t.events) {
        if (e.kind == EventKind::Syscall && e.proc == proc) {
            std::string s = (e.flags & kFlagCompletes) ? "+" : "";
            s += t.str(e.text) + " " + std::string(resultName(static_cast<CallResult>(e.b)));
            out.push_back(s);
        }
    }
    return out;
}

/// Process names in the order the scheduler dispatched them.
inline std::vector<std::string> dispatches(const Trace& t) {
    std::vector<std::string> out;
    for (const auto& e : t.events) {
        if (e.kind == EventKind::Dispatch) {
            out.push_back(processName(t, e.proc));
        }
    }
    return out;
}

/// "time name state" for every State event of `proc` (after the initial `new`).
inline std::vector<std::string> states(const Trace& t, int proc) {
    std::vector<std::string> out;
    for (const auto& e : t.events) {
        if (e.kind == EventKind::State && e.proc == proc &&
            static_cast<ProcState>(e.a) != ProcState::New) {
            out.push_back(std::to_string(e.time) + " " +
                          std::string(stateName(static_cast<ProcState>(e.a))));
        }
    }
    return out;
}

/// Texts of events of `kind` (optionally of one process), in order.
inline std::vector<std::string> texts(const Trace& t, EventKind kind, int proc = -1) {
    std::vector<std::string> out;
    for (const auto& e : t.events) {
        if (e.kind == kind && (proc < 0 || e.proc == proc)) {
            out.push_back(t.str(e.text));
        }
    }
    return out;
}

inline std::vector<const Event*> eventsOf(const Trace& t, EventKind kind, int proc = -1) {
    std::vector<const Event*> out;
    for (const auto& e : t.events) {
        if (e.kind == kind && (proc < 0 || e.proc == proc)) {
            out.push_back(&e);
        }
    }
    return out;
}

/// The value a process's variable holds at the end (its last VarSet), or "<unset>".
inline std::string finalVar(const Trace& t, int proc, const std::string& var) {
    std::string v = "<unset>";
    for (const auto& e : t.events) {
        if (e.kind == EventKind::VarSet && e.proc == proc &&
            t.str(static_cast<StringId>(e.b)) == var) {
            v = t.str(e.text);
        }
    }
    return v;
}

/// Every field equal (memcmp would also compare padding).
inline bool sameEvent(const Event& x, const Event& y) {
    return x.time == y.time && x.kind == y.kind && x.op == y.op && x.cpu == y.cpu &&
           x.flags == y.flags && x.proc == y.proc && x.object == y.object && x.line == y.line &&
           x.a == y.a && x.b == y.b && x.text == y.text;
}

inline std::string outcome(const Trace& t) {
    return std::string(outcomeName(t.outcome));
}

/// Joins strings with ", " for readable comparisons in failure messages.
inline QString join(const std::vector<std::string>& parts) {
    QStringList l;
    for (const auto& p : parts) {
        l << QString::fromStdString(p);
    }
    return l.join(", ");
}

} // namespace kt
