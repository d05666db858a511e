#include "lesson_run.h"

#include "loader.h"

#include <algorithm>
#include <sstream>

namespace ipclab::test {

std::filesystem::path scenarioDir() {
    return IPCLAB_SCENARIO_DIR;
}

std::filesystem::path goldenDir() {
    return IPCLAB_GOLDEN_DIR;
}

std::vector<std::filesystem::path> bundledScenarios() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(scenarioDir())) {
        if (entry.is_regular_file() && entry.path().extension() == ".yaml") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::optional<Scenario> loadLesson(const std::filesystem::path& path, std::string& error) {
    LoadResult loaded = loadScenarioFile(path.string());
    if (!loaded.ok()) {
        error.clear();
        for (const auto& d : loaded.diagnostics) {
            error += d.format() + "\n";
        }
        return std::nullopt;
    }
    return std::move(*loaded.scenario);
}

LessonRun runScenario(const Scenario& scenario) {
    LessonRun run;
    run.scenario = scenario;
    run.trace = simulate(scenario).trace;
    run.report = makeReport(run.scenario, run.trace);
    run.final = initialState(run.trace);
    for (const auto& e : run.trace.events) {
        applyEvent(run.final, run.trace, e);
    }
    return run;
}

std::optional<LessonRun> runLesson(std::string_view stem, std::string& error) {
    auto scenario = loadLesson(scenarioDir() / (std::string(stem) + ".yaml"), error);
    if (!scenario) {
        return std::nullopt;
    }
    return runScenario(*scenario);
}

int processId(const Trace& trace, std::string_view name) {
    const auto& names = trace.processNames;
    const auto it = std::find(names.begin(), names.end(), name);
    return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

std::int64_t processSyscalls(const Report& report, std::string_view name) {
    for (const auto& p : report.processes) {
        if (p.name == name) {
            std::int64_t total = 0;
            for (const auto& [op, n] : p.syscalls) {
                total += n;
            }
            return total;
        }
    }
    return -1;
}

namespace {
bool counted(const Event& e) {
    return e.kind == EventKind::Syscall && (e.flags & kFlagCompletes) == 0;
}
} // namespace

std::int64_t countCalls(const Trace& trace, int proc, OpKind op, CallResult result) {
    return std::count_if(trace.events.begin(), trace.events.end(), [&](const Event& e) {
        return counted(e) && e.op == op && (proc < 0 || e.proc == proc) &&
               static_cast<CallResult>(e.b) == result;
    });
}

std::int64_t countSyscallsNamed(const Trace& trace, int proc, std::string_view name) {
    return std::count_if(trace.events.begin(), trace.events.end(), [&](const Event& e) {
        return counted(e) && (proc < 0 || e.proc == proc) && e.text != kNoString &&
               trace.str(e.text) == name;
    });
}

std::string finalLocal(const LessonRun& run, std::string_view proc, std::string_view var) {
    const int id = processId(run.trace, proc);
    if (id < 0 || id >= static_cast<int>(run.final.processes.size())) {
        return {};
    }
    const auto& locals = run.final.processes[id].locals;
    const auto it = locals.find(std::string(var));
    return it == locals.end() ? std::string() : it->second;
}

std::vector<std::string> captions(const Trace& trace) {
    std::vector<std::string> out;
    for (const auto& e : trace.events) {
        if (e.kind == EventKind::Caption && e.op == OpKind::Say) {
            out.push_back(trace.str(e.text));
        }
    }
    return out;
}

std::int64_t messagesReceivedBy(const Trace& trace, int proc) {
    return std::count_if(trace.events.begin(), trace.events.end(), [&](const Event& e) {
        return e.kind == EventKind::MsgReceived && e.proc == proc;
    });
}

std::string firstDifference(const std::string& expected, const std::string& actual) {
    std::istringstream a(expected);
    std::istringstream b(actual);
    std::string la;
    std::string lb;
    for (int line = 1;; ++line) {
        const bool moreA = static_cast<bool>(std::getline(a, la));
        const bool moreB = static_cast<bool>(std::getline(b, lb));
        if (!moreA && !moreB) {
            return {};
        }
        if (moreA != moreB || la != lb) {
            return "line " + std::to_string(line) + ": expected '" + (moreA ? la : "<end>") +
                   "' got '" + (moreB ? lb : "<end>") + "'";
        }
    }
}

bool sameTrace(const Trace& a, const Trace& b, std::string& why) {
    if (a.strings != b.strings) {
        why = "string tables differ";
        return false;
    }
    if (a.objects.size() != b.objects.size()) {
        why = "object tables differ";
        return false;
    }
    for (std::size_t i = 0; i < a.objects.size(); ++i) {
        if (a.objects[i].name != b.objects[i].name || a.objects[i].kind != b.objects[i].kind) {
            why = "object " + std::to_string(i) + " differs";
            return false;
        }
    }
    if (a.events.size() != b.events.size()) {
        why = "event counts differ: " + std::to_string(a.events.size()) + " vs " +
              std::to_string(b.events.size());
        return false;
    }
    for (std::size_t i = 0; i < a.events.size(); ++i) {
        const Event& x = a.events[i];
        const Event& y = b.events[i];
        // Field by field: the struct has padding, so memcmp would compare garbage.
        const bool same = x.time == y.time && x.kind == y.kind && x.op == y.op && x.cpu == y.cpu &&
                          x.flags == y.flags && x.proc == y.proc && x.object == y.object &&
                          x.line == y.line && x.a == y.a && x.b == y.b && x.text == y.text;
        if (!same) {
            why = "event " + std::to_string(i) + " differs";
            return false;
        }
    }
    if (a.outcome != b.outcome) {
        why = "outcomes differ";
        return false;
    }
    return true;
}

} // namespace ipclab::test
