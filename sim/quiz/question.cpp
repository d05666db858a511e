#include "question.h"

#include "answerspec.h"
#include "diagnosticsink.h"
#include "yamlnode.h"

#include <algorithm>

namespace ipclab {

namespace {

void collect(const Scenario& s, int p, const std::vector<Operation>& program,
             std::vector<Question>& out) {
    for (const Operation& op : program) {
        if (op.kind == OpKind::Ask) {
            out.push_back(
                Question{p, op.pos.line, &op, op.text, op.translations, op.answer, op.choices});
        }
        collect(s, p, op.body, out);
        collect(s, p, op.elseBody, out);
    }
}

/// Reads answer functions over one trace for the expression evaluator; text results are
/// only possible for the whole answer (the checker made sure of that).
class RunEnvironment : public ExprEnvironment {
public:
    RunEnvironment(const Scenario& s, const Trace& t) : m_scenario(s), m_trace(t) {}

    /// The whole answer: a function or name may yield text; anything else is integer.
    bool root(const Expression& e, AnswerValue& out, ExprFault& fault) {
        const ExprNode& n = e.node(e.root);
        if (n.kind == ExprNode::Kind::Name || n.kind == ExprNode::Kind::Call) {
            std::string why;
            if (!fact(e, n, out, why)) {
                fault = {n.offset, why};
                return false;
            }
            return true;
        }
        std::int64_t v = 0;
        if (!evaluateExpression(e, *this, v, fault)) {
            return false;
        }
        out = AnswerValue::integer(v);
        return true;
    }

    bool variable(const Expression& e, const ExprNode& name, std::int64_t& out,
                  std::string& why) override {
        return integerFact(e, name, out, why);
    }

    bool call(const Expression& e, const ExprNode& call, std::int64_t& out,
              std::string& why) override {
        return integerFact(e, call, out, why);
    }

    std::vector<std::size_t> evidence;

private:
    bool integerFact(const Expression& e, const ExprNode& n, std::int64_t& out, std::string& why) {
        AnswerValue v;
        if (!fact(e, n, v, why)) {
            return false;
        }
        if (v.isText) {
            why = std::string(e.textOf(n)) + " is \"" + v.text + "\", not a number";
            return false;
        }
        out = v.number;
        return true;
    }

    bool fact(const Expression& e, const ExprNode& n, AnswerValue& out, std::string& why) {
        const bool isCall = n.kind == ExprNode::Kind::Call;
        const AnswerFunction* f = findAnswerFunction(n.text, isCall);
        if (f == nullptr || n.args.size() < f->required || n.args.size() > f->params.size()) {
            why = "unknown " + std::string(isCall ? "function " : "name ") + n.text;
            return false;
        }
        FactArgs args;
        for (std::size_t i = 0; i < n.args.size(); ++i) {
            const ExprNode& a = e.node(n.args[i]);
            switch (f->params[i]) {
            case AnswerParam::Process:
                args.process = m_scenario.processIndex(a.text);
                break;
            case AnswerParam::Integer: {
                ExprFault fault;
                if (!evaluateNode(e, n.args[i], *this, args.number, fault)) {
                    why = fault.message;
                    return false;
                }
                break;
            }
            default:
                args.name = a.text;
                break;
            }
        }
        out = runFact(m_trace, f->name, args, evidence);
        return true;
    }

    const Scenario& m_scenario;
    const Trace& m_trace;
};

std::size_t firstAsk(const Trace& t, const Question& q) {
    for (std::size_t k = 0; k < t.events.size(); ++k) {
        const Event& e = t.events[k];
        if (e.kind == EventKind::Caption && e.op == OpKind::Ask && e.proc == q.process &&
            e.line == q.line) {
            return k;
        }
    }
    return std::string::npos;
}

Answer evaluate(const Scenario& s, const Trace& t, const Expression& e) {
    Answer a;
    RunEnvironment env(s, t);
    ExprFault fault;
    a.ok = env.root(e, a.value, fault);
    if (!a.ok) {
        a.error = fault.message;
    }
    a.evidence = std::move(env.evidence);
    std::sort(a.evidence.begin(), a.evidence.end());
    a.evidence.erase(std::unique(a.evidence.begin(), a.evidence.end()), a.evidence.end());
    a.evidence.erase(std::remove(a.evidence.begin(), a.evidence.end(), std::string::npos),
                     a.evidence.end());
    return a;
}

std::string trimmed(std::string_view s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) {
        return {};
    }
    const auto e = s.find_last_not_of(" \t");
    return std::string(s.substr(b, e - b + 1));
}

} // namespace

std::vector<Question> questionsOf(const Scenario& scenario) {
    std::vector<Question> out;
    for (std::size_t p = 0; p < scenario.processes.size(); ++p) {
        collect(scenario, static_cast<int>(p), scenario.processes[p].program, out);
    }
    return out;
}

Answer answerQuestion(const Scenario& scenario, const Trace& trace, const Question& question) {
    Operation op;
    op.kind = OpKind::Ask;
    op.answer = question.answer;
    DiagnosticSink sink(scenario.file);
    Expression e;
    Answer a;
    if (!checkAnswer(scenario, op, sink, &e)) {
        const auto report = sink.report();
        a.error = report.empty() ? "bad answer" : report.front().message;
    } else {
        a = evaluate(scenario, trace, e);
    }
    a.askedAt = firstAsk(trace, question);
    if (a.ok) {
        for (std::size_t c = 0; c < question.choices.size(); ++c) {
            if (sameAnswer(a.value, question.choices[c])) {
                a.choice = static_cast<int>(c);
                break;
            }
        }
    }
    return a;
}

Answer evaluateAnswer(const Scenario& scenario, const Trace& trace, std::string_view source) {
    Question q;
    q.answer = std::string(source);
    return answerQuestion(scenario, trace, q);
}

bool sameAnswer(const AnswerValue& value, std::string_view given) {
    const std::string text = trimmed(given);
    if (!value.isText) {
        std::int64_t v = 0;
        return parseInteger(text, v) == IntParse::Ok && v == value.number;
    }
    return text == value.text;
}

} // namespace ipclab
