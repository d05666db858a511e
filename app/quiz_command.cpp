// `ipclab quiz FILE [--answers] [--json] [--seed N]`: a lesson's questions, and with
// --answers what the simulator says they are, for an instructor checking a lesson and
// for a grader.

#include "cli_args.h"
#include "commands.h"
#include "kernel.h"
#include "loader.h"
#include "question.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace ipclab::app {

namespace {

struct QuizOptions {
    std::string file;
    bool answers = false;
    bool json = false;
    std::optional<std::uint64_t> seed;
};

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

nlohmann::json valueJson(const AnswerValue& v) {
    return v.isText ? nlohmann::json(v.text) : nlohmann::json(v.number);
}

nlohmann::json questionJson(const Scenario& s, const Question& q, std::size_t number,
                            const Trace* trace) {
    nlohmann::json j;
    j["number"] = number;
    j["process"] = s.processes[static_cast<std::size_t>(q.process)].name;
    j["line"] = q.line;
    j["question"] = q.text;
    j["choices"] = q.choices;
    j["answer_expression"] = q.answer;
    if (trace == nullptr) {
        return j;
    }
    const Answer a = answerQuestion(s, *trace, q);
    j["answer"] = a.ok ? valueJson(a.value) : nlohmann::json(nullptr);
    if (!a.ok) {
        j["error"] = a.error;
    }
    j["choice"] = a.choice < 0 ? nlohmann::json(nullptr) : nlohmann::json(a.choice);
    j["asked_at"] = a.askedAt == std::string::npos ? nlohmann::json(nullptr)
                                                   : nlohmann::json(trace->events[a.askedAt].time);
    j["evidence"] = a.evidence;
    return j;
}

void printText(const Scenario& s, const std::vector<Question>& qs, const Trace* trace,
               std::ostream& out) {
    out << s.title << "\n";
    if (trace != nullptr) {
        out << "run: " << outcomeName(trace->outcome)
            << " at t=" << (trace->events.empty() ? 0 : trace->events.back().time) << "\n";
    }
    std::size_t n = 0;
    for (const Question& q : qs) {
        out << "\n"
            << ++n << ". " << q.text << "\n   ("
            << s.processes[static_cast<std::size_t>(q.process)].name << ", line " << q.line
            << ")\n";
        if (!q.choices.empty()) {
            out << "   choices: " << joined(q.choices) << "\n";
        }
        if (trace == nullptr) {
            continue;
        }
        const Answer a = answerQuestion(s, *trace, q);
        if (!a.ok) {
            out << "   answer: none (" << a.error << ")   = " << q.answer << "\n";
            continue;
        }
        out << "   answer: " << a.value.display() << "   = " << q.answer << "\n";
        if (!q.choices.empty() && a.choice < 0) {
            out << "   warning: the answer is not among the choices\n";
        }
        if (a.askedAt == std::string::npos) {
            out << "   warning: the run never reaches this question\n";
        }
    }
}

std::optional<QuizOptions> parse(const Args& args, std::ostream& err) {
    ArgReader reader("quiz", args);
    QuizOptions o;
    while (!reader.atEnd()) {
        if (!reader.nextIsOption()) {
            if (!reader.takeOneFile(o.file)) {
                err << reader.error() << "\n";
                return std::nullopt;
            }
            continue;
        }
        const std::string name = reader.optionName();
        if (name == "--answers" || name == "--json") {
            (name == "--json" ? o.json : o.answers) = true;
            reader.takePositional();
        } else if (name == "--seed") {
            const auto value = reader.optionValue();
            const auto seed = value ? parseUnsigned(*value) : std::nullopt;
            if (!seed) {
                err << "ipclab quiz: --seed expects a non-negative integer\n";
                return std::nullopt;
            }
            o.seed = *seed;
        } else {
            err << "ipclab quiz: unknown option \"" << name
                << "\"; expected --answers, --json or --seed N\n";
            return std::nullopt;
        }
    }
    if (o.file.empty()) {
        err << "ipclab quiz: expected a scenario FILE (ipclab quiz FILE [--answers] [--json])\n";
        return std::nullopt;
    }
    return o;
}

} // namespace

int quizCommand(const Args& args, std::ostream& out, std::ostream& err) {
    const auto options = parse(args, err);
    if (!options) {
        return kExitUsage;
    }
    const LoadResult loaded = loadScenarioFile(options->file);
    if (!loaded.ok()) {
        for (const Diagnostic& d : loaded.diagnostics) {
            err << d.format() << "\n";
        }
        return kExitUsage;
    }
    const Scenario& s = *loaded.scenario;
    const std::vector<Question> qs = questionsOf(s);
    std::optional<Trace> trace;
    if (options->answers) {
        RunOptions run;
        if (options->seed) {
            run.overrideSeed = true;
            run.seed = *options->seed;
        }
        trace = std::move(simulate(s, run).trace);
    }
    const Trace* t = trace ? &*trace : nullptr;
    if (!options->json) {
        printText(s, qs, t, out);
        return kExitOk;
    }
    nlohmann::json j;
    j["scenario"] = s.title;
    j["file"] = options->file;
    if (t != nullptr) {
        j["outcome"] = std::string(outcomeName(t->outcome));
    }
    j["questions"] = nlohmann::json::array();
    for (std::size_t i = 0; i < qs.size(); ++i) {
        j["questions"].push_back(questionJson(s, qs[i], i + 1, t));
    }
    out << j.dump(2) << "\n";
    return kExitOk;
}

} // namespace ipclab::app
