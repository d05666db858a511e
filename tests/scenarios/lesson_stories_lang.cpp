// The lessons of the textbook's programs (issue 11): busy waiting and its fix, the
// convenience of cooperating processes, a sender that does not wait. Every number here
// is stated in the lesson's own comment block.

#include "lesson_stories.h"
#include "tst_scenarios.h"

using namespace ipclab;
using namespace ipclab::test;

namespace {

const ProcessReport& reportOf(const Report& r, std::string_view name) {
    for (const auto& p : r.processes) {
        if (p.name == name) {
            return p;
        }
    }
    static const ProcessReport none;
    return none;
}

/// When process `name` terminated (0 when it did not).
std::uint64_t endOf(const Trace& t, std::string_view name) {
    const int p = processId(t, name);
    for (const Event& e : t.events) {
        if (e.kind == EventKind::State && e.proc == p &&
            static_cast<ProcState>(e.a) == ProcState::Terminated) {
            return e.time;
        }
    }
    return 0;
}

} // namespace

void TestScenarios::busyWaiting() {
    IPCLAB_RUN_LESSON(run, "busy-waiting");
    IPCLAB_RUN_LESSON(fixed, "busy-waiting-fixed");
    QCOMPARE(run.trace.outcome, Outcome::Completed);
    QCOMPARE(fixed.trace.outcome, Outcome::Completed);
    // No item lost, none read twice, in both.
    QCOMPARE(finalLocal(run, "consumer", "sum"), std::string("55"));
    QCOMPARE(finalLocal(fixed, "consumer", "sum"), std::string("55"));
    // Busy waiting: no syscall to wait, shared memory is free...
    QCOMPARE(run.report.byOp.at(OpKind::Read), 0);
    QCOMPARE(run.report.byOp.at(OpKind::Write), 0);
    QCOMPARE(processSyscalls(run.report, "producer"), 3);
    QCOMPARE(processSyscalls(run.report, "consumer"), 4);
    // ... but CPU is burnt spinning.
    QCOMPARE(reportOf(run.report, "producer").spinTime, std::uint64_t(34));
    QCOMPARE(reportOf(run.report, "producer").cpuTime, std::uint64_t(103));
    QCOMPARE(reportOf(run.report, "consumer").spinTime, std::uint64_t(0));
    // With semaphores: waiting costs syscalls (2 semtimedop per item and side), no CPU,
    // and the run ends sooner.
    QCOMPARE(countSyscallsNamed(fixed.trace, -1, "semtimedop"), 40);
    QCOMPARE(reportOf(fixed.report, "producer").spinTime, std::uint64_t(0));
    QCOMPARE(reportOf(fixed.report, "consumer").spinTime, std::uint64_t(0));
    QCOMPARE(run.report.endTime, std::uint64_t(268));
    QCOMPARE(fixed.report.endTime, std::uint64_t(216));
}

void TestScenarios::convenience() {
    IPCLAB_RUN_LESSON(run, "convenience");
    QCOMPARE(run.trace.outcome, Outcome::Completed);
    QCOMPARE(endOf(run.trace, "editor"), std::uint64_t(16));
    QCOMPARE(endOf(run.trace, "printer"), std::uint64_t(45));
    QCOMPARE(endOf(run.trace, "all_in_one"), std::uint64_t(60));
    QCOMPARE(processSyscalls(run.report, "all_in_one"), 0);
    QCOMPARE(countSyscallsNamed(run.trace, -1, "mq_timedsend"), 10);
    QCOMPARE(countSyscallsNamed(run.trace, -1, "mq_timedreceive"), 10);
    QCOMPARE(finalLocal(run, "printer", "page"), std::string("line 5 (checked)"));
}

void TestScenarios::nonblockingSend() {
    IPCLAB_RUN_LESSON(run, "nonblocking-send");
    QCOMPARE(run.trace.outcome, Outcome::Completed);
    const int eager = processId(run.trace, "eager");
    const int careless = processId(run.trace, "careless");
    QCOMPARE(countSyscallsNamed(run.trace, eager, "mq_timedsend"), 11);
    QCOMPARE(countCalls(run.trace, eager, OpKind::Send, CallResult::WouldBlock), 5);
    QCOMPARE(messagesReceivedBy(run.trace, processId(run.trace, "reader_e")), 6);
    QCOMPARE(finalLocal(run, "reader_e", "item"), std::string("item 6"));
    QCOMPARE(countSyscallsNamed(run.trace, careless, "mq_timedsend"), 6);
    QCOMPARE(countCalls(run.trace, careless, OpKind::Send, CallResult::WouldBlock), 4);
    QCOMPARE(messagesReceivedBy(run.trace, processId(run.trace, "reader_c")), 2);
    // Nobody ever blocks in send.
    QCOMPARE(reportOf(run.report, "eager").blockedTime, std::uint64_t(0));
    QCOMPARE(reportOf(run.report, "careless").blockedTime, std::uint64_t(0));
}
