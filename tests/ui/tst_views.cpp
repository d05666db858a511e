// Views over a hand-made trace: what each view shows at a cursor, independent of the
// simulator. The trace is a producer filling a mailbox of 2 and blocking on the third send.

#include "captionview.h"
#include "eventlogmodel.h"
#include "eventlogview.h"
#include "player.h"
#include "programview.h"
#include "runsession.h"
#include "systemview.h"

#include <QSignalSpy>
#include <QtTest>

using namespace ipclab;
using namespace ipclab::ui;

namespace {

Operation op(OpKind kind, int line, std::string object = {}, std::string text = {}) {
    Operation o;
    o.kind = kind;
    o.pos = {line, 7};
    o.object = std::move(object);
    o.text = std::move(text);
    if (kind == OpKind::Send || kind == OpKind::Receive) {
        o.peerKind = PeerKind::Mailbox;
    }
    return o;
}

std::shared_ptr<Scenario> makeScenario() {
    auto s = std::make_shared<Scenario>();
    s->title = "Hand-made bounded buffer";
    s->description = "A mailbox of two.";
    ProcessSpec producer;
    producer.name = "producer";
    Operation create = op(OpKind::MailboxCreate, 7, "M");
    create.capacity = 2;
    producer.program = {create, op(OpKind::Send, 8, "M", "a"), op(OpKind::Send, 9, "M", "b"),
                        op(OpKind::Send, 10, "M", "c"), op(OpKind::Say, 11, {}, "all sent")};
    ProcessSpec consumer;
    consumer.name = "consumer";
    Operation receive = op(OpKind::Receive, 14, "M");
    receive.into = "x";
    consumer.program = {op(OpKind::Say, 13, {}, "my turn"), receive};
    s->processes = {producer, consumer};
    return s;
}

struct TraceBuilder {
    Trace trace;
    std::uint64_t time = 0;
    Event& add(EventKind kind, int proc, OpKind o = OpKind::Compute, int line = 0) {
        Event e;
        e.time = time++;
        e.kind = kind;
        e.proc = proc < 0 ? kNoProcess : static_cast<std::uint16_t>(proc);
        e.op = o;
        e.line = static_cast<std::uint16_t>(line);
        trace.push(e);
        return trace.events.back();
    }
};

/// Events: 0 RunStart, 1-2 both ready, 3 dispatch producer, 4 running, 5 mq_open,
/// 6 M created, 7-8 send "a", 9-10 send "b", 11 blocking send, 12 producer blocked on M,
/// 13 dispatch consumer, 14 running, 15 caption, 16 receive syscall, 17 took "a", 18 RunEnd.
std::shared_ptr<const Trace> makeTrace() {
    TraceBuilder b;
    Trace& t = b.trace;
    t.scenarioTitle = "Hand-made bounded buffer";
    t.cpus = 1;
    t.processNames = {"producer", "consumer"};
    ObjectInfo mailbox;
    mailbox.kind = ObjectKind::Mailbox;
    mailbox.name = "M";
    mailbox.capacity = 2;
    t.addObject(mailbox);
    b.add(EventKind::RunStart, -1);
    b.add(EventKind::State, 0).a = static_cast<int>(ProcState::Ready);
    b.add(EventKind::State, 1).a = static_cast<int>(ProcState::Ready);
    Event& d = b.add(EventKind::Dispatch, 0);
    d.cpu = 0;
    d.a = 2;
    Event& r = b.add(EventKind::State, 0);
    r.a = static_cast<int>(ProcState::Running);
    r.cpu = 0;
    b.add(EventKind::Syscall, 0, OpKind::MailboxCreate, 7).text = t.intern("mq_open");
    Event& c = b.add(EventKind::ObjCreated, 0, OpKind::MailboxCreate, 7);
    c.object = 0;
    c.a = 2;
    int id = 1;
    for (const auto& [line, text] : {std::pair{8, "a"}, std::pair{9, "b"}}) {
        Event& s = b.add(EventKind::Syscall, 0, OpKind::Send, line);
        s.text = t.intern("mq_timedsend");
        s.object = 0;
        s.a = 1;
        Event& m = b.add(EventKind::MsgSent, 0, OpKind::Send, line);
        m.object = 0;
        m.a = id;
        m.b = id;
        m.text = t.intern(text);
        ++id;
    }
    Event& s3 = b.add(EventKind::Syscall, 0, OpKind::Send, 10);
    s3.text = t.intern("mq_timedsend");
    s3.object = 0;
    s3.flags = kFlagBlocking;
    Event& bl = b.add(EventKind::State, 0, OpKind::Send, 10);
    bl.a = static_cast<int>(ProcState::Blocked);
    bl.object = 0;
    Event& d2 = b.add(EventKind::Dispatch, 1);
    d2.cpu = 0;
    d2.a = 1;
    Event& r2 = b.add(EventKind::State, 1);
    r2.a = static_cast<int>(ProcState::Running);
    r2.cpu = 0;
    b.add(EventKind::Caption, 1, OpKind::Say, 13).text = t.intern("my turn");
    Event& rs = b.add(EventKind::Syscall, 1, OpKind::Receive, 14);
    rs.text = t.intern("mq_timedreceive");
    rs.object = 0;
    rs.a = 1;
    Event& got = b.add(EventKind::MsgReceived, 1, OpKind::Receive, 14);
    got.object = 0;
    got.a = 1;
    got.b = 0;
    got.text = t.intern("a");
    b.add(EventKind::RunEnd, -1).a = static_cast<int>(Outcome::Completed);
    return std::make_shared<const Trace>(std::move(t));
}

} // namespace

