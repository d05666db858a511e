// "Honest at every event" (issue 10): each item that was seen wrong, at the lesson and
// event where it was seen, asked of the system view as the user would see it.

#include "lessonview.h"
#include "systemview.h"

#include <QtTest>

using namespace ipclab;
using namespace ipclab::ui;

namespace {

std::int64_t queuedOnLinks(const SystemView& view, const Trace& trace) {
    std::int64_t n = 0;
    for (const ObjectInfo& o : trace.objects) {
        if (o.kind == ObjectKind::Link) {
            n += view.linkQueued(QString::fromStdString(o.name));
        }
    }
    return n;
}

} // namespace

class TestSystemViewHonest : public QObject {
    Q_OBJECT
private slots:
    void queuedMessagesOnADirectLinkStayDrawnAfterTheSenderEnds() {
        // direct-asymmetric, event 69: "sent 3, received 1", and nothing was drawn.
        LessonAtCursor lesson("direct-asymmetric");
        QVERIFY(lesson.trace);
        SystemView view;
        view.resize(1280, 720);
        lesson.show(view);
        lesson.at(view, 69);
        const SystemState& s = lesson.cursor->at(69);
        QCOMPARE(s.messagesSent, std::int64_t(3));
        QCOMPARE(s.messagesReceived, std::int64_t(1));
        QCOMPARE(queuedOnLinks(view, *lesson.trace), std::int64_t(2));
        // Each queued message's link is drawn, even where its sender has terminated and
        // the link was shut down.
        int shutButDrawn = 0;
        for (const ObjectInfo& o : lesson.trace->objects) {
            const QString name = QString::fromStdString(o.name);
            if (o.kind == ObjectKind::Link && view.linkQueued(name) > 0) {
                QVERIFY2(view.linkVisible(name), qPrintable(name));
                shutButDrawn += view.linkShut(name) ? 1 : 0;
            }
        }
        QVERIFY(shutButDrawn >= 1);
    }

    void aSegmentShowsWhatWasWrittenUntilItIsGone_data() {
        QTest::addColumn<QString>("lesson");
        QTest::addColumn<QString>("segment");
        QTest::newRow("welcome") << "welcome"
                                 << "readings";
        QTest::newRow("shm-vs-messages") << "shm-vs-messages"
                                         << "";
    }
    void aSegmentShowsWhatWasWrittenUntilItIsGone() {
        QFETCH(QString, lesson);
        QFETCH(QString, segment);
        LessonAtCursor run(qPrintable(lesson));
        QVERIFY(run.trace);
        SystemView view;
        run.show(view);
        run.at(view, run.length());
        int checked = 0;
        for (std::size_t o = 0; o < run.trace->objects.size(); ++o) {
            const ObjectInfo& info = run.trace->objects[o];
            if (info.kind != ObjectKind::Segment ||
                (!segment.isEmpty() && QString::fromStdString(info.name) != segment)) {
                continue;
            }
            // At the end every offset ever written still shows its last value.
            const int lastWrite = [&] {
                int last = -1;
                for (std::size_t i = 0; i < run.trace->events.size(); ++i) {
                    const Event& e = run.trace->events[i];
                    if (e.kind == EventKind::ShmWrite && e.object == o) {
                        last = static_cast<int>(i);
                    }
                }
                return last;
            }();
            QVERIFY(lastWrite >= 0);
            const Event& w = run.trace->events[static_cast<std::size_t>(lastWrite)];
            QCOMPARE(view.segmentCell(QString::fromStdString(info.name), w.a),
                     QString::fromStdString(run.trace->str(w.text)));
            ++checked;
        }
        QVERIFY(checked > 0);
    }

    void theCellWrittenAtThisEventIsHighlighted() {
        LessonAtCursor run("welcome");
        QVERIFY(run.trace);
        SystemView view;
        run.show(view);
        const int write = run.first([](const Event& e) { return e.kind == EventKind::ShmWrite; });
        QVERIFY(write >= 0);
        const Event& w = run.trace->events[static_cast<std::size_t>(write)];
        run.at(view, static_cast<std::size_t>(write) + 1);
        QVERIFY(view.segmentCellWrittenNow(QStringLiteral("readings"), w.a));
        run.at(view, static_cast<std::size_t>(write) + 2);
        QVERIFY(!view.segmentCellWrittenNow(QStringLiteral("readings"), w.a));
    }

    void snoopingDrawsModesUidsAndTheRefusedAttach() {
        // shm-snooping-fixed, event 21: mallory's shmat is refused; nothing was drawn.
        LessonAtCursor run("shm-snooping-fixed");
        QVERIFY(run.trace);
        SystemView view;
        view.resize(1280, 720);
        run.show(view);
        const int refused = run.first([](const Event& e) {
            return e.kind == EventKind::Syscall &&
                   static_cast<CallResult>(e.b) == CallResult::PermissionDenied;
        });
        QCOMPARE(refused + 1, 21);
        run.at(view, 21);
        QVERIFY(view.segmentTitle(QStringLiteral("notes")).contains(QStringLiteral("mode 0600")));
        QCOMPARE(view.processUid(0), QStringLiteral("uid 1000"));
        QCOMPARE(view.processUid(1), QStringLiteral("uid 1001"));
        // shm_attach by key is two calls: shmget finds the segment, shmat is refused.
        QCOMPARE(view.processCost(1), QStringLiteral("shmget + shmat +2 ✗"));
        QCOMPARE(view.labelledArrows(),
                 QStringList{QStringLiteral("shmat refused: permission denied")});
        // The refusal is drawn at its moment, not forever.
        run.at(view, 23);
        QVERIFY(view.labelledArrows().isEmpty());
    }

