// The scenario loader on good files: every operation, field, default and short form
// becomes the exact Operation values the engines rely on.

#include "badfiles.h"
#include "loader.h"
#include "loadertestutil.h"

#include <QtTest>
#include <cstdio>
#include <filesystem>
#include <fstream>

using namespace ipclab;

using namespace ipclab::test;

class TestLoaderForms : public QObject {
    Q_OBJECT

private slots:
    void messageOperations();
    void linkAndMailboxOperations();
    void sharedMemoryOperations();
    void mode_data();
    void mode();
    void semaphoresVariablesAndSay();
    void shortForms();
    void nestedRepeat();
    void aliasesAreAccepted();
};

void TestLoaderForms::messageOperations() {
    const auto s =
        mustLoad(kOneProcess + "      - mailbox_create: {name: M, capacity: 3}\n"
                               "      - send: {to: b, message: hello, blocking: false}\n"
                               "      - send: {mailbox: M, message: 42}\n"
                               "      - receive: {from: b, into: reply}\n"
                               "      - receive: {from: any, blocking: false}\n"
                               "      - receive: {mailbox: M, into: item, blocking: true}\n"
                               "  - {name: b, program: []}\n");
    const auto& p = s.processes[0].program;
    QCOMPARE(p.size(), std::size_t{6});
    QCOMPARE(p[1].kind, OpKind::Send);
    QCOMPARE(p[1].peerKind, PeerKind::Process);
    QCOMPARE(p[1].object, std::string("b"));
    QCOMPARE(p[1].text, std::string("hello"));
    QCOMPARE(p[1].textIsNumber, false);
    QCOMPARE(p[1].blocking, false);
    QCOMPARE(p[2].peerKind, PeerKind::Mailbox);
    QCOMPARE(p[2].object, std::string("M"));
    QCOMPARE(p[2].text, std::string("42"));
    QCOMPARE(p[2].textIsNumber, true);
    QCOMPARE(p[2].number, std::int64_t{42});
    QCOMPARE(p[2].blocking, true);
    QCOMPARE(p[3].kind, OpKind::Receive);
    QCOMPARE(p[3].peerKind, PeerKind::Process);
    QCOMPARE(p[3].object, std::string("b"));
    QCOMPARE(p[3].into, std::string("reply"));
    QCOMPARE(p[4].peerKind, PeerKind::Any);
    QCOMPARE(p[4].object, std::string());
    QCOMPARE(p[4].into, std::string());
    QCOMPARE(p[4].blocking, false);
    QCOMPARE(p[5].peerKind, PeerKind::Mailbox);
    QCOMPARE(p[5].into, std::string("item"));
    QCOMPARE(p[5].pos.line, 10);
    QCOMPARE(p[5].pos.column, 9);
}

void TestLoaderForms::linkAndMailboxOperations() {
    const auto s = mustLoad(kOneProcess + "      - connect: b\n"
                                          "      - disconnect: {peer: b}\n"
                                          "      - mailbox_create: R\n"
                                          "      - mailbox_create: {name: Z, capacity: 0, "
                                          "owner: process}\n"
                                          "      - mailbox_create: {name: U, capacity: "
                                          "unbounded, owner: kernel}\n"
                                          "      - mailbox_delete: R\n"
                                          "      - mailbox_delete: {name: Z}\n"
                                          "  - {name: b, program: []}\n");
    const auto& p = s.processes[0].program;
    QCOMPARE(p.size(), std::size_t{7});
    QCOMPARE(p[0].kind, OpKind::Connect);
    QCOMPARE(p[0].object, std::string("b"));
    QCOMPARE(p[1].kind, OpKind::Disconnect);
    QCOMPARE(p[1].object, std::string("b"));
    QCOMPARE(p[2].kind, OpKind::MailboxCreate);
    QCOMPARE(p[2].object, std::string("R"));
    QCOMPARE(p[2].capacity, kUnbounded);
    QCOMPARE(p[2].ownedByProcess, false);
    QCOMPARE(p[3].capacity, std::int64_t{0});
    QCOMPARE(p[3].ownedByProcess, true);
    QCOMPARE(p[4].capacity, kUnbounded);
    QCOMPARE(p[4].ownedByProcess, false);
    QCOMPARE(p[5].kind, OpKind::MailboxDelete);
    QCOMPARE(p[5].object, std::string("R"));
    QCOMPARE(p[6].object, std::string("Z"));
}

