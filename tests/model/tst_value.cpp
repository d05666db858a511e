// Values and `{i}` / `{var}` template expansion, shared by both engines.

#include "value.h"

#include <QtTest>
#include <map>

using namespace ipclab;

Q_DECLARE_METATYPE(ipclab::Value)

namespace {

const std::map<std::string, Value, std::less<>> kVariables = {
    {"n", Value{std::int64_t{42}}},        {"neg", Value{std::int64_t{-7}}},
    {"word", Value{std::string("hello")}}, {"digits", Value{std::string("17")}},
    {"empty", Value{std::string()}},
};

const Value* lookup(std::string_view name) {
    const auto it = kVariables.find(name);
    return it == kVariables.end() ? nullptr : &it->second;
}

QString show(const Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) {
        return QStringLiteral("int:%1").arg(*i);
    }
    return QStringLiteral("str:") + QString::fromStdString(std::get<std::string>(v));
}

} // namespace

class TestValue : public QObject {
    Q_OBJECT

private slots:
    void text_data();
    void text();
    void asInteger_data();
    void asInteger();
    void expand_data();
    void expand();
    void expandWithoutLookup();
};

void TestValue::text_data() {
    QTest::addColumn<Value>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << Value{std::int64_t{0}} << "0";
    QTest::newRow("negative") << Value{std::int64_t{-12}} << "-12";
    QTest::newRow("int64 min") << Value{INT64_MIN} << "-9223372036854775808";
    QTest::newRow("string") << Value{std::string("item 3")} << "item 3";
    QTest::newRow("empty string") << Value{std::string()} << "";
}

void TestValue::text() {
    QFETCH(Value, value);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(valueText(value)), expected);
}

void TestValue::asInteger_data() {
    QTest::addColumn<Value>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("number");
    QTest::newRow("integer") << Value{std::int64_t{5}} << true << qint64{5};
    QTest::newRow("digits") << Value{std::string("42")} << true << qint64{42};
    QTest::newRow("negative digits") << Value{std::string("-7")} << true << qint64{-7};
    QTest::newRow("empty") << Value{std::string()} << false << qint64{0};
    QTest::newRow("trailing text") << Value{std::string("4x")} << false << qint64{0};
    QTest::newRow("leading space") << Value{std::string(" 4")} << false << qint64{0};
    QTest::newRow("words") << Value{std::string("item 3")} << false << qint64{0};
    QTest::newRow("overflow") << Value{std::string("99999999999999999999")} << false << qint64{0};
}

void TestValue::asInteger() {
    QFETCH(Value, value);
    QFETCH(bool, ok);
    QFETCH(qint64, number);
    std::int64_t out = 0;
    QCOMPARE(valueAsInteger(value, out), ok);
    if (ok) {
        QCOMPARE(qint64{out}, number);
    }
}

void TestValue::expand_data() {
    QTest::addColumn<QString>("tmpl");
    QTest::addColumn<qint64>("round");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no placeholder") << "hello" << qint64{1} << "str:hello";
    QTest::newRow("number text stays text") << "42" << qint64{1} << "str:42";
    QTest::newRow("empty") << "" << qint64{1} << "str:";
    QTest::newRow("round alone keeps int") << "{i}" << qint64{3} << "int:3";
    QTest::newRow("round in text") << "item {i}" << qint64{3} << "str:item 3";
    QTest::newRow("int variable alone keeps int") << "{n}" << qint64{1} << "int:42";
    QTest::newRow("negative variable alone") << "{neg}" << qint64{1} << "int:-7";
    QTest::newRow("string variable alone") << "{word}" << qint64{1} << "str:hello";
    QTest::newRow("digit string stays string") << "{digits}" << qint64{1} << "str:17";
    QTest::newRow("two placeholders") << "{word} #{i}" << qint64{2} << "str:hello #2";
    QTest::newRow("adjacent placeholders") << "{n}{i}" << qint64{5} << "str:425";
    QTest::newRow("unset stays visible") << "x={missing}" << qint64{1} << "str:x={missing}";
    QTest::newRow("unset alone") << "{missing}" << qint64{1} << "str:{missing}";
    QTest::newRow("empty variable") << "[{empty}]" << qint64{1} << "str:[]";
    QTest::newRow("unclosed brace is literal") << "a {n" << qint64{1} << "str:a {n";
    QTest::newRow("closing brace alone") << "a } b" << qint64{1} << "str:a } b";
    QTest::newRow("round zero") << "{i}" << qint64{0} << "int:0";
    QTest::newRow("large round") << "r{i}" << qint64{100000000} << "str:r100000000";
}

void TestValue::expand() {
    QFETCH(QString, tmpl);
    QFETCH(qint64, round);
    QFETCH(QString, expected);
    QCOMPARE(show(expandTemplate(tmpl.toStdString(), round, lookup)), expected);
}

void TestValue::expandWithoutLookup() {
    // Without variables only {i} expands; everything else stays as written.
    QCOMPARE(show(expandTemplate("{i}/{n}", 4, VariableLookup{})), QString("str:4/{n}"));
    QCOMPARE(show(expandTemplate("{n}", 4, VariableLookup{})), QString("str:{n}"));
}

QTEST_APPLESS_MAIN(TestValue)
#include "tst_value.moc"
