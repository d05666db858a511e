// `ipclab compare`: both engines side by side, per operation, as text and as JSON.
#include "compare_command.h"
#include "lesson_run.h"

#include <QtTest>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace ipclab::app;

class TestCompare : public QObject {
    Q_OBJECT

private slots:
    void jsonPerOperation() {
        std::ostringstream out;
        std::ostringstream err;
        const int rc = compareCommand(
            {IPCLAB_SCENARIO_DIR "/shm-vs-messages.yaml", "--json", "--timeout", "10"}, out, err);
        QCOMPARE(rc, 0);
        QCOMPARE(err.str(), std::string());
        const auto j = nlohmann::json::parse(out.str());
        QCOMPARE(j["sim"]["outcome"].get<std::string>(), std::string("completed"));
        QCOMPARE(j["real"]["outcome"].get<std::string>(), std::string("completed"));
        // The lesson's claim, confirmed by the kernel: 55 calls, 43 of them messages.
        QCOMPARE(j["sim"]["total"].get<int>(), 55);
        QCOMPARE(j["real"]["total"].get<int>(), 55);
        QCOMPARE(j["by_op"]["send"]["real"].get<int>(), 20);
        QCOMPARE(j["by_op"]["read"]["real"].get<int>(), 0);
        QCOMPARE(j["by_op"]["write"]["real"].get<int>(), 0);
        QCOMPARE(j["by_syscall"]["mq_timedsend"]["real"].get<int>(), 20);
        QVERIFY(j["same_counts_by_op"].get<bool>());
    }

    /// Real mode's end-of-run clean-up of what a lesson left behind is its own row, and the
    /// simulator predicts it: no lesson differs by the runner's removal calls any more.
    void everyLessonsCleanupIsPredicted_data() {
        QTest::addColumn<QString>("path");
        for (const auto& path : ipclab::test::bundledScenarios()) {
            QTest::newRow(path.stem().c_str()) << QString::fromStdString(path.string());
        }
    }

    void everyLessonsCleanupIsPredicted() {
        QFETCH(QString, path);
        std::ostringstream out;
        std::ostringstream err;
        const int rc = compareCommand({path.toStdString(), "--json", "--timeout", "10"}, out, err);
        const auto j = nlohmann::json::parse(out.str());
        if (rc != 0 && j["real"]["outcome"] == "error") {
            QSKIP(("real mode cannot run here: " + j["real"]["notes"].dump()).c_str());
        }
        QCOMPARE(rc, 0);
        for (const auto& [name, row] : j["cleanup"].items()) {
            QCOMPARE(row["real"].get<int>(), row["sim"].get<int>());
        }
        QCOMPARE(j["left_behind"]["real"], j["left_behind"]["sim"]);
        for (const char* name : {"mq_unlink", "semctl", "shmctl"}) {
            const auto& row = j["by_syscall"].value(name, nlohmann::json{{"sim", 0}, {"real", 0}});
            QCOMPARE(row["real"].get<int>(), row["sim"].get<int>());
        }
    }

    void textTable() {
        std::ostringstream out;
        std::ostringstream err;
        // A mailbox lesson: every process opens its own queue. On a direct link the runner's
        // socketpair is counted to whichever end Linux runs first (connect or receive), so a
        // loaded machine can make direct-symmetric differ per operation (totals agree).
        QCOMPARE(compareCommand({IPCLAB_SCENARIO_DIR "/unbounded-async.yaml"}, out, err), 0);
        const std::string text = out.str();
        QVERIFY(text.find("  operation          simulated        real\n") != std::string::npos);
        QVERIFY(text.find("  outcome            completed   completed\n") != std::string::npos);
        QVERIFY2(text.find("\nEvery operation cost what the simulator predicted.\n") !=
                     std::string::npos,
                 text.c_str());
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no file") << QStringList{}
                                 << "ipclab compare: expected a scenario FILE "
                                    "(ipclab compare FILE [--timeout SECONDS] "
                                    "[--json])\n";
        QTest::newRow("bad timeout")
            << QStringList{"x.yaml", "--timeout", "soon"}
            << "ipclab compare: --timeout expects seconds between 0 and 3600, got \"soon\"\n";
        QTest::newRow("unknown option")
            << QStringList{"x.yaml", "--engine", "sim"}
            << "ipclab compare: unknown option \"--engine\"; expected --timeout or --json\n";
    }

    void usageErrors() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        std::vector<std::string> argv;
        for (const auto& a : args) {
            argv.push_back(a.toStdString());
        }
        std::ostringstream out;
        std::ostringstream err;
        QCOMPARE(compareCommand(argv, out, err), 2);
        QCOMPARE(err.str(), message.toStdString());
        QCOMPARE(out.str(), std::string());
    }
};

QTEST_APPLESS_MAIN(TestCompare)
#include "tst_compare.moc"
