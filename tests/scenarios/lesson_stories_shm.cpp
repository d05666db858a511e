// The lessons about cooperation and shared memory, told in exact numbers. Every number
// here is stated in the lesson's own comment block, so a failing check means the lesson
// text and the product disagree.

#include "lesson_stories.h"
#include "tst_scenarios.h"

#include <algorithm>

using namespace ipclab;
using namespace ipclab::test;

namespace {

std::int64_t pairSyscalls(const Report& report, std::string_view a, std::string_view b) {
    return processSyscalls(report, a) + processSyscalls(report, b);
}

/// The scenario with the mailbox pair's repeat count set to `items` and the shared-memory
/// pair's table cut to its first `items` writes and reads (shm-vs-messages.yaml).
Scenario withItems(Scenario s, std::int64_t items) {
    for (auto& p : s.processes) {
        for (auto& op : p.program) {
            if (op.kind == OpKind::Repeat) {
                op.count = items;
            }
        }
        std::int64_t kept = 0;
        std::erase_if(p.program, [&](const Operation& op) {
            const bool data = op.kind == OpKind::Write || op.kind == OpKind::Read;
            return data && ++kept > items;
        });
    }
    return s;
}

} // namespace

void TestScenarios::welcome() {
    IPCLAB_RUN_LESSON(run, "welcome");
    QCOMPARE(run.trace.outcome, Outcome::Completed);
    // Shared memory: set-up and tear-down only.
    QCOMPARE(processSyscalls(run.report, "shm_writer"), 6);
    QCOMPARE(processSyscalls(run.report, "shm_reader"), 6);
    // Message passing: 3 for set-up/tear-down + 2 per reading.
    QCOMPARE(pairSyscalls(run.report, "mq_sender", "mq_receiver"), 3 + 2 * 10);
    QCOMPARE(run.report.byOp.at(OpKind::Write), 0);
    QCOMPARE(run.report.byOp.at(OpKind::Read), 0);
    QCOMPARE(run.report.byOp.at(OpKind::Send), 10);
    QCOMPARE(finalLocal(run, "shm_reader", "r10"), std::string("reading 10"));
    QCOMPARE(finalLocal(run, "mq_receiver", "reading"), std::string("reading 10"));
    QCOMPARE(run.report.messagesReceived, 10);
}

void TestScenarios::independentVsCooperating() {
    IPCLAB_RUN_LESSON(run, "independent-vs-cooperating");
    QCOMPARE(run.trace.outcome, Outcome::Completed);
    QCOMPARE(processSyscalls(run.report, "solo_a"), 0);
    QCOMPARE(processSyscalls(run.report, "solo_b"), 0);
    const int asker = processId(run.trace, "asker");
    QCOMPARE(countSyscallsNamed(run.trace, asker, "socketpair"), 1);
    QCOMPARE(processSyscalls(run.report, "asker"), 3);
    QCOMPARE(processSyscalls(run.report, "answerer"), 2);
    QCOMPARE(run.report.links, 1);
    QCOMPARE(run.report.messagesSent, 2);
    QCOMPARE(run.report.messagesReceived, 2);
    QCOMPARE(finalLocal(run, "asker", "answer"), std::string("42"));
}

void TestScenarios::informationSharing() {
    IPCLAB_RUN_LESSON(run, "information-sharing");
    QCOMPARE(run.trace.outcome, Outcome::Completed);
    QCOMPARE(run.report.bytesCopied, 0);
    QCOMPARE(processSyscalls(run.report, "publisher"), 8);
    for (const char* reader : {"reader_1", "reader_2", "reader_3"}) {
        QCOMPARE(processSyscalls(run.report, reader), 5);
        QCOMPARE(finalLocal(run, reader, "first"), std::string("08:15 Lyon"));
        QCOMPARE(finalLocal(run, reader, "second"), std::string("09:40 Milan"));
        QCOMPARE(finalLocal(run, reader, "third"), std::string("11:05 Geneva"));
    }
    QCOMPARE(run.report.byOp.at(OpKind::Read), 0);
}

void TestScenarios::speedup() {
    IPCLAB_RUN_LESSON(one, "speedup-1cpu");
    IPCLAB_RUN_LESSON(four, "speedup-4cpu");
    QCOMPARE(one.trace.outcome, Outcome::Completed);
    QCOMPARE(four.trace.outcome, Outcome::Completed);
    QCOMPARE(finalLocal(one, "coordinator", "total"), std::string("5050"));
    QCOMPARE(finalLocal(four, "coordinator", "total"), std::string("5050"));
    // One CPU runs the four 100-tick parts one after the other.
    QVERIFY(one.report.endTime >= 4 * 100);
    // Four CPUs: less than a third of the time, for exactly the same cooperation cost.
    QVERIFY2(four.report.endTime * 3 <= one.report.endTime,
             (std::to_string(four.report.endTime) + " vs " + std::to_string(one.report.endTime))
                 .c_str());
    QCOMPARE(four.report.syscallsTotal, one.report.syscallsTotal);
    QCOMPARE(four.report.messagesSent, 4);
}

