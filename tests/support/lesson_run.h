#pragma once
// Running a bundled lesson on the simulator and asking its trace the questions a lesson
// is about (who made which syscall, what a variable ended as, what a mailbox held).

#include "kernel.h"
#include "report.h"
#include "scenario.h"
#include "state.h"
#include "trace.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab::test {

/// Folder of the bundled lessons and of their golden reports.
std::filesystem::path scenarioDir();
std::filesystem::path goldenDir();
/// Every `*.yaml` in scenarioDir(), sorted by name (listed at run time, so a new lesson
/// is covered without touching the tests).
std::vector<std::filesystem::path> bundledScenarios();

/// A lesson after one simulated run.
struct LessonRun {
    Scenario scenario;
    Trace trace;
    Report report;
    SystemState final; ///< the state after the last event
};

/// Load `path`; on diagnostics returns nothing and puts them, one per line, in `error`.
std::optional<Scenario> loadLesson(const std::filesystem::path& path, std::string& error);
/// Simulate a loaded scenario and fold its trace.
LessonRun runScenario(const Scenario& scenario);
/// Load scenarioDir()/`stem`.yaml and run it; nothing (and `error`) when it fails to load.
std::optional<LessonRun> runLesson(std::string_view stem, std::string& error);

/// Index of the process named `name`, or -1.
int processId(const Trace& trace, std::string_view name);
/// Counted syscalls of one process (all operations).
std::int64_t processSyscalls(const Report& report, std::string_view name);
/// Counted syscalls of `op` issued by `proc` (-1: any process) that returned `result`.
std::int64_t countCalls(const Trace& trace, int proc, OpKind op, CallResult result);
/// Counted syscalls named `name` (e.g. "mq_timedsend") issued by `proc` (-1: any).
std::int64_t countSyscallsNamed(const Trace& trace, int proc, std::string_view name);
/// Value of a process's local variable at the end of the run ("" when never set).
std::string finalLocal(const LessonRun& run, std::string_view proc, std::string_view var);
/// Every `say` caption, in order.
std::vector<std::string> captions(const Trace& trace);
/// Messages process `proc` received.
std::int64_t messagesReceivedBy(const Trace& trace, int proc);

/// First line where two texts differ, as "line N: expected '...' got '...'"; empty when
/// they are equal.
std::string firstDifference(const std::string& expected, const std::string& actual);
/// Whether two traces have the same events, strings and objects, field by field.
bool sameTrace(const Trace& a, const Trace& b, std::string& why);

} // namespace ipclab::test
