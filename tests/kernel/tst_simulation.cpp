// Choice points: a Simulation paused at every operation boundary, schedules and their
// replay (the window's manual scheduler and `ipclab run --schedule` use exactly these).

#include "kerneltest.h"
#include "schedule.h"
#include "simulation.h"
#include "trace_json.h"
#include "validate.h"

#include <QTest>
#include <memory>
#include <sstream>

using namespace ipclab;

namespace {

/// Two tellers, one increment each: read, add, write (one CPU, fcfs).
const char* const kTellers = R"(
scenario: two tellers
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - name: boss
    program:
      - shm_create: { name: bank, key: 1, size: 64, mode: "0666" }
  - name: teller_1
    start: 5
    program:
      - shm_attach: bank
      - read: { segment: bank, offset: 0, into: b }
      - add: b
      - write: { segment: bank, offset: 0, value: "{b}" }
  - name: teller_2
    start: 5
    program:
      - shm_attach: bank
      - read: { segment: bank, offset: 0, into: b }
      - add: b
      - write: { segment: bank, offset: 0, value: "{b}" }
)";

std::shared_ptr<const Scenario> scenario(const char* yaml) {
    return std::make_shared<const Scenario>(kt::load(yaml));
}

Schedule schedule(const Scenario& s, const char* text) {
    std::string error;
    const auto parsed = parseSchedule(text, s, error);
    if (!parsed) {
        qFatal("bad schedule %s: %s", text, error.c_str());
    }
    return *parsed;
}

std::string json(const Trace& t) {
    std::ostringstream out;
    writeTraceJson(out, t);
    return out.str();
}

int countKind(const Trace& t, EventKind kind) {
    int n = 0;
    for (const Event& e : t.events) {
        n += e.kind == kind ? 1 : 0;
    }
    return n;
}

/// The balance at the end of a run of kTellers under `text`.
std::string balanceAfter(const std::shared_ptr<const Scenario>& s, const char* text) {
    Simulation sim(s);
    const Schedule w = schedule(*s, text);
    std::size_t next = 0;
    while (sim.advance()) {
        if (next >= w.choices.size() || !sim.choose(w.choices[next++])) {
            return "stuck";
        }
    }
    return sim.segmentCell("bank", 0).value_or("none");
}

} // namespace

