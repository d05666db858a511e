// The expression language (expression.h): what parses, where a syntax error points,
// what evaluates to what, and which run-time faults a process meets.

#include "expression.h"
#include "value.h"

#include <QtTest>
#include <map>

using namespace ipclab;

namespace {

/// Variables in, out = 7, buffer sizes; `f(x)` doubles x, `name(P)` reads its argument
/// as a name.
class TestEnv : public ExprEnvironment {
public:
    std::map<std::string, std::int64_t> vars{{"in", 4}, {"out", 0}, {"zero", 0}, {"n", 5}};
    bool variable(const Expression&, const ExprNode& name, std::int64_t& out,
                  std::string& why) override {
        auto it = vars.find(name.text);
        if (it == vars.end()) {
            why = name.text + " has no value yet";
            return false;
        }
        out = it->second;
        return true;
    }
    bool call(const Expression& e, const ExprNode& call, std::int64_t& out,
              std::string& why) override {
        if (call.text == "twice" && call.args.size() == 1) {
            ExprFault inner;
            if (!evaluateNode(e, call.args[0], *this, out, inner)) {
                why = inner.message;
                return false;
            }
            out *= 2;
            return true;
        }
        if (call.text == "length" && call.args.size() == 1) {
            out = static_cast<std::int64_t>(e.node(call.args[0]).text.size());
            return true;
        }
        return ExprEnvironment::call(e, call, out, why);
    }
};

} // namespace

