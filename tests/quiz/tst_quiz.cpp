// Questions in lessons: every `ask:` of every bundled lesson is answered by IPC Lab, and
// each answer is held to a count made here independently (the state fold at every event,
// the object table, the report); answers are among their choices and every question is
// reached. Bad answers are check-time errors at their column. And `ipclab quiz`.

#include "answerspec.h"
#include "commands.h"
#include "lesson_run.h"
#include "loader.h"
#include "question.h"

#include <QtTest>
#include <algorithm>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace ipclab;
using namespace ipclab::test;

namespace {

/// Facts counted from the sequence of states (applyEvent), not from the answer folds.
struct Independent {
    const LessonRun& run;
    std::vector<SystemState> states; ///< states[k]: after k events

    explicit Independent(const LessonRun& r) : run(r) {
        states.push_back(initialState(r.trace));
        for (const Event& e : r.trace.events) {
            states.push_back(states.back());
            applyEvent(states.back(), r.trace, e);
        }
    }
    int pid(std::string_view name) const { return processId(run.trace, name); }
    const ProcessStatus& finalOf(std::string_view name) const {
        return run.final.processes[static_cast<std::size_t>(pid(name))];
    }
    std::int64_t blockedCount(std::string_view name) const {
        const auto p = static_cast<std::size_t>(pid(name));
        std::int64_t n = 0;
        for (std::size_t k = 1; k < states.size(); ++k) {
            n += states[k].processes[p].state == ProcState::Blocked &&
                 states[k - 1].processes[p].state != ProcState::Blocked;
        }
        return n;
    }
    std::string firstBlocked() const {
        for (std::size_t k = 1; k < states.size(); ++k) {
            for (std::size_t p = 0; p < states[k].processes.size(); ++p) {
                if (states[k].processes[p].state == ProcState::Blocked &&
                    states[k - 1].processes[p].state != ProcState::Blocked) {
                    return run.trace.processNames[p];
                }
            }
        }
        return "none";
    }
    std::int64_t queueMax(std::string_view mailbox) const {
        const int o = run.trace.findObject(ObjectKind::Mailbox, mailbox);
        std::size_t most = 0;
        for (const auto& s : states) {
            most = std::max(most, s.objects[static_cast<std::size_t>(o)].queue.size());
        }
        return static_cast<std::int64_t>(most);
    }
    /// The bank lessons end by removing the segment; the auditor read it just before.
    std::string balance() const { return finalOf("auditor").locals.at("final"); }
    std::int64_t links() const {
        return std::count_if(run.trace.objects.begin(), run.trace.objects.end(),
                             [](const ObjectInfo& o) { return o.kind == ObjectKind::Link; });
    }
};

using Check = std::function<std::string(const Independent&)>;

std::string n(std::int64_t v) {
    return std::to_string(v);
}

/// Every answer expression the bundled lessons use, counted independently. A lesson
/// question with an expression missing here fails the test: add its independent count.
const std::map<std::string, Check>& independentCounts() {
    static const std::map<std::string, Check> checks = {
        {"blocked(producer)", [](const Independent& i) { return n(i.blockedCount("producer")); }},
        {"blocked(sender)", [](const Independent& i) { return n(i.blockedCount("sender")); }},
        {"first_blocked", [](const Independent& i) { return i.firstBlocked(); }},
        {"outcome",
         [](const Independent& i) { return std::string(outcomeName(i.run.final.outcome)); }},
        {"messages", [](const Independent& i) { return n(i.run.final.messagesSent); }},
        {"state(right)",
         [](const Independent& i) { return std::string(stateName(i.finalOf("right").state)); }},
        {"segment(bank, 0)", [](const Independent& i) { return i.balance(); }},
        {"20 - segment(bank, 0)",
         [](const Independent& i) { return n(20 - std::stoll(i.balance())); }},
        {"syscalls(teller_1)",
         [](const Independent& i) { return n(i.finalOf("teller_1").syscalls); }},
        {"syscalls(shm_writer)",
         [](const Independent& i) { return n(i.finalOf("shm_writer").syscalls); }},
        {"syscalls(mq_sender)",
         [](const Independent& i) { return n(i.finalOf("mq_sender").syscalls); }},
        {"syscalls(server)", [](const Independent& i) { return n(i.finalOf("server").syscalls); }},
        {"links", [](const Independent& i) { return n(i.links()); }},
        {"queue_max(letters)", [](const Independent& i) { return n(i.queueMax("letters")); }},
        {"syscalls(poller, \"receive\")",
         [](const Independent& i) {
             return n(i.finalOf("poller").syscallsByOp.at(OpKind::Receive));
         }},
        {"syscalls(waiter, \"receive\")",
         [](const Independent& i) {
             return n(i.finalOf("waiter").syscallsByOp.at(OpKind::Receive));
         }},
        {"received(worker_1)",
         [](const Independent& i) {
             return n(messagesReceivedBy(i.run.trace, i.pid("worker_1")));
         }},
    };
    return checks;
}

struct CliOutput {
    int status = 0;
    std::string out;
    std::string err;
};

CliOutput quiz(const std::vector<std::string>& args) {
    std::ostringstream out;
    std::ostringstream err;
    const int status = app::quizCommand(args, out, err);
    return {status, out.str(), err.str()};
}

std::string lessonPath(const char* stem) {
    return (scenarioDir() / (std::string(stem) + ".yaml")).string();
}

std::string firstDiagnostic(const std::string& yaml) {
    const LoadResult r = loadScenarioText(yaml, "t.yaml");
    return r.diagnostics.empty() ? std::string() : r.diagnostics.front().format();
}

std::string askFile(const std::string& answer) {
    return "scenario: t\n"
           "processes:\n"
           "  - name: p\n"
           "    program:\n"
           "      - shm_create: { name: S, size: 64 }\n"
           "      - set: { var: x, value: 1 }\n"
           "      - ask:\n"
           "          question: \"?\"\n"
           "          answer: \"" +
           answer + "\"\n";
}

} // namespace