class TestSimulation : public QObject {
    Q_OBJECT
private slots:
    void pausesAtEveryOperationBoundary() {
        const auto s = scenario(kTellers);
        Simulation sim(s);
        QVERIFY(sim.advance()); // both tellers arrive at tick 5: who runs first?
        QCOMPARE(sim.runnable(), (std::vector<int>{1, 2}));
        QVERIFY(!sim.choose(0)); // boss has ended: not a choice
        QVERIFY(sim.choose(1));
        QVERIFY(sim.advance()); // teller_1 attached: continue it, or teller_2?
        QCOMPARE(sim.runnable(), (std::vector<int>{1, 2}));
        QCOMPARE(sim.choiceCpu(), 0);
    }
    void preemptingBetweenReadAndWriteLosesAnUpdate() {
        const auto s = scenario(kTellers);
        // teller_1 attaches and reads, then teller_2 does all its work, then teller_1 adds
        // its stale copy and writes: one update lost.
        QCOMPARE(balanceAfter(s, "teller_1*2,teller_2*4"), std::string("1"));
        QCOMPARE(balanceAfter(s, "teller_1*4,teller_2"), std::string("2"));
    }
    void choicesAreMarkedInTheTrace() {
        const auto s = scenario(kTellers);
        // Six choices: once teller_2 has ended, teller_1 is alone and nobody is asked.
        const Replay r = replaySchedule(s, schedule(*s, "teller_1*2,teller_2*4"));
        QVERIFY(r.error.empty());
        QCOMPARE(r.trace.outcome, Outcome::Completed);
        QCOMPARE(r.points.size(), std::size_t(6));
        QCOMPARE(countKind(r.trace, EventKind::Choice), 6);
        for (const ChoicePoint& p : r.points) {
            const Event& e = r.trace.events[p.event];
            QCOMPARE(e.kind, EventKind::Choice);
            QCOMPARE(int(e.proc), p.chosen);
            QCOMPARE(e.a, static_cast<std::int32_t>(p.runnable.size()));
            QCOMPARE(e.cpu, std::uint8_t(0));
        }
        // The third choice preempts teller_1 after its read: preempt, dispatch teller_2.
        const std::size_t third = r.points[2].event;
        QCOMPARE(r.trace.events[third + 1].kind, EventKind::Preempt);
        QCOMPARE(int(r.trace.events[third + 1].proc), 1);
        QCOMPARE(r.trace.events[third + 1].op, OpKind::Add);
        const auto problems = validateTrace(r.trace);
        QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().what.c_str());
        // The JSON trace carries the choice events and reads back the same.
        QVERIFY(json(r.trace).find("\"ev\":\"choice\"") != std::string::npos);
    }
    void sameScheduleSameTraceByteForByte() {
        const auto s = scenario(kTellers);
        const Schedule w = schedule(*s, "teller_2,teller_1*3,teller_2*3");
        QCOMPARE(json(replaySchedule(s, w).trace), json(replaySchedule(s, w).trace));
        // Deciding step by step gives the same trace as a replay.
        Simulation sim(s);
        for (const int c : w.choices) {
            QVERIFY(sim.advance());
            QVERIFY(sim.choose(c));
        }
        QVERIFY(!sim.advance());
        QCOMPARE(json(sim.takeTrace()), json(replaySchedule(s, w).trace));
    }
    void copiesContinueIndependently() {
        const auto s = scenario(kTellers);
        Simulation a(s);
        QVERIFY(a.advance());
        QVERIFY(a.choose(1));
        QVERIFY(a.advance());
        QVERIFY(a.choose(1));
        QVERIFY(a.advance()); // teller_1 has read 0
        Simulation b = a;
        QCOMPARE(b.stateHash(), a.stateHash());
        QVERIFY(a.choose(1));
        QVERIFY(b.choose(2));
        while (a.advance()) {
            a.choose(a.runnable().front());
        }
        while (b.advance()) {
            b.choose(b.runnable().back());
        }
        QCOMPARE(a.segmentCell("bank", 0).value_or("none"), std::string("2"));
        QCOMPARE(b.segmentCell("bank", 0).value_or("none"), std::string("1"));
        QCOMPARE(a.variable(1, "b").value_or("none"), std::string("1"));
        QVERIFY(!a.variable(0, "b"));
    }
    void equalStatesHashEqual() {
        const auto s = scenario(R"(
scenario: independent
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - { name: a, program: [ { compute: 1 }, { set: { var: x, value: 1 } } ] }
  - { name: b, program: [ { compute: 2 }, { set: { var: y, value: 2 } } ] }
)");
        // a then b, or b then a: the same final state; different orders differ midway.
        Simulation ab(s);
        Simulation ba(s);
        QVERIFY(ab.advance());
        QVERIFY(ba.advance());
        QVERIFY(ab.choose(0));
        QVERIFY(ba.choose(1));
        QVERIFY(ab.advance());
        QVERIFY(ba.advance());
        QVERIFY(ab.stateHash() != ba.stateHash());
        while (ab.advance()) {
            ab.choose(ab.runnable().front());
        }
        while (ba.advance()) {
            ba.choose(ba.runnable().front());
        }
        QCOMPARE(ab.stateHash(), ba.stateHash());
    }
    void handingOverGivesTheScenariosPolicy() {
        const auto s = scenario(R"(
scenario: two at once
kernel: { cpus: 1, scheduler: round-robin, quantum: 2 }
processes:
  - { name: a, program: [ { compute: 3 }, { say: a done } ] }
  - { name: b, program: [ { compute: 3 }, { say: b done } ] }
)");
        // Handed over at the first choice (the first dispatch): the policy's own run.
        const Replay r = replaySchedule(s, schedule(*s, "..."));
        QCOMPARE(json(r.trace), json(simulate(*s).trace));
        // Later: b first, then round-robin.
        const Replay later = replaySchedule(s, schedule(*s, "b,..."));
        QCOMPARE(later.trace.outcome, Outcome::Completed);
        QCOMPARE(countKind(later.trace, EventKind::Choice), 1);
        QCOMPARE(int(later.trace.events[later.points[0].event + 1].proc), 1);
    }
    void runningOutOfChoicesAwaitsOne() {
        const auto s = scenario(kTellers);
        const Replay r = replaySchedule(s, schedule(*s, "teller_2"));
        QCOMPARE(r.trace.outcome, Outcome::AwaitingChoice);
        QCOMPARE(r.pending, (std::vector<int>{2, 1}));
        QVERIFY(r.error.empty());
        const Replay bad = replaySchedule(s, schedule(*s, "teller_2,boss"));
        QCOMPARE(bad.trace.outcome, Outcome::AwaitingChoice);
        QCOMPARE(bad.error, std::string("choice 2: boss cannot run there (runnable: teller_2, "
                                        "teller_1)"));
    }
    void parsesAndFormatsSchedules() {
        const auto s = scenario(kTellers);
        std::string error;
        const auto w = parseSchedule("teller_1*3, teller_2,2,...", *s, error);
        QVERIFY(w);
        QCOMPARE(w->choices, (std::vector<int>{1, 1, 1, 2, 2}));
        QVERIFY(w->thenPolicy);
        QCOMPARE(formatSchedule(*w, *s), std::string("teller_1*3,teller_2*2,..."));
        QVERIFY(parseSchedule("", *s, error)->choices.empty());
        QVERIFY(!parseSchedule("teller_3", *s, error));
        QCOMPARE(error, std::string("entry 1: no process \"teller_3\" (processes: boss, "
                                    "teller_1, teller_2)"));
        QVERIFY(!parseSchedule("...,boss", *s, error));
        QCOMPARE(error, std::string("\"...\" must be the schedule's last entry"));
        QVERIFY(!parseSchedule("boss*0", *s, error));
        QVERIFY(!parseSchedule("boss,,boss", *s, error));
        QCOMPARE(error, std::string("entry 2 is empty"));
    }
    void cancelStopsARunAndProgressCounts() {
        const auto s = scenario(kTellers);
        std::atomic<bool> cancel{true};
        std::atomic<std::uint64_t> progress{0};
        RunOptions o;
        o.cancel = &cancel;
        o.progress = &progress;
        const Trace stopped = simulate(*s, o).trace;
        QCOMPARE(stopped.outcome, Outcome::TimeLimit);
        QCOMPARE(stopped.notes, (std::vector<std::string>{"cancelled"}));
        cancel = false;
        const Trace whole = simulate(*s, o).trace;
        QCOMPARE(whole.outcome, Outcome::Completed);
        QVERIFY(progress.load() > 0);
        QVERIFY(progress.load() <= whole.events.size());
    }
    void withoutChoicePointsItIsTheOrdinaryRun() {
        const auto s = scenario(kTellers);
        Simulation sim(s, {}, false);
        QVERIFY(!sim.advance());
        QCOMPARE(json(sim.takeTrace()), json(simulate(*s).trace));
    }
};

QTEST_APPLESS_MAIN(TestSimulation)
#include "tst_simulation.moc"
