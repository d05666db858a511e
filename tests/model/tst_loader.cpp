// The scenario loader on whole files: every malformed file gets its exact diagnostics;
// defaults, kernel and process settings, paths. Operation forms: tst_loaderforms.cpp.

#include "badfiles.h"
#include "loader.h"
#include "loadertestutil.h"

#include <QtTest>
#include <cstdio>
#include <filesystem>
#include <fstream>

using namespace ipclab;

using namespace ipclab::test;

class TestLoader : public QObject {
    Q_OBJECT

private slots:
    void badFile_data();
    void badFile();
    void diagnosticsAreSortedAndComplete();
    void missingFile();
    void directoryIsNotAFile();
    void fileFieldAndDefaults();
    void kernelSettings();
    void processFields();
    void hostileFilesAreSummarised();
    void bundledScenariosLoad();
};

void TestLoader::badFile_data() {
    // The row's index, not its text: invalid UTF-8 and NUL bytes must reach the loader as
    // they are, which a QString column would not keep.
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("expected");
    const auto& rows = badFiles();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        QTest::newRow(rows[i].name.c_str())
            << static_cast<int>(i) << QString::fromStdString(rows[i].expected);
    }
}

void TestLoader::badFile() {
    QFETCH(int, row);
    QFETCH(QString, expected);
    const auto result =
        loadScenarioText(badFiles().at(static_cast<std::size_t>(row)).text, "t.yaml");
    QVERIFY(!result.ok());
    QVERIFY(!result.scenario.has_value());
    QCOMPARE(QString::fromStdString(joined(result)), expected);
}

void TestLoader::diagnosticsAreSortedAndComplete() {
    const std::string text = kOneProcess + "      - send: {to: nobody, message: hi}\n"
                                           "      - compute: many\n"
                                           "      - sem_post: go\n";
    const auto result = loadScenarioText(text, "t.yaml");
    QCOMPARE(result.diagnostics.size(), std::size_t{3});
    QCOMPARE(result.diagnostics[0].line, 5);
    QCOMPARE(result.diagnostics[0].column, 20);
    QCOMPARE(result.diagnostics[0].message,
             std::string("send.to: no process named 'nobody'; expected 'a'"));
    QCOMPARE(result.diagnostics[1].line, 6);
    QCOMPARE(result.diagnostics[2].line, 7);
    QCOMPARE(result.diagnostics[2].message,
             std::string("sem_post.name: no semaphore named 'go' is created by any sem_create"));
}

void TestLoader::missingFile() {
    const auto result = loadScenarioFile("/nonexistent/dir/lesson.yaml");
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.size(), std::size_t{1});
    QCOMPARE(result.diagnostics[0].line, 0);
    QCOMPARE(result.diagnostics[0].format(),
             std::string("/nonexistent/dir/lesson.yaml: cannot open the file (it does not exist "
                         "or is not readable)"));
}

void TestLoader::directoryIsNotAFile() {
    const auto dir = std::filesystem::temp_directory_path().string();
    const auto result = loadScenarioFile(dir);
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.size(), std::size_t{1});
    QCOMPARE(result.diagnostics[0].format(),
             dir + ": is a directory; expected a scenario file (.yaml)");
}

void TestLoader::fileFieldAndDefaults() {
    const auto path = std::filesystem::temp_directory_path() / "ipclab-tst-loader.yaml";
    {
        std::ofstream out(path);
        out << "scenario: Minimal\nprocesses:\n  - name: solo\n    program:\n      - compute: 2\n";
    }
    const auto result = loadScenarioFile(path.string());
    std::filesystem::remove(path);
    QVERIFY(result.ok());
    const Scenario& s = *result.scenario;
    QCOMPARE(s.file, path.string());
    QCOMPARE(s.title, std::string("Minimal"));
    QCOMPARE(s.description, std::string());
    const KernelSettings defaults;
    QCOMPARE(s.kernel.cpus, defaults.cpus);
    QCOMPARE(s.kernel.cpus, 1);
    QCOMPARE(s.kernel.scheduler, SchedulerPolicy::RoundRobin);
    QCOMPARE(s.kernel.quantum, 2);
    QCOMPARE(s.kernel.seed, std::uint64_t{1});
    QCOMPARE(s.kernel.syscallCost, 1);
    QCOMPARE(s.kernel.switchCost, 0);
    QCOMPARE(s.kernel.timeLimit, std::int64_t{1000000});
    QCOMPARE(s.processes.size(), std::size_t{1});
    QCOMPARE(s.processes[0].name, std::string("solo"));
    QCOMPARE(s.processes[0].uid, 1000);
    QCOMPARE(s.processes[0].priority, 0);
    QCOMPARE(s.processes[0].start, std::int64_t{0});
    QCOMPARE(s.processes[0].pos.line, 3);
    QCOMPARE(s.processes[0].pos.column, 5);
    QCOMPARE(s.processes[0].program.size(), std::size_t{1});
    QCOMPARE(s.processes[0].program[0].kind, OpKind::Compute);
    QCOMPARE(s.processes[0].program[0].ticks, std::int64_t{2});
    QCOMPARE(s.processes[0].program[0].pos.line, 5);
    QCOMPARE(s.processes[0].program[0].pos.column, 9);
    QCOMPARE(mustLoad("scenario: t\nprocesses: [{name: a, program: []}]\n").file,
             std::string("good.yaml"));
}