class TestQuiz : public QObject {
    Q_OBJECT

private slots:
    void lessonAnswers_data();
    void lessonAnswers();
    void atLeastTenLessonsAsk();
    void badAnswerAtItsColumn_data();
    void badAnswerAtItsColumn();
    void arithmeticAndEvidence();
    void designFormRunsAsWritten();
    void badChoices();
    void quizPrintsQuestions();
    void quizAnswersAsJson();
    void quizUsage();
};

void TestQuiz::lessonAnswers_data() {
    QTest::addColumn<QString>("path");
    for (const auto& path : bundledScenarios()) {
        QTest::newRow(path.stem().string().c_str()) << QString::fromStdString(path.string());
    }
}

void TestQuiz::lessonAnswers() {
    QFETCH(QString, path);
    std::string error;
    const auto scenario = loadLesson(path.toStdString(), error);
    QVERIFY2(scenario, error.c_str());
    const LessonRun run = runScenario(*scenario);
    const Independent independent(run);
    for (const Question& q : questionsOf(*scenario)) {
        const Answer a = answerQuestion(*scenario, run.trace, q);
        const std::string where = q.text + " = " + q.answer;
        QVERIFY2(a.ok, (where + ": " + a.error).c_str());
        QVERIFY2(a.askedAt != std::string::npos, (where + ": never asked").c_str());
        QVERIFY2(q.translations.count("zh") == 1, (where + ": no zh text").c_str());
        if (!q.choices.empty()) {
            QVERIFY2(a.choice >= 0, (where + ": " + a.value.display() + " not a choice").c_str());
        }
        const auto check = independentCounts().find(q.answer);
        QVERIFY2(check != independentCounts().end(),
                 (where + ": no independent count in this test").c_str());
        QCOMPARE(a.value.display(), check->second(independent));
        QVERIFY2(!a.evidence.empty() || a.value.display() == "0",
                 (where + ": no evidence").c_str());
    }
}