void TestScenarios::shmProducerConsumer() {
    IPCLAB_RUN_LESSON(run, "shm-producer-consumer");
    QCOMPARE(run.trace.outcome, Outcome::Completed);
    QCOMPARE(finalLocal(run, "consumer", "sum"), std::string("21"));
    QCOMPARE(run.report.byOp.at(OpKind::Read), 0);
    QCOMPARE(run.report.byOp.at(OpKind::Write), 0);
    // 6 items x (wait + post) on each side.
    QCOMPARE(countSyscallsNamed(run.trace, -1, "semtimedop"), 24);
    QCOMPARE(run.report.bytesCopied, 0);
    // The producer runs into the full buffer: it waits on `empty` at least once.
    const int producer = processId(run.trace, "producer");
    const int empty = run.trace.findObject(ObjectKind::Semaphore, "empty");
    const bool waited =
        std::any_of(run.trace.events.begin(), run.trace.events.end(), [&](const Event& e) {
            return e.kind == EventKind::State && e.proc == producer &&
                   static_cast<ProcState>(e.a) == ProcState::Blocked && e.object == empty;
        });
    QVERIFY(waited);
}

void TestScenarios::shmVsMessages() {
    IPCLAB_RUN_LESSON(run, "shm-vs-messages");
    QCOMPARE(run.trace.outcome, Outcome::Completed);
    QCOMPARE(pairSyscalls(run.report, "shm_writer", "shm_reader"), 12);
    QCOMPARE(pairSyscalls(run.report, "mq_sender", "mq_receiver"), 43);
    QCOMPARE(run.report.byOp.at(OpKind::Write), 0);
    QCOMPARE(run.report.byOp.at(OpKind::Read), 0);
    QCOMPARE(countSyscallsNamed(run.trace, -1, "mq_timedsend"), 20);
    QCOMPARE(countSyscallsNamed(run.trace, -1, "mq_timedreceive"), 20);
    QCOMPARE(finalLocal(run, "shm_reader", "item20"), std::string("item 20"));
    QCOMPARE(finalLocal(run, "mq_receiver", "item"), std::string("item 20"));
    // Only messages are copied by the kernel: each one twice (in and out).
    std::int64_t messageBytes = 0;
    for (int i = 1; i <= 20; ++i) {
        messageBytes += static_cast<std::int64_t>(("item " + std::to_string(i)).size());
    }
    QCOMPARE(run.report.bytesCopied, 2 * messageBytes);
}

void TestScenarios::shmVsMessagesPerItem() {
    // The same lesson with 1, 10 and 20 items: shared memory stays at 12 syscalls,
    // message passing costs exactly 3 + 2 per item.
    std::string error;
    const auto scenario = loadLesson(scenarioDir() / "shm-vs-messages.yaml", error);
    QVERIFY2(scenario.has_value(), error.c_str());
    for (const std::int64_t items : {1, 10, 20}) {
        const LessonRun run = runScenario(withItems(*scenario, items));
        QCOMPARE(run.trace.outcome, Outcome::Completed);
        QCOMPARE(pairSyscalls(run.report, "shm_writer", "shm_reader"), 12);
        QCOMPARE(pairSyscalls(run.report, "mq_sender", "mq_receiver"), 3 + 2 * items);
        QCOMPARE(run.report.messagesReceived, items);
    }
}

void TestScenarios::shmSnooping() {
    IPCLAB_RUN_LESSON(run, "shm-snooping");
    QCOMPARE(run.trace.outcome, Outcome::Completed);
    const int mallory = processId(run.trace, "mallory");
    QCOMPARE(countCalls(run.trace, mallory, OpKind::ShmAttach, CallResult::Ok), 2); // shmget, shmat
    QCOMPARE(finalLocal(run, "mallory", "loot"), std::string("password=hunter2"));
    const auto said = captions(run.trace);
    QVERIFY(std::find(said.begin(), said.end(), "mallory read alice's secret: password=hunter2") !=
            said.end());
}

void TestScenarios::shmSnoopingFixed() {
    IPCLAB_RUN_LESSON(run, "shm-snooping-fixed");
    const int mallory = processId(run.trace, "mallory");
    QCOMPARE(countCalls(run.trace, mallory, OpKind::ShmAttach, CallResult::PermissionDenied), 1);
    QCOMPARE(countCalls(run.trace, mallory, OpKind::ShmAttach, CallResult::Ok), 1); // shmget
    QCOMPARE(finalLocal(run, "mallory", "loot"), std::string());
    for (const auto& e : run.trace.events) {
        if (e.kind == EventKind::ShmRead) {
            QVERIFY2(e.proc != mallory, "mallory must never read the segment");
        }
    }
    QCOMPARE(run.final.processes[processId(run.trace, "alice")].state, ProcState::Terminated);
}

void TestScenarios::lostUpdates() {
    IPCLAB_RUN_LESSON(run, "lost-updates");
    QCOMPARE(run.trace.outcome, Outcome::Completed);
    const std::string final = finalLocal(run, "auditor", "final");
    QVERIFY2(!final.empty() && std::stoll(final) < 20, ("final balance " + final).c_str());
    // With quantum 2 every teller is preempted inside its read-add-write window, so
    // exactly every other increment is overwritten.
    QCOMPARE(final, std::string("10"));
}

void TestScenarios::lostUpdatesFixed() {
    IPCLAB_RUN_LESSON(run, "lost-updates-fixed");
    QCOMPARE(run.trace.outcome, Outcome::Completed);
    QCOMPARE(finalLocal(run, "auditor", "final"), std::string("20"));
    // The price of the fix: a wait and a post around each of the 20 increments.
    const int mutex = run.trace.findObject(ObjectKind::Semaphore, "mutex");
    const auto onMutex =
        std::count_if(run.trace.events.begin(), run.trace.events.end(), [&](const Event& e) {
            return e.kind == EventKind::Syscall && (e.flags & kFlagCompletes) == 0 &&
                   e.object == mutex && run.trace.str(e.text) == "semtimedop";
        });
    QCOMPARE(onMutex, 40);
}
