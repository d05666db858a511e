#pragma once
// The facts of one finished run that `ask:` answers read: how many calls a process made,
// who blocked first, what a variable held at the end. Each is a fold over the trace that
// also names the events deciding it, so the window can jump to the evidence.

#include "trace.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab {

/// What an answer evaluates to: an integer, or text (an outcome, a process name).
struct AnswerValue {
    bool isText = false;
    std::int64_t number = 0;
    std::string text;

    static AnswerValue integer(std::int64_t v) { return {false, v, {}}; }
    static AnswerValue words(std::string t) { return {true, 0, std::move(t)}; }
    /// As a student would write it: "12", "deadlock".
    std::string display() const { return isText ? text : std::to_string(number); }
    bool operator==(const AnswerValue&) const = default;
};

/// The already resolved arguments of one answer function.
struct FactArgs {
    int process = -1;        ///< Process parameters (index into the trace's processes)
    std::string name;        ///< Segment / Mailbox / Variable / Syscall parameters
    std::int64_t number = 0; ///< Integer parameter (segment's offset)
};

/// Evaluates answer function `function` (a name of answerFunctions()) over a finished
/// trace; appends the indices of the events that decide it to `evidence`.
AnswerValue runFact(const Trace& trace, std::string_view function, const FactArgs& args,
                    std::vector<std::size_t>& evidence);

} // namespace ipclab