class TestViews : public QObject {
    Q_OBJECT

private slots:
    void init() {
        m_session = std::make_unique<RunSession>();
        m_system = std::make_unique<SystemView>();
        m_program = std::make_unique<ProgramView>();
        m_log = std::make_unique<EventLogView>();
        m_captions = std::make_unique<CaptionView>();
        m_system->setAnimationEnabled(false);
        m_session->addView(m_system.get());
        m_session->addView(m_program.get());
        m_session->addView(m_log.get());
        m_session->addView(m_captions.get());
        QObject::connect(m_log.get(), &EventLogView::positionRequested, m_session.get(),
                         &RunSession::setPosition);
        m_session->showTrace(makeScenario(), makeTrace());
    }

    void systemViewAtCursor_data() {
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("producerState");
        QTest::addColumn<QString>("consumerState");
        QTest::addColumn<QStringList>("queued");
        QTest::addColumn<QString>("producerWaitsOn");
        QTest::addColumn<bool>("mailboxShown");
        QTest::newRow("before anything") << 0 << "new"
                                         << "new" << QStringList() << "" << false;
        QTest::newRow("both ready") << 3 << "ready"
                                    << "ready" << QStringList() << "" << false;
        QTest::newRow("mailbox created") << 7 << "running on CPU 0"
                                         << "ready" << QStringList() << "" << true;
        QTest::newRow("one message") << 9 << "running on CPU 0"
                                     << "ready" << QStringList{"a"} << "" << true;
        QTest::newRow("full, producer blocked") << 13 << "blocked: send on M"
                                                << "ready" << QStringList{"a", "b"} << "M" << true;
        QTest::newRow("consumer took one") << 18 << "blocked: send on M"
                                           << "running on CPU 0" << QStringList{"b"} << "M" << true;
    }

    void systemViewAtCursor() {
        QFETCH(int, position);
        QFETCH(QString, producerState);
        QFETCH(QString, consumerState);
        QFETCH(QStringList, queued);
        QFETCH(QString, producerWaitsOn);
        QFETCH(bool, mailboxShown);
        m_session->setPosition(static_cast<std::size_t>(position));
        QCOMPARE(m_system->processStateText(0), producerState);
        QCOMPARE(m_system->processStateText(1), consumerState);
        QCOMPARE(m_system->mailboxMessages(QStringLiteral("M")), queued);
        QCOMPARE(m_system->mailboxFilledSlots(QStringLiteral("M")), queued.size());
        QCOMPARE(m_system->waitTarget(0), producerWaitsOn);
        QCOMPARE(m_system->mailboxVisible(QStringLiteral("M")), mailboxShown);
    }

