// Invariants every kernel trace keeps, checked on every bundled lesson: ordered times,
// valid indices, legal state transitions, and a fold (state.h) that ends consistent.

#include "kerneltest.h"
#include "state.h"

#include <QTest>
#include <algorithm>
#include <filesystem>
#include <memory>

using namespace ipclab;

class TestKernelInvariants : public QObject {
    Q_OBJECT
private slots:
    void lessons_data();
    void lessons();
};

void TestKernelInvariants::lessons_data() {
    QTest::addColumn<QString>("path");
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(IPCLAB_SCENARIO_DIR)) {
        if (entry.path().extension() == ".yaml") {
            files.push_back(entry.path().string());
        }
    }
    std::sort(files.begin(), files.end());
    QVERIFY(files.size() >= 17);
    for (const auto& f : files) {
        QTest::newRow(std::filesystem::path(f).filename().string().c_str())
            << QString::fromStdString(f);
    }
}

void TestKernelInvariants::lessons() {
    QFETCH(QString, path);
    const LoadResult loaded = loadScenarioFile(path.toStdString());
    QVERIFY(loaded.ok());
    const Scenario& s = *loaded.scenario;
    auto trace = std::make_shared<Trace>(simulate(s).trace);
    const Trace& t = *trace;
    QCOMPARE(t.processNames.size(), s.processes.size());

    // Legal moves of the life cycle: new -> ready -> running -> ready | blocked |
    // terminated, blocked -> ready.
    std::vector<ProcState> state(s.processes.size(), ProcState::New);
    std::uint64_t last = 0;
    int counted = 0;
    for (std::size_t i = 0; i < t.events.size(); ++i) {
        const Event& e = t.events[i];
        QVERIFY2(e.time >= last, qPrintable(QString("event %1 goes back in time").arg(i)));
        last = e.time;
        QVERIFY(e.text == kNoString || e.text < t.strings.size());
        QVERIFY(e.object == kNoObject || e.object < t.objects.size());
        QVERIFY(e.proc == kNoProcess || e.proc < s.processes.size());
        if (e.kind == EventKind::Syscall && (e.flags & kFlagCompletes) == 0) {
            ++counted;
        }
        if (e.kind != EventKind::State) {
            continue;
        }
        const auto from = state[e.proc];
        const auto to = static_cast<ProcState>(e.a);
        const bool legal =
            (from == ProcState::New && (to == ProcState::New || to == ProcState::Ready)) ||
            (from == ProcState::Ready && to == ProcState::Running) ||
            (from == ProcState::Running &&
             (to == ProcState::Ready || to == ProcState::Blocked || to == ProcState::Terminated)) ||
            (from == ProcState::Blocked && to == ProcState::Ready);
        QVERIFY2(legal, qPrintable(QString("event %1: %2 -> %3")
                                       .arg(i)
                                       .arg(QString::fromStdString(std::string(stateName(from))))
                                       .arg(QString::fromStdString(std::string(stateName(to))))));
        state[e.proc] = to;
    }
    QCOMPARE(t.events.front().kind, EventKind::RunStart);
    QCOMPARE(t.events.back().kind, EventKind::RunEnd);

    // The fold agrees with the kernel about how the run ended.
    StateCursor cursor(trace);
    const SystemState& end = cursor.at(cursor.size());
    QVERIFY(end.ended);
    QCOMPARE(end.outcome, t.outcome);
    QCOMPARE(end.syscallsTotal, std::int64_t(counted));
    for (std::size_t p = 0; p < end.processes.size(); ++p) {
        const ProcState expected =
            t.outcome == Outcome::Completed ? ProcState::Terminated : end.processes[p].state;
        QCOMPARE(end.processes[p].state, expected);
        if (t.outcome == Outcome::Deadlock) {
            QVERIFY(end.processes[p].state == ProcState::Terminated ||
                    end.processes[p].state == ProcState::Blocked);
        }
        QVERIFY(end.processes[p].attachments.empty() ||
                end.processes[p].state != ProcState::Terminated);
    }
    if (t.outcome == Outcome::Completed) {
        for (const auto& o : end.objects) {
            QVERIFY(o.waiting.empty());
        }
        QVERIFY(t.deadlockCycle.empty());
    }
    if (t.outcome == Outcome::Deadlock) {
        QVERIFY(!t.deadlockCycle.empty());
    }
}

QTEST_APPLESS_MAIN(TestKernelInvariants)
#include "tst_kernel_invariants.moc"
