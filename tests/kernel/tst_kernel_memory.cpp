// Shared memory, semaphores and local variables: ids, addresses, permissions, bounds,
// removal, the syscalls they cost (reads and writes cost none) and lost updates.

#include "kerneltest.h"

#include <QTest>

using namespace ipclab;
using kt::calls;
using kt::run;
using Lines = std::vector<std::string>;

class TestKernelMemory : public QObject {
    Q_OBJECT
private slots:
    void idsAndAddresses();
    void readWriteCostNoSyscall();
    void permissions_data();
    void permissions();
    void readOnlyMappingFaultsOnWrite();
    void bounds_data();
    void bounds();
    void removeWaitsForLastDetach();
    void exitDetaches();
    void removeNeedsOwner();
    void semaphores();
    void lostUpdates_data();
    void lostUpdates();
    void locals();
};

void TestKernelMemory::idsAndAddresses() {
    const auto r = run(R"(
scenario: ids
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - name: a
    program:
      - shm_create: { name: one, key: 11, size: 4096, mode: "0666" }
      - shm_create: { name: two, key: 12, size: 8192, mode: "0666" }
      - shm_attach: one
      - shm_attach: two
  - name: b
    program:
      - shm_attach: two
      - shm_attach: one
)");
    const auto& t = r.trace;
    const auto created = kt::eventsOf(t, EventKind::ObjCreated);
    QCOMPARE(created.size(), std::size_t(2));
    QCOMPARE(created[0]->a, 1);
    QCOMPARE(created[1]->a, 2);
    QCOMPARE(t.objects[1].size, std::int64_t(8192));
    QCOMPARE(t.objects[1].mode, 0666);
    QCOMPARE(t.objects[1].key, std::string("12"));
    std::vector<std::string> at;
    for (const Event* e : kt::eventsOf(t, EventKind::Attached)) {
        at.push_back(kt::processName(t, e->proc) + " " + t.objects[e->object].name + " " +
                     QString::number(e->a, 16).toStdString());
    }
    // Each address space has its own range; a mapping is followed by a guard page.
    QCOMPARE(at, (Lines{"a one 40000", "a two 40002", "b two 44000", "b one 44003"}));
    QCOMPARE(calls(t, 0), (Lines{"shmget ok", "shmget ok", "shmat ok", "shmat ok"}));
    QCOMPARE(calls(t, 1), (Lines{"shmget ok", "shmat ok", "shmget ok", "shmat ok"}));
}

void TestKernelMemory::readWriteCostNoSyscall() {
    const auto r = run(R"(
scenario: shm is cheap
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - name: writer
    program:
      - shm_create: { name: board, key: 1, size: 4096, mode: "0600" }
      - shm_attach: board
      - repeat: 100
        do:
          - write: { segment: board, offset: 0, value: "{i}" }
          - write: { segment: board, offset: 8, value: "note {i}" }
      - read: { segment: board, offset: 0, into: last }
      - read: { segment: board, offset: 8, into: text }
      - read: { segment: board, offset: 100, into: zero }
      - shm_detach: board
)");
    const auto& t = r.trace;
    QCOMPARE(kt::outcome(t), std::string("completed"));
    QCOMPARE(kt::syscalls(t), 3);
    QCOMPARE(kt::syscallsOf(t, OpKind::Read), 0);
    QCOMPARE(kt::syscallsOf(t, OpKind::Write), 0);
    QCOMPARE(kt::eventsOf(t, EventKind::ShmWrite).size(), std::size_t(200));
    QCOMPARE(kt::texts(t, EventKind::ShmRead), (Lines{"100", "note 100", "0"}));
    QCOMPARE(kt::finalVar(t, 0, "last"), std::string("100"));
    QCOMPARE(kt::finalVar(t, 0, "text"), std::string("note 100"));
    QCOMPARE(kt::finalVar(t, 0, "zero"), std::string("0"));
    const auto bytes = kt::eventsOf(t, EventKind::Syscall);
    for (const Event* e : bytes) {
        QCOMPARE(e->a, 0); // shared memory never copies
    }
}

