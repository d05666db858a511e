// `cmake --install` into a temporary prefix, moved elsewhere afterwards: the installed
// program runs an installed lesson and opens its window on the installed welcome lesson
// with the source and build trees hidden (a private mount namespace where unshare(1) is
// allowed), and the desktop file, metainfo, icons, man page and translation are where a
// Linux desktop looks and pass their validators.

#include <QDir>
#include <QImage>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

namespace {

const QString kAppId = QStringLiteral("io.github.ipclab.IPCLab");

struct Ran {
    int exitCode = -1;
    QString out;
    QString err;
};

Ran run(const QString& program, const QStringList& args, int timeoutMs = 120000) {
    QProcess p;
    p.start(program, args);
    Ran r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out: ") + program;
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class TestInstall : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void filesWhereADesktopLooks_data();
    void filesWhereADesktopLooks();
    void desktopFileValidates();
    void metainfoValidates();
    void manPageIsTheHelpText();
    void runsAnInstalledLesson();
    void windowOpensTheInstalledWelcome();
    void chineseTranslationIsInstalled();

private:
    /// Runs the installed ipclab with the source and build trees out of reach.
    Ran runInstalled(const QStringList& args);

    QTemporaryDir m_tmp;
    QString m_prefix; ///< where the install ended up after being moved
    bool m_hidden = false;
};

void TestInstall::initTestCase() {
    QVERIFY(m_tmp.isValid());
    const QString first = m_tmp.filePath(QStringLiteral("prefix"));
    const Ran install = run(QStringLiteral(IPCLAB_CMAKE_COMMAND),
                            {QStringLiteral("--install"), QStringLiteral(IPCLAB_BINARY_DIR),
                             QStringLiteral("--prefix"), first});
    QVERIFY2(install.exitCode == 0, qPrintable(install.out + install.err));
    // Moved after installing: nothing may depend on where the prefix was.
    m_prefix = m_tmp.filePath(QStringLiteral("moved"));
    QVERIFY(QDir().rename(first, m_prefix));
    const Ran probe =
        run(QStringLiteral("unshare"), {QStringLiteral("-rm"), QStringLiteral("true")});
    m_hidden = probe.exitCode == 0;
    if (!m_hidden) {
        qWarning("unshare -rm is not allowed here: the trees stay visible, but the prefix "
                 "was moved and the program has no compiled-in path");
    }
}

Ran TestInstall::runInstalled(const QStringList& args) {
    const QString exe = m_prefix + QStringLiteral("/bin/ipclab");
    if (!m_hidden) {
        return run(exe, args);
    }
    // An empty tmpfs over each tree: the build tree first (it may lie inside the source).
    QStringList script{QStringLiteral("mount -t tmpfs none \"$1\" && mount -t tmpfs none "
                                      "\"$2\" && shift 2 && exec \"$@\""),
                       QStringLiteral("hide"), QStringLiteral(IPCLAB_BINARY_DIR),
                       QStringLiteral(IPCLAB_SOURCE_DIR), exe};
    return run(QStringLiteral("unshare"),
               QStringList{QStringLiteral("-rm"), QStringLiteral("sh"), QStringLiteral("-c")} +
                   script + args);
}

void TestInstall::filesWhereADesktopLooks_data() {
    QTest::addColumn<QString>("path");
    const QStringList paths = {
        QStringLiteral("bin/ipclab"),
        QStringLiteral("share/ipclab/scenarios/welcome.yaml"),
        QStringLiteral("share/ipclab/scenarios/README.md"),
        QStringLiteral("share/ipclab/scenario.schema.json"),
        QStringLiteral("share/ipclab/translations/ipclab_zh_CN.qm"),
        QStringLiteral("share/applications/%1.desktop").arg(kAppId),
        QStringLiteral("share/metainfo/%1.metainfo.xml").arg(kAppId),
        QStringLiteral("share/icons/hicolor/scalable/apps/%1.svg").arg(kAppId),
        QStringLiteral("share/icons/hicolor/16x16/apps/%1.png").arg(kAppId),
        QStringLiteral("share/icons/hicolor/48x48/apps/%1.png").arg(kAppId),
        QStringLiteral("share/icons/hicolor/256x256/apps/%1.png").arg(kAppId),
        QStringLiteral("share/man/man1/ipclab.1"),
    };
    for (const QString& path : paths) {
        QTest::newRow(qPrintable(path)) << path;
    }
}

void TestInstall::filesWhereADesktopLooks() {
    QFETCH(QString, path);
    const QFileInfo file(m_prefix + QLatin1Char('/') + path);
    QVERIFY2(file.isFile() && file.size() > 0, qPrintable(path));
    if (path.endsWith(QStringLiteral(".png"))) {
        const QImage icon(file.filePath());
        const int size =
            path.section(QLatin1Char('/'), 3, 3).section(QLatin1Char('x'), 0, 0).toInt();
        QCOMPARE(icon.size(), QSize(size, size));
    }
}

void TestInstall::desktopFileValidates() {
    const QString desktop = m_prefix + QStringLiteral("/share/applications/%1.desktop").arg(kAppId);
    const Ran v = run(QStringLiteral("desktop-file-validate"), {desktop});
    QVERIFY2(v.exitCode == 0, qPrintable(v.out + v.err));
    QFile file(desktop);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.contains(QStringLiteral("\nExec=ipclab %f\n")));
    QVERIFY(text.contains(QStringLiteral("\nIcon=%1\n").arg(kAppId)));
    QVERIFY(text.contains(QStringLiteral("\nName[zh_CN]=")));
}

