// ipclab: the command-line subcommands, or the GUI for everything else. The command line
// never creates a QApplication, so `ipclab run` works without a display.

#include "commands.h"

#include <iostream>
#include <string>
#include <vector>

#ifdef IPCLAB_HAVE_GUI
#include "gui_main.h"
#endif

int main(int argc, char* argv[]) {
    using namespace ipclab::app;
    const Args args(argv + 1, argv + argc);
    if (!args.empty()) {
        const std::string& first = args.front();
        const Args rest(args.begin() + 1, args.end());
        if (first == "run" || first == "check") {
            std::ios::sync_with_stdio(false);
            return first == "run" ? runCommand(rest, std::cout, std::cerr)
                                  : checkCommand(rest, std::cout, std::cerr);
        }
        if (first == "--help" || first == "-h" || first == "help") {
            printHelp(std::cout);
            return kExitOk;
        }
        if (first == "--version") {
            printVersion(std::cout);
            return kExitOk;
        }
    }
#ifdef IPCLAB_HAVE_GUI
    return ipclab::ui::runGui(argc, argv);
#else
    std::cerr << "ipclab: this build has no GUI (configured with IPCLAB_BUILD_GUI=OFF); "
                 "use `ipclab run FILE` or `ipclab --help`\n";
    return kExitUsage;
#endif
}
