// The folds both engines share: the syscall tally, semaphore holders and the deadlock's
// wait-for cycle, what a run leaves behind, and how the report shows what nobody measured.

#include "leftbehind.h"
#include "report.h"
#include "scenario_builder.h"
#include "state.h"
#include "syscalltally.h"
#include "trace_builder.h"
#include "waitfor.h"

#include <QTest>
#include <nlohmann/json.hpp>

using namespace ipclab;
using namespace ipclab::test;

namespace {

SystemState finalState(const Trace& t) {
    SystemState s = initialState(t);
    for (const Event& e : t.events) {
        applyEvent(s, t, e);
    }
    return s;
}

/// "proc op object -> holder" per edge.
QString cycleText(const Trace& t, const std::vector<WaitEdge>& cycle) {
    QStringList out;
    auto name = [&](int p) {
        return p < 0 ? QString("-") : QString::fromStdString(t.processNames[p]);
    };
    for (const WaitEdge& w : cycle) {
        out << name(w.proc) + " " + QString::fromUtf8(opName(w.op).data()) + " " +
                   (w.object < 0 ? QString("-")
                                 : QString::fromStdString(t.objects[w.object].name)) +
                   " -> " + name(w.holder);
    }
    return out.join(", ");
}

Operation semOp(OpKind kind, const std::string& sem) {
    return op(kind, sem);
}

} // namespace

class TestFolds : public QObject {
    Q_OBJECT

private slots:
    void tallyCountsCallsNotCompletions() {
        TraceBuilder b({"p", "q"});
        const int m = b.mailbox("M", 1);
        b.at(0).start();
        b.syscall(0, OpKind::MailboxCreate, m, "mq_open");
        b.syscall(1, OpKind::Receive, m, "mq_timedreceive", 0, CallResult::Ok, kFlagBlocking);
        b.at(1).syscall(0, OpKind::Send, m, "mq_timedsend", 6);
        b.syscall(1, OpKind::Receive, m, "mq_timedreceive", 6, CallResult::Ok,
                  kFlagBlocking | kFlagCompletes);
        b.end(Outcome::Completed);
        const Trace& t = b.trace();
        QVERIFY(!isCountedSyscall(t.events[4]));
        QVERIFY(isCountedSyscall(t.events[2]));
        const SyscallTally all = tallySyscalls(t);
        QCOMPARE(all.total, std::int64_t(3));
        QCOMPARE(all.byName.at("mq_timedreceive"), std::int64_t(1));
        QCOMPARE(all.byOp.at(OpKind::Send), std::int64_t(1));
        QCOMPARE(all.processTotal(0), std::int64_t(2));
        QCOMPARE(all.byProcess[1].at(OpKind::Receive).at("mq_timedreceive"), std::int64_t(1));
        QCOMPARE(tallySyscalls(t, 2).total, std::int64_t(1)); // the first two events only
    }

    /// A unit is held from the sem_wait that took it (at once or on completion) until the
    /// same process posts; a post by someone else (a signal) frees nobody.
    void semaphoreHolders() {
        TraceBuilder b({"p", "q", "r"});
        const int s = b.semaphore("s");
        b.at(0).start();
        b.created(s, 2, 0, OpKind::SemCreate);
        b.syscall(0, OpKind::SemWait, s, "semtimedop");
        b.syscall(1, OpKind::SemWait, s, "semtimedop");
        b.syscall(2, OpKind::SemWait, s, "semtimedop", 0, CallResult::Ok, kFlagBlocking);
        QCOMPARE(finalState(b.trace()).objects[s].holders, (std::vector<int>{0, 1}));
        b.at(1).syscall(0, OpKind::SemPost, s, "semtimedop");
        b.syscall(2, OpKind::SemWait, s, "semtimedop", 0, CallResult::Ok,
                  kFlagBlocking | kFlagCompletes);
        b.syscall(2, OpKind::SemPost, s, "semtimedop", 0, CallResult::WouldBlock);
        QCOMPARE(finalState(b.trace()).objects[s].holders, (std::vector<int>{1, 2}));
    }

    /// Real mode's deadlock: no Dispatch events, a blocked call returns straight to
    /// running, and the holder of each semaphore closes the cycle.
    void deadlockFromHolders() {
        Scenario sc = scenarioOf(
            "dining", {process("p", {semCreate("a", 1), semCreate("b", 1),
                                     semOp(OpKind::SemWait, "a"), semOp(OpKind::SemWait, "b")}),
                       process("q", {semOp(OpKind::SemWait, "b"), semOp(OpKind::SemWait, "a")})});
        TraceBuilder b({"p", "q"});
        const int a = b.semaphore("a");
        const int bb = b.semaphore("b");
        b.trace().engine = Engine::Real;
        b.at(0).start();
        b.created(a, 1, 0, OpKind::SemCreate);
        b.created(bb, 1, 0, OpKind::SemCreate);
        b.syscall(0, OpKind::SemWait, a, "semtimedop");
        b.syscall(1, OpKind::SemWait, bb, "semtimedop");
        b.syscall(0, OpKind::SemWait, bb, "semtimedop", 0, CallResult::Ok, kFlagBlocking);
        b.state(0, ProcState::Blocked, OpKind::SemWait, bb);
        b.syscall(1, OpKind::SemWait, a, "semtimedop", 0, CallResult::Ok, kFlagBlocking);
        b.state(1, ProcState::Blocked, OpKind::SemWait, a);
        b.end(Outcome::Deadlock);
        QCOMPARE(cycleText(b.trace(), waitForCycle(sc, b.trace())),
                 QString("p sem_wait b -> q, q sem_wait a -> p"));
    }

