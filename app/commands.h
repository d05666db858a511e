#pragma once
// The command-line subcommands of `ipclab`. Each takes the arguments after its own name
// and returns the process exit code. None of them touches a display or a QApplication.

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab::app {

/// Exit codes: a run that happened (completed, deadlock, time limit) is a success.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1; ///< the engine could not run it, or output failed
inline constexpr int kExitUsage = 2;  ///< bad flags or an unusable scenario file

using Args = std::vector<std::string>;

/// `ipclab run FILE [--engine sim|real] [--seed N] [--trace PATH|-] [--schedule W]`
int runCommand(const Args& args, std::ostream& out, std::ostream& err);
/// `ipclab quiz FILE [--answers] [--json] [--seed N]`
int quizCommand(const Args& args, std::ostream& out, std::ostream& err);
/// `ipclab exercise TOPIC --seed N [--answers]`, `ipclab exercise --list`
int exerciseCommand(const Args& args, std::ostream& out, std::ostream& err);
/// `ipclab explore FILE [--observe EXPR]... [--max-states N] [--json]`
int exploreCommand(const Args& args, std::ostream& out, std::ostream& err);
/// `ipclab check FILE...`
int checkCommand(const Args& args, std::ostream& out, std::ostream& err);
/// `ipclab --help`
void printHelp(std::ostream& out);
/// `ipclab COMMAND --help`: false for an unknown command.
bool printCommandHelp(std::string_view command, std::ostream& out);
/// `ipclab --version`
void printVersion(std::ostream& out);

} // namespace ipclab::app
