#include "answerspec.h"

#include "suggest.h"

#include <set>
#include <string>

namespace ipclab {

namespace {

using P = AnswerParam;
using T = AnswerType;

std::vector<AnswerFunction> buildFunctions() {
    return {
        {"syscalls",
         {P::Process, P::Syscall},
         1,
         T::Integer,
         "system calls P made (of one operation or kernel call when named)"},
        {"sent", {P::Process}, 1, T::Integer, "messages P sent"},
        {"received", {P::Process}, 1, T::Integer, "messages P received"},
        {"blocked", {P::Process}, 1, T::Integer, "how many times P blocked"},
        {"blocked_time", {P::Process}, 1, T::Integer, "ticks P spent blocked"},
        {"context_switches", {P::Process}, 1, T::Integer, "times P was put on a CPU"},
        {"final",
         {P::Process, P::Variable},
         2,
         T::Integer,
         "the last value of P's variable (text when it holds text)"},
        {"segment",
         {P::Segment, P::Integer},
         2,
         T::Integer,
         "the last value written at a byte offset of a segment"},
        {"queue_max", {P::Mailbox}, 1, T::Integer, "most messages waiting in a mailbox at once"},
        {"finish_time", {P::Process}, 1, T::Integer, "the tick P terminated (-1: never)"},
        {"deadlocked", {P::Process}, 1, T::Integer, "1 when P is in the deadlock's cycle"},
        {"state", {P::Process}, 1, T::Text, "P's state at the end: terminated, blocked, ..."},
        {"outcome", {}, 0, T::Text, "completed, deadlock or time_limit"},
        {"end_time", {}, 0, T::Integer, "the tick the run ended"},
        {"total_syscalls", {}, 0, T::Integer, "system calls of all processes"},
        {"messages", {}, 0, T::Integer, "messages sent by all processes"},
        {"links", {}, 0, T::Integer, "direct links opened (one per pair that talks)"},
        {"first_blocked", {}, 0, T::Text, "the process that blocked first (none: nobody)"},
        {"first_finished", {}, 0, T::Text, "the process that terminated first (none: nobody)"},
        {"deadlock_cycle",
         {},
         0,
         T::Text,
         "the processes of the deadlock's cycle, \"a -> b -> a\" (none: no deadlock)"},
    };
}

/// The names a scenario declares, for checking arguments.
struct Declared {
    std::set<std::string> segments;
    std::set<std::string> mailboxes;
    std::vector<std::set<std::string>> variables; ///< per process: set, add, into
    std::set<std::string> ops;
};

void collect(const std::vector<Operation>& program, Declared& d, std::set<std::string>& vars) {
    for (const Operation& op : program) {
        d.ops.insert(std::string(opName(op.kind)));
        if (op.kind == OpKind::ShmCreate) {
            d.segments.insert(op.object);
        } else if (op.kind == OpKind::MailboxCreate) {
            d.mailboxes.insert(op.object);
        } else if (op.kind == OpKind::Set || op.kind == OpKind::Add) {
            vars.insert(op.object);
        }
        if (!op.into.empty()) {
            vars.insert(op.into);
        }
        collect(op.body, d, vars);
    }
}

Declared declaredNames(const Scenario& s) {
    Declared d;
    for (const ProcessSpec& p : s.processes) {
        d.variables.emplace_back();
        collect(p.program, d, d.variables.back());
    }
    return d;
}

std::vector<std::string_view> views(const std::set<std::string>& names) {
    return {names.begin(), names.end()};
}

/// Walks one answer's syntax tree and reports each problem at its column.
class AnswerChecker {
public:
    AnswerChecker(const Scenario& s, const Operation& op, const Expression& e, DiagnosticSink& sink)
        : m_scenario(s), m_op(op), m_e(e), m_sink(sink), m_declared(declaredNames(s)) {}

    bool check() {
        node(m_e.root, true);
        return m_ok;
    }

private:
    void error(const ExprNode& at, const std::string& message) {
        m_sink.add({m_op.answerPos.line, m_op.answerPos.column + at.offset},
                   "ask.answer: " + message);
        m_ok = false;
    }

    void node(int index, bool isRoot) {
        const ExprNode& n = m_e.node(index);
        switch (n.kind) {
        case ExprNode::Kind::Number:
            return;
        case ExprNode::Kind::String:
            error(n, "a quoted text is only an argument, as in syscalls(P, \"send\")");
            return;
        case ExprNode::Kind::Name:
            function(n, false, isRoot);
            return;
        case ExprNode::Kind::Unary:
            node(n.lhs, false);
            return;
        case ExprNode::Kind::Binary:
            node(n.lhs, false);
            node(n.rhs, false);
            return;
        case ExprNode::Kind::Call:
            function(n, true, isRoot);
            return;
        }
    }

    void function(const ExprNode& n, bool isCall, bool isRoot) {
        const AnswerFunction* f = findAnswerFunction(n.text, isCall);
        if (f == nullptr) {
            unknown(n, isCall);
            return;
        }
        if (f->type == AnswerType::Text && !isRoot) {
            error(n, "'" + n.text + "' is text; it can only be the whole answer");
        }
        if (!isCall) {
            return;
        }
        if (n.args.size() < f->required || n.args.size() > f->params.size()) {
            error(n,
                  "'" + n.text + "' takes " + arity(*f) + ", got " + std::to_string(n.args.size()));
            return;
        }
        int process = -1;
        for (std::size_t i = 0; i < n.args.size(); ++i) {
            argument(f->params[i], n.args[i], process);
        }
    }

