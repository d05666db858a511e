// The interleaving explorer: exact outcome sets of small cases, counted independently by
// enumerating the interleavings here; witnesses replay to their outcomes; limits.

#include "explorer.h"
#include "kerneltest.h"
#include "schedule.h"
#include "simulation.h"

#include <QTest>
#include <functional>
#include <map>
#include <memory>

using namespace ipclab;

namespace {

/// Two tellers, `n` increments each, on a segment nobody else touches.
std::string tellers(int n) {
    return R"(
scenario: two tellers
kernel: { cpus: 1, scheduler: round-robin, quantum: 1 }
processes:
  - name: boss
    program:
      - shm_create: { name: bank, key: 1, size: 64, mode: "0666" }
  - name: teller_1
    start: 5
    program:
      - shm_attach: bank
      - repeat: )" +
           std::to_string(n) +
           R"(
        do:
          - read: { segment: bank, offset: 0, into: b }
          - add: b
          - write: { segment: bank, offset: 0, value: "{b}" }
  - name: teller_2
    start: 5
    program:
      - shm_attach: bank
      - repeat: )" +
           std::to_string(n) +
           R"(
        do:
          - read: { segment: bank, offset: 0, into: b }
          - add: b
          - write: { segment: bank, offset: 0, value: "{b}" }
)";
}

/// The independent count: every interleaving of the two tellers' operations (attach,
/// then n times read, add, write), run by hand; final balance -> interleavings.
std::map<long long, std::uint64_t> byHand(int n) {
    std::map<long long, std::uint64_t> out;
    const int ops = 1 + 3 * n;
    std::function<void(int, int, long long, long long, long long)> go =
        [&](int i, int j, long long bank, long long b1, long long b2) {
            if (i == ops && j == ops) {
                ++out[bank];
                return;
            }
            auto step = [&](int k, long long& local) {
                if (k == 0) {
                    return; // attach
                }
                switch ((k - 1) % 3) {
                case 0:
                    local = bank;
                    break;
                case 1:
                    ++local;
                    break;
                default:
                    bank = local;
                    break;
                }
            };
            if (i < ops) {
                const long long saveBank = bank;
                long long l = b1;
                step(i, l);
                go(i + 1, j, bank, l, b2);
                bank = saveBank;
            }
            if (j < ops) {
                long long l = b2;
                step(j, l);
                go(i, j + 1, bank, b1, l);
            }
        };
    go(0, 0, 0, 0, 0);
    return out;
}

Exploration run(const std::string& yaml, std::vector<std::string> observe,
                std::uint64_t maxStates = 5'000'000) {
    ExploreOptions o;
    o.observe = std::move(observe);
    o.maxStates = maxStates;
    std::string error;
    const auto e = explore(kt::load(yaml), o, error);
    if (!e) {
        qFatal("explore failed: %s", error.c_str());
    }
    return *e;
}

/// Replays a witness with choice points and reads what the explorer observed.
struct Replayed {
    Outcome outcome;
    std::optional<std::string> bank;
    std::vector<int> cycle;
};

Replayed replay(const std::string& yaml, const Schedule& w) {
    const auto s = std::make_shared<const Scenario>(kt::load(yaml));
    Simulation sim(s);
    std::size_t next = 0;
    while (sim.advance()) {
        if (next >= w.choices.size() || !sim.choose(w.choices[next++])) {
            return {Outcome::AwaitingChoice, std::nullopt, {}};
        }
    }
    const auto bank = sim.segmentCell("bank", 0);
    const Trace t = sim.takeTrace();
    std::vector<int> cycle;
    for (const WaitEdge& w : t.deadlockCycle) {
        cycle.push_back(w.proc);
    }
    return {t.outcome, bank, cycle};
}

std::map<long long, std::uint64_t> found(const Exploration& e) {
    std::map<long long, std::uint64_t> out;
    for (const ExploredOutcome& o : e.outcomes) {
        out[std::stoll(o.observed.at(0).value())] += o.schedules;
    }
    return out;
}

} // namespace