void TestKernelMemory::permissions_data() {
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("snooperUid");
    QTest::addColumn<QString>("attach");
    QTest::addColumn<QString>("seen");
    // The lecture's warning: whoever knows the segment can map it and read it.
    QTest::newRow("0644 other reads") << "0644" << 2000 << "shmat ok"
                                      << "pin 1234";
    QTest::newRow("0666 other reads") << "0666" << 2000 << "shmat ok"
                                      << "pin 1234";
    // The fix: owner-only mode.
    QTest::newRow("0600 other denied") << "0600" << 2000 << "shmat permission_denied"
                                       << "<unset>";
    QTest::newRow("0600 same uid") << "0600" << 1000 << "shmat ok"
                                   << "pin 1234";
    QTest::newRow("0600 root") << "0600" << 0 << "shmat ok"
                               << "pin 1234";
    QTest::newRow("0060 group bits ignored") << "0060" << 2000 << "shmat permission_denied"
                                             << "<unset>";
}

void TestKernelMemory::permissions() {
    QFETCH(QString, mode);
    QFETCH(int, snooperUid);
    QFETCH(QString, attach);
    QFETCH(QString, seen);
    const auto r = run(QString(R"(
scenario: snooping
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - name: owner
    uid: 1000
    program:
      - shm_create: { name: secret, key: 77, size: 64, mode: "%1" }
      - shm_attach: secret
      - write: { segment: secret, offset: 0, value: "pin 1234" }
  - name: snooper
    uid: %2
    program:
      - shm_attach: secret
      - say: "tried"
      - read: { segment: secret, offset: 0, into: loot }
)")
                           .arg(mode)
                           .arg(snooperUid)
                           .toStdString());
    const auto& t = r.trace;
    QCOMPARE(kt::outcome(t), std::string("completed"));
    QCOMPARE(kt::join(calls(t, 1)), QString("shmget ok, ") + attach);
    QCOMPARE(kt::finalVar(t, 1, "loot"), seen.toStdString());
    // Denied: an event, not a crash; its later read faults and only it dies.
    const auto captions = kt::texts(t, EventKind::Caption, 1);
    const bool denied = attach.contains("denied");
    QCOMPARE(captions, denied ? (Lines{"tried", "segmentation fault"}) : (Lines{"tried"}));
}

void TestKernelMemory::readOnlyMappingFaultsOnWrite() {
    const auto r = run(R"(
scenario: read only
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - name: owner
    program:
      - shm_create: { name: s, key: 5, size: 64, mode: "0644" }
  - name: other
    uid: 2000
    program:
      - shm_attach: s
      - read: { segment: s, offset: 0, into: x }
      - write: { segment: s, offset: 0, value: 1 }
      - say: "never shown"
)");
    const auto& t = r.trace;
    QCOMPARE(kt::outcome(t), std::string("completed"));
    QCOMPARE(kt::finalVar(t, 1, "x"), std::string("0"));
    const auto fault = kt::eventsOf(t, EventKind::Caption, 1);
    QCOMPARE(fault.size(), std::size_t(1));
    QCOMPARE(t.str(fault[0]->text), std::string("segmentation fault"));
    QCOMPARE(CallResult(fault[0]->b), CallResult::Error);
    QCOMPARE(fault[0]->op, OpKind::Write);
    QCOMPARE(kt::eventsOf(t, EventKind::ShmWrite).size(), std::size_t(0));
    // Exiting unmaps it (no syscall for that).
    QCOMPARE(kt::eventsOf(t, EventKind::Detached).size(), std::size_t(1));
    QCOMPARE(calls(t, 1), (Lines{"shmget ok", "shmat ok"}));
}

void TestKernelMemory::bounds_data() {
    QTest::addColumn<QString>("op");
    QTest::addColumn<bool>("faults");
    // size 16; integers take 8 bytes, strings their length + 1.
    QTest::newRow("int fits exactly") << "write: { segment: s, offset: 8, value: 7 }" << false;
    QTest::newRow("int one byte over") << "write: { segment: s, offset: 9, value: 7 }" << true;
    QTest::newRow("string fits with NUL")
        << "write: { segment: s, offset: 10, value: \"hello\" }" << false;
    QTest::newRow("string NUL over")
        << "write: { segment: s, offset: 11, value: \"hello\" }" << true;
    QTest::newRow("read zero cell fits") << "read: { segment: s, offset: 8, into: v }" << false;
    QTest::newRow("read zero cell over") << "read: { segment: s, offset: 12, into: v }" << true;
    QTest::newRow("far beyond") << "write: { segment: s, offset: 4096, value: 1 }" << true;
}