void TestLoaderForms::sharedMemoryOperations() {
    const auto s =
        mustLoad(kOneProcess + "      - shm_create: {name: board, key: 1234, size: 4096, mode: "
                               "\"0640\"}\n"
                               "      - shm_create: {name: plain, size: 16}\n"
                               "      - shm_attach: board\n"
                               "      - write: {segment: board, offset: 8, value: \"n={n}\"}\n"
                               "      - write: {segment: board, value: -5}\n"
                               "      - read: {segment: board, offset: 16, into: n}\n"
                               "      - shm_detach: {name: board}\n"
                               "      - shm_remove: board\n");
    const auto& p = s.processes[0].program;
    QCOMPARE(p.size(), std::size_t{8});
    QCOMPARE(p[0].kind, OpKind::ShmCreate);
    QCOMPARE(p[0].object, std::string("board"));
    QCOMPARE(p[0].key, std::string("1234"));
    QCOMPARE(p[0].size, std::int64_t{4096});
    QCOMPARE(p[0].mode, 0640);
    QCOMPARE(p[1].key, std::string());
    QCOMPARE(p[1].mode, 0600);
    QCOMPARE(p[2].kind, OpKind::ShmAttach);
    QCOMPARE(p[2].object, std::string("board"));
    QCOMPARE(p[3].kind, OpKind::Write);
    QCOMPARE(p[3].object, std::string("board"));
    QCOMPARE(p[3].offset, std::int64_t{8});
    QCOMPARE(p[3].text, std::string("n={n}"));
    QCOMPARE(p[4].offset, std::int64_t{0});
    QCOMPARE(p[4].textIsNumber, true);
    QCOMPARE(p[4].number, std::int64_t{-5});
    QCOMPARE(p[5].kind, OpKind::Read);
    QCOMPARE(p[5].offset, std::int64_t{16});
    QCOMPARE(p[5].into, std::string("n"));
    QCOMPARE(p[6].kind, OpKind::ShmDetach);
    QCOMPARE(p[7].kind, OpKind::ShmRemove);
}

void TestLoaderForms::mode_data() {
    QTest::addColumn<QString>("written");
    QTest::addColumn<int>("bits");
    QTest::newRow("quoted") << "\"0600\"" << 0600;
    QTest::newRow("quoted other bits") << "\"0666\"" << 0666;
    QTest::newRow("single quotes") << "'0644'" << 0644;
    QTest::newRow("unquoted leading zero") << "0640" << 0640;
    QTest::newRow("unquoted three digits") << "755" << 0755;
    QTest::newRow("0o prefix") << "0o600" << 0600;
    QTest::newRow("zero") << "\"0000\"" << 0;
}

void TestLoaderForms::mode() {
    QFETCH(QString, written);
    QFETCH(int, bits);
    const auto s = mustLoad(kOneProcess + "      - shm_create: {name: s, size: 8, mode: " +
                            written.toStdString() + "}\n");
    QCOMPARE(s.processes.at(0).program.at(0).mode, bits);
}

void TestLoaderForms::semaphoresVariablesAndSay() {
    const auto s = mustLoad(kOneProcess + "      - sem_create: {name: mutex, value: 1}\n"
                                          "      - sem_create: full\n"
                                          "      - sem_wait: mutex\n"
                                          "      - sem_post: {name: full}\n"
                                          "      - set: {var: x, value: 0}\n"
                                          "      - set: {var: label, value: \"x is {x}\"}\n"
                                          "      - add: x\n"
                                          "      - add: {var: x, value: 5}\n"
                                          "      - add: {var: x, value: \"{x}\"}\n"
                                          "      - say: \"{label} now\"\n"
                                          "      - say: {text: plain}\n");
    const auto& p = s.processes[0].program;
    QCOMPARE(p.size(), std::size_t{11});
    QCOMPARE(p[0].kind, OpKind::SemCreate);
    QCOMPARE(p[0].object, std::string("mutex"));
    QCOMPARE(p[0].value, std::int64_t{1});
    QCOMPARE(p[1].value, std::int64_t{0});
    QCOMPARE(p[2].kind, OpKind::SemWait);
    QCOMPARE(p[2].object, std::string("mutex"));
    QCOMPARE(p[3].kind, OpKind::SemPost);
    QCOMPARE(p[3].object, std::string("full"));
    QCOMPARE(p[4].kind, OpKind::Set);
    QCOMPARE(p[4].object, std::string("x"));
    QCOMPARE(p[4].textIsNumber, true);
    QCOMPARE(p[4].number, std::int64_t{0});
    QCOMPARE(p[5].text, std::string("x is {x}"));
    QCOMPARE(p[5].textIsNumber, false);
    QCOMPARE(p[6].kind, OpKind::Add);
    QCOMPARE(p[6].object, std::string("x"));
    QCOMPARE(p[6].text, std::string("1"));
    QCOMPARE(p[6].textIsNumber, true);
    QCOMPARE(p[6].number, std::int64_t{1});
    QCOMPARE(p[7].number, std::int64_t{5});
    QCOMPARE(p[8].text, std::string("{x}"));
    QCOMPARE(p[8].textIsNumber, false);
    QCOMPARE(p[9].kind, OpKind::Say);
    QCOMPARE(p[9].text, std::string("{label} now"));
    QCOMPARE(p[10].text, std::string("plain"));
}

