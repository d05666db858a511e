// `ipclab compare`: runs both engines and prints, per operation, the simulator's predicted
// syscalls next to the ones the real kernel counted, and each engine's outcome.

#include "compare_command.h"

#include "cli_args.h"
#include "commands.h"
#include "loader.h"
#include "printable.h"
#include "report.h"

#include <cstdlib>
#include <iomanip>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>

#if defined(IPCLAB_HAVE_KERNEL) && defined(IPCLAB_HAVE_REAL)
#include "kernel.h"
#include "real_engine.h"
#define IPCLAB_CAN_COMPARE 1
#endif

namespace ipclab::app {

namespace {

struct CompareSettings {
    std::string file;
    double timeout = 5.0;
    bool json = false;
};

bool parseCompare(ArgReader& r, CompareSettings& s) {
    bool seenTimeout = false;
    while (!r.atEnd()) {
        if (!r.nextIsOption()) {
            if (!r.takeOneFile(s.file)) {
                return false;
            }
            continue;
        }
        const std::string name = r.optionName();
        if (name == "--json") {
            r.takePositional();
            s.json = true;
            continue;
        }
        if (name != "--timeout") {
            r.fail("unknown option \"" + name + "\"; expected --timeout or --json");
            return false;
        }
        if (seenTimeout) {
            r.fail("--timeout is given twice");
            return false;
        }
        const auto value = r.optionValue();
        if (!value) {
            return false;
        }
        const auto seconds = parseSeconds(*value);
        if (!seconds) {
            r.fail("--timeout expects seconds between 0 and 3600, got \"" + *value + "\"");
            return false;
        }
        s.timeout = *seconds;
        seenTimeout = true;
    }
    if (s.file.empty()) {
        r.fail("expected a scenario FILE (ipclab compare FILE [--timeout SECONDS] [--json])");
        return false;
    }
    return true;
}

/// One row of a comparison: a name and the two counts (missing counts are 0).
struct Row {
    std::string name;
    std::int64_t sim = 0;
    std::int64_t real = 0;
};

std::vector<Row> opRows(const Report& sim, const Report& real) {
    std::map<std::string, Row> rows;
    for (const auto& [op, n] : sim.byOp) {
        auto& row = rows[std::string(opName(op))];
        row.name = opName(op);
        row.sim = n;
    }
    for (const auto& [op, n] : real.byOp) {
        auto& row = rows[std::string(opName(op))];
        row.name = opName(op);
        row.real = n;
    }
    // In the scenario's operation order (OpKind order), not alphabetically.
    std::vector<Row> out;
    for (int k = 0; k < kOpKindCount; ++k) {
        const auto it = rows.find(std::string(opName(static_cast<OpKind>(k))));
        if (it != rows.end()) {
            out.push_back(it->second);
        }
    }
    return out;
}

std::vector<Row> syscallRows(const Report& sim, const Report& real) {
    std::map<std::string, Row> rows;
    for (const auto& [name, n] : sim.bySyscall) {
        rows[name].name = name;
        rows[name].sim = n;
    }
    for (const auto& [name, n] : real.bySyscall) {
        rows[name].name = name;
        rows[name].real = n;
    }
    std::vector<Row> out;
    for (auto& [name, row] : rows) {
        out.push_back(row);
    }
    return out;
}

void printTable(std::ostream& out, const std::string& heading, const std::string& realHeading,
                const std::vector<Row>& rows, bool withTotal) {
    out << "  " << std::left << std::setw(18) << heading << std::right << std::setw(10)
        << "simulated" << std::setw(12) << realHeading << "\n";
    std::int64_t simTotal = 0;
    std::int64_t realTotal = 0;
    for (const auto& row : rows) {
        out << "  " << std::left << std::setw(18) << row.name << std::right << std::setw(10)
            << row.sim << std::setw(12) << row.real << (row.sim != row.real ? "   differs" : "")
            << "\n";
        simTotal += row.sim;
        realTotal += row.real;
    }
    if (withTotal) {
        out << "  " << std::left << std::setw(18) << "total" << std::right << std::setw(10)
            << simTotal << std::setw(12) << realTotal << (simTotal != realTotal ? "   differs" : "")
            << "\n";
    }
}

std::vector<Row> cleanupRows(const Report& sim, const Report& real) {
    std::map<std::string, Row> rows;
    for (const auto& [name, n] : sim.cleanup) {
        rows[name].name = name;
        rows[name].sim = n;
    }
    for (const auto& [name, n] : real.cleanup) {
        rows[name].name = name;
        rows[name].real = n;
    }
    std::vector<Row> out;
    for (auto& [name, row] : rows) {
        out.push_back(row);
    }
    return out;
}

/// "semaphore mutex, segment board": what a run leaves behind.
std::string leftBehindText(const Report& report, const Trace& trace) {
    std::string out;
    for (int i : report.leftBehind) {
        const ObjectInfo& o = trace.objects[static_cast<std::size_t>(i)];
        out += (out.empty() ? "" : ", ") + std::string(objectKindName(o.kind)) + " " + o.name;
    }
    return out;
}

nlohmann::ordered_json leftBehindJson(const Report& report, const Trace& trace) {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (int i : report.leftBehind) {
        const ObjectInfo& o = trace.objects[static_cast<std::size_t>(i)];
        j.push_back({{"kind", objectKindName(o.kind)}, {"name", o.name}});
    }
    return j;
}

nlohmann::ordered_json rowsJson(const std::vector<Row>& rows) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const auto& row : rows) {
        j[row.name] = {{"sim", row.sim}, {"real", row.real}};
    }
    return j;
}

