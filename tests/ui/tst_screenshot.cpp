// `ipclab FILE --goto N --screenshot OUT.png` writes a PNG of the window at the asked
// size and exits 0; an unusable file makes it exit non-zero with the problem on stderr.

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestScreenshot : public QObject {
    Q_OBJECT

private slots:
    void writesAPngOfTheWindow_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("size");
        QTest::addColumn<QSize>("expected");
        QTest::newRow("welcome at end")
            << QStringLiteral(IPCLAB_SCENARIO_DIR "/welcome.yaml") << "end"
            << "1280x800" << QSize(1280, 800);
        QTest::newRow("bounded buffer at 20")
            << QStringLiteral(IPCLAB_SCENARIO_DIR "/bounded-buffer.yaml") << "20"
            << "1440x900" << QSize(1440, 900);
    }

    void writesAPngOfTheWindow() {
        QFETCH(QString, file);
        QFETCH(QString, where);
        QFETCH(QString, size);
        QFETCH(QSize, expected);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("shot.png"));
        QProcess ipclab;
        ipclab.start(QStringLiteral(IPCLAB_EXE),
                     {file, QStringLiteral("--goto"), where, QStringLiteral("--screenshot"), out,
                      QStringLiteral("--size"), size});
        QVERIFY(ipclab.waitForFinished(120000));
        QCOMPARE(ipclab.exitStatus(), QProcess::NormalExit);
        QCOMPARE(ipclab.exitCode(), 0);
        QImage image(out);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), expected);
        // Not a blank frame: the image holds more than a handful of colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7) {
                colours.insert(image.pixel(x, y));
            }
        }
        QVERIFY(colours.size() > 20);
    }

    void brokenFileFailsWithItsError() {
        QTemporaryDir dir;
        const QString broken = dir.filePath(QStringLiteral("broken.yaml"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("scenario: x\nprocesses: 3\n");
        f.close();
        QProcess ipclab;
        ipclab.start(QStringLiteral(IPCLAB_EXE), {broken, QStringLiteral("--screenshot"),
                                                  dir.filePath(QStringLiteral("o.png"))});
        QVERIFY(ipclab.waitForFinished(120000));
        QCOMPARE(ipclab.exitCode(), 1);
        const QString err = QString::fromLocal8Bit(ipclab.readAllStandardError());
        QVERIFY2(err.contains(broken + QStringLiteral(":2:")), qPrintable(err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("o.png"))));
    }
};

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
