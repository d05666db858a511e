// `ipclab run`: load a scenario, run it on an engine, print the report (and the trace).

#include "cli_args.h"
#include "commands.h"
#include "loader.h"
#include "printable.h"
#include "report.h"
#include "trace_json.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <ostream>
#include <sys/stat.h>
#include <unistd.h>

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
    std::optional<std::string> tracePath;  ///< "-" is standard output
    std::optional<double> timeout;         ///< real mode's watchdog, seconds
    std::optional<std::string> schedule;   ///< the simulator's choices, `NAME*N,...,...`
    std::optional<std::size_t> eventLimit; ///< the run's cap on events (both engines)
};

/// The largest --event-limit: a run that reached it holds about 6.5 GB of trace.
constexpr unsigned long long kMaxEventLimit = 100'000'000;

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
            name != "--schedule" && name != "--event-limit") {
            r.fail(
                "unknown option \"" + name +
                "\"; expected --engine, --seed, --trace, --timeout, --schedule or --event-limit");
            return false;
        }
        const bool twice = name == "--engine"        ? seenEngine
                           : name == "--seed"        ? s.seed.has_value()
                           : name == "--timeout"     ? s.timeout.has_value()
                           : name == "--schedule"    ? s.schedule.has_value()
                           : name == "--event-limit" ? s.eventLimit.has_value()
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
                r.fail("--engine expects sim or real, got \"" + printable(*value) + "\"");
                return false;
            }
            s.engine = *value;
            seenEngine = true;
        } else if (name == "--timeout") {
            s.timeout = parseSeconds(*value);
            if (!s.timeout) {
                r.fail("--timeout expects seconds between 0 and 3600, got \"" + printable(*value) +
                       "\"");
                return false;
            }
        } else if (name == "--schedule") {
            s.schedule = *value;
        } else if (name == "--seed") {
            // The range of kernel.seed in a file.
            s.seed = parseUnsigned(*value);
            if (!s.seed || *s.seed > static_cast<std::uint64_t>(INT64_MAX)) {
                r.fail("--seed expects an integer from 0 to 9223372036854775807, got \"" +
                       printable(*value) + "\"");
                return false;
            }
        } else if (name == "--event-limit") {
            const auto limit = parseUnsigned(*value);
            if (!limit || *limit == 0 || *limit > kMaxEventLimit) {
                r.fail("--event-limit expects an integer from 1 to " +
                       std::to_string(kMaxEventLimit) + ", got \"" + printable(*value) + "\"");
                return false;
            }
            s.eventLimit = static_cast<std::size_t>(*limit);
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
               "[--trace PATH|-] [--timeout SECONDS] [--schedule W] [--event-limit N])");
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
        if (s.eventLimit) {
            options.maxEvents = *s.eventLimit;
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
    if (s.eventLimit) {
        options.maxEvents = *s.eventLimit;
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

/// Writes the trace to `path` through a temporary file in the same directory, renamed
/// over `path` only once complete: a reader never sees half a trace, and a failed write
/// leaves what was there.
bool writeTraceFile(const std::string& path, const Trace& trace, std::string& why) {
    std::string tmp = path + ".XXXXXX";
    const int fd = mkstemp(tmp.data());
    if (fd < 0) {
        why = std::strerror(errno);
        return false;
    }
    fchmod(fd, 0644);
    close(fd);
    {
        std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
        if (file) {
            writeTraceJson(file, trace);
            file.close();
        }
        if (!file) {
            why = std::strerror(errno);
            unlink(tmp.c_str());
            return false;
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        why = std::strerror(errno);
        unlink(tmp.c_str());
        return false;
    }
    return true;
}

/// Whether `a` and `b` name the same file (both existing).
bool sameFile(const std::string& a, const std::string& b) {
    struct stat sa {};
    struct stat sb {};
    return stat(a.c_str(), &sa) == 0 && stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

} // namespace

int runCommand(const Args& args, std::ostream& out, std::ostream& err) {
    ArgReader reader("run", args);
    RunSettings settings;
    if (!parseRun(reader, settings)) {
        err << reader.error() << "\n";
        return kExitUsage;
    }
    if (settings.tracePath && *settings.tracePath != "-" &&
        sameFile(*settings.tracePath, settings.file)) {
        err << "ipclab run: --trace \"" << printable(*settings.tracePath)
            << "\" is the scenario file itself; give another path\n";
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
            std::string why;
            if (!writeTraceFile(*settings.tracePath, *trace, why)) {
                err << "ipclab run: cannot write the trace to \"" << printable(*settings.tracePath)
                    << "\": " << why << "\n";
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
    return trace->outcome == Outcome::Error || trace->outcome == Outcome::Interrupted ? kExitFailed
                                                                                      : kExitOk;
}

} // namespace ipclab::app