    void snoopingUnfixedShowsMode0666() {
        LessonAtCursor run("shm-snooping");
        QVERIFY(run.trace);
        SystemView view;
        run.show(view);
        run.at(view, run.length());
        QVERIFY(view.segmentTitle(QStringLiteral("notes")).contains(QStringLiteral("mode 0666")));
    }

    void deadlockIsDrawnAsDirectedWaitsForEdges() {
        LessonAtCursor run("deadlock");
        QVERIFY(run.trace);
        SystemView view;
        view.resize(1280, 720);
        run.show(view);
        run.at(view, run.length());
        QCOMPARE(view.waitsFor(0), QStringLiteral("bob"));
        QCOMPARE(view.waitsFor(1), QStringLiteral("alice"));
        QCOMPARE(view.labelledArrows(),
                 (QStringList{QStringLiteral("waits for"), QStringLiteral("waits for")}));
        run.at(view, run.length() - 1);
        QVERIFY(view.waitsFor(0).isEmpty());
    }

    void semaphoresNameTheirHolders() {
        LessonAtCursor run("deadlock-semaphores");
        QVERIFY(run.trace);
        SystemView view;
        run.show(view);
        run.at(view, run.length());
        const SystemState& end = run.cursor->at(run.length());
        int named = 0;
        for (std::size_t o = 0; o < run.trace->objects.size(); ++o) {
            const ObjectInfo& info = run.trace->objects[o];
            if (info.kind != ObjectKind::Semaphore) {
                continue;
            }
            QStringList expected;
            for (int holder : end.objects[o].holders) {
                expected << QString::fromStdString(
                    run.trace->processNames[static_cast<std::size_t>(holder)]);
            }
            QCOMPARE(view.semaphoreHolders(QString::fromStdString(info.name)), expected);
            named += static_cast<int>(expected.size());
        }
        QVERIFY(named >= 2);
        QCOMPARE(view.labelledArrows().size(), qsizetype(2));
        for (const QString& label : view.labelledArrows()) {
            QVERIFY2(label.startsWith(QStringLiteral("waits for (")), qPrintable(label));
        }
    }

    void aMailboxUserStaysConnectedWhenNotBlocked() {
        LessonAtCursor run("bounded-buffer");
        QVERIFY(run.trace);
        SystemView view;
        run.show(view);
        // The producer's first send (its system call is the first event of the operation).
        const int sent = run.first(
            [](const Event& e) { return e.kind == EventKind::Syscall && e.op == OpKind::Send; });
        QVERIFY(sent >= 0);
        const Event& e = run.trace->events[static_cast<std::size_t>(sent)];
        const QString mailbox = QString::fromStdString(run.trace->objects[e.object].name);
        const QString sender = QString::fromStdString(run.trace->processNames[e.proc]);
        run.at(view, static_cast<std::size_t>(sent));
        QVERIFY(!view.mailboxUsers(mailbox).contains(sender));
        run.at(view, static_cast<std::size_t>(sent) + 2);
        QVERIFY(view.mailboxUsers(mailbox).contains(sender));
        QVERIFY(!view.processStateText(e.proc).startsWith(QStringLiteral("blocked")));
    }

    void theCostOfTheCurrentStepIsNamedOnTheProcess() {
        LessonAtCursor run("bounded-buffer");
        QVERIFY(run.trace);
        SystemView view;
        run.show(view);
        const int sent = run.first([](const Event& e) { return e.kind == EventKind::MsgSent; });
        run.at(view, static_cast<std::size_t>(sent) + 1);
        const Event& e = run.trace->events[static_cast<std::size_t>(sent)];
        QCOMPARE(view.processCost(e.proc), QStringLiteral("mq_timedsend +1"));
        for (int p = 0; p < static_cast<int>(run.trace->processNames.size()); ++p) {
            if (p != e.proc) {
                QCOMPARE(view.processCost(p), QString());
            }
        }
    }

    void aSharedMemoryAccessVisiblyCostsNothing() {
        LessonAtCursor run("welcome");
        QVERIFY(run.trace);
        SystemView view;
        run.show(view);
        const int write = run.first([](const Event& e) { return e.kind == EventKind::ShmWrite; });
        run.at(view, static_cast<std::size_t>(write) + 1);
        QCOMPARE(view.processCost(run.trace->events[static_cast<std::size_t>(write)].proc),
                 QStringLiteral("write: no syscall"));
    }

    void zoomAndFit() {
        LessonAtCursor run("welcome");
        QVERIFY(run.trace);
        SystemView view;
        view.resize(1280, 720);
        view.show();
        run.show(view);
        run.at(view, 0);
        QVERIFY(qAbs(view.zoom() - 1.0) < 0.01);
        view.zoomBy(2.0);
        QVERIFY(qAbs(view.zoom() - 2.0) < 0.01);
        const qreal scale = view.transform().m11();
        view.resize(1024, 768); // a resize keeps the user's zoom
        QCOMPARE(view.transform().m11(), scale);
        view.zoomBy(100.0);
        QVERIFY(qAbs(view.zoom() - 12.0) < 0.01);
        QTest::keyClick(&view, Qt::Key_F);
        QVERIFY(qAbs(view.zoom() - 1.0) < 0.01);
    }
};

QTEST_MAIN(TestSystemViewHonest)
#include "tst_systemview_honest.moc"