void TestLoaderForms::shortForms() {
    // Each short form equals its map form, field for field.
    const auto s = mustLoad(kOneProcess + "      - compute: 3\n"
                                          "      - compute: {ticks: 3}\n"
                                          "      - connect: b\n"
                                          "      - connect: {peer: b}\n"
                                          "      - sem_create: s\n"
                                          "      - sem_create: {name: t}\n"
                                          "      - add: v\n"
                                          "      - add: {var: v}\n"
                                          "      - say: hi\n"
                                          "      - say: {text: hi}\n"
                                          "  - {name: b, program: []}\n");
    const auto& p = s.processes[0].program;
    QCOMPARE(p.size(), std::size_t{10});
    for (std::size_t i = 0; i < p.size(); i += 2) {
        QCOMPARE(p[i].kind, p[i + 1].kind);
        QCOMPARE(p[i].ticks, p[i + 1].ticks);
        QCOMPARE(p[i].text, p[i + 1].text);
        QCOMPARE(p[i].number, p[i + 1].number);
        QCOMPARE(p[i].value, p[i + 1].value);
    }
    QCOMPARE(p[0].ticks, std::int64_t{3});
    QCOMPARE(p[2].object, std::string("b"));
    QCOMPARE(p[6].object, std::string("v"));
    QCOMPARE(p[8].text, std::string("hi"));
}

void TestLoaderForms::nestedRepeat() {
    const auto s = mustLoad(kOneProcess + "      - repeat: 3\n"
                                          "        do:\n"
                                          "          - say: \"outer {i}\"\n"
                                          "          - repeat: 2\n"
                                          "            do:\n"
                                          "              - compute: 1\n"
                                          "              - say: \"inner {i}\"\n"
                                          "          - compute: 4\n");
    const auto& p = s.processes[0].program;
    QCOMPARE(p.size(), std::size_t{1});
    QCOMPARE(p[0].kind, OpKind::Repeat);
    QCOMPARE(p[0].count, std::int64_t{3});
    QCOMPARE(p[0].pos.line, 5);
    QCOMPARE(p[0].body.size(), std::size_t{3});
    QCOMPARE(p[0].body[0].text, std::string("outer {i}"));
    const auto& inner = p[0].body[1];
    QCOMPARE(inner.kind, OpKind::Repeat);
    QCOMPARE(inner.count, std::int64_t{2});
    QCOMPARE(inner.body.size(), std::size_t{2});
    QCOMPARE(inner.body[0].ticks, std::int64_t{1});
    QCOMPARE(inner.body[1].text, std::string("inner {i}"));
    QCOMPARE(inner.body[1].pos.line, 11);
    QCOMPARE(inner.body[1].pos.column, 17);
    QCOMPARE(p[0].body[2].ticks, std::int64_t{4});
}

void TestLoaderForms::aliasesAreAccepted() {
    const auto s = mustLoad(kOneProcess + "      - repeat: 2\n"
                                          "        do: &work [compute: 2, say: working]\n"
                                          "      - repeat: 3\n"
                                          "        do: *work\n");
    const auto& p = s.processes[0].program;
    QCOMPARE(p.size(), std::size_t{2});
    QCOMPARE(p[1].count, std::int64_t{3});
    QCOMPARE(p[1].body.size(), std::size_t{2});
    QCOMPARE(p[1].body[0].ticks, std::int64_t{2});
    QCOMPARE(p[1].body[1].text, std::string("working"));
}

QTEST_APPLESS_MAIN(TestLoaderForms)
#include "tst_loaderforms.moc"