    void programViewHighlightsCurrentLine_data() {
        QTest::addColumn<int>("position");
        QTest::addColumn<int>("producerLine");
        QTest::addColumn<QString>("producerText");
        QTest::addColumn<int>("consumerLine");
        QTest::newRow("creating") << 6 << 7 << "mailbox_create: {name: M, capacity: 2}" << 0;
        QTest::newRow("second send") << 11 << 9 << "send: {mailbox: M, message: \"b\"}" << 0;
        QTest::newRow("blocked in third send")
            << 13 << 10 << "send: {mailbox: M, message: \"c\"}" << 0;
        QTest::newRow("consumer receiving")
            << 18 << 10 << "send: {mailbox: M, message: \"c\"}" << 14;
    }

    void programViewHighlightsCurrentLine() {
        QFETCH(int, position);
        QFETCH(int, producerLine);
        QFETCH(QString, producerText);
        QFETCH(int, consumerLine);
        m_session->setPosition(static_cast<std::size_t>(position));
        QCOMPARE(m_program->highlightedLine(0), producerLine);
        QCOMPARE(m_program->highlightedText(0), producerText);
        QCOMPARE(m_program->highlightedLine(1), consumerLine);
    }

    void eventLogRowsAndSelection() {
        m_session->setRevealAsYouGo(false); // the instructor's overview: every row
        QCOMPARE(m_log->visibleRows(), 19);
        QCOMPARE(m_log->cell(5, EventLogModel::Syscall), QStringLiteral("mq_open"));
        QCOMPARE(m_log->cell(5, EventLogModel::Process), QStringLiteral("producer"));
        QCOMPARE(m_log->cell(12, EventLogModel::Kind), QStringLiteral("state"));
        QCOMPARE(m_log->cell(12, EventLogModel::Object), QStringLiteral("M"));
        QCOMPARE(m_log->cell(12, EventLogModel::Detail), QStringLiteral("blocked"));
        QCOMPARE(m_log->cell(17, EventLogModel::Detail), QStringLiteral("\"a\" from producer"));
        m_log->setFilter(QStringLiteral("mq_timedsend"));
        QCOMPARE(m_log->visibleRows(), 3);
        m_log->selectVisibleRow(2); // the blocking send, event 11
        QCOMPARE(m_session->position(), std::size_t(12));
        QCOMPARE(m_system->processStateText(0), QStringLiteral("running on CPU 0"));
        m_log->setFilter(QString());
        m_session->setPosition(13);
        QCOMPARE(m_log->currentEvent(), 12);
    }

    void eventLogRevealsAsYouGo() {
        QVERIFY(m_session->revealAsYouGo()); // the student's mode is the default
        QCOMPARE(m_log->visibleRows(), 0);
        m_session->setPosition(6);
        QCOMPARE(m_log->visibleRows(), 6); // events 0..5, nothing past the cursor
        QCOMPARE(m_log->cell(5, EventLogModel::Syscall), QStringLiteral("mq_open"));
        m_session->setPosition(17);
        QCOMPARE(m_log->visibleRows(), 17);
        m_session->step(-3);
        QCOMPARE(m_log->visibleRows(), 14);
        QCOMPARE(m_log->currentEvent(), 13);
        m_session->setRevealAsYouGo(false);
        QCOMPARE(m_log->visibleRows(), 19);
        QCOMPARE(m_log->currentEvent(), 13);
        m_session->setRevealAsYouGo(true);
        QCOMPARE(m_log->visibleRows(), 14);
    }

