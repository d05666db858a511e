// `ipclab --help` and `--version`.

#include "commands.h"

#include <ostream>
#include <string_view>

namespace ipclab::app {

namespace {

constexpr const char* kUsage =
    "Usage:\n"
    "  ipclab [FILE] [window options]   open the window (on FILE, or the welcome lesson)\n"
    "  ipclab run FILE [--engine sim|real] [--seed N] [--trace PATH|-] [--timeout S]\n"
    "                  [--schedule W] [--event-limit N]\n"
    "                                   run a scenario, print its JSON report\n"
    "  ipclab compare FILE [--timeout S] [--json]\n"
    "                                   run both engines, compare syscalls per operation\n"
    "  ipclab explore FILE [--observe EXPR]... [--max-states N] [--json]\n"
    "                                   every interleaving on one CPU: the outcomes\n"
    "  ipclab check FILE...             validate scenario files only\n"
    "  ipclab quiz FILE [--answers] [--json] [--seed N]\n"
    "                                   a lesson's questions (ask:), with the answers\n"
    "                                   the simulator computes\n"
    "  ipclab exercise TOPIC --seed N [--difficulty 1-3] [--answers]\n"
    "                                   write a generated exercise to standard output\n"
    "  ipclab exercise --list           the exercise topics\n"
    "  ipclab COMMAND --help            the options of one command\n"
    "  ipclab --help | --version\n";

constexpr const char* kWindowOptions =
    "window options:\n"
    "  --present          start in presentation mode (full screen, large caption; F5 and\n"
    "                     Esc switch in the window)\n"
    "  --goto N|end       move the cursor to event N, or to the end of the run\n"
    "  --manual           start as the scheduler (you pick who runs at every step)\n"
    "  --size WxH         window size, e.g. 1280x720 (default 1600x1000)\n"
    "  --screenshot OUT.png\n"
    "                     save the window as a PNG image and exit (no display needed;\n"
    "                     no first-run tour)\n"
    "  --tour             show the four-step tour of the window now\n"
    "  --bench-frames N   render N animation frames, print frame times, exit\n"
    "\n"
    "In the window: Space play/pause, Right/Left step, Home/End, Page Down/Up next/previous\n"
    "caption, F5 presentation, Ctrl +/- text size, Ctrl+1.. show a view, F1 legend.\n";

constexpr const char* kRunOptions =
    "run options:\n"
    "  --engine sim|real  the simulated kernel (default) or real fork()ed processes\n"
    "  --seed N           overrides the scenario's kernel.seed\n"
    "  --trace PATH       also write the event trace as JSON lines to PATH\n"
    "  --trace -          write the JSON-lines trace to standard output instead of the\n"
    "                     report, followed by the report as one last line\n"
    "                     {\"report\": {...}}\n"
    "  --timeout S        real mode: end a run that makes no progress for S seconds\n"
    "                     (default 5); the outcome then says deadlock or time_limit\n"
    "  --schedule W       the simulator: you are the scheduler. At every operation\n"
    "                     boundary where two or more processes could run, the next\n"
    "                     entry of W says who runs: W = NAME[*N],...  (NAME*N: N times\n"
    "                     in a row; a process index works too). A final \"...\" hands\n"
    "                     over to the scenario's scheduler; without it the run stops\n"
    "                     at the first choice left undecided (awaiting_choice). The\n"
    "                     same FILE, seed and W give the same trace, byte for byte\n"
    "  --event-limit N    end the run with outcome event_limit after N events\n"
    "                     (default 1000000, at most 100000000), whatever the file says\n";

constexpr const char* kExploreOptions =
    "explore options:\n"
    "  --observe EXPR     report a value per outcome: segment(NAME, OFFSET) or\n"
    "                     final(PROCESS, VAR); may be repeated\n"
    "  --max-states N     stop after N distinct states (complete: false); default\n"
    "                     5000000\n"
    "  --json             {\"states\", \"schedules\", \"complete\", \"outcomes\": [{\"outcome\",\n"
    "                     \"observed\", \"schedules\", \"witness\"}]}; a witness replays\n"
    "                     with ipclab run FILE --schedule W\n";

constexpr const char* kCompareOptions =
    "compare options:\n"
    "  --timeout S        real mode's watchdog, as for run\n"
    "  --json             print the comparison as JSON instead of a table\n";

constexpr const char* kExitStatus =
    "Exit status: 0 when the run happened (outcome completed, deadlock or time_limit;\n"
    "also awaiting_choice for the manual scheduler), 1 when the engine could not run\n"
    "it (outcome error) or output failed, 2 for bad options or an unusable file\n"
    "(messages on standard error as file:line:column: message).\n";

} // namespace

void printHelp(std::ostream& out) {
    out << "IPC Lab: a teaching simulator for inter-process communication.\n\n"
        << kUsage << "\n"
        << kWindowOptions << "\n"
        << kRunOptions << "\n"
        << kCompareOptions << "\n"
        << kExploreOptions << "\n"
        << kExitStatus;
}

bool printCommandHelp(std::string_view command, std::ostream& out) {
    if (command == "run") {
        out << "Usage: ipclab run FILE [--engine sim|real] [--seed N] [--trace PATH|-] "
               "[--timeout S] [--schedule W] [--event-limit N]\n"
               "Runs one scenario without a window and prints its JSON report.\n\n"
            << kRunOptions << "\n"
            << kExitStatus;
        return true;
    }
    if (command == "compare") {
        out << "Usage: ipclab compare FILE [--timeout S] [--json]\n"
               "Runs a scenario on the simulator and on real Linux and compares the system\n"
               "calls of each operation.\n\n"
            << kCompareOptions << "\n"
            << kExitStatus;
        return true;
    }
    if (command == "explore") {
        out << "Usage: ipclab explore FILE [--observe EXPR]... [--max-states N] [--json]\n"
               "Runs every schedule of a scenario on one CPU (every choice of who runs next\n"
               "at every operation boundary), equal states once, and prints the outcomes:\n"
               "how many schedules reach each, and a witness for run --schedule.\n\n"
            << kExploreOptions;
        return true;
    }
    if (command == "check") {
        out << "Usage: ipclab check FILE...\n"
               "Validates scenario files without running them; problems are printed as\n"
               "file:line:column: message. Exit status 0 when all are valid, 2 otherwise.\n";
        return true;
    }
    if (command == "quiz") {
        out << "Usage: ipclab quiz FILE [--answers] [--json] [--seed N]\n"
               "Prints a lesson's questions (its ask: operations); --answers runs the\n"
               "simulator and adds each answer with the expression that computed it; --json\n"
               "prints them as JSON (evidence: the trace events that decide each answer).\n";
        return true;
    }
    if (command == "exercise") {
        out << "Usage: ipclab exercise TOPIC --seed N [--difficulty 1-3] [--answers]\n"
               "       ipclab exercise --list\n"
               "Writes a generated exercise (a scenario with its questions) to standard\n"
               "output; the same topic, seed and difficulty give the same file. --answers\n"
               "appends the simulator's answers as comments.\n";
        return true;
    }
    return false;
}

void printVersion(std::ostream& out) {
    out << "ipclab " << IPCLAB_VERSION << "\n";
}

} // namespace ipclab::app
