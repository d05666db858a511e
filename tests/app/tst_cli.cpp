// The `ipclab` command line, run as a separate process: exit codes, exact messages, the
// report's keys, the `--trace -` stream read back, determinism, and no display needed.

#include "loader.h"
#include "report.h"
#include "trace_json.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

using namespace ipclab;

namespace {

struct Result {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Runs the built ipclab with `args`; `environment` replaces the inherited one when set.
Result
runIpclab(const QStringList& args,
          const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment()) {
    QProcess p;
    p.setProcessEnvironment(environment);
    p.start(QStringLiteral(IPCLAB_BIN), args);
    Result r;
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit) {
        r.err = "ipclab did not finish normally";
        return r;
    }
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString scenario(const char* name) {
    return QStringLiteral(IPCLAB_SCENARIO_DIR "/") + QString::fromUtf8(name);
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly)) {
        f.write(text);
    }
    return path;
}

const QByteArray kBadOperation = "scenario: Bad\n"
                                 "processes:\n"
                                 "  - name: a\n"
                                 "    program:\n"
                                 "      - fly: 3\n";

/// Three equal workers under the random scheduler: the seed decides the interleaving.
const QByteArray kRandom = "scenario: Random order\n"
                           "kernel: { cpus: 1, scheduler: random, seed: 1 }\n"
                           "processes:\n"
                           "  - name: a\n"
                           "    program: [ { repeat: 6, do: [ { compute: 1 } ] } ]\n"
                           "  - name: b\n"
                           "    program: [ { repeat: 6, do: [ { compute: 1 } ] } ]\n"
                           "  - name: c\n"
                           "    program: [ { repeat: 6, do: [ { compute: 1 } ] } ]\n";

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void badArguments_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString welcome = scenario("welcome.yaml");
        const QString seedRange = "ipclab run: --seed expects an integer from 0 to "
                                  "9223372036854775807, got ";
        QTest::addRow("seed abc") << QStringList{"run", welcome, "--seed", "abc"}
                                  << seedRange + "\"abc\"";
        QTest::addRow("seed negative")
            << QStringList{"run", welcome, "--seed=-3"} << seedRange + "\"-3\"";
        // kernel.seed in a file goes up to 2^63-1: so does --seed.
        QTest::addRow("seed 2^63") << QStringList{"run", welcome, "--seed", "9223372036854775808"}
                                   << seedRange + "\"9223372036854775808\"";
        QTest::addRow("timeout hex") << QStringList{"run", welcome, "--timeout", "0x10"}
                                     << "ipclab run: --timeout expects seconds between 0 and "
                                        "3600, got \"0x10\"";
        QTest::addRow("event limit zero")
            << QStringList{"run", welcome, "--event-limit", "0"}
            << "ipclab run: --event-limit expects an integer from 1 to 100000000, got \"0\"";
        QTest::addRow("escape in a value")
            << QStringList{"run", welcome, "--engine", "\x1b[2J"}
            << "ipclab run: --engine expects sim or real, got \"\\x1b[2J\"";
        QTest::addRow("trace is the input")
            << QStringList{"run", welcome, "--trace", welcome}
            << "ipclab run: --trace \"" + welcome +
                   "\" is the scenario file itself; give another path";
        QTest::addRow("seed missing")
            << QStringList{"run", welcome, "--seed"} << "ipclab run: --seed expects a value";
        QTest::addRow("seed twice") << QStringList{"run", welcome, "--seed", "1", "--seed", "2"}
                                    << "ipclab run: --seed is given twice";
        QTest::addRow("engine") << QStringList{"run", welcome, "--engine", "fast"}
                                << "ipclab run: --engine expects sim or real, got \"fast\"";
        QTest::addRow("trace empty") << QStringList{"run", welcome, "--trace="}
                                     << "ipclab run: --trace expects a file path, or - for "
                                        "standard output";
        QTest::addRow("unknown") << QStringList{"run", welcome, "--fast"}
                                 << "ipclab run: unknown option \"--fast\"; expected --engine, "
                                    "--seed, --trace, --timeout, --schedule or --event-limit";
        QTest::addRow("no file") << QStringList{"run"}
                                 << "ipclab run: expected a scenario FILE (ipclab run FILE "
                                    "[--engine sim|real] [--seed N] [--trace PATH|-] "
                                    "[--timeout SECONDS] [--schedule W] [--event-limit N])";
        QTest::addRow("timeout zero") << QStringList{"run", welcome, "--timeout", "0"}
                                      << "ipclab run: --timeout expects seconds between 0 and "
                                         "3600, got \"0\"";
        QTest::addRow("timeout word") << QStringList{"run", welcome, "--timeout=soon"}
                                      << "ipclab run: --timeout expects seconds between 0 and "
                                         "3600, got \"soon\"";
        QTest::addRow("two files") << QStringList{"run", welcome, "other.yaml"}
                                   << "ipclab run: unexpected argument \"other.yaml\"; expected "
                                      "one scenario FILE";
        QTest::addRow("check option") << QStringList{"check", "--strict", welcome}
                                      << "ipclab check: unknown option \"--strict\"; check takes "
                                         "only FILEs";
        QTest::addRow("check no file") << QStringList{"check"}
                                       << "ipclab check: expected a scenario FILE (ipclab check "
                                          "FILE...)";
    }
    void badArguments() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Result r = runIpclab(args);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(QString::fromUtf8(r.err), message + "\n");
        QVERIFY(r.out.isEmpty());
    }

    void badFileNamesLineAndColumn_data() {
        QTest::addColumn<QString>("command");
        QTest::newRow("run") << "run";
        QTest::newRow("check") << "check";
    }
    void badFileNamesLineAndColumn() {
        QFETCH(QString, command);
        QTemporaryDir dir;
        const QString path = writeFile(dir, "bad.yaml", kBadOperation);
        const Result r = runIpclab({command, path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(QString::fromUtf8(r.err),
                 path + ":5:9: unknown operation 'fly'; expected 'compute', 'send', 'receive', "
                        "'connect', 'disconnect', 'mailbox_create', 'mailbox_delete', "
                        "'shm_create', 'shm_attach', 'shm_detach', 'shm_remove', 'read', "
                        "'write', 'sem_create', 'sem_wait', 'sem_post', 'set', 'add', 'repeat', "
                        "'say', 'ask', 'while' or 'if'\n");
        const Result missing = runIpclab({command, dir.filePath("missing.yaml")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.startsWith(dir.filePath("missing.yaml").toUtf8() + ": "));
    }

    void checkPrintsASummary() {
        QTemporaryDir dir;
        const QString path = writeFile(dir, "random.yaml", kRandom);
        const Result r = runIpclab({"check", path});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromUtf8(r.out),
                 path + ": ok: \"Random order\", 3 processes, 6 operations\n");
        QVERIFY(r.err.isEmpty());
    }

    /// User text reaches the terminal with its control characters escaped: a title that
    /// would clear the screen, a file name that would split the diagnostic line.
    void userTextIsEscaped() {
        QTemporaryDir dir;
        const QString title =
            writeFile(dir, "title.yaml",
                      QByteArray(kRandom).replace("Random order", "\"\\e[2J\\e[31mred\\u009b\""));
        const Result r = runIpclab({"check", title});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromUtf8(r.out),
                 title + ": ok: \"\\x1b[2J\\x1b[31mred\\xc2\\x9b\", 3 processes, 6 operations\n");
        const QString newline = writeFile(dir, "two\nlines.yaml", kBadOperation);
        const Result bad = runIpclab({"check", newline});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.startsWith(dir.filePath("two\\nlines.yaml").toUtf8() + ":5:9: "));
        QCOMPARE(bad.err.count('\n'), 1);
    }

    /// A FIFO would block the reader forever: refused at once, as is a second document.
    void fifoAndSecondDocumentAreRefused() {
        QTemporaryDir dir;
        const QString fifo = dir.filePath("pipe.yaml");
        QCOMPARE(mkfifo(fifo.toUtf8().constData(), 0600), 0);
        const Result r = runIpclab({"check", fifo});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(QString::fromUtf8(r.err),
                 fifo + ": is not a regular file (a FIFO, device or socket); expected a "
                        "scenario file (.yaml)\n");
        const QString two = writeFile(dir, "two.yaml", kRandom + "---\nscenario: Other\n");
        const Result second = runIpclab({"check", two});
        QCOMPARE(second.exitCode, 2);
        QCOMPARE(QString::fromUtf8(second.err),
                 two + ":11:1: a second YAML document (after ---); a scenario file holds one\n");
    }

    /// Zero-tick steps and a huge repeat end at the event limit; a doubling string kills
    /// its process at the value cap. Both quickly.
    void unboundedFilesAreBounded() {
        QTemporaryDir dir;
        const QString says = writeFile(dir, "says.yaml",
                                       "scenario: Chatty\n"
                                       "kernel: { time_limit: 1000000000000 }\n"
                                       "processes:\n"
                                       "  - name: p\n"
                                       "    program:\n"
                                       "      - repeat: 100000000\n"
                                       "        do: [ { say: \"again\" } ]\n");
        const Result r = runIpclab({"run", says, "--event-limit", "1000"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("\"outcome\": \"event_limit\""), r.out.constData());
        const QString doubling =
            writeFile(dir, "double.yaml",
                      "scenario: Doubling\n"
                      "processes:\n"
                      "  - name: p\n"
                      "    program:\n"
                      "      - set: { var: s, value: \"ab\" }\n"
                      "      - repeat: 40\n"
                      "        do: [ { set: { var: s, value: \"{s}{s}\" } } ]\n"
                      "      - say: \"never\"\n");
        const Result d = runIpclab({"run", doubling, "--trace", "-"});
        QCOMPARE(d.exitCode, 0);
        QVERIFY(d.out.contains("\"outcome\":\"completed\""));
        QVERIFY(d.out.contains("value longer than 65536 bytes: the process is terminated"));
        QVERIFY(!d.out.contains("never"));
    }

    void reportHasTheContractKeys() {
        const Result r = runIpclab({"run", scenario("welcome.yaml")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        QVERIFY(r.out.endsWith("}\n"));
        const auto report = nlohmann::ordered_json::parse(r.out.toStdString());
        std::vector<std::string> keys;
        for (const auto& [key, value] : report.items()) {
            keys.push_back(key);
        }
        // No latency for a simulated run.
        QCOMPARE(keys,
                 (std::vector<std::string>{"scenario", "engine", "outcome", "syscalls", "processes",
                                           "messages", "links", "mailboxes", "bytes_copied",
                                           "context_switches", "end_time", "time_unit", "deadlock",
                                           "notes", "counting_method", "counting", "left_behind"}));
        QCOMPARE(report["engine"].get<std::string>(), std::string("sim"));
        QCOMPARE(report["outcome"].get<std::string>(), std::string("completed"));
        QVERIFY(report["deadlock"].is_null());
        const auto& syscalls = report["syscalls"];
        QCOMPARE(syscalls.size(), std::size_t(3));
        // The lecture's point, in numbers: shared memory reads and writes cost nothing.
        QCOMPARE(syscalls["by_op"]["read"].get<int>(), 0);
        QCOMPARE(syscalls["by_op"]["write"].get<int>(), 0);
        std::int64_t byOp = 0;
        for (const auto& [op, n] : syscalls["by_op"].items()) {
            byOp += n.get<std::int64_t>();
        }
        std::int64_t bySyscall = 0;
        for (const auto& [name, n] : syscalls["by_syscall"].items()) {
            bySyscall += n.get<std::int64_t>();
        }
        QCOMPARE(syscalls["total"].get<std::int64_t>(), byOp);
        QCOMPARE(bySyscall, byOp);
        QCOMPARE(report["processes"].size(), std::size_t(4));
        for (const auto& p : report["processes"]) {
            std::vector<std::string> pkeys;
            for (const auto& [key, value] : p.items()) {
                pkeys.push_back(key);
            }
            QCOMPARE(pkeys, (std::vector<std::string>{"name", "final_state", "syscalls",
                                                      "context_switches", "blocked_time",
                                                      "cpu_time", "spin_time"}));
        }
    }

    void deadlockIsARunThatHappened() {
        const Result r = runIpclab({"run", scenario("deadlock.yaml")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(report["outcome"].toString(), QString("deadlock"));
        QVERIFY(!report["deadlock"].toObject()["cycle"].toArray().isEmpty());
    }

    void traceStreamReadsBack() {
        const QString file = scenario("welcome.yaml");
        const Result r = runIpclab({"run", file, "--trace", "-"});
        QCOMPARE(r.exitCode, 0);
        const TraceReadResult read = readTraceJson(r.out.toStdString());
        QVERIFY2(read.trace.has_value(), read.error.c_str());
        QVERIFY(r.out.endsWith("}}\n"));
        const QList<QByteArray> lines = r.out.split('\n');
        const auto eventLines = std::count_if(lines.begin(), lines.end(), [](const QByteArray& l) {
            return l.startsWith("{\"t\":");
        });
        QCOMPARE(static_cast<std::size_t>(eventLines), read.trace->events.size());
        QVERIFY(lines.at(lines.size() - 2).startsWith("{\"report\":{"));
        // The last line is exactly the report of the trace before it.
        const LoadResult loaded = loadScenarioFile(file.toStdString());
        QVERIFY(loaded.ok());
        const Report report = makeReport(*loaded.scenario, *read.trace);
        QCOMPARE(read.reportJson, reportToCompactJson(report, *read.trace));
        // And a plain run prints the same report, pretty.
        const Result plain = runIpclab({"run", file});
        QCOMPARE(plain.out.toStdString(), reportToJson(report, *read.trace));
    }

    void traceFileHoldsTheSameLines() {
        QTemporaryDir dir;
        const QString file = scenario("shm-producer-consumer.yaml");
        const QString path = dir.filePath("t.jsonl");
        const Result toFile = runIpclab({"run", file, "--trace", path});
        QCOMPARE(toFile.exitCode, 0);
        const Result toStdout = runIpclab({"run", file, "--trace=-"});
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray lines = f.readAll();
        QVERIFY(!lines.isEmpty());
        QVERIFY(toStdout.out.startsWith(lines));
        QCOMPARE(toStdout.out.mid(lines.size()).count('\n'), 1);
        QVERIFY(toStdout.out.mid(lines.size()).startsWith("{\"report\":{\"scenario\":"));
        QVERIFY(QJsonDocument::fromJson(toFile.out).isObject());
    }

    void unwritableTracePath() {
        const Result r =
            runIpclab({"run", scenario("welcome.yaml"), "--trace", "/nonexistent-dir/t.jsonl"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(QString::fromUtf8(r.err), QString("ipclab run: cannot write the trace to "
                                                   "\"/nonexistent-dir/t.jsonl\": No such file "
                                                   "or directory\n"));
    }

    void sameRunSameBytes_data() {
        QTest::addColumn<QString>("file");
        QTest::addRow("welcome") << scenario("welcome.yaml");
        QTest::addRow("lost updates") << scenario("lost-updates.yaml");
    }
    void sameRunSameBytes() {
        QFETCH(QString, file);
        const Result a = runIpclab({"run", file, "--trace", "-"});
        const Result b = runIpclab({"run", file, "--trace", "-"});
        QCOMPARE(a.exitCode, 0);
        QVERIFY(!a.out.isEmpty());
        QVERIFY(a.out == b.out);
    }

    void seedChoosesTheInterleaving() {
        QTemporaryDir dir;
        const QString path = writeFile(dir, "random.yaml", kRandom);
        const Result one = runIpclab({"run", path, "--seed", "1", "--trace", "-"});
        const Result oneAgain = runIpclab({"run", path, "--seed=1", "--trace", "-"});
        const Result two = runIpclab({"run", path, "--seed", "2", "--trace", "-"});
        QCOMPARE(one.exitCode, 0);
        QVERIFY(one.out == oneAgain.out);
        QVERIFY(one.out != two.out);
        const TraceReadResult read = readTraceJson(two.out.toStdString());
        QVERIFY2(read.trace.has_value(), read.error.c_str());
        QCOMPARE(read.trace->seed, std::uint64_t(2));
    }

    void runNeedsNoDisplay() {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}) {
            env.remove(QLatin1String(name));
        }
        const Result r = runIpclab({"run", scenario("welcome.yaml")}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["outcome"].toString(),
                 QString("completed"));
        const Result check = runIpclab({"check", scenario("welcome.yaml")}, env);
        QCOMPARE(check.exitCode, 0);
    }

    void helpAndVersion() {
        const Result help = runIpclab({"--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(
            "  ipclab run FILE [--engine sim|real] [--seed N] [--trace PATH|-] [--timeout S]\n"));
        QVERIFY(help.out.contains("  ipclab compare FILE [--timeout S] [--json]\n"));
        QVERIFY(help.out.contains("{\"report\": {...}}"));
        // The window's own options are listed too.
        for (const char* option : {"--present", "--goto N|end", "--size WxH", "--screenshot",
                                   "--manual", "--tour", "--bench-frames N"}) {
            QVERIFY2(help.out.contains(option), option);
        }
        const Result version = runIpclab({"--version"});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(QString::fromUtf8(version.out), QString("ipclab " IPCLAB_VERSION "\n"));
    }

    void commandHelp_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("usage");
        QTest::newRow("run --help")
            << QStringList{"run", "--help"} << "Usage: ipclab run FILE [--engine sim|real]";
        QTest::newRow("run FILE -h")
            << QStringList{"run", "x.yaml", "-h"} << "Usage: ipclab run FILE [--engine sim|real]";
        QTest::newRow("compare --help") << QStringList{"compare", "--help"}
                                        << "Usage: ipclab compare FILE [--timeout S] [--json]";
        QTest::newRow("check --help")
            << QStringList{"check", "--help"} << "Usage: ipclab check FILE...";
    }

    void commandHelp() {
        QFETCH(QStringList, args);
        QFETCH(QString, usage);
        const Result r = runIpclab(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        QVERIFY2(QString::fromUtf8(r.out).startsWith(usage), r.out.constData());
    }

    void withoutGuiSaysSo() {
#ifdef IPCLAB_APP_HAS_GUI
        QSKIP("this build has the GUI: `ipclab` opens a window");
#else
        const Result r = runIpclab({});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(QString::fromUtf8(r.err),
                 QString("ipclab: this build has no GUI (configured with IPCLAB_BUILD_GUI=OFF); "
                         "use `ipclab run FILE` or `ipclab --help`\n"));
#endif
    }

    void realEngineStreamsTheSameFormat() {
        const Result r =
            runIpclab({"run", scenario("welcome.yaml"), "--engine", "real", "--trace", "-"});
        if (r.exitCode == 1 && r.err == "ipclab run: real mode not available in this build\n") {
            QSKIP("real mode is not part of this build");
        }
        const TraceReadResult read = readTraceJson(r.out.toStdString());
        QVERIFY2(read.trace.has_value(), read.error.c_str());
        // A machine that refuses real IPC (no /dev/mqueue, limits) still gets a well-formed
        // stream: outcome error, the reason in notes, exit status 1.
        QCOMPARE(r.exitCode, read.trace->outcome == Outcome::Error ? 1 : 0);
        QVERIFY(read.trace->engine == Engine::Real);
        QVERIFY(read.trace->timeUnit == TimeUnit::Nanosecond);
        QVERIFY(!read.reportJson.empty());
    }
};

QTEST_APPLESS_MAIN(TestCli)
#include "tst_cli.moc"