void TestQuiz::atLeastTenLessonsAsk() {
    int asking = 0;
    for (const auto& path : bundledScenarios()) {
        std::string error;
        const auto s = loadLesson(path, error);
        QVERIFY2(s, error.c_str());
        asking += questionsOf(*s).empty() ? 0 : 1;
    }
    QVERIFY2(asking >= 10, std::to_string(asking).c_str());
}

void TestQuiz::badAnswerAtItsColumn_data() {
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("expected");
    // The answer's first character is at column 20 (after `answer: "`).
    QTest::newRow("unknown function")
        << "sycalls(p)"
        << "t.yaml:9:20: ask.answer: unknown function 'sycalls'; did you mean "
           "'syscalls'?";
    QTest::newRow("unknown process")
        << "syscalls(q)"
        << "t.yaml:9:29: ask.answer: no process 'q'; did you mean 'p'?";
    QTest::newRow("wrong arity") << "sent(p, p)"
                                 << "t.yaml:9:20: ask.answer: 'sent' takes 1 argument, got 2";
    QTest::newRow("text inside arithmetic")
        << "outcome + 1"
        << "t.yaml:9:20: ask.answer: 'outcome' is text; it can only be the "
           "whole answer";
    QTest::newRow("unknown variable")
        << "final(p, y)"
        << "t.yaml:9:29: ask.answer: p never sets a variable 'y'; did you mean "
           "'x'?";
    QTest::newRow("unknown segment")
        << "segment(T, 0)"
        << "t.yaml:9:28: ask.answer: no segment 'T' is created in this "
           "scenario; did you mean 'S'?";
    QTest::newRow("bare process") << "p"
                                  << "t.yaml:9:20: ask.answer: 'p' is a process; ask "
                                     "about it with a function, e.g. syscalls(p)";
}

void TestQuiz::badAnswerAtItsColumn() {
    QFETCH(QString, answer);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(firstDiagnostic(askFile(answer.toStdString()))), expected);
}

void TestQuiz::arithmeticAndEvidence() {
    const LoadResult r = loadScenarioText(askFile("syscalls(p) * 10 + final(p, x)"), "t.yaml");
    QVERIFY(r.ok());
    const Trace t = simulate(*r.scenario).trace;
    const auto qs = questionsOf(*r.scenario);
    QCOMPARE(qs.size(), std::size_t(1));
    const Answer a = answerQuestion(*r.scenario, t, qs[0]);
    QVERIFY(a.ok);
    QCOMPARE(a.value.number, std::int64_t(11)); // shm_create: one shmget; x = 1
    // The evidence: the shmget event and the VarSet of x.
    QCOMPARE(a.evidence.size(), std::size_t(2));
    QCOMPARE(t.events[a.evidence[0]].kind, EventKind::Syscall);
    QCOMPARE(t.events[a.evidence[1]].kind, EventKind::VarSet);
    QVERIFY(sameAnswer(a.value, " 11 "));
    QVERIFY(!sameAnswer(a.value, "12"));
}

