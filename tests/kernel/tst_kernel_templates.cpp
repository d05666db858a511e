// Message and caption templates: the kernel compiles `{i}` / `{var}` templates for speed,
// and they must expand exactly as value.h's expandTemplate does.

#include "kerneltest.h"
#include "template.h"
#include "value.h"

#include <QTest>

using namespace ipclab;
using kt::run;

class TestKernelTemplates : public QObject {
    Q_OBJECT

private slots:
    void templatesMatchExpandTemplate_data();
    void templatesMatchExpandTemplate();
    void compiledTemplates_data();
    void compiledTemplates();
};

void TestKernelTemplates::templatesMatchExpandTemplate_data() {
    QTest::addColumn<QString>("tmpl");
    QTest::newRow("literal") << "plain text";
    QTest::newRow("round") << "{i}";
    QTest::newRow("variable") << "{x}";
    QTest::newRow("text variable") << "{word}";
    QTest::newRow("mixed") << "item {i} of {x}: {word}!";
    QTest::newRow("two rounds") << "{i}{i}";
}

void TestKernelTemplates::templatesMatchExpandTemplate() {
    QFETCH(QString, tmpl);
    // The kernel compiles templates for speed; they must expand exactly as value.h does.
    const std::string quoted = "'" + tmpl.toStdString() + "'";
    const auto r = run(R"(
scenario: templates
processes:
  - name: p
    program:
      - set: { var: x, value: 41 }
      - add: x
      - set: { var: word, value: "hi" }
      - repeat: 3
        do:
          - say: )" + quoted +
                       "\n");
    const auto captions = kt::texts(r.trace, EventKind::Caption);
    QCOMPARE(captions.size(), std::size_t(3));
    const Value x = std::int64_t(42);
    const Value word = std::string("hi");
    VariableLookup lookup = [&](std::string_view name) -> const Value* {
        return name == "x" ? &x : (name == "word" ? &word : nullptr);
    };
    for (int round = 1; round <= 3; ++round) {
        QCOMPARE(captions[static_cast<std::size_t>(round - 1)],
                 valueText(expandTemplate(tmpl.toStdString(), round, lookup)));
    }
}

void TestKernelTemplates::compiledTemplates_data() {
    QTest::addColumn<QString>("tmpl");
    QTest::addColumn<bool>("isInt");
    QTest::newRow("literal") << "plain" << false;
    QTest::newRow("round keeps its type") << "{i}" << true;
    QTest::newRow("int variable keeps its type") << "{x}" << true;
    QTest::newRow("text variable") << "{word}" << false;
    QTest::newRow("mixed") << "<{i}|{x}|{word}>" << false;
    QTest::newRow("unset stays visible") << "{nothing} here" << false;
    QTest::newRow("unset alone") << "{nothing}" << false;
    QTest::newRow("unclosed") << "a {i" << false;
    QTest::newRow("empty braces") << "a {} b" << false;
    QTest::newRow("brace inside") << "{a}b}" << false;
}

void TestKernelTemplates::compiledTemplates() {
    QFETCH(QString, tmpl);
    QFETCH(bool, isInt);
    // Cases the loader rejects still expand as value.h does (the kernel must not depend
    // on the loader's strictness).
    StringPool pool;
    VariableTable vars;
    const CompiledTemplate t = compileTemplate(tmpl.toStdString(), false, 0, pool, vars);
    std::vector<Local> locals(static_cast<std::size_t>(vars.size()) + 3);
    const Value x = std::int64_t(-5);
    const Value word = std::string("hi");
    locals[static_cast<std::size_t>(vars.slot("x"))] = Local{true, SimValue::integer(-5)};
    locals[static_cast<std::size_t>(vars.slot("word"))] =
        Local{true, SimValue::string(pool.intern("hi"))};
    VariableLookup lookup = [&](std::string_view name) -> const Value* {
        return name == "x" ? &x : (name == "word" ? &word : nullptr);
    };
    TemplateExpander expander;
    const SimValue v = expander.expand(t, 12, locals.data(), pool);
    const Value expected = expandTemplate(tmpl.toStdString(), 12, lookup);
    QCOMPARE(v.isInt, isInt);
    QCOMPARE(std::holds_alternative<std::int64_t>(expected), isInt);
    QCOMPARE(std::string(pool.view(textOf(v, pool))), valueText(expected));
}

QTEST_APPLESS_MAIN(TestKernelTemplates)
#include "tst_kernel_templates.moc"
