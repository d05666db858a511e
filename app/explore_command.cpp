// `ipclab explore`: every interleaving of a scenario on one CPU, and the outcomes they
// reach (sim/explore).

#include "cli_args.h"
#include "commands.h"
#include "explorer.h"
#include "loader.h"

#include <ostream>

namespace ipclab::app {

namespace {

constexpr const char* kUsage = "ipclab explore FILE [--observe EXPR]... [--max-states N] [--json]";

struct ExploreSettings {
    std::string file;
    ExploreOptions options;
    bool json = false;
    bool seenMax = false;
};

bool parseExplore(ArgReader& r, ExploreSettings& s) {
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
        if (name != "--observe" && name != "--max-states") {
            r.fail("unknown option \"" + name + "\"; expected --observe, --max-states or --json");
            return false;
        }
        const auto value = r.optionValue();
        if (!value) {
            return false;
        }
        if (name == "--observe") {
            s.options.observe.push_back(*value);
            continue;
        }
        const auto n = parseUnsigned(*value);
        if (s.seenMax) {
            r.fail("--max-states is given twice");
            return false;
        }
        if (!n || *n == 0) {
            r.fail("--max-states expects a positive integer, got \"" + *value + "\"");
            return false;
        }
        s.options.maxStates = *n;
        s.seenMax = true;
    }
    if (s.file.empty()) {
        r.fail(std::string("expected a scenario FILE (") + kUsage + ")");
        return false;
    }
    return true;
}

} // namespace

int exploreCommand(const Args& args, std::ostream& out, std::ostream& err) {
    ArgReader reader("explore", args);
    ExploreSettings settings;
    if (!parseExplore(reader, settings)) {
        err << reader.error() << "\n";
        return kExitUsage;
    }
    const LoadResult loaded = loadScenarioFile(settings.file);
    if (!loaded.ok()) {
        for (const Diagnostic& d : loaded.diagnostics) {
            err << d.format() << "\n";
        }
        return kExitUsage;
    }
    std::string error;
    const auto result = explore(*loaded.scenario, settings.options, error);
    if (!result) {
        err << "ipclab explore: " << error << "\n";
        return kExitUsage;
    }
    out << (settings.json ? explorationToJson(*result, *loaded.scenario)
                          : explorationToText(*result, *loaded.scenario));
    out.flush();
    if (!out) {
        err << "ipclab explore: cannot write to standard output\n";
        return kExitFailed;
    }
    return kExitOk;
}

} // namespace ipclab::app