void TestKernelMemory::bounds() {
    QFETCH(QString, op);
    QFETCH(bool, faults);
    const auto r = run(QString(R"(
scenario: bounds
processes:
  - name: p
    program:
      - shm_create: { name: s, key: 1, size: 16, mode: "0600" }
      - shm_attach: s
      - %1
      - say: "survived"
)")
                           .arg(op)
                           .toStdString());
    const auto& t = r.trace;
    QCOMPARE(kt::outcome(t), std::string("completed"));
    QCOMPARE(kt::texts(t, EventKind::Caption),
             faults ? Lines{"segmentation fault"} : Lines{"survived"});
}

void TestKernelMemory::removeWaitsForLastDetach() {
    const auto r = run(R"(
scenario: removal
kernel: { cpus: 2, scheduler: fcfs }
processes:
  - name: creator
    program:
      - shm_create: { name: s, key: 9, size: 64, mode: "0666" }
      - shm_attach: s
      - shm_remove: s
      - write: { segment: s, offset: 0, value: 5 }
      - shm_detach: s
  - name: user
    program:
      - shm_attach: s
      - compute: 10
      - read: { segment: s, offset: 0, into: v }
      - shm_detach: s
  - name: late
    start: 2
    program:
      - shm_attach: s
)");
    const auto& t = r.trace;
    QCOMPARE(kt::outcome(t), std::string("completed"));
    // user attached (lookup at 0, shmat at 1) before the mark at 2, so it may go on;
    // `late` runs when creator's CPU frees up at 5, after the mark.
    QCOMPARE(calls(t, 0), (Lines{"shmget ok", "shmat ok", "shmctl ok", "shmdt ok"}));
    QCOMPARE(calls(t, 1), (Lines{"shmget ok", "shmat ok", "shmdt ok"}));
    QCOMPARE(kt::finalVar(t, 1, "v"), std::string("5"));
    // Marked: its key no longer finds it.
    QCOMPARE(calls(t, 2), (Lines{"shmget no_such_object"}));
    const auto marked = kt::eventsOf(t, EventKind::ShmMarked);
    QCOMPARE(marked.size(), std::size_t(1));
    const auto deleted = kt::eventsOf(t, EventKind::ObjDeleted);
    QCOMPARE(deleted.size(), std::size_t(1));
    QCOMPARE(deleted[0]->proc, std::uint16_t(1)); // the last one to detach
    QVERIFY(deleted[0]->time > marked[0]->time);
}

void TestKernelMemory::exitDetaches() {
    const auto r = run(R"(
scenario: exit
processes:
  - name: p
    program:
      - shm_create: { name: s, key: 3, size: 64, mode: "0600" }
      - shm_attach: s
      - shm_remove: s
)");
    const auto& t = r.trace;
    QCOMPARE(kt::syscalls(t), 3);
    QCOMPARE(kt::eventsOf(t, EventKind::Detached).size(), std::size_t(1));
    QCOMPARE(kt::eventsOf(t, EventKind::ObjDeleted).size(), std::size_t(1));
}

void TestKernelMemory::removeNeedsOwner() {
    const auto r = run(R"(
scenario: remove
kernel: { cpus: 1, scheduler: fcfs }
processes:
  - name: owner
    uid: 1000
    program: [ { shm_create: { name: s, key: 3, size: 64, mode: "0666" } } ]
  - name: stranger
    uid: 2000
    program: [ { shm_remove: s } ]
  - name: root
    uid: 0
    program: [ { shm_remove: s } ]
)");
    const auto& t = r.trace;
    QCOMPARE(calls(t, 1), (Lines{"shmget ok", "shmctl permission_denied"}));
    QCOMPARE(calls(t, 2), (Lines{"shmget ok", "shmctl ok"}));
    QCOMPARE(kt::eventsOf(t, EventKind::ObjDeleted).size(), std::size_t(1));
}

