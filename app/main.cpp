// ipclab: the command-line subcommands, or the GUI for everything else. The command line
// never creates a QApplication, so `ipclab run` works without a display.

#include "commands.h"
#include "compare_command.h"

#include <algorithm>
#include <iostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#ifdef IPCLAB_HAVE_GUI
#include "gui_main.h"
#endif

namespace {

using Command = int (*)(const ipclab::app::Args&, std::ostream&, std::ostream&);

/// The subcommands; another one is a line here and its declaration in commands.h.
constexpr std::pair<std::string_view, Command> kSubcommands[] = {
    {"run", ipclab::app::runCommand},           {"check", ipclab::app::checkCommand},
    {"compare", ipclab::app::compareCommand},   {"quiz", ipclab::app::quizCommand},
    {"exercise", ipclab::app::exerciseCommand}, {"explore", ipclab::app::exploreCommand},
};

} // namespace

int main(int argc, char* argv[]) {
    using namespace ipclab::app;
    const Args args(argv + 1, argv + argc);
    if (!args.empty()) {
        const std::string& first = args.front();
        for (const auto& [name, command] : kSubcommands) {
            if (first == name) {
                const auto wantsHelp = [](const std::string& a) {
                    return a == "--help" || a == "-h";
                };
                if (std::any_of(args.begin() + 1, args.end(), wantsHelp)) {
                    printCommandHelp(name, std::cout);
                    return kExitOk;
                }
                std::ios::sync_with_stdio(false);
                return command(Args(args.begin() + 1, args.end()), std::cout, std::cerr);
            }
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
