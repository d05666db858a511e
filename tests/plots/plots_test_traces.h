#pragma once
// Hand-built traces shared by the chart tests, with every event index written down so that
// the expected values below can be checked by reading.

#include "trace_builder.h"

namespace ipclab::test {

/// Producer and consumer through mailbox M on one CPU. 27 events:
///  0 t0 run_start            1 t0 producer ready      2 t0 consumer ready
///  3 t0 dispatch producer    4 t0 producer running    5 t0 mq_open (producer)
///  6 t1 mq_timedsend         7 t1 msg_sent "item 1"   8 t2 producer ready
///  9 t2 dispatch consumer   10 t2 consumer running   11 t2 mq_timedreceive
/// 12 t2 msg_received        13 t3 mq_timedreceive (blocks)  14 t3 consumer blocked
/// 15 t3 dispatch producer   16 t3 producer running   17 t4 mq_timedsend
/// 18 t4 msg_sent "item 2"   19 t4 consumer ready     20 t5 producer terminated
/// 21 t5 dispatch consumer   22 t5 consumer running   23 t5 receive completes (no count)
/// 24 t5 msg_received        25 t6 consumer terminated 26 t6 run_end completed
inline Trace mailboxTrace() {
    TraceBuilder b({"producer", "consumer"});
    const int m = b.mailbox("M", 2);
    b.at(0).start();
    b.state(0, ProcState::Ready);
    b.state(1, ProcState::Ready);
    b.dispatch(0, 0);
    b.state(0, ProcState::Running, OpKind::Compute, -1, 0);
    b.syscall(0, OpKind::MailboxCreate, m, "mq_open");
    b.at(1).syscall(0, OpKind::Send, m, "mq_timedsend", 6);
    b.sent(0, m, 1, 1, "item 1");
    b.at(2).state(0, ProcState::Ready);
    b.dispatch(1, 0);
    b.state(1, ProcState::Running, OpKind::Compute, -1, 0);
    b.syscall(1, OpKind::Receive, m, "mq_timedreceive", 6);
    b.received(1, m, 1, 0, "item 1");
    b.at(3).syscall(1, OpKind::Receive, m, "mq_timedreceive", 0, CallResult::Ok, kFlagBlocking);
    b.state(1, ProcState::Blocked, OpKind::Receive, m);
    b.dispatch(0, 0);
    b.state(0, ProcState::Running, OpKind::Compute, -1, 0);
    b.at(4).syscall(0, OpKind::Send, m, "mq_timedsend", 6);
    b.sent(0, m, 2, 1, "item 2");
    b.state(1, ProcState::Ready);
    b.at(5).state(0, ProcState::Terminated);
    b.dispatch(1, 0);
    b.state(1, ProcState::Running, OpKind::Compute, -1, 0);
    b.syscall(1, OpKind::Receive, m, "mq_timedreceive", 6, CallResult::Ok, kFlagCompletes);
    b.received(1, m, 2, 0, "item 2");
    b.at(6).state(1, ProcState::Terminated);
    b.end(Outcome::Completed);
    return b.trace();
}

} // namespace ipclab::test