class TestExplore : public QObject {
    Q_OBJECT
private slots:
    void twoTellersOneIncrement() {
        const Exploration e = run(tellers(1), {"segment(bank, 0)"});
        QVERIFY(e.complete);
        QCOMPARE(e.schedules, std::uint64_t(70)); // C(8, 4) interleavings
        const auto expected = byHand(1);
        QCOMPARE(expected.size(), std::size_t(2)); // 1 (an update lost) or 2
        QCOMPARE(found(e), expected);
        for (const ExploredOutcome& o : e.outcomes) {
            QCOMPARE(o.outcome, Outcome::Completed);
            const Replayed r = replay(tellers(1), o.witness);
            QCOMPARE(r.outcome, Outcome::Completed);
            QCOMPARE(r.bank, o.observed[0]);
        }
    }
    void twoTellersTwoIncrements() {
        const Exploration e = run(tellers(2), {"segment(bank, 0)", "final(teller_1, b)"});
        QVERIFY(e.complete);
        QCOMPARE(e.schedules, std::uint64_t(3432)); // C(14, 7)
        const auto expected = byHand(2);
        QCOMPARE(expected.size(), std::size_t(3)); // 2, 3 or 4
        QCOMPARE(expected.begin()->first, 2LL);
        QCOMPARE(found(e), expected);
        for (const ExploredOutcome& o : e.outcomes) {
            QCOMPARE(replay(tellers(2), o.witness).bank, o.observed[0]);
        }
        // Equal states are visited once: far fewer states than schedules.
        QVERIFY(e.states < e.schedules);
    }
    void deadlockOnlyUnderSomeSchedules() {
        const char* const yaml = R"(
scenario: two locks
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - name: setup
    program:
      - sem_create: { name: a, value: 1 }
      - sem_create: { name: b, value: 1 }
  - name: p
    start: 5
    program: [ { sem_wait: a }, { sem_wait: b }, { sem_post: b }, { sem_post: a } ]
  - name: q
    start: 5
    program: [ { sem_wait: b }, { sem_wait: a }, { sem_post: a }, { sem_post: b } ]
)";
        const Exploration e = run(yaml, {});
        QVERIFY(e.complete);
        QCOMPARE(e.outcomes.size(), std::size_t(2));
        QCOMPARE(e.outcomes[0].outcome, Outcome::Completed);
        QCOMPARE(e.outcomes[1].outcome, Outcome::Deadlock);
        QCOMPARE(e.outcomes[1].deadlockCycle, (std::vector<int>{1, 2}));
        // By hand: p runs both waits before q's first (or the reverse) — else deadlock.
        // Interleavings of p = a b B A and q = b a A B where p's `wait b` precedes q's
        // `wait b` or q's `wait a` precedes p's `wait a`: the run completes.
        QCOMPARE(replay(yaml, e.outcomes[0].witness).outcome, Outcome::Completed);
        const Replayed dead = replay(yaml, e.outcomes[1].witness);
        QCOMPARE(dead.outcome, Outcome::Deadlock);
        QCOMPARE(dead.cycle, (std::vector<int>{1, 2}));
        QCOMPARE(e.outcomes[0].schedules + e.outcomes[1].schedules, e.schedules);
        QVERIFY(e.outcomes[1].schedules > 0);
    }
    void oneOutcome() {
        const char* const yaml = R"(
scenario: under a mutex
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - name: boss
    program:
      - shm_create: { name: bank, key: 1, size: 64, mode: "0666" }
      - sem_create: { name: m, value: 1 }
  - name: t1
    start: 5
    program:
      - shm_attach: bank
      - sem_wait: m
      - read: { segment: bank, offset: 0, into: b }
      - add: b
      - write: { segment: bank, offset: 0, value: "{b}" }
      - sem_post: m
  - name: t2
    start: 5
    program:
      - shm_attach: bank
      - sem_wait: m
      - read: { segment: bank, offset: 0, into: b }
      - add: b
      - write: { segment: bank, offset: 0, value: "{b}" }
      - sem_post: m
)";
        const Exploration e = run(yaml, {"segment(bank, 0)"});
        QVERIFY(e.complete);
        QCOMPARE(e.outcomes.size(), std::size_t(1));
        QCOMPARE(e.outcomes[0].observed[0], std::optional<std::string>("2"));
        QCOMPARE(e.outcomes[0].schedules, e.schedules);
    }
    void maxStatesStopsCleanly() {
        const Exploration e = run(tellers(2), {"segment(bank, 0)"}, 10);
        QVERIFY(!e.complete);
        QCOMPARE(e.states, std::uint64_t(10));
        const std::string json = explorationToJson(e, kt::load(tellers(2)));
        QVERIFY(json.find("\"complete\": false") != std::string::npos);
    }
    void lostUpdatesLessonExploredCompletely() {
        LoadResult r = loadScenarioFile(IPCLAB_SCENARIO_DIR "/lost-updates.yaml");
        QVERIFY(r.ok());
        std::string error;
        ExploreOptions o;
        o.observe = {"segment(bank, 0)", "final(auditor, final)"};
        const auto e = explore(*r.scenario, o, error);
        QVERIFY(e);
        QVERIFY(e->complete);
        std::vector<long long> finals;
        for (const ExploredOutcome& out : e->outcomes) {
            QCOMPARE(out.outcome, Outcome::Completed);
            QCOMPARE(out.observed[0], out.observed[1]); // the auditor reads the balance
            finals.push_back(std::stoll(out.observed[0].value()));
        }
        std::vector<long long> twoToTwenty;
        for (long long v = 2; v <= 20; ++v) {
            twoToTwenty.push_back(v);
        }
        QCOMPARE(finals, twoToTwenty);
    }
    void badObserveIsAnError() {
        std::string error;
        ExploreOptions o;
        o.observe = {"final(nobody, b)"};
        QVERIFY(!explore(kt::load(tellers(1)), o, error));
        QCOMPARE(error, std::string("--observe \"final(nobody, b)\": column 7: no process "
                                    "\"nobody\""));
        o.observe = {"segment(bank, x)"};
        QVERIFY(!explore(kt::load(tellers(1)), o, error));
        QCOMPARE(error, std::string("--observe \"segment(bank, x)\": column 15: expected a "
                                    "byte offset (a non-negative integer), got \"x\""));
    }
};

QTEST_APPLESS_MAIN(TestExplore)
#include "tst_explore.moc"
