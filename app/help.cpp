// `ipclab --help` and `--version`.

#include "commands.h"

#include <ostream>

namespace ipclab::app {

void printHelp(std::ostream& out) {
    out << "IPC Lab: a teaching simulator for inter-process communication.\n"
           "\n"
           "Usage:\n"
           "  ipclab [FILE] [GUI options]      open the GUI (on FILE, or the welcome scenario)\n"
           "  ipclab run FILE [--engine sim|real] [--seed N] [--trace PATH|-] [--timeout S]\n"
           "                                   run a scenario, print its JSON report\n"
           "  ipclab compare FILE [--timeout S] [--json]\n"
           "                                   run both engines, compare syscalls per operation\n"
           "  ipclab check FILE...             validate scenario files only\n"
           "  ipclab --help | --version\n"
           "\n"
           "run options:\n"
           "  --engine sim|real  the simulated kernel (default) or real fork()ed processes\n"
           "  --seed N           overrides the scenario's kernel.seed\n"
           "  --trace PATH       also write the event trace as JSON lines to PATH\n"
           "  --trace -          write the JSON-lines trace to standard output instead of the\n"
           "                     report, followed by the report as one last line\n"
           "                     {\"report\": {...}}\n"
           "  --timeout S        real mode: end a run that makes no progress for S seconds\n"
           "                     (default 5); the outcome then says deadlock or time_limit\n"
           "\n"
           "Exit status: 0 when the run happened (outcome completed, deadlock or time_limit;\n"
           "also awaiting_choice for the manual scheduler), 1 when the engine could not run\n"
           "it (outcome error) or output failed, 2 for bad options or an unusable file\n"
           "(messages on standard error as file:line:column: message).\n";
}

void printVersion(std::ostream& out) {
    out << "ipclab " << IPCLAB_VERSION << "\n";
}

} // namespace ipclab::app