void TestQuiz::designFormRunsAsWritten() {
    // The form fixed in DESIGN.md, word for word, inside DESIGN's producer/consumer.
    const std::string yaml = "scenario: DESIGN's ask\n"
                             "processes:\n"
                             "  - name: producer\n"
                             "    program:\n"
                             "      - mailbox_create: { name: M, capacity: 2 }\n"
                             "      - repeat: 5\n"
                             "        do:\n"
                             "          - send: { mailbox: M, message: \"item {i}\" }\n"
                             "  - name: consumer\n"
                             "    program:\n"
                             "      - ask:\n"
                             "          question: \"How many system calls will the consumer "
                             "have made at the end?\"\n"
                             "          answer: \"syscalls(consumer)\"\n"
                             "          choices: [10, 11, 20, 21]\n"
                             "      - repeat: 5\n"
                             "        do:\n"
                             "          - receive: { mailbox: M, into: item }\n";
    const LoadResult r = loadScenarioText(yaml, "design.yaml");
    QVERIFY2(r.ok(), r.diagnostics.empty() ? "" : r.diagnostics[0].format().c_str());
    const auto qs = questionsOf(*r.scenario);
    QCOMPARE(qs.size(), std::size_t(1));
    QCOMPARE(qs[0].choices, (std::vector<std::string>{"10", "11", "20", "21"}));
    const Trace t = simulate(*r.scenario).trace;
    const Answer a = answerQuestion(*r.scenario, t, qs[0]);
    QVERIFY(a.ok);
    QCOMPARE(a.value.number, processSyscalls(makeReport(*r.scenario, t), "consumer"));
    QCOMPARE(t.events[a.askedAt].kind, EventKind::Caption);
    QCOMPARE(t.events[a.askedAt].op, OpKind::Ask);
    QCOMPARE(t.str(t.events[a.askedAt].text), qs[0].text);
}

void TestQuiz::badChoices() {
    const std::string head = "scenario: t\nprocesses:\n  - name: p\n    program:\n"
                             "      - ask: { question: q, answer: outcome, choices: ";
    QCOMPARE(firstDiagnostic(head + "5 }\n"),
             std::string("t.yaml:5:55: ask.choices: expected a list of 2 to 10 answers "
                         "([10, 11, 20]), got 5"));
    QVERIFY(firstDiagnostic(head + "[a] }\n").find("expected a list of 2 to 10") !=
            std::string::npos);
    QCOMPARE(firstDiagnostic(head + "[a, b] }\n"), std::string());
}

void TestQuiz::quizPrintsQuestions() {
    const CliOutput r = quiz({lessonPath("deadlock")});
    QCOMPARE(r.status, 0);
    QVERIFY2(r.out.find("1. How will this run end?") != std::string::npos, r.out.c_str());
    QVERIFY(r.out.find("choices: completed, deadlock, time_limit") != std::string::npos);
    QVERIFY(r.out.find("answer:") == std::string::npos);
    const CliOutput withAnswers = quiz({lessonPath("deadlock"), "--answers"});
    QVERIFY2(withAnswers.out.find("answer: deadlock   = outcome") != std::string::npos,
             withAnswers.out.c_str());
}

void TestQuiz::quizAnswersAsJson() {
    const CliOutput r = quiz({lessonPath("lost-updates"), "--answers", "--json"});
    QCOMPARE(r.status, 0);
    const auto j = nlohmann::json::parse(r.out);
    QCOMPARE(j["outcome"].get<std::string>(), std::string("completed"));
    const auto& q = j["questions"];
    QCOMPARE(q.size(), std::size_t(2));
    QCOMPARE(q[0]["answer_expression"].get<std::string>(), std::string("segment(bank, 0)"));
    QCOMPARE(q[0]["answer"].get<int>(), 10); // the lesson's documented result
    QCOMPARE(q[1]["answer"].get<int>(), 10);
    QCOMPARE(q[0]["process"].get<std::string>(), std::string("auditor"));
    QVERIFY(!q[0]["evidence"].empty());
}

void TestQuiz::quizUsage() {
    QCOMPARE(quiz({}).status, app::kExitUsage);
    QCOMPARE(quiz({lessonPath("deadlock"), "--bogus"}).status, app::kExitUsage);
    const CliOutput missing = quiz({"/nonexistent.yaml"});
    QCOMPARE(missing.status, app::kExitUsage);
    QVERIFY(missing.err.find("cannot open") != std::string::npos);
}

QTEST_APPLESS_MAIN(TestQuiz)
#include "tst_quiz.moc"
