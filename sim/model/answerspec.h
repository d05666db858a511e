#pragma once
// What an `ask:` answer may say: the functions and names over a finished run
// (`syscalls(consumer)`, `final(teller, balance)`, `outcome`), their parameters, and the
// check-time test of an answer against the scenario, so that a bad answer is an error at
// its column when the file is checked, never a surprise at the end of a run.

#include "diagnosticsink.h"
#include "expression.h"
#include "scenario.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace ipclab {

/// What one argument of an answer function names.
enum class AnswerParam : std::uint8_t {
    Process,  ///< a process of the scenario (a bare name)
    Segment,  ///< a segment some process creates (a bare name)
    Mailbox,  ///< a mailbox some process creates (a bare name)
    Variable, ///< a local variable of the process named before it (a bare name)
    Syscall,  ///< "send" (an operation) or "mq_timedsend" (a kernel call), quoted
    Integer,  ///< any integer expression, e.g. a byte offset
};

/// Integers combine with + - * / and comparisons; text (an outcome, a process name) can
/// only be the whole answer, compared with the choices as written.
enum class AnswerType : std::uint8_t { Integer, Text };

/// One function (`syscalls(P)`) or bare name (`outcome`) of the answer language.
struct AnswerFunction {
    std::string_view name;
    std::vector<AnswerParam> params; ///< empty for a bare name
    std::size_t required = 0;        ///< params past this one are optional
    AnswerType type = AnswerType::Integer;
    std::string_view meaning; ///< one line for `ipclab quiz --help` and the reference
};

/// Every function, then every bare name, in the reference's order.
const std::vector<AnswerFunction>& answerFunctions();
/// The function called `name` (isCall) or the bare name `name` (!isCall), or null.
const AnswerFunction* findAnswerFunction(std::string_view name, bool isCall);
/// The kernel calls a `syscalls(P, "...")` may name besides the operation names.
const std::vector<std::string_view>& knownSyscallNames();

/// Parses `op.answer` of an `ask` of process `process` and checks every function, name
/// and argument against the scenario; each problem is reported at its column.
/// Returns true when the answer is usable; `out` then holds the parse.
bool checkAnswer(const Scenario& scenario, const Operation& op, DiagnosticSink& sink,
                 Expression* out = nullptr);

/// checkAnswer on every `ask` of every process (inside repeats too).
void checkAnswers(const Scenario& scenario, DiagnosticSink& sink);

} // namespace ipclab