bool sameCounts(const std::vector<Row>& rows) {
    for (const auto& row : rows) {
        if (row.sim != row.real) {
            return false;
        }
    }
    return true;
}

} // namespace

int compareCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    ArgReader reader("compare", args);
    CompareSettings settings;
    if (!parseCompare(reader, settings)) {
        err << reader.error() << "\n";
        return kExitUsage;
    }
    LoadResult loaded = loadScenarioFile(settings.file);
    if (!loaded.ok()) {
        for (const Diagnostic& d : loaded.diagnostics) {
            err << d.format() << "\n";
        }
        return kExitUsage;
    }
#ifndef IPCLAB_CAN_COMPARE
    err << "ipclab compare: this build lacks the simulator or real mode\n";
    return kExitFailed;
#else
    const Scenario& scenario = *loaded.scenario;
    const Trace simTrace = simulate(scenario).trace;
    RealOptions options;
    options.timeoutSeconds = settings.timeout;
    const Trace realTrace = runReal(scenario, options);
    const Report sim = makeReport(scenario, simTrace);
    const Report real = makeReport(scenario, realTrace);
    const auto ops = opRows(sim, real);
    const auto calls = syscallRows(sim, real);
    const auto cleanup = cleanupRows(sim, real);
    if (settings.json) {
        nlohmann::ordered_json j;
        j["scenario"] = scenario.title;
        j["sim"] = {{"outcome", outcomeName(sim.outcome)},
                    {"total", sim.syscallsTotal},
                    {"counting_method", countingMethodName(sim.countingMethod)}};
        j["real"] = {{"outcome", outcomeName(real.outcome)},
                     {"total", real.syscallsTotal},
                     {"counting_method", countingMethodName(real.countingMethod)},
                     {"counting", countingText(real.countingMethod, real.countingFallback)},
                     {"notes", real.notes}};
        j["by_op"] = rowsJson(ops);
        j["by_syscall"] = rowsJson(calls);
        // The clean-up of what the scenario left behind, apart from the scenario's calls.
        j["cleanup"] = rowsJson(cleanup);
        j["left_behind"] = {{"sim", leftBehindJson(sim, simTrace)},
                            {"real", leftBehindJson(real, realTrace)}};
        j["same_counts_by_op"] = sameCounts(ops);
        j["same_counts_by_syscall"] = sameCounts(calls) && sameCounts(cleanup);
        out << j.dump(2) << "\n";
    } else {
        out << printable(scenario.title) << "\n\n";
        out << "  " << std::left << std::setw(18) << "outcome" << std::right << std::setw(10)
            << outcomeName(sim.outcome) << std::setw(12) << outcomeName(real.outcome) << "\n\n";
        out << "System calls per operation (simulator's prediction vs the real run):\n";
        printTable(out, "operation", "real", ops, true);
        out << "\nBy kernel name (real " << countingText(real.countingMethod, real.countingFallback)
            << "):\n";
        printTable(out, "syscall", "real", calls, false);
        const std::string left = leftBehindText(sim, simTrace);
        if (!cleanup.empty() || !left.empty()) {
            // On Linux these outlive their processes: the scenario never removed them.
            out << "\nClean-up after the run (left behind: "
                << (left.empty() ? std::string("nothing") : left)
                << "; on Linux these outlive their processes, so real mode's runner removed "
                   "them):\n";
            printTable(out, "syscall", "real", cleanup, false);
        }
        if (!real.notes.empty()) {
            out << "\nReal mode notes:\n";
            for (const auto& note : real.notes) {
                out << "  - " << printable(note) << "\n";
            }
        }
        out << "\n"
            << (sameCounts(ops) ? "Every operation cost what the simulator predicted.\n"
                                : "Some operations differ (see \"differs\" and the notes).\n");
    }
    out.flush();
    if (!out) {
        err << "ipclab compare: cannot write to standard output\n";
        return kExitFailed;
    }
    return real.outcome == Outcome::Error ? kExitFailed : kExitOk;
#endif
}

} // namespace ipclab::app
