// Real mode's traces of every bundled lesson keep the trace contract (as themselves and
// after their JSON lines), whatever method counted their calls; the kernel measured each
// process's context switches; and what the run left behind, and its clean-up, is what the
// simulator predicts. Skips where the machine refuses real IPC.

#include "kernel.h"
#include "leftbehind.h"
#include "lesson_run.h"
#include "real_engine.h"
#include "report.h"
#include "trace_json.h"
#include "validate.h"

#include <QTest>

using namespace ipclab;

namespace {

std::string joinedNotes(const Trace& t) {
    std::string out;
    for (const auto& n : t.notes) {
        out += (out.empty() ? "" : "; ") + n;
    }
    return out;
}

std::vector<std::string> leftNames(const Trace& t, const Report& r) {
    std::vector<std::string> out;
    for (int i : r.leftBehind) {
        out.push_back(std::string(objectKindName(t.objects[static_cast<std::size_t>(i)].kind)) +
                      " " + t.objects[static_cast<std::size_t>(i)].name);
    }
    return out;
}

} // namespace

class TestValidateReal : public QObject {
    Q_OBJECT

private slots:
    void lessons_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("usePerf");
        for (const auto& path : test::bundledScenarios()) {
            const std::string stem = path.stem().string();
            QTest::addRow("%s default", stem.c_str()) << QString::fromStdString(path) << true;
            QTest::addRow("%s self", stem.c_str()) << QString::fromStdString(path) << false;
        }
    }

    void lessons() {
        QFETCH(QString, path);
        QFETCH(bool, usePerf);
        std::string error;
        const auto scenario = test::loadLesson(path.toStdString(), error);
        QVERIFY2(scenario, error.c_str());
        RealOptions options;
        options.usePerf = usePerf;
        options.timeoutSeconds = 10;
        const Trace real = runReal(*scenario, options);
        if (real.outcome == Outcome::Error) {
            QSKIP(("real mode cannot run here: " + joinedNotes(real)).c_str());
        }
        if (!usePerf) {
            QVERIFY(real.countingMethod == CountingMethod::Self);
            QVERIFY(real.countingFallback == CountingFallback::Declined);
        }
        const auto problems = validateTrace(real, *scenario);
        QVERIFY2(problems.empty(), formatProblems(real, problems).c_str());
        const TraceReadResult read = readTraceJson(traceToJsonLines(real));
        QVERIFY2(read.trace, read.error.c_str());
        QVERIFY(sameRun(real, *read.trace));
        QVERIFY(validateTrace(*read.trace, *scenario).empty());

        // Every process that ran to its end had its switches counted by the kernel.
        QCOMPARE(real.kernelSwitches.size(), scenario->processes.size());
        const Report report = makeReport(*scenario, real);
        for (const ProcessReport& p : report.processes) {
            if (p.finalState == ProcState::Terminated) {
                QVERIFY2(p.contextSwitches.has_value(), p.name.c_str());
            }
        }

        // What stays behind, and the runner's clean-up of it, is what the simulator predicts.
        const Trace sim = simulate(*scenario).trace;
        const Report predicted = makeReport(*scenario, sim);
        if (real.outcome == sim.outcome) {
            QCOMPARE(leftNames(real, report), leftNames(sim, predicted));
            QCOMPARE(report.cleanup, predicted.cleanup);
        }
    }
};

QTEST_APPLESS_MAIN(TestValidateReal)
#include "tst_validate_real.moc"
