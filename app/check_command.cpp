// `ipclab check`: validate scenario files without running them.

#include "cli_args.h"
#include "commands.h"
#include "loader.h"
#include "printable.h"

#include <ostream>

namespace ipclab::app {

namespace {

std::size_t countOperations(const std::vector<Operation>& program) {
    std::size_t n = 0;
    for (const Operation& op : program) {
        n += 1 + countOperations(op.body) + countOperations(op.elseBody);
    }
    return n;
}

} // namespace

int checkCommand(const Args& args, std::ostream& out, std::ostream& err) {
    ArgReader reader("check", args);
    std::vector<std::string> files;
    while (!reader.atEnd()) {
        if (reader.nextIsOption()) {
            reader.fail("unknown option \"" + reader.optionName() + "\"; check takes only FILEs");
            err << reader.error() << "\n";
            return kExitUsage;
        }
        files.push_back(reader.takePositional());
    }
    if (files.empty()) {
        err << "ipclab check: expected a scenario FILE (ipclab check FILE...)\n";
        return kExitUsage;
    }
    int status = kExitOk;
    for (const std::string& file : files) {
        const LoadResult loaded = loadScenarioFile(file);
        if (!loaded.ok()) {
            for (const Diagnostic& d : loaded.diagnostics) {
                err << d.format() << "\n";
            }
            status = kExitUsage;
            continue;
        }
        const Scenario& s = *loaded.scenario;
        std::size_t operations = 0;
        for (const ProcessSpec& p : s.processes) {
            operations += countOperations(p.program);
        }
        out << printable(file) << ": ok: \"" << printable(s.title) << "\", " << s.processes.size()
            << (s.processes.size() == 1 ? " process, " : " processes, ") << operations
            << (operations == 1 ? " operation\n" : " operations\n");
    }
    return status;
}

} // namespace ipclab::app