void TestKernelMemory::semaphores() {
    const auto r = run(R"(
scenario: semaphores
kernel: { cpus: 2, scheduler: fcfs }
processes:
  - name: boss
    program:
      - sem_create: { name: s, value: 1 }
      - compute: 10
      - sem_post: s
      - sem_post: s
      - sem_post: s
  - name: w1
    program: [ { sem_wait: s } ]
  - name: w2
    program: [ { sem_wait: s } ]
  - name: w3
    program: [ { sem_wait: s } ]
)");
    const auto& t = r.trace;
    QCOMPARE(kt::outcome(t), std::string("completed"));
    std::vector<int> values;
    for (const Event* e : kt::eventsOf(t, EventKind::SemChanged)) {
        values.push_back(e->a);
    }
    // On the second CPU: w1 takes the unit at 0; w2 and w3 block at 2. boss posts at 12,
    // 13 and 14: the first two hand a unit to w2, then w3 (FIFO), the third raises it.
    QCOMPARE(values, (std::vector<int>{0, 0, 0, 1}));
    QCOMPARE(kt::eventsOf(t, EventKind::ObjCreated).at(0)->a, 1);
    QCOMPARE(calls(t, 0),
             (Lines{"semget ok", "semctl ok", "semtimedop ok", "semtimedop ok", "semtimedop ok"}));
    QCOMPARE(calls(t, 1), (Lines{"semget ok", "semtimedop ok"}));
    QCOMPARE(calls(t, 2), (Lines{"semget ok", "semtimedop ok", "+semtimedop ok"}));
    // A woken waiter pays its two calls' ticks when it runs again.
    QCOMPARE(kt::states(t, 2), (Lines{"0 ready", "2 running", "2 blocked", "12 ready", "12 running",
                                      "14 terminated"}));
    QCOMPARE(kt::states(t, 3), (Lines{"0 ready", "2 running", "2 blocked", "13 ready", "14 running",
                                      "16 terminated"}));
}

void TestKernelMemory::lostUpdates_data() {
    QTest::addColumn<QString>("scheduler");
    QTest::addColumn<bool>("locked");
    QTest::addColumn<QString>("total");
    // quantum 1: a teller is preempted between its read and its write every time.
    QTest::newRow("rr q1 unlocked") << "round-robin, quantum: 1" << false << "10";
    QTest::newRow("rr q2 unlocked") << "round-robin, quantum: 2" << false << "10";
    QTest::newRow("fcfs unlocked") << "fcfs" << false << "20";
    QTest::newRow("rr q1 with semaphore") << "round-robin, quantum: 1" << true << "20";
}

void TestKernelMemory::lostUpdates() {
    QFETCH(QString, scheduler);
    QFETCH(bool, locked);
    QFETCH(QString, total);
    const QString lock = locked ? "- sem_wait: mutex" : "- say: unlocked";
    const QString unlock = locked ? "- sem_post: mutex" : "- say: unlocked";
    const QString teller = QString(R"(
  - name: %1
    start: 10
    program:
      - shm_attach: bank
      - repeat: 10
        do:
          %2
          - read: { segment: bank, offset: 0, into: balance }
          - add: balance
          - write: { segment: bank, offset: 0, value: "{balance}" }
          %3
      - sem_post: done
)")
                               .arg("%1", lock, unlock);
    const auto r = run(QString(R"(
scenario: lost updates
kernel: { cpus: 1, scheduler: %1 }
processes:
  - name: bank
    program:
      - shm_create: { name: bank, key: 1, size: 64, mode: "0600" }
      - sem_create: { name: mutex, value: 1 }
      - sem_create: { name: done, value: 0 }
      - shm_attach: bank
      - write: { segment: bank, offset: 0, value: 0 }
      - sem_wait: done
      - sem_wait: done
      - read: { segment: bank, offset: 0, into: total }
)")
                           .arg(scheduler)
                           .toStdString() +
                       teller.arg("t1").toStdString() + teller.arg("t2").toStdString());
    QCOMPARE(kt::outcome(r.trace), std::string("completed"));
    QCOMPARE(QString::fromStdString(kt::finalVar(r.trace, 0, "total")), total);
}

void TestKernelMemory::locals() {
    const auto r = run(R"(
scenario: locals
processes:
  - name: p
    program:
      - set: { var: n, value: 5 }
      - add: n
      - add: { var: n, value: -10 }
      - set: { var: s, value: "n is {n}" }
      - set: { var: t, value: "{n}" }
      - add: { var: t, value: "{n}" }
)");
    const auto& t = r.trace;
    QCOMPARE(kt::texts(t, EventKind::VarSet), (Lines{"5", "6", "-4", "n is -4", "-4", "-8"}));
    QCOMPARE(kt::syscalls(t), 0);
    QCOMPARE(t.events.back().time, std::uint64_t(6)); // one tick each
}

QTEST_APPLESS_MAIN(TestKernelMemory)
#include "tst_kernel_memory.moc"
