// Nothing leaks, nothing escapes: deadlock, time-out, a child killed, the runner killed,
// and refused scenarios all leave no IPC object, no registry and no process behind.
#include "kernel.h"
#include "loader.h"
#include "real_checks.h"
#include "real_engine.h"
#include "scenario_builder.h"
#include "syscall_counter.h"

#include <QtTest>
#include <algorithm>
#include <fstream>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

using namespace ipclab;
using namespace ipclab::test;

namespace {

bool hasNote(const Trace& trace, const std::string& text) {
    return std::find(trace.notes.begin(), trace.notes.end(), text) != trace.notes.end();
}

bool hasNoteStarting(const Trace& trace, const std::string& prefix) {
    return std::any_of(trace.notes.begin(), trace.notes.end(),
                       [&](const std::string& n) { return n.rfind(prefix, 0) == 0; });
}

void pause(long ms) {
    const timespec ts{ms / 1000, (ms % 1000) * 1000000};
    nanosleep(&ts, nullptr);
}

bool alive(pid_t pid) {
    return kill(pid, 0) == 0;
}

/// A scenario whose first process creates one of each object and then waits forever on
/// a semaphore, while the second computes for `ticks` (1 ms each) and then posts it.
Scenario holdingObjects(std::int64_t ticks) {
    return scenarioOf("holder",
                      {process("keeper", {mailboxCreate("box", 2), shmCreate("seg", 4096),
                                          op(OpKind::ShmAttach, "seg"), semCreate("gate", 0),
                                          op(OpKind::SemWait, "gate")}),
                       process("worker", {compute(ticks), op(OpKind::SemPost, "gate")})});
}

/// Runs `scenario` in a forked runner process (so the test can kill it or its children)
/// and returns the runner's pid. Its exit status is the run's Outcome (or 100+note
/// check, see childKilled).
pid_t forkRunner(const Scenario& scenario, const std::string& expectedNote) {
    const pid_t pid = fork();
    if (pid == 0) {
        RealOptions options;
        options.timeoutSeconds = 20;
        const Trace trace = runReal(scenario, options);
        const bool noted = expectedNote.empty() || hasNote(trace, expectedNote);
        _exit(static_cast<int>(trace.outcome) + (noted ? 0 : 100));
    }
    return pid;
}

/// Waits until the runner's children exist and the run's objects are made (bounded).
std::vector<pid_t> waitForRun(pid_t runner) {
    for (int i = 0; i < 2000; ++i) {
        auto kids = childrenOf(runner);
        if (kids.size() == 2 && leftovers(runner).size() >= 4) {
            std::sort(kids.begin(), kids.end());
            return kids;
        }
        pause(5);
    }
    return {};
}

} // namespace

