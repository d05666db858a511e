// The message sequence chart: one arrow per message from its send to its receive, flat for
// a rendezvous and sloping down for an asynchronous send; through the mailbox's life line
// where there is one; blocked stretches on the life lines; reveal as you go.

#include "lessonview.h"
#include "sequenceview.h"

#include <QtTest>

using namespace ipclab;
using namespace ipclab::ui;

namespace {

std::int64_t count(const Trace& t, EventKind kind) {
    std::int64_t n = 0;
    for (const Event& e : t.events) {
        n += e.kind == kind ? 1 : 0;
    }
    return n;
}

} // namespace

class TestSequenceChart : public QObject {
    Q_OBJECT
private slots:
    void rendezvousArrowsAreFlat() {
        LessonAtCursor run("rendezvous");
        QVERIFY(run.trace);
        SequenceView view;
        view.setRevealAsYouGo(false);
        run.show(view);
        run.at(view, run.length());
        const auto arrows = view.arrows();
        QCOMPARE(static_cast<std::int64_t>(arrows.size()), count(*run.trace, EventKind::MsgSent));
        QCOMPARE(arrows.size(), std::size_t(3));
        const int sender = test::processId(*run.trace, "sender");
        const int receiver = test::processId(*run.trace, "receiver");
        const int handoff = run.trace->findObject(ObjectKind::Mailbox, "handoff");
        for (const auto& a : arrows) {
            QCOMPARE(a.sender, sender);
            QCOMPARE(a.receiver, receiver);
            QCOMPARE(a.object, handoff);
            QVERIFY(a.throughMailbox);
            QCOMPARE(a.from.x(), view.processX(sender));
            QCOMPARE(a.to.x(), view.processX(receiver));
            // Capacity 0: the message passes when the two meet, the arrow is level.
            QCOMPARE(a.to.y(), a.from.y());
        }
        // The sender waits at every send: its life line has blocked stretches.
        QVERIFY(view.blockedBars(sender).size() >= 3);
    }

    void asynchronousArrowsSlopeDown() {
        LessonAtCursor run("unbounded-async");
        QVERIFY(run.trace);
        SequenceView view;
        view.setRevealAsYouGo(false);
        run.show(view);
        run.at(view, run.length());
        const auto arrows = view.arrows();
        QCOMPARE(static_cast<std::int64_t>(arrows.size()), count(*run.trace, EventKind::MsgSent));
        QVERIFY(arrows.size() >= 2);
        int sloped = 0;
        for (const auto& a : arrows) {
            QVERIFY(a.throughMailbox);
            QVERIFY(a.receiver >= 0);
            QCOMPARE(a.from.x(), view.processX(a.sender));
            QCOMPARE(a.to.x(), view.processX(a.receiver));
            QVERIFY(a.to.y() >= a.from.y());
            sloped += a.to.y() - a.from.y() > 2 * SequenceView::kRowHeight ? 1 : 0;
        }
        // The sender runs ahead: messages wait in the mailbox, received rows later.
        QVERIFY(sloped >= 1);
    }

    void directLinksHaveNoMailboxLifeLine() {
        LessonAtCursor run("too-many-links");
        QVERIFY(run.trace);
        SequenceView view;
        view.setRevealAsYouGo(false);
        run.show(view);
        run.at(view, run.length());
        const auto arrows = view.arrows();
        QCOMPARE(static_cast<std::int64_t>(arrows.size()), count(*run.trace, EventKind::MsgSent));
        // 20 greetings over 10 links, then 5 notes through the one mailbox `board`.
        int direct = 0;
        int board = 0;
        for (const auto& a : arrows) {
            const ObjectKind kind = run.trace->objects[static_cast<std::size_t>(a.object)].kind;
            QCOMPARE(a.throughMailbox, kind == ObjectKind::Mailbox);
            direct += kind == ObjectKind::Link ? 1 : 0;
            board += kind == ObjectKind::Mailbox ? 1 : 0;
            QCOMPARE(a.from.x(), view.processX(a.sender));
            QVERIFY(a.receiver >= 0);
            QCOMPARE(a.to.x(), view.processX(a.receiver));
        }
        QCOMPARE(direct, 20);
        QCOMPARE(board, 5);
        int mailboxLines = 0;
        for (const SequenceColumn& c : view.layout().columns) {
            mailboxLines += c.mailbox ? 1 : 0;
        }
        QCOMPARE(mailboxLines, 1);
    }

    void revealAsYouGoDrawsNothingPastTheCursor() {
        LessonAtCursor run("unbounded-async");
        QVERIFY(run.trace);
        SequenceView view;
        run.show(view);
        QVERIFY(view.revealAsYouGo());
        run.at(view, 0);
        QVERIFY(view.arrows().empty());
        const int second = [&] {
            int seen = 0;
            for (std::size_t i = 0; i < run.length(); ++i) {
                if (run.trace->events[i].kind == EventKind::MsgSent && ++seen == 2) {
                    return static_cast<int>(i);
                }
            }
            return -1;
        }();
        QVERIFY(second > 0);
        run.at(view, static_cast<std::size_t>(second) + 1);
        const auto arrows = view.arrows();
        QCOMPARE(arrows.size(), std::size_t(2));
        for (const auto& a : arrows) {
            // Not received yet at this cursor: the arrow stops at the mailbox.
            if (a.receiver < 0) {
                QCOMPARE(a.to.x(), view.mailboxX(a.object));
            }
        }
        view.setRevealAsYouGo(false);
        QCOMPARE(static_cast<std::int64_t>(view.arrows().size()),
                 count(*run.trace, EventKind::MsgSent));
        // The cursor line moves down with the cursor.
        const qreal y = view.cursorY();
        run.at(view, run.length());
        QVERIFY(view.cursorY() > y);
    }

    void labelsNeverOverlapAt1280x720_data() {
        QTest::addColumn<QString>("lesson");
        for (const auto& path : test::bundledScenarios()) {
            const std::string stem = path.stem().string();
            QTest::newRow(stem.c_str()) << QString::fromStdString(stem);
        }
    }
    void labelsNeverOverlapAt1280x720() {
        QFETCH(QString, lesson);
        LessonAtCursor run(qPrintable(lesson));
        QVERIFY(run.trace);
        SequenceView view;
        view.resize(1280, 720);
        view.setRevealAsYouGo(false);
        run.show(view);
        run.at(view, run.length());
        const auto rects = view.labelRects();
        for (std::size_t i = 0; i < rects.size(); ++i) {
            for (std::size_t j = i + 1; j < rects.size(); ++j) {
                QVERIFY2(!rects[i].intersects(rects[j]),
                         qPrintable(QStringLiteral("labels %1 and %2 overlap").arg(i).arg(j)));
            }
        }
    }
};

QTEST_MAIN(TestSequenceChart)
#include "tst_sequencechart.moc"