    void unknown(const ExprNode& n, bool isCall) {
        std::vector<std::string_view> names;
        for (const auto& f : answerFunctions()) {
            if (f.params.empty() != isCall) {
                names.push_back(f.name);
            }
        }
        if (!isCall && m_scenario.processIndex(n.text) >= 0) {
            error(n, "'" + n.text + "' is a process; ask about it with a function, e.g. " +
                         "syscalls(" + n.text + ")");
            return;
        }
        error(n, std::string("unknown ") + (isCall ? "function" : "name") + " '" + n.text + "'" +
                     suggestionSuffix(n.text, names));
    }

    static std::string arity(const AnswerFunction& f) {
        const auto count = [](std::size_t k) {
            return std::to_string(k) + (k == 1 ? " argument" : " arguments");
        };
        return f.required == f.params.size()
                   ? count(f.required)
                   : std::to_string(f.required) + " or " + count(f.params.size());
    }

    bool bareName(const ExprNode& a, const std::string& what) {
        if (a.kind != ExprNode::Kind::Name) {
            error(a,
                  "expected " + what + " (a bare name), got '" + std::string(m_e.textOf(a)) + "'");
            return false;
        }
        return true;
    }

    void argument(AnswerParam param, int index, int& process) {
        const ExprNode& a = m_e.node(index);
        switch (param) {
        case P::Process:
            if (bareName(a, "a process")) {
                process = m_scenario.processIndex(a.text);
                if (process < 0) {
                    std::vector<std::string_view> names;
                    for (const auto& p : m_scenario.processes) {
                        names.push_back(p.name);
                    }
                    error(a, "no process '" + a.text + "'" + suggestionSuffix(a.text, names));
                }
            }
            return;
        case P::Segment:
            named(a, "segment", m_declared.segments);
            return;
        case P::Mailbox:
            named(a, "mailbox", m_declared.mailboxes);
            return;
        case P::Variable:
            if (bareName(a, "a variable") && process >= 0) {
                const auto& vars = m_declared.variables[static_cast<std::size_t>(process)];
                if (vars.count(a.text) == 0) {
                    error(a, m_scenario.processes[static_cast<std::size_t>(process)].name +
                                 " never sets a variable '" + a.text + "'" +
                                 suggestionSuffix(a.text, views(vars)));
                }
            }
            return;
        case P::Syscall:
            syscall(a);
            return;
        case P::Integer:
            node(index, false);
            return;
        }
    }

    void named(const ExprNode& a, const std::string& kind, const std::set<std::string>& names) {
        if (bareName(a, "a " + kind) && names.count(a.text) == 0) {
            error(a, "no " + kind + " '" + a.text + "' is created in this scenario" +
                         (names.empty() ? std::string() : suggestionSuffix(a.text, views(names))));
        }
    }

    void syscall(const ExprNode& a) {
        if (a.kind != ExprNode::Kind::String) {
            error(a, "expected an operation or kernel call in quotes, e.g. \"send\" or "
                     "\"mq_timedsend\"");
            return;
        }
        if (opFromName(a.text)) {
            return;
        }
        std::vector<std::string_view> names = knownSyscallNames();
        for (const auto& op : m_declared.ops) {
            names.push_back(op);
        }
        for (auto known : knownSyscallNames()) {
            if (known == a.text) {
                return;
            }
        }
        error(a, "unknown operation or kernel call \"" + a.text + "\"" +
                     suggestionSuffix(a.text, names));
    }

    const Scenario& m_scenario;
    const Operation& m_op;
    const Expression& m_e;
    DiagnosticSink& m_sink;
    Declared m_declared;
    bool m_ok = true;
};

void checkProgram(const Scenario& s, const std::vector<Operation>& program, DiagnosticSink& sink) {
    for (const Operation& op : program) {
        if (op.kind == OpKind::Ask) {
            checkAnswer(s, op, sink);
        }
        checkProgram(s, op.body, sink);
    }
}

} // namespace

const std::vector<AnswerFunction>& answerFunctions() {
    static const std::vector<AnswerFunction> functions = buildFunctions();
    return functions;
}

const AnswerFunction* findAnswerFunction(std::string_view name, bool isCall) {
    for (const auto& f : answerFunctions()) {
        if (f.name == name && f.params.empty() != isCall) {
            return &f;
        }
    }
    return nullptr;
}

const std::vector<std::string_view>& knownSyscallNames() {
    // The simulator's names, and the ones real mode adds for pipes and semaphores.
    static const std::vector<std::string_view> names = {
        "mq_open", "mq_unlink", "mq_timedsend", "mq_timedreceive", "socketpair", "shutdown",
        "sendto",  "recvfrom",  "ppoll",        "shmget",          "shmat",      "shmdt",
        "shmctl",  "semget",    "semctl",       "semtimedop",      "semop",      "write",
        "read",    "pipe",      "close",        "mq_send",         "mq_receive", "clone3",
        "mmap",    "mprotect",  "connect",      "accept",          "socket",     "bind",
        "listen",  "send",      "recv",         "futex",           "mq_close",   "mq_notify",
    };
    return names;
}

bool checkAnswer(const Scenario& scenario, const Operation& op, DiagnosticSink& sink,
                 Expression* out) {
    Expression e;
    if (auto err = parseExpression(op.answer, e)) {
        sink.add({op.answerPos.line, op.answerPos.column + err->offset},
                 "ask.answer: " + err->message);
        return false;
    }
    if (!AnswerChecker(scenario, op, e, sink).check()) {
        return false;
    }
    if (out != nullptr) {
        *out = std::move(e);
    }
    return true;
}

void checkAnswers(const Scenario& scenario, DiagnosticSink& sink) {
    for (const ProcessSpec& p : scenario.processes) {
        checkProgram(scenario, p.program, sink);
    }
}

} // namespace ipclab
