// A small command-line driver for the real engine, for tst_strace and manual runs:
//   ipclab_real_driver FILE [--timeout S] [--self]
// prints the report as JSON, exactly as `ipclab run FILE --engine real` would.
#include "loader.h"
#include "real_engine.h"
#include "report.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE [--timeout S] [--self]\n", argv[0]);
        return 2;
    }
    ipclab::RealOptions options;
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--timeout") == 0 && i + 1 < argc) {
            options.timeoutSeconds = std::atof(argv[++i]);
        } else if (std::strcmp(argv[i], "--self") == 0) {
            options.usePerf = false;
        }
    }
    const auto loaded = ipclab::loadScenarioFile(argv[1]);
    if (!loaded.ok()) {
        for (const auto& d : loaded.diagnostics) {
            std::fprintf(stderr, "%s\n", d.format().c_str());
        }
        return 1;
    }
    const ipclab::Trace trace = ipclab::runReal(*loaded.scenario, options);
    const auto report = ipclab::makeReport(*loaded.scenario, trace);
    std::fputs(ipclab::reportToJson(report, trace).c_str(), stdout);
    return trace.outcome == ipclab::Outcome::Error ? 1 : 0;
}