class TestExpression : public QObject {
    Q_OBJECT

private slots:
    void evaluates_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<qlonglong>("expected");
        QTest::newRow("number") << "42" << 42LL;
        QTest::newRow("precedence") << "1 + 2 * 3" << 7LL;
        QTest::newRow("parentheses") << "(1 + 2) * 3" << 9LL;
        QTest::newRow("textbook full test") << "(in + 1) % 5 == out" << 1LL;
        QTest::newRow("modulo") << "(in + 1) % 5" << 0LL;
        QTest::newRow("C division truncates") << "-7 / 2" << -3LL;
        QTest::newRow("C modulo keeps the sign") << "-1 % 5" << -1LL;
        QTest::newRow("left associative") << "10 - 3 - 2" << 5LL;
        QTest::newRow("comparison") << "in >= 4" << 1LL;
        QTest::newRow("not equal") << "in != 4" << 0LL;
        QTest::newRow("and") << "in > 0 and out == 0" << 1LL;
        QTest::newRow("or") << "in < 0 or out == 0" << 1LL;
        QTest::newRow("not binds looser than comparison") << "not in == 4" << 0LL;
        QTest::newRow("and short-circuits") << "zero != 0 and n / zero > 1" << 0LL;
        QTest::newRow("or short-circuits") << "zero == 0 or n / zero > 1" << 1LL;
        QTest::newRow("unary minus") << "-(in - 10)" << 6LL;
        QTest::newRow("call") << "twice(n) + 1" << 11LL;
        QTest::newRow("call reads a name") << "length(consumer)" << 8LL;
        QTest::newRow("call reads a string") << "length(\"mq_open\")" << 7LL;
        QTest::newRow("offset") << "16 + 8 * in" << 48LL;
    }
    void evaluates() {
        QFETCH(QString, source);
        QFETCH(qlonglong, expected);
        Expression e;
        const auto err = parseExpression(source.toStdString(), e);
        QVERIFY2(!err, err ? err->message.c_str() : "");
        TestEnv env;
        std::int64_t v = 0;
        ExprFault fault;
        QVERIFY2(evaluateExpression(e, env, v, fault), fault.message.c_str());
        QCOMPARE(qlonglong(v), expected);
    }

    void syntaxErrors_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("offset");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << "  " << 2 << "expected an expression, found nothing";
        QTest::newRow("dangling operator")
            << "in +" << 4 << "expected a number, a variable or '(', found end of the expression";
        QTest::newRow("two names")
            << "two words" << 4 << "expected an operator such as + or == before 'words'";
        QTest::newRow("unclosed parenthesis")
            << "(in + 1 % 5" << 11 << "expected ')' to close '(', found end of the expression";
        QTest::newRow("C and") << "in && out" << 3 << "write 'and' instead of '&&'";
        QTest::newRow("C not") << "!in" << 0 << "write 'not' instead of '!'";
        QTest::newRow("assignment") << "in = out" << 3 << "write '==' instead of '='";
        QTest::newRow("chained comparison")
            << "0 < in < 5" << 7 << "comparisons do not chain; join them with 'and'";
        QTest::newRow("bad character")
            << "in $ 2" << 3 << "unexpected character '$' in the expression";
        QTest::newRow("bad number")
            << "12ab" << 0 << "'12ab' is not a number; write whole decimal numbers";
        QTest::newRow("huge number")
            << "99999999999999999999" << 0 << "number 99999999999999999999 is too large";
        QTest::newRow("unclosed call")
            << "f(1, 2" << 6 << "expected ',' or ')' in the call of f, found end of the expression";
        QTest::newRow("unclosed text") << "f(\"abc" << 2 << "unclosed \" in the expression";
    }
    void syntaxErrors() {
        QFETCH(QString, source);
        QFETCH(int, offset);
        QFETCH(QString, message);
        Expression e;
        const auto err = parseExpression(source.toStdString(), e);
        QVERIFY(err.has_value());
        QCOMPARE(QString::fromStdString(err->message), message);
        QCOMPARE(err->offset, offset);
    }

    void deepNestingIsRefused() {
        Expression e;
        const auto err = parseExpression(std::string(500, '(') + "1" + std::string(500, ')'), e);
        QVERIFY(err.has_value());
        QCOMPARE(QString::fromStdString(err->message), QString("the expression nests too deeply"));
    }

    void faults_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("offset");
        QTest::addColumn<QString>("message");
        QTest::newRow("division by zero")
            << "1 + n / zero" << 4 << "division by zero in n / zero (zero is 0)";
        QTest::newRow("modulo by zero")
            << "(in + 1) % (out)" << 0 << "division by zero in (in + 1) % (out) ((out) is 0)";
        QTest::newRow("unset variable") << "item + 1" << 0 << "item has no value yet";
        QTest::newRow("overflow") << "9223372036854775807 + in" << 0
                                  << "integer overflow in 9223372036854775807 + in";
        QTest::newRow("unknown function") << "f(1)" << 0 << "there is no function f()";
        QTest::newRow("fault inside a call")
            << "twice(n / zero)" << 0 << "division by zero in n / zero (zero is 0)";
    }
    void faults() {
        QFETCH(QString, source);
        QFETCH(int, offset);
        QFETCH(QString, message);
        Expression e;
        QVERIFY(!parseExpression(source.toStdString(), e));
        TestEnv env;
        std::int64_t v = 0;
        ExprFault fault;
        QVERIFY(!evaluateExpression(e, env, v, fault));
        QCOMPARE(QString::fromStdString(fault.message), message);
        QCOMPARE(fault.offset, offset);
    }

    void namesInFileOrder() {
        Expression e;
        QVERIFY(!parseExpression("(in + 1) % size == out and twice(hidden)", e));
        QStringList names;
        for (const ExprNode* n : expressionNames(e)) {
            names << QString::fromStdString(n->text);
        }
        QCOMPARE(names, QStringList({"in", "size", "out"}));
    }

    void templates() {
        std::vector<TemplatePiece> pieces;
        QVERIFY(!parseTemplate("slot {(in + 1) % 5} of {n}", pieces));
        QCOMPARE(pieces.size(), std::size_t(4));
        QVERIFY(pieces[1].isExpression);
        QCOMPARE(pieces[1].offset, 6);
        QVERIFY(pieces[3].expr.isName());
        const auto err = parseTemplate("at {16 + * in}", pieces);
        QVERIFY(err.has_value());
        QCOMPARE(err->offset, 9);
        const auto empty = parseTemplate("x {} y", pieces);
        QVERIFY(empty.has_value());
        QCOMPARE(empty->offset, 2);
    }

    void expandsTemplates() {
        const std::map<std::string, Value, std::less<>> vars = {
            {"in", Value{std::int64_t{4}}},
            {"word", Value{std::string("hi")}},
            {"digits", Value{std::string("17")}}};
        VariableLookup lookup = [&](std::string_view name) -> const Value* {
            auto it = vars.find(name);
            return it == vars.end() ? nullptr : &it->second;
        };
        Value out;
        ExprFault fault;
        QVERIFY(expandTemplateChecked("{16 + 8 * in}", 0, lookup, out, fault));
        QCOMPARE(std::get<std::int64_t>(out), std::int64_t{48});
        QVERIFY(expandTemplateChecked("item {i * 10}: {word}", 3, lookup, out, fault));
        QCOMPARE(std::get<std::string>(out), std::string("item 30: hi"));
        QVERIFY(expandTemplateChecked("{digits + 1}", 0, lookup, out, fault));
        QCOMPARE(std::get<std::int64_t>(out), std::int64_t{18});
        QVERIFY(expandTemplateChecked("{missing}", 0, lookup, out, fault));
        QCOMPARE(std::get<std::string>(out), std::string("{missing}"));
        QVERIFY(!expandTemplateChecked("x {word * 2}", 0, lookup, out, fault));
        QCOMPARE(fault.offset, 3);
        QCOMPARE(QString::fromStdString(fault.message), QString("word holds hi, not a number"));
    }
};

QTEST_APPLESS_MAIN(TestExpression)
#include "tst_expression.moc"