void TestInstall::metainfoValidates() {
    const Ran v = run(QStringLiteral("appstreamcli"),
                      {QStringLiteral("validate"), QStringLiteral("--no-net"),
                       m_prefix + QStringLiteral("/share/metainfo/%1.metainfo.xml").arg(kAppId)});
    QVERIFY2(v.exitCode == 0, qPrintable(v.out + v.err));
}

void TestInstall::manPageIsTheHelpText() {
    QFile man(m_prefix + QStringLiteral("/share/man/man1/ipclab.1"));
    QVERIFY(man.open(QIODevice::ReadOnly));
    const QString page = QString::fromUtf8(man.readAll());
    QVERIFY(page.startsWith(QStringLiteral(".\\\" DO NOT MODIFY THIS FILE!")));
    QVERIFY(page.contains(QStringLiteral(".TH IPCLAB \"1\"")));
    // Words of the help text are in the page (help2man escapes '-', so words without).
    const Ran help = runInstalled({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const QString& word : {QStringLiteral("compare"), QStringLiteral("timeout"),
                                QStringLiteral("awaiting_choice"), QStringLiteral("syscalls")}) {
        QVERIFY2(help.out.contains(word), qPrintable(word));
        QVERIFY2(page.contains(word), qPrintable(word));
    }
}

void TestInstall::runsAnInstalledLesson() {
    const Ran r = runInstalled(
        {QStringLiteral("run"), m_prefix + QStringLiteral("/share/ipclab/scenarios/welcome.yaml")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonDocument report = QJsonDocument::fromJson(r.out.toUtf8());
    QCOMPARE(report[QStringLiteral("outcome")].toString(), QStringLiteral("completed"));
}

void TestInstall::windowOpensTheInstalledWelcome() {
    // No file given: the window finds the welcome lesson in the installed share/ipclab.
    const QString shot = m_tmp.filePath(QStringLiteral("welcome.png"));
    const Ran r = runInstalled({QStringLiteral("--screenshot"), shot, QStringLiteral("--size"),
                                QStringLiteral("1280x720")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(!r.err.contains(QStringLiteral("no bundled scenarios")), qPrintable(r.err));
    // The window may not shrink below its minimum size; that there is a picture is the point.
    QVERIFY(QImage(shot).width() >= 1280);
}

void TestInstall::chineseTranslationIsInstalled() {
    QTranslator zh;
    QVERIFY(zh.load(m_prefix + QStringLiteral("/share/ipclab/translations/ipclab_zh_CN.qm")));
    QCOMPARE(zh.language(), QStringLiteral("zh_CN"));
    QCOMPARE(zh.translate("ipclab::ui::MainWindow", "&File"), QStringLiteral("文件(&F)"));
}

QTEST_GUILESS_MAIN(TestInstall)
#include "tst_install.moc"
