// `ipclab run`: load a scenario, run it on an engine, print the report (and the trace).

#include "cli_args.h"
#include "commands.h"
#include "loader.h"
#include "report.h"
#include "trace_json.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <ostream>

#ifdef IPCLAB_HAVE_KERNEL
#include "kernel.h"
#include "schedule.h"
#endif
#ifdef IPCLAB_HAVE_REAL
#include "real_engine.h"
#endif

namespace ipclab::app {

namespace {

struct RunSettings {
    std::string file;
    std::string engine = "sim";
    std::optional<std::uint64_t> seed;
    std::optional<std::string> tracePath; ///< "-" is standard output
    std::optional<double> timeout;        ///< real mode's watchdog, seconds
    std::optional<std::string> schedule;  ///< the simulator's choices, `NAME*N,...,...`
};

/// Reads the run flags; false (with reader.error()) on the first mistake.
bool parseRun(ArgReader& r, RunSettings& s) {
    bool seenEngine = false;
    while (!r.atEnd()) {
        if (!r.nextIsOption()) {
            if (!r.takeOneFile(s.file)) {
                return false;
            }
            continue;
        }
        const std::string name = r.optionName();
        if (name != "--engine" && name != "--seed" && name != "--trace" && name != "--timeout" &&
            name != "--schedule") {
            r.fail("unknown option \"" + name +
                   "\"; expected --engine, --seed, --trace, --timeout or --schedule");
            return false;
        }
        const bool twice = name == "--engine"     ? seenEngine
                           : name == "--seed"     ? s.seed.has_value()
                           : name == "--timeout"  ? s.timeout.has_value()
                           : name == "--schedule" ? s.schedule.has_value()
                                                  : s.tracePath.has_value();
        if (twice) {
            r.fail(name + " is given twice");
            return false;
        }
        const auto value = r.optionValue();
        if (!value) {
            return false;
        }
        if (name == "--engine") {
            if (*value != "sim" && *value != "real") {
                r.fail("--engine expects sim or real, got \"" + *value + "\"");
                return false;
            }
            s.engine = *value;
            seenEngine = true;
        } else if (name == "--timeout") {
            s.timeout = parseSeconds(*value);
            if (!s.timeout) {
                r.fail("--timeout expects seconds between 0 and 3600, got \"" + *value + "\"");
                return false;
            }
        } else if (name == "--schedule") {
            s.schedule = *value;
        } else if (name == "--seed") {
            s.seed = parseUnsigned(*value);
            if (!s.seed) {
                r.fail("--seed expects a non-negative integer, got \"" + *value + "\"");
                return false;
            }
        } else {
            if (value->empty()) {
                r.fail("--trace expects a file path, or - for standard output");
                return false;
            }
            s.tracePath = *value;
        }
    }
    if (s.file.empty()) {
        r.fail("expected a scenario FILE (ipclab run FILE [--engine sim|real] [--seed N] "
               "[--trace PATH|-] [--timeout SECONDS] [--schedule W])");
        return false;
    }
    if (s.schedule && s.engine == "real") {
        r.fail("--schedule replays the simulator's choices; it cannot steer --engine real");
        return false;
    }
    return true;
}

/// Runs the scenario on the chosen engine; nothing (with a message) when this build
/// lacks that engine.
std::optional<Trace> runEngine(Scenario& scenario, const RunSettings& s,
                               [[maybe_unused]] std::ostream& err, bool& usage) {
    if (s.seed) {
        scenario.kernel.seed = *s.seed;
    }
    if (s.engine == "real") {
#ifdef IPCLAB_HAVE_REAL
        RealOptions options;
        if (s.timeout) {
            options.timeoutSeconds = *s.timeout;
        }
        return runReal(scenario, options);
#else
        err << "ipclab run: real mode not available in this build\n";
        return std::nullopt;
#endif
    }
#ifdef IPCLAB_HAVE_KERNEL
    RunOptions options;
    if (s.seed) {
        options.overrideSeed = true;
        options.seed = *s.seed;
    }
    if (s.schedule) {
        std::string error;
        const auto schedule = parseSchedule(*s.schedule, scenario, error);
        if (!schedule) {
            err << "ipclab run: --schedule: " << error << "\n";
            usage = true;
            return std::nullopt;
        }
        Replay replay =
            replaySchedule(std::make_shared<const Scenario>(scenario), *schedule, options);
        if (!replay.error.empty()) {
            err << "ipclab run: --schedule: " << replay.error << "\n";
            usage = true;
            return std::nullopt;
        }
        return std::move(replay.trace);
    }
    return std::move(simulate(scenario, options).trace);
#else
    err << "ipclab run: the simulator is not available in this build\n";
    return std::nullopt;
#endif
}

} // namespace

int runCommand(const Args& args, std::ostream& out, std::ostream& err) {
    ArgReader reader("run", args);
    RunSettings settings;
    if (!parseRun(reader, settings)) {
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
    Scenario& scenario = *loaded.scenario;
    bool usage = false;
    const std::optional<Trace> trace = runEngine(scenario, settings, err, usage);
    if (!trace) {
        return usage ? kExitUsage : kExitFailed;
    }
    const Report report = makeReport(scenario, *trace);
    if (settings.tracePath == "-") {
        // One stream a reader can take line by line: the trace, then the report as the
        // last line, so nothing else may go to stdout.
        writeTraceJson(out, *trace);
        out << "{\"report\":" << reportToCompactJson(report, *trace) << "}\n";
    } else {
        if (settings.tracePath) {
            std::ofstream file(*settings.tracePath, std::ios::binary | std::ios::trunc);
            if (file) {
                writeTraceJson(file, *trace);
                file.close();
            }
            if (!file) {
                err << "ipclab run: cannot write the trace to \"" << *settings.tracePath
                    << "\": " << std::strerror(errno) << "\n";
                return kExitFailed;
            }
        }
        out << reportToJson(report, *trace);
    }
    out.flush();
    if (!out) {
        err << "ipclab run: cannot write to standard output\n";
        return kExitFailed;
    }
    return trace->outcome == Outcome::Error ? kExitFailed : kExitOk;
}

} // namespace ipclab::app