    /// Taking a semaphore twice without posting: the process waits for itself.
    void selfDeadlock() {
        Scenario sc =
            scenarioOf("twice", {process("p", {semCreate("m", 1), semOp(OpKind::SemWait, "m"),
                                               semOp(OpKind::SemWait, "m")})});
        TraceBuilder b({"p"});
        const int m = b.semaphore("m");
        b.at(0).start();
        b.created(m, 1, 0, OpKind::SemCreate);
        b.syscall(0, OpKind::SemWait, m, "semtimedop");
        b.syscall(0, OpKind::SemWait, m, "semtimedop", 0, CallResult::Ok, kFlagBlocking);
        b.state(0, ProcState::Blocked, OpKind::SemWait, m);
        b.end(Outcome::Deadlock);
        QCOMPARE(cycleText(b.trace(), waitForCycle(sc, b.trace())), QString("p sem_wait m -> p"));
    }

    /// Real mode waits (without a call) for an object nobody has created yet: its
    /// releasers are the processes that may still create it.
    void waitingForACreator() {
        Scenario sc =
            scenarioOf("late", {process("p", {receiveFrom("M", "x")}),
                                process("q", {receiveFrom("N", "y"), mailboxCreate("M", 1)})});
        TraceBuilder b({"p", "q"});
        const int m = b.mailbox("M", 1);
        const int n = b.mailbox("N", 1);
        b.at(0).start();
        b.state(0, ProcState::Blocked, OpKind::Receive, m).line = 0;
        b.state(1, ProcState::Blocked, OpKind::Receive, n);
        b.end(Outcome::Deadlock);
        QCOMPARE(cycleText(b.trace(), waitForCycle(sc, b.trace())),
                 QString("p receive M -> q, q receive N -> -"));
    }

    void leftBehindAndItsCleanup() {
        TraceBuilder b({"p"});
        const int rendezvous = b.mailbox("R", 0);
        const int bounded = b.mailbox("B", 4);
        const int seg = b.segment("S", 64, 0600, "7");
        const int gone = b.segment("G", 64, 0600, "8");
        const int sem = b.semaphore("s");
        b.link(0, 0);
        b.at(0).start();
        for (int o : {rendezvous, bounded, seg, gone, sem, 5}) {
            b.created(o);
        }
        b.ev(EventKind::ShmMarked, 0, OpKind::ShmRemove, gone);
        b.end(Outcome::Completed);
        const LeftBehind left = leftBehind(b.trace(), finalState(b.trace()));
        QCOMPARE(left.objects, (std::vector<int>{rendezvous, bounded, seg, sem}));
        QCOMPARE(left.cleanupCalls,
                 (std::map<std::string, std::int64_t>{
                     {"mq_open", 3}, {"mq_unlink", 3}, {"semctl", 1}, {"shmctl", 1}}));
    }

    /// Real mode without the kernel's switch counts says null, never 0; with them, their sum.
    void unmeasuredSwitchesAreNull() {
        TraceBuilder b({"p", "q"});
        Trace& t = b.trace();
        t.engine = Engine::Real;
        t.timeUnit = TimeUnit::Nanosecond;
        t.countingMethod = CountingMethod::Self;
        t.countingFallback = CountingFallback::NoTracefs;
        t.kernelSwitches = {KernelSwitches{3, 1}, std::nullopt};
        b.at(0).start();
        b.end(Outcome::Completed);
        Scenario sc = scenarioOf("t", {process("p", {}), process("q", {})});
        const auto j = nlohmann::json::parse(reportToJson(makeReport(sc, t), t));
        QCOMPARE(j["processes"][0]["context_switches"].get<int>(), 4);
        QCOMPARE(j["processes"][0]["voluntary_switches"].get<int>(), 3);
        QCOMPARE(j["processes"][0]["involuntary_switches"].get<int>(), 1);
        QVERIFY(j["processes"][1]["context_switches"].is_null());
        QVERIFY(!j["processes"][1].contains("voluntary_switches"));
        QVERIFY(j["context_switches"].is_null());
        QCOMPARE(j["counting"].get<std::string>(),
                 std::string("counted by IPC Lab itself, one per call it made; the kernel could "
                             "not count because tracefs is not mounted; to let it, run as root: "
                             "mount -t tracefs nodev /sys/kernel/tracing"));
    }
};

QTEST_APPLESS_MAIN(TestFolds)
#include "tst_folds.moc"
