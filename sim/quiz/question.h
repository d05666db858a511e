#pragma once
// The questions of a scenario (its `ask:` operations) and their answers over a finished
// run, computed by IPC Lab: what `ipclab quiz` prints and what the window asks.

#include "expression.h"
#include "runfacts.h"
#include "scenario.h"
#include "trace.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab {

/// One `ask:` of a scenario, in file order (process by process, program order).
struct Question {
    int process = -1; ///< who asks it (whose program holds it)
    int line = 0;     ///< the ask's line: its Caption events carry it
    const Operation* op = nullptr;
    std::string text;          ///< the question (English)
    Translations translations; ///< the question in other languages, by language code
    std::string answer;        ///< the answer expression, as written
    std::vector<std::string> choices;
};

std::vector<Question> questionsOf(const Scenario& scenario);

/// The answer to one question over one run, with the events that decide it.
struct Answer {
    bool ok = false;
    AnswerValue value;
    std::vector<std::size_t> evidence; ///< event indices, in trace order, without repeats
    std::string error;                 ///< when !ok: why it has no value (a fault)
    /// The index of the choice that equals the value, or -1 (none, or no choices).
    int choice = -1;
    /// The first event that asks it (a Caption whose op is Ask); npos: never reached.
    std::size_t askedAt = std::string::npos;
};

/// Evaluates `question`'s answer on `trace` (a run of `scenario`). The expression was
/// checked when the file was loaded; a run-time fault (division by zero) is !ok.
Answer answerQuestion(const Scenario& scenario, const Trace& trace, const Question& question);
/// Evaluates any answer expression (the explorer's `--observe`); a parse or check
/// error comes back as !ok with the message.
Answer evaluateAnswer(const Scenario& scenario, const Trace& trace, std::string_view source);

/// True when what a student typed or picked is `value` ("12" = 12, " deadlock " =
/// "deadlock").
bool sameAnswer(const AnswerValue& value, std::string_view given);

} // namespace ipclab
