// The honesty proof: run lessons in real mode under `strace -f -c` and check that every
// IPC syscall strace saw is in the report's by_syscall plus its clean-up row with the same
// count — both when the kernel's perf counters count and when the program counts itself.
#include "real_checks.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

const QString kDriver = QStringLiteral(IPCLAB_BINARY_DIR "/tests/real/ipclab_real_driver");

bool isIpcSyscall(const QString& name) {
#ifdef IPCLAB_SANITIZED
    // The sanitizer runtime opens pipes of its own; real mode itself never uses pipes.
    if (name.startsWith(u"pipe"_s)) {
        return false;
    }
#endif
    static const QRegularExpression ipc(
        u"^(mq_.*|shm.*|sem.*|msg.*|socketpair|shutdown|sendto|recvfrom|ppoll|pipe2?)$"_s);
    return ipc.match(name).hasMatch();
}

/// strace -c's table: syscall name -> calls.
QMap<QString, qint64> parseStraceSummary(const QString& text) {
    QMap<QString, qint64> calls;
    static const QRegularExpression row(
        uR"(^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?([a-z_0-9]+)\s*$)"_s);
    for (const auto& line : text.split(u'\n')) {
        const auto m = row.match(line);
        if (m.hasMatch() && m.captured(2) != u"total"_s) {
            calls[m.captured(2)] = m.captured(1).toLongLong();
        }
    }
    return calls;
}

} // namespace

class TestStrace : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (QStandardPaths::findExecutable(u"strace"_s).isEmpty()) {
            QSKIP("strace is not installed");
        }
        QProcess probe;
        probe.start(u"strace"_s, {u"-f"_s, u"-c"_s, u"-o"_s, u"/dev/null"_s, u"true"_s});
        probe.waitForFinished(30000);
        if (probe.exitCode() != 0) {
            QSKIP(qPrintable(u"strace cannot trace here (ptrace not permitted?): "_s +
                             QString::fromLocal8Bit(probe.readAllStandardError())));
        }
    }

    void countsMatchStrace_data() {
        QTest::addColumn<QString>("lesson");
        QTest::addColumn<bool>("self");
        for (const char* lesson :
             {"shm-vs-messages", "rendezvous", "direct-symmetric", "direct-asymmetric",
              "too-many-links", "welcome", "information-sharing", "unbounded-async"}) {
            QTest::addRow("%s perf", lesson) << QString::fromLatin1(lesson) << false;
            QTest::addRow("%s self", lesson) << QString::fromLatin1(lesson) << true;
        }
    }

    void countsMatchStrace() {
        QFETCH(QString, lesson);
        QFETCH(bool, self);
        const std::string perfMissing = ipclab::test::perfCountingUnavailable();
        if (!self && !perfMissing.empty()) {
            QSKIP(("the kernel cannot count here (" + perfMissing + ")").c_str());
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString summary = dir.filePath(u"strace.txt"_s);
        QStringList args{u"-f"_s, u"-c"_s,
                         u"-o"_s, summary,
                         kDriver, QStringLiteral(IPCLAB_SCENARIO_DIR "/") + lesson + u".yaml"_s};
        if (self) {
            args << u"--self"_s;
        }
        QProcess run;
        // LeakSanitizer cannot run under ptrace; the sanitizer build checks leaks elsewhere.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"ASAN_OPTIONS"_s, u"detect_leaks=0"_s);
        run.setProcessEnvironment(env);
        run.start(u"strace"_s, args);
        QVERIFY(run.waitForFinished(120000));
        QCOMPARE(run.exitCode(), 0);
        const auto report = QJsonDocument::fromJson(run.readAllStandardOutput()).object();
        QCOMPARE(report[u"outcome"_s].toString(), u"completed"_s);
        QCOMPARE(report[u"counting_method"_s].toString(), self ? u"self"_s : u"perf_event"_s);
        // What the kernel saw is the scenario's calls plus the runner's clean-up of what the
        // scenario left behind (reported apart).
        auto bySyscall = report[u"syscalls"_s][u"by_syscall"_s].toObject();
        const auto cleanup = report[u"left_behind"_s][u"cleanup_syscalls"_s].toObject();
        for (auto it = cleanup.begin(); it != cleanup.end(); ++it) {
            bySyscall[it.key()] = bySyscall[it.key()].toInteger() + it.value().toInteger();
        }
        QFile file(summary);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto seen = parseStraceSummary(QString::fromUtf8(file.readAll()));
        QVERIFY2(!seen.isEmpty(), "strace printed no summary");
        int checked = 0;
        for (auto it = seen.begin(); it != seen.end(); ++it) {
            if (!isIpcSyscall(it.key())) {
                continue;
            }
            QVERIFY2(bySyscall.contains(it.key()),
                     qPrintable(it.key() + u" seen by strace, missing in by_syscall"_s));
            QCOMPARE(bySyscall[it.key()].toInteger(), it.value());
            ++checked;
        }
        // And nothing the report claims that strace did not see.
        for (auto it = bySyscall.begin(); it != bySyscall.end(); ++it) {
            QVERIFY2(seen.contains(it.key()),
                     qPrintable(it.key() + u" in by_syscall, never seen by strace"_s));
        }
        QVERIFY(checked > 0);
    }
};

QTEST_APPLESS_MAIN(TestStrace)
#include "tst_strace.moc"