    void nextAndPreviousCaption() {
        // One caption, event 15 ("my turn"): Page Down goes just past it, Page Up back.
        QVERIFY(m_session->nextCaption());
        QCOMPARE(m_session->position(), std::size_t(16));
        QCOMPARE(m_captions->caption(), QStringLiteral("my turn"));
        QVERIFY(!m_session->nextCaption()); // no later caption: the cursor stays
        QCOMPARE(m_session->position(), std::size_t(16));
        m_session->setPosition(18);
        QVERIFY(m_session->previousCaption()); // back to the start of the caption on show
        QCOMPARE(m_session->position(), std::size_t(16));
        QVERIFY(m_session->previousCaption()); // already there: the one before, the start
        QCOMPARE(m_session->position(), std::size_t(0));
        QVERIFY(!m_session->previousCaption());
    }

    void captionsShowSayLines() {
        QCOMPARE(m_captions->title(), QStringLiteral("Hand-made bounded buffer"));
        m_session->setPosition(15);
        QCOMPARE(m_captions->caption(), QString());
        m_session->setPosition(16);
        QCOMPARE(m_captions->caption(), QStringLiteral("my turn"));
        QVERIFY(m_captions->totals().contains(QStringLiteral("System calls: <b>4</b>")));
        m_session->setPosition(2);
        QCOMPARE(m_captions->caption(), QString());
    }

    void stepBackRestoresTheViews() {
        m_session->setPosition(13);
        const QString producer = m_system->processStateText(0);
        const QStringList queued = m_system->mailboxMessages(QStringLiteral("M"));
        const int line = m_program->highlightedLine(0);
        for (int i = 0; i < 5; ++i) {
            m_session->step(1);
        }
        QCOMPARE(m_system->mailboxMessages(QStringLiteral("M")), QStringList{"b"});
        for (int i = 0; i < 5; ++i) {
            m_session->step(-1);
        }
        QCOMPARE(m_session->position(), std::size_t(13));
        QCOMPARE(m_system->processStateText(0), producer);
        QCOMPARE(m_system->mailboxMessages(QStringLiteral("M")), queued);
        QCOMPARE(m_program->highlightedLine(0), line);
    }

    void tokenAnimatesOnlyWhileInFlight() {
        m_system->setAnimationEnabled(true);
        m_session->setPosition(8);
        m_session->step(1); // event 8: "a" enters M
        QVERIFY(m_system->tokenInFlight());
        QCOMPARE(m_system->tokenText(), QStringLiteral("a"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_system->tokenInFlight(), 5000);
        m_session->step(-1); // stepping back never animates
        QVERIFY(!m_system->tokenInFlight());
    }

    void playerTimerIsCappedAndStopsWhenPaused_data() {
        QTest::addColumn<double>("speed");
        QTest::addColumn<int>("interval");
        QTest::newRow("1 event/s") << 1.0 << 1000;
        QTest::newRow("4 events/s") << 4.0 << 250;
        QTest::newRow("100 events/s") << 100.0 << 16;
        QTest::newRow("10000 events/s") << 10000.0 << 16;
    }

    void playerTimerIsCappedAndStopsWhenPaused() {
        QFETCH(double, speed);
        QFETCH(int, interval);
        Player player(m_session.get());
        player.setSpeed(speed);
        QCOMPARE(player.frameInterval(), interval);
        QVERIFY(!player.isPlaying());
        player.play();
        QVERIFY(player.isPlaying());
        player.pause();
        QVERIFY(!player.isPlaying());
    }

    void playerStopsAtTheEnd() {
        Player player(m_session.get());
        player.setSpeed(10000);
        player.play();
        QTRY_VERIFY_WITH_TIMEOUT(!player.isPlaying(), 5000);
        QCOMPARE(m_session->position(), m_session->length());
    }

private:
    std::unique_ptr<RunSession> m_session;
    std::unique_ptr<SystemView> m_system;
    std::unique_ptr<ProgramView> m_program;
    std::unique_ptr<EventLogView> m_log;
    std::unique_ptr<CaptionView> m_captions;
};

QTEST_MAIN(TestViews)
#include "tst_views.moc"