void TestLoader::kernelSettings() {
    const auto s = mustLoad("scenario: K\ndescription: what to watch\nkernel:\n  cpus: 16\n"
                            "  scheduler: priority\n  quantum: 5\n  seed: 42\n"
                            "  syscall_cost: 3\n  switch_cost: 2\n  time_limit: 500\n"
                            "processes: [{name: a, program: []}]\n");
    QCOMPARE(s.description, std::string("what to watch"));
    QCOMPARE(s.kernel.cpus, 16);
    QCOMPARE(s.kernel.scheduler, SchedulerPolicy::Priority);
    QCOMPARE(s.kernel.quantum, 5);
    QCOMPARE(s.kernel.seed, std::uint64_t{42});
    QCOMPARE(s.kernel.syscallCost, 3);
    QCOMPARE(s.kernel.switchCost, 2);
    QCOMPARE(s.kernel.timeLimit, std::int64_t{500});
    QCOMPARE(s.kernel.pos.line, 4);
    for (auto [name, policy] : {std::pair{"fcfs", SchedulerPolicy::Fcfs},
                                {"round-robin", SchedulerPolicy::RoundRobin},
                                {"random", SchedulerPolicy::Random},
                                {"manual", SchedulerPolicy::Manual}}) {
        const auto k = mustLoad("scenario: K\nkernel: {scheduler: " + std::string(name) +
                                "}\nprocesses: [{name: a, program: []}]\n");
        QCOMPARE(k.kernel.scheduler, policy);
    }
}

void TestLoader::processFields() {
    const auto s = mustLoad("scenario: P\nprocesses:\n"
                            "  - {name: root_1, uid: 0, priority: -3, start: 7, program: []}\n"
                            "  - {name: web.server-2, uid: 65535, priority: 9, program: []}\n");
    QCOMPARE(s.processes.size(), std::size_t{2});
    QCOMPARE(s.processes[0].name, std::string("root_1"));
    QCOMPARE(s.processes[0].uid, 0);
    QCOMPARE(s.processes[0].priority, -3);
    QCOMPARE(s.processes[0].start, std::int64_t{7});
    QCOMPARE(s.processes[1].name, std::string("web.server-2"));
    QCOMPARE(s.processes[1].uid, 65535);
    QCOMPARE(s.processIndex("web.server-2"), 1);
}

void TestLoader::hostileFilesAreSummarised() {
    // Thousands of mistakes: reported as 20 plus a count, without a quadratic search.
    std::string text = kOneProcess;
    for (int i = 0; i < 20000; ++i) {
        text += "      - compute: x\n";
    }
    auto result = loadScenarioText(text, "t.yaml");
    QCOMPARE(result.diagnostics.size(), std::size_t{21});
    QCOMPARE(result.diagnostics.back().format(),
             std::string("t.yaml:25:18: too many problems; 19980 more not shown"));
    // Thousands of objects and thousands of misspelt uses: no did-you-mean for each.
    text = kOneProcess;
    for (int i = 0; i < 6000; ++i) {
        text += "      - sem_create: s" + std::to_string(i) + "\n";
    }
    for (int i = 0; i < 6000; ++i) {
        text += "      - sem_post: t" + std::to_string(i) + "\n";
    }
    result = loadScenarioText(text, "t.yaml");
    QCOMPARE(result.diagnostics.size(), std::size_t{21});
    QCOMPARE(result.diagnostics.front().format(),
             std::string("t.yaml:6005:19: sem_post.name: no semaphore named 't0' is created by "
                         "any sem_create; did you mean 's0'?"));
    QCOMPARE(result.diagnostics.back().message,
             std::string("too many problems; 5980 more not shown"));
}

void TestLoader::bundledScenariosLoad() {
    // The lessons are the format's first users: each must load without a diagnostic.
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(IPCLAB_SCENARIO_DIR)) {
        if (entry.path().extension() != ".yaml") {
            continue;
        }
        ++files;
        const auto result = loadScenarioFile(entry.path().string());
        QVERIFY2(result.ok(), joined(result).c_str());
        QVERIFY(!result.scenario->processes.empty());
    }
    QVERIFY(files > 0);
}

QTEST_APPLESS_MAIN(TestLoader)
#include "tst_loader.moc"
