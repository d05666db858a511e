// Names in the students' own script: `生产者` is a process name like `producer`, in every
// place a name goes (processes, mailboxes, segments, semaphores, variables and their
// placeholders); malformed UTF-8, punctuation and symbols are still refused.

#include "fieldreader.h"
#include "loader.h"
#include "loadertestutil.h"
#include "namechars.h"

#include <QtTest>

using namespace ipclab;
using namespace ipclab::test;

class TestUnicodeNames : public QObject {
    Q_OBJECT

private slots:
    void names_data();
    void names();
    void decodeRefusesMalformedUtf8();
    void chineseLessonLoads();
    void punctuationIsNoName();
};

void TestUnicodeNames::names_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("ascii") << "producer" << true;
    QTest::newRow("chinese") << "生产者" << true;
    QTest::newRow("chinese with digits") << "工人_2" << true;
    QTest::newRow("japanese kana") << "プロセス" << true;
    QTest::newRow("korean") << "생산자" << true;
    QTest::newRow("cyrillic") << "производитель" << true;
    QTest::newRow("greek") << "παραγωγός" << true;
    QTest::newRow("accented latin") << "émetteur" << true;
    QTest::newRow("combining accent") << QString::fromUtf8("e\xCC\x81metteur") << true;
    QTest::newRow("64 chinese characters") << QString(64, QChar(0x4E00)) << true;
    QTest::newRow("65 chinese characters") << QString(65, QChar(0x4E00)) << false;
    QTest::newRow("starts with a digit") << "2号" << false;
    QTest::newRow("starts with a combining mark") << QString::fromUtf8("\xCC\x81x") << false;
    QTest::newRow("ideographic full stop") << "生产者。" << false;
    QTest::newRow("fullwidth comma") << "甲，乙" << false;
    QTest::newRow("ideographic space") << QString::fromUtf8("甲\xE3\x80\x80乙") << false;
    QTest::newRow("emoji") << "📦" << false;
    QTest::newRow("katakana middle dot") << "ア・イ" << false;
}

void TestUnicodeNames::names() {
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(isValidName(name.toStdString()), valid);
    QCOMPARE(isValidVariable(name.toStdString()), valid);
}

void TestUnicodeNames::decodeRefusesMalformedUtf8() {
    std::u32string out;
    QVERIFY(decodeUtf8("生产者", out));
    QCOMPARE(out, std::u32string(U"生产者"));
    for (const char* bad : {"\xE7\x94", "\xC0\xAF", "\xED\xA0\x80", "\xF5\x80\x80\x80", "\x80"}) {
        out.clear();
        QVERIFY2(!decodeUtf8(bad, out), bad);
    }
    QVERIFY(!isValidName("a\xE7\x94"));
}

void TestUnicodeNames::chineseLessonLoads() {
    const auto s = mustLoad("scenario: { en: Producer and consumer, zh: 生产者与消费者 }\n"
                            "processes:\n"
                            "  - name: 生产者\n"
                            "    program:\n"
                            "      - mailbox_create: { name: 信箱, capacity: 2 }\n"
                            "      - repeat: 3\n"
                            "        do:\n"
                            "          - send: { mailbox: 信箱, message: \"第 {i} 件\" }\n"
                            "  - name: 消费者\n"
                            "    program:\n"
                            "      - repeat: 3\n"
                            "        do:\n"
                            "          - receive: { mailbox: 信箱, into: 物品 }\n"
                            "          - say: { en: \"got {物品}\", zh: \"收到 {物品}\" }\n");
    QCOMPARE(s.processes.size(), std::size_t{2});
    QCOMPARE(s.processIndex("消费者"), 1);
    QCOMPARE(s.processes[0].program.at(0).object, std::string("信箱"));
    const Operation& say = s.processes[1].program.at(0).body.at(1);
    QCOMPARE(say.text, std::string("got {物品}"));
    QCOMPARE(say.translations.at("zh"), std::string("收到 {物品}"));
}

void TestUnicodeNames::punctuationIsNoName() {
    const auto result = loadScenarioText(
        "scenario: t\nprocesses:\n  - { name: 生产者。, program: [] }\n", "bad.yaml");
    QVERIFY(!result.ok());
    QCOMPARE(QString::fromStdString(joined(result)),
             QString::fromUtf8("bad.yaml:3:13: process.name: expected a name (a letter or '_', "
                               "then letters, digits, '_', '-' or '.', at most 64), got a "
                               "string '生产者。'"));
}

QTEST_APPLESS_MAIN(TestUnicodeNames)
#include "tst_unicodenames.moc"