class TestRealCleanup : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(queuesListable() || geteuid() != 0); }

    void deadlockEndsAndLeavesNothing() {
        const auto loaded = loadScenarioFile(IPCLAB_SCENARIO_DIR "/deadlock.yaml");
        QVERIFY(loaded.ok());
        const Trace trace = runReal(*loaded.scenario);
        QCOMPARE(outcomeName(trace.outcome), outcomeName(Outcome::Deadlock));
        // Both wait in receive, each for the other: the cycle names both.
        QCOMPARE(trace.deadlockCycle.size(), std::size_t(2));
        for (const auto& edge : trace.deadlockCycle) {
            QCOMPARE(opName(edge.op), opName(OpKind::Receive));
            QCOMPARE(edge.holder, 1 - edge.proc);
        }
        QVERIFY(hasNoteStarting(trace, "deadlock for "));
        QVERIFY(leftovers(getpid()).empty());
        QVERIFY(childrenOf(getpid()).empty());
    }

    void noProgressEndsAsTimeLimit() {
        const Scenario s =
            scenarioOf("busy", {process("spinner", {mailboxCreate("m", 1), compute(60000)})});
        RealOptions options;
        options.timeoutSeconds = 0.3;
        const Trace trace = runReal(s, options);
        QCOMPARE(outcomeName(trace.outcome), outcomeName(Outcome::TimeLimit));
        QVERIFY(hasNoteStarting(trace, "no progress for "));
        QVERIFY(leftovers(getpid()).empty());
        QVERIFY(childrenOf(getpid()).empty());
    }

    void childKilledBySignal() {
        const pid_t runner = forkRunner(holdingObjects(30000), "worker: killed by SIGKILL");
        const auto kids = waitForRun(runner);
        QCOMPARE(kids.size(), std::size_t(2));
        kill(kids[1], SIGKILL); // the worker: forked second
        int status = 0;
        QCOMPARE(waitpid(runner, &status, 0), runner);
        QVERIFY(WIFEXITED(status));
        // The keeper, alone and blocked in semtimedop, is a deadlock; the note names the
        // killed worker.
        QCOMPARE(WEXITSTATUS(status), static_cast<int>(Outcome::Deadlock));
        QVERIFY(!alive(kids[0]) && !alive(kids[1]));
        QVERIFY(leftovers(runner).empty());
    }

    void runnerKilledIsCleanedUpByTheNextRun() {
        const pid_t runner = forkRunner(holdingObjects(30000), "");
        const auto kids = waitForRun(runner);
        QCOMPARE(kids.size(), std::size_t(2));
        kill(runner, SIGKILL);
        QCOMPARE(waitpid(runner, nullptr, 0), runner);
        // The children die with their runner (PR_SET_PDEATHSIG)...
        for (int i = 0; i < 1000 && (alive(kids[0]) || alive(kids[1])); ++i) {
            pause(5);
        }
        QVERIFY(!alive(kids[0]) && !alive(kids[1]));
        // ... but its objects and registry stay until the next run starts.
        const auto left = leftovers(runner);
        std::string listed;
        for (const auto& l : left) {
            listed += l + "; ";
        }
        QVERIFY2(left.size() >= 4, listed.c_str());
        const Trace next = runReal(scenarioOf("next", {process("p", {compute(1)})}), RealOptions{});
        QCOMPARE(outcomeName(next.outcome), outcomeName(Outcome::Completed));
        QVERIFY(hasNoteStarting(next, "stale objects: removed "));
        QVERIFY(leftovers(runner).empty());
    }

    /// SIGTERM and SIGHUP (a closed terminal, a killed session) end the run as SIGINT
    /// does: the runner kills its children, removes every object and reports the run.
    void runnerInterruptedCleansUp_data() {
        QTest::addColumn<int>("signal");
        QTest::addColumn<QString>("name");
        QTest::newRow("SIGINT") << int(SIGINT) << "SIGINT";
        QTest::newRow("SIGTERM") << int(SIGTERM) << "SIGTERM";
        QTest::newRow("SIGHUP") << int(SIGHUP) << "SIGHUP";
    }
    void runnerInterruptedCleansUp() {
        QFETCH(int, signal);
        QFETCH(QString, name);
        const pid_t runner = forkRunner(holdingObjects(30000),
                                        "interrupted by " + name.toStdString() +
                                            ": the runner ended the run and removed its objects");
        const auto kids = waitForRun(runner);
        QCOMPARE(kids.size(), std::size_t(2));
        kill(runner, signal);
        int status = 0;
        QCOMPARE(waitpid(runner, &status, 0), runner);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), static_cast<int>(Outcome::Interrupted));
        QVERIFY(!alive(kids[0]) && !alive(kids[1]));
        QVERIFY(leftovers(runner).empty());
    }

    /// Two runs at once: each makes, uses and removes only its own objects.
    void concurrentRunsLeaveNothing() {
        const Scenario s = scenarioOf(
            "pair",
            {process("keeper",
                     {mailboxCreate("box", 2), shmCreate("seg", 4096), semCreate("gate", 0),
                      op(OpKind::SemWait, "gate"), receiveFrom("box", "x")}),
             process("worker", {compute(50), op(OpKind::SemPost, "gate"), sendTo("box", "done")})});
        const pid_t a = forkRunner(s, "");
        const pid_t b = forkRunner(s, "");
        for (pid_t runner : {a, b}) {
            int status = 0;
            QCOMPARE(waitpid(runner, &status, 0), runner);
            QVERIFY(WIFEXITED(status));
            QCOMPARE(WEXITSTATUS(status), static_cast<int>(Outcome::Completed));
            QVERIFY(leftovers(runner).empty());
        }
        QVERIFY(childrenOf(getpid()).empty());
    }

    void refusals_data() {
        QTest::addColumn<int>("processes");
        QTest::addColumn<qint64>("segment");
        QTest::addColumn<QString>("note");
        QTest::newRow("65 processes")
            << 65 << qint64(4096)
            << "refused: 65 processes: real mode runs at most 64 (one fork()ed child each); "
               "nothing was created";
        QTest::newRow("2 GiB segment")
            << 2 << (qint64(1) << 31)
            << "refused: segment big: 2147483648 bytes; real mode allows 1..1048576 (engine "
               "cap 1 MiB); nothing was created";
    }

    void refusals() {
        QFETCH(int, processes);
        QFETCH(qint64, segment);
        QFETCH(QString, note);
        std::vector<ProcessSpec> procs;
        for (int i = 0; i < processes; ++i) {
            procs.push_back(process(
                "p" + std::to_string(i),
                {shmCreate(i == 0 ? "big" : "s" + std::to_string(i), i == 0 ? segment : 4096)}));
        }
        const auto before = leftovers(getpid());
        const Trace trace = runReal(scenarioOf("too much", std::move(procs)));
        QCOMPARE(outcomeName(trace.outcome), outcomeName(Outcome::Error));
        QVERIFY2(hasNote(trace, note.toStdString()), trace.notes.back().c_str());
        QVERIFY(trace.events.empty());
        QCOMPARE(leftovers(getpid()), before);
        QVERIFY(childrenOf(getpid()).empty());
    }

    void capacityBeyondMsgMaxIsApproximatedAndSaid() {
        long msgMax = 10;
        std::ifstream("/proc/sys/fs/mqueue/msg_max") >> msgMax;
        const Scenario s = scenarioOf(
            "big mailbox",
            {process("producer", {mailboxCreate("M", 50), repeat(12, {sendTo("M", "m{i}")})}),
             process("consumer", {repeat(12, {receiveFrom("M", "x")})})});
        const Trace trace = runReal(s);
        QCOMPARE(outcomeName(trace.outcome), outcomeName(Outcome::Completed));
        QVERIFY(hasNote(trace, "mailbox M: capacity 50 ran as " + std::to_string(msgMax) +
                                   ": fs.mqueue.msg_max"));
        const auto facts = factsOf(s, trace);
        QCOMPARE(facts.locals.at("consumer.x"), std::string("m12"));
        QCOMPARE(facts.byOp.at("send"), std::int64_t(12));
        QCOMPARE(facts.byOp.at("receive"), std::int64_t(13)); // 12 + the lookup mq_open
    }

    void segmentModeIsEnforcedByTheKernel() {
        if (geteuid() != 0) {
            QSKIP("only root can run the children as the scenario's uids");
        }
        const auto loaded = loadScenarioFile(IPCLAB_SCENARIO_DIR "/shm-snooping-fixed.yaml");
        QVERIFY(loaded.ok());
        const Trace trace = runReal(*loaded.scenario);
        QVERIFY(hasNote(trace, "uids enforced by the kernel: each process ran as its "
                               "scenario uid"));
        const int mallory = loaded.scenario->processIndex("mallory");
        int denied = 0;
        for (const auto& e : trace.events) {
            if (e.kind == EventKind::Syscall && e.proc == mallory && trace.str(e.text) == "shmat") {
                QCOMPARE(resultName(static_cast<CallResult>(e.b)),
                         resultName(CallResult::PermissionDenied));
                ++denied;
            }
        }
        QCOMPARE(denied, 1);
        // The kernel itself refused: the runner never checks modes when it is root.
        QCOMPARE(trace.measuredSyscalls.at("shmat"), std::int64_t(2));
    }

    void segmentModeCheckedByTheRunnerWithoutUids_data() {
        QTest::addColumn<bool>("perf");
        QTest::newRow("perf_event") << true;
        QTest::newRow("self") << false;
    }

    void segmentModeCheckedByTheRunnerWithoutUids() {
        QFETCH(bool, perf);
        const std::string perfMissing = perfCountingUnavailable();
        if (perf && !perfMissing.empty()) {
            QSKIP(("the kernel cannot count here (" + perfMissing + ")").c_str());
        }
        const auto loaded = loadScenarioFile(IPCLAB_SCENARIO_DIR "/shm-snooping-fixed.yaml");
        QVERIFY(loaded.ok());
        RealOptions options;
        options.runAsScenarioUids = false;
        options.usePerf = perf;
        const Trace real = runReal(*loaded.scenario, options);
        QVERIFY(hasNoteStarting(real, "uids not enforced by the kernel"));
        QCOMPARE(countingMethodName(real.countingMethod),
                 countingMethodName(perf ? CountingMethod::PerfEvent : CountingMethod::Self));
        const Trace sim = simulate(*loaded.scenario).trace;
        // The scenario sees the same refusal and the same counts ...
        QVERIFY(differences(factsOf(*loaded.scenario, sim), factsOf(*loaded.scenario, real),
                            kCounts | kMemory)
                    .empty());
        // ... but the kernel saw only alice's shmat: mallory's was refused by the runner,
        // and says so, whoever counts.
        const int mallory = loaded.scenario->processIndex("mallory");
        int refused = 0;
        for (const auto& e : real.events) {
            if (e.kind == EventKind::Syscall && real.str(e.text) == "shmat" &&
                (e.flags & real::kFlagNotIssued) != 0) {
                QCOMPARE(int(e.proc), mallory);
                ++refused;
            }
        }
        QCOMPARE(refused, 1);
        QCOMPARE(real.measuredSyscalls.at("shmat"), std::int64_t(1));
        QVERIFY(leftovers(getpid()).empty());
    }

    void segfaultEndsOnlyThatProcess() {
        const Scenario s = scenarioOf(
            "overflow", {process("writer", {shmCreate("seg", 16), op(OpKind::ShmAttach, "seg"),
                                            write("seg", 12, "too long for the end"),
                                            write("seg", 0, "never")})});
        const Trace sim = simulate(s).trace;
        const Trace real = runReal(s);
        QCOMPARE(outcomeName(real.outcome), outcomeName(sim.outcome));
        QVERIFY(differences(factsOf(s, sim), factsOf(s, real), kAll).empty());
        const auto caption = std::find_if(real.events.begin(), real.events.end(),
                                          [&](auto& e) { return e.kind == EventKind::Caption; });
        QVERIFY(caption != real.events.end());
        QCOMPARE(real.str(caption->text), std::string("segmentation fault"));
        QVERIFY(leftovers(getpid()).empty());
    }
};

QTEST_APPLESS_MAIN(TestRealCleanup)
#include "tst_real_cleanup.moc"
