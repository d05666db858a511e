// Lessons in several languages: `scenario`, `description` and `say` given per language
// (`{ en: ..., zh: ... }`) load into the English text plus translations, and what is
// wrong with such a map is reported at its place.

#include "loader.h"
#include "loadertestutil.h"

#include <QtTest>

using namespace ipclab;
using namespace ipclab::test;

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void titleAndDescription();
    void sayShortAndMapForms();
    void englishOnlyHasNoTranslations();
    void mistakes_data();
    void mistakes();
};

void TestTranslations::titleAndDescription() {
    const auto s = mustLoad("scenario: { en: Deadlock, zh: 死锁 }\n"
                            "description:\n  en: Both wait.\n  zh_TW: 兩者都在等待。\n"
                            "processes:\n  - {name: a, program: []}\n");
    QCOMPARE(s.title, std::string("Deadlock"));
    QCOMPARE(s.titleTranslations, (Translations{{"zh", "死锁"}}));
    QCOMPARE(s.description, std::string("Both wait."));
    QCOMPARE(s.descriptionTranslations, (Translations{{"zh_TW", "兩者都在等待。"}}));
}

void TestTranslations::sayShortAndMapForms() {
    const auto s = mustLoad(kOneProcess + "      - say: { en: \"hello\", zh: \"你好\" }\n"
                                          "      - repeat: 2\n"
                                          "        do:\n"
                                          "          - say: { text: { en: \"round {i}\", "
                                          "zh: \"第 {i} 轮\" } }\n");
    const auto& program = s.processes.at(0).program;
    QCOMPARE(program.at(0).kind, OpKind::Say);
    QCOMPARE(program.at(0).text, std::string("hello"));
    QCOMPARE(program.at(0).translations, (Translations{{"zh", "你好"}}));
    const auto& inner = program.at(1).body.at(0);
    QCOMPARE(inner.text, std::string("round {i}"));
    QCOMPARE(inner.translations, (Translations{{"zh", "第 {i} 轮"}}));
}

void TestTranslations::englishOnlyHasNoTranslations() {
    const auto s = mustLoad(kOneProcess + "      - say: plain\n");
    QCOMPARE(s.title, std::string("t"));
    QVERIFY(s.titleTranslations.empty());
    QVERIFY(s.processes.at(0).program.at(0).translations.empty());
}

void TestTranslations::mistakes_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("diagnostic");
    QTest::newRow("no English")
        << "scenario: { zh: 死锁 }\nprocesses:\n  - {name: a, program: []}\n"
        << "bad.yaml:1:11: scenario: missing 'en': the English text "
           "is what reports show and what other languages fall back to";
    QTest::newRow("not a language")
        << "scenario: { en: A, chinese: B }\nprocesses:\n  - {name: a, program: []}\n"
        << "bad.yaml:1:20: scenario: expected a language code such as 'en' or 'zh' as the key, "
           "got a string 'chinese'";
    QTest::newRow("twice") << "scenario: { en: A, zh: B, zh: C }\nprocesses:\n"
                              "  - {name: a, program: []}\n"
                           << "";
    QTest::newRow("placeholder not in English")
        << QString::fromStdString(kOneProcess) + "      - say: { en: \"hi\", zh: \"{x} 你好\" }\n"
        << "bad.yaml:5:30: say.text.zh: placeholder {x} is not in the 'en' text; a "
           "translation uses the English text's placeholders";
    QTest::newRow("misspelt field keeps its suggestion")
        << QString::fromStdString(kOneProcess) + "      - say: { txet: hi }\n"
        << "bad.yaml:5:16: say: unknown field 'txet'; did you mean 'text'?";
    QTest::newRow("no language at all")
        << "scenario: { title: A }\nprocesses:\n  - {name: a, program: []}\n"
        << "bad.yaml:1:11: scenario: expected a string or one per language ({ en: ..., zh: ... "
           "}), got a map";
    QTest::newRow("a list is no text")
        << QString::fromStdString(kOneProcess) + "      - say: { en: [a], zh: b }\n"
        << "";
}

void TestTranslations::mistakes() {
    QFETCH(QString, text);
    QFETCH(QString, diagnostic);
    const auto result = loadScenarioText(text.toStdString(), "bad.yaml");
    QVERIFY(!result.ok());
    if (!diagnostic.isEmpty()) {
        QCOMPARE(QString::fromStdString(joined(result)), diagnostic);
    }
}

QTEST_APPLESS_MAIN(TestTranslations)
#include "tst_translations.moc"
