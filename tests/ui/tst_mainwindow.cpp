// The whole window on bundled lessons: what the views show at known moments, stepping
// back, the transport's keys, the library, and load errors shown in place.

#include "errorpanel.h"
#include "player.h"
#include "scenariodocument.h"
#include "scenariolibrary.h"
#include "viewsnapshot.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <functional>

using namespace ipclab;
using namespace ipclab::ui;

namespace {

QString lesson(const char* name) {
    return QStringLiteral(IPCLAB_SCENARIO_DIR "/") + QString::fromLatin1(name);
}

/// Index of the first event that satisfies `pred`, or -1.
int firstEvent(const Trace& trace, const std::function<bool(const Event&)>& pred) {
    for (std::size_t i = 0; i < trace.events.size(); ++i) {
        if (pred(trace.events[i])) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

int lastEvent(const Trace& trace, const std::function<bool(const Event&)>& pred) {
    for (std::size_t i = trace.events.size(); i-- > 0;) {
        if (pred(trace.events[i])) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

bool writeFile(const QString& path, const QByteArray& text) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void init() {
        m_window = std::make_unique<MainWindow>(false);
        m_window->systemView()->setAnimationEnabled(false);
        m_window->resize(1400, 900);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }
    void cleanup() { m_window.reset(); }

    void boundedBufferProducerBlocksOnAFullMailbox() {
        QVERIFY(m_window->openFile(lesson("bounded-buffer.yaml")));
        const Trace& t = *m_window->session()->trace();
        const int blocked = firstEvent(t, [](const Event& e) {
            return e.kind == EventKind::State && e.proc == 0 &&
                   static_cast<ProcState>(e.a) == ProcState::Blocked;
        });
        QVERIFY(blocked > 0);
        m_window->gotoEvent(static_cast<std::size_t>(blocked) + 1);
        SystemView* view = m_window->systemView();
        QCOMPARE(view->processStateText(0), QStringLiteral("blocked: send on buffer"));
        QCOMPARE(view->waitTarget(0), QStringLiteral("buffer"));
        QCOMPARE(view->processStateText(1), QStringLiteral("new"));
        QCOMPARE(view->mailboxMessages(QStringLiteral("buffer")),
                 QStringList({"item 1", "item 2", "item 3"}));
        QCOMPARE(view->mailboxFilledSlots(QStringLiteral("buffer")), 3);
        QVERIFY(!view->objectFaded(QStringLiteral("buffer"), 0));
        QCOMPARE(view->processVariables(0), QStringLiteral("n = 4"));
        // Blocked sending item 4, in the second repeat (line 64 of the file).
        QCOMPARE(m_window->programView()->highlightedLine(0), 64);
        QCOMPARE(m_window->programView()->highlightedText(0),
                 QStringLiteral("send: {mailbox: buffer, message: \"item {n}\"}"));
        QCOMPARE(m_window->eventLog()->currentEvent(), blocked);
        QCOMPARE(m_window->captions()->caption(),
                 QStringLiteral("3 of 3: the mailbox is full, the next send blocks the producer"));
        QCOMPARE(m_window->transport()->sliderValue(), blocked + 1);
    }

    void boundedBufferAtTheEnd() {
        QVERIFY(m_window->openFile(lesson("bounded-buffer.yaml")));
        m_window->gotoEnd();
        // The mailbox was deleted: still drawn, faded, and empty.
        QVERIFY(m_window->systemView()->mailboxVisible(QStringLiteral("buffer")));
        QVERIFY(m_window->systemView()->objectFaded(QStringLiteral("buffer"), 0));
        QCOMPARE(m_window->systemView()->mailboxFilledSlots(QStringLiteral("buffer")), 0);
        QCOMPARE(m_window->systemView()->processStateText(0), QStringLiteral("terminated"));
        QCOMPARE(m_window->systemView()->processStateText(1), QStringLiteral("terminated"));
        QCOMPARE(m_window->systemView()->processVariables(1), QStringLiteral("item = item 8"));
        QCOMPARE(m_window->captions()->caption(), QStringLiteral("All 8 items arrived, in order"));
        QVERIFY(
            m_window->captions()->totals().startsWith(QStringLiteral("System calls: <b>19</b>")));
    }

    void stepBackRestoresEveryView_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("steps");
        QTest::newRow("bounded buffer") << lesson("bounded-buffer.yaml") << 25;
        QTest::newRow("welcome") << lesson("welcome.yaml") << 60;
        QTest::newRow("deadlock") << lesson("deadlock.yaml") << 12;
    }

    void stepBackRestoresEveryView() {
        QFETCH(QString, file);
        QFETCH(int, steps);
        QVERIFY(m_window->openFile(file));
        const std::size_t length = m_window->session()->length();
        for (std::size_t start : {std::size_t(0), length / 3, length / 2}) {
            m_window->gotoEvent(start);
            const QStringList before = viewSnapshot(*m_window);
            for (int i = 0; i < steps; ++i) {
                QTest::keyClick(m_window.get(), Qt::Key_Right);
            }
            const std::size_t reached = std::min(length, start + static_cast<std::size_t>(steps));
            QCOMPARE(m_window->session()->position(), reached);
            for (std::size_t i = start; i < reached; ++i) {
                QTest::keyClick(m_window.get(), Qt::Key_Left);
            }
            QCOMPARE(m_window->session()->position(), start);
            QCOMPARE(viewSnapshot(*m_window), before);
        }
    }

    void homeEndAndSpace() {
        QVERIFY(m_window->openFile(lesson("bounded-buffer.yaml")));
        QTest::keyClick(m_window.get(), Qt::Key_End);
        QCOMPARE(m_window->session()->position(), m_window->session()->length());
        QTest::keyClick(m_window.get(), Qt::Key_Home);
        QCOMPARE(m_window->session()->position(), std::size_t(0));
        QVERIFY(!m_window->player()->isPlaying());
        QTest::keyClick(m_window.get(), Qt::Key_Space);
        QVERIFY(m_window->player()->isPlaying());
        QTest::keyClick(m_window.get(), Qt::Key_Space);
        QVERIFY(!m_window->player()->isPlaying());
    }

    void welcomeSharesASegment() {
        QVERIFY(m_window->openFile(lesson("welcome.yaml")));
        const Trace& t = *m_window->session()->trace();
        const int lastRead =
            lastEvent(t, [](const Event& e) { return e.kind == EventKind::ShmRead; });
        QVERIFY(lastRead > 0);
        m_window->gotoEvent(static_cast<std::size_t>(lastRead) + 1);
        SystemView* view = m_window->systemView();
        QCOMPARE(view->segmentCell(QStringLiteral("readings"), 0), QStringLiteral("reading 1"));
        QCOMPARE(view->segmentCell(QStringLiteral("readings"), 144), QStringLiteral("reading 10"));
        QCOMPARE(view->segmentCellHighlight(QStringLiteral("readings"), 144),
                 QStringLiteral("read"));
        QCOMPARE(view->segmentCellHighlight(QStringLiteral("readings"), 0), QString());
        QCOMPARE(view->mappedSegments(1), QStringList{"readings"});
        const int firstWrite =
            firstEvent(t, [](const Event& e) { return e.kind == EventKind::ShmWrite; });
        m_window->gotoEvent(static_cast<std::size_t>(firstWrite) + 1);
        QCOMPARE(view->segmentCellHighlight(QStringLiteral("readings"), 0),
                 QStringLiteral("written"));
        QCOMPARE(view->mappedSegments(0), QStringList{"readings"});
        QCOMPARE(view->mappedSegments(1), QStringList());
    }

    void deadlockCycleIsHighlighted() {
        QVERIFY(m_window->openFile(lesson("deadlock.yaml")));
        m_window->gotoEnd();
        SystemView* view = m_window->systemView();
        QVERIFY(view->processDeadlocked(0));
        QVERIFY(view->processDeadlocked(1));
        QCOMPARE(view->banner(), QStringLiteral("DEADLOCK: alice → bob → alice"));
        QCOMPARE(view->processStateText(0), QStringLiteral("blocked: receive from bob"));
        QCOMPARE(view->processStateText(1), QStringLiteral("blocked: receive from alice"));
        QCOMPARE(view->waitTarget(0), QStringLiteral("alice<->bob"));
        QVERIFY(view->linkVisible(QStringLiteral("alice<->bob")));
        m_window->gotoEvent(m_window->session()->length() - 1);
        QVERIFY(!view->processDeadlocked(0));
        QCOMPARE(view->banner(), QString());
    }

    void thirtyTwoProcessesDoNotOverlap() {
        QVERIFY(m_window->openFile(QStringLiteral(IPCLAB_UI_TEST_DATA "/ring32.yaml")));
        SystemView* view = m_window->systemView();
        QCOMPARE(m_window->session()->trace()->processNames.size(), std::size_t(32));
        for (int a = 0; a < 32; ++a) {
            for (int b = a + 1; b < 32; ++b) {
                QVERIFY2(!view->processSceneRect(a).intersects(view->processSceneRect(b)),
                         qPrintable(QStringLiteral("p%1 overlaps p%2").arg(a).arg(b)));
            }
        }
        m_window->gotoEnd();
        QCOMPARE(view->processStateText(31), QStringLiteral("terminated"));
    }

    void libraryListsTheLessons() {
        ScenarioLibrary* library = m_window->library();
        QVERIFY(library->lessonCount() >= 10);
        int welcome = -1;
        for (int i = 0; i < library->lessonCount(); ++i) {
            if (library->lessonPath(i).endsWith(QStringLiteral("/welcome.yaml"))) {
                welcome = i;
            }
        }
        QVERIFY(welcome >= 0);
        QCOMPARE(library->lessonTitle(welcome),
                 QStringLiteral("Welcome: shared memory and message passing side by side"));
        library->activate(welcome);
        QCOMPARE(m_window->captions()->title(), library->lessonTitle(welcome));
    }

    void brokenFileKeepsTheOpenScenario() {
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("lesson.yaml"));
        QVERIFY(writeFile(good, readFile(lesson("bounded-buffer.yaml"))));
        QVERIFY(m_window->openFile(good));
        m_window->gotoEvent(10);
        const QString title = m_window->captions()->title();

        const QString broken = dir.filePath(QStringLiteral("broken.yaml"));
        QVERIFY(writeFile(broken, "scenario: Broken\nprocesses:\n  - name: a\n    program:\n"
                                  "      - sendd: { to: a }\n"));
        QVERIFY(!m_window->openFile(broken));
        ErrorPanel* panel = m_window->errorPanel();
        QVERIFY(panel->isVisible());
        QVERIFY(!panel->messages().isEmpty());
        QVERIFY2(panel->messages().front().startsWith(broken + QStringLiteral(":5:9:")),
                 qPrintable(panel->messages().front()));
        QVERIFY(panel->headline().contains(title));
        QCOMPARE(m_window->captions()->title(), title);
        QCOMPARE(m_window->session()->position(), std::size_t(10));
        QCOMPARE(m_window->document()->path(), good);
    }

    void editedFileReloadsOrShowsItsError() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lesson.yaml"));
        const QByteArray text = readFile(lesson("bounded-buffer.yaml"));
        QVERIFY(writeFile(path, text));
        QVERIFY(m_window->openFile(path));
        const QString title = m_window->captions()->title();

        QByteArray broken = text;
        broken.replace("capacity: 3", "capacity: three");
        QVERIFY(writeFile(path, broken));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->errorPanel()->isVisible(), 10000);
        QVERIFY2(m_window->errorPanel()->messages().front().startsWith(path + QStringLiteral(":")),
                 qPrintable(m_window->errorPanel()->messages().front()));
        QCOMPARE(m_window->captions()->title(), title);
        QVERIFY(m_window->session()->hasRun());

        QByteArray fixed = text;
        fixed.replace("capacity: 3", "capacity: 2");
        QVERIFY(writeFile(path, fixed));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->errorPanel()->isVisible(), 10000);
        const Trace& t = *m_window->session()->trace();
        QCOMPARE(t.objects.front().capacity, 2);
    }

private:
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
