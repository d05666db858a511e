// The bundled lessons as a test suite: every scenarios/*.yaml, found at run time.
//
// Golden reports live in tests/scenarios/golden/<name>.json. After a deliberate change
// to a lesson or to the kernel, rewrite them with
//     IPCLAB_UPDATE_GOLDEN=1 ./tst_scenarios goldenReport
// and review the diff (git diff tests/scenarios/golden) before committing it.

#include "tst_scenarios.h"

#include "lesson_run.h"

#include <QTest>
#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace ipclab;
using namespace ipclab::test;

namespace {

bool updatingGolden() {
    const char* v = std::getenv("IPCLAB_UPDATE_GOLDEN");
    return v != nullptr && std::string(v) == "1";
}

void addLessonRows() {
    QTest::addColumn<QString>("path");
    const auto files = bundledScenarios();
    QVERIFY2(!files.empty(), "no *.yaml found in the scenarios folder");
    for (const auto& f : files) {
        QTest::newRow(f.stem().string().c_str()) << QString::fromStdString(f.string());
    }
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

void TestScenarios::goldenReport_data() {
    addLessonRows();
}

void TestScenarios::goldenReport() {
    QFETCH(QString, path);
    const std::filesystem::path file = path.toStdString();
    std::string error;
    const auto scenario = loadLesson(file, error);
    QVERIFY2(scenario.has_value(), ("diagnostics:\n" + error).c_str());

    const LessonRun run = runScenario(*scenario);
    const std::string json = reportToJson(run.report, run.trace);
    const auto golden = goldenDir() / (file.stem().string() + ".json");
    if (updatingGolden()) {
        std::filesystem::create_directories(goldenDir());
        std::ofstream(golden, std::ios::binary) << json;
        qInfo("rewrote %s", golden.string().c_str());
    }
    QVERIFY2(std::filesystem::exists(golden),
             ("missing golden file " + golden.string() +
              " (run with IPCLAB_UPDATE_GOLDEN=1 to create it, then review it)")
                 .c_str());
    const std::string diff = firstDifference(readFile(golden), json);
    QVERIFY2(diff.empty(), (golden.filename().string() + " differs at " + diff).c_str());
}

void TestScenarios::deterministic_data() {
    addLessonRows();
}

void TestScenarios::deterministic() {
    QFETCH(QString, path);
    std::string error;
    const auto scenario = loadLesson(path.toStdString(), error);
    QVERIFY2(scenario.has_value(), error.c_str());
    const Trace first = simulate(*scenario).trace;
    const Trace second = simulate(*scenario).trace;
    std::string why;
    QVERIFY2(sameTrace(first, second, why), why.c_str());
    QVERIFY(!first.events.empty());
}

void TestScenarios::everyLessonExplainsItself_data() {
    addLessonRows();
}

void TestScenarios::everyLessonExplainsItself() {
    // A lesson on a projector needs a title, a description that says what to watch, a
    // caption at its key moments, and a size the audience can follow.
    QFETCH(QString, path);
    std::string error;
    const auto scenario = loadLesson(path.toStdString(), error);
    QVERIFY2(scenario.has_value(), error.c_str());
    QVERIFY(!scenario->title.empty());
    QVERIFY2(scenario->description.find("Watch") != std::string::npos,
             "the description should say what to watch");
    QVERIFY(scenario->processes.size() >= 2 && scenario->processes.size() <= 6);
    const LessonRun run = runScenario(*scenario);
    QVERIFY2(!captions(run.trace).empty(), "a lesson needs at least one say: caption");
    QVERIFY2(run.trace.events.size() <= 1000, "keep a lesson small enough to follow");
    QVERIFY(run.trace.outcome == Outcome::Completed || run.trace.outcome == Outcome::Deadlock);
}

QTEST_APPLESS_MAIN(TestScenarios)
