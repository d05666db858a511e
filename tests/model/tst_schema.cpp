// assets/scenario.schema.json stays in step with the loader's accepted-keys tables: every
// operation, field, required field, short form and bound, in both directions; and the
// format reference (scenarios/README.md) covers every key.

#include "loader.h"
#include "opspec.h"

#include <QtTest>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

using namespace ipclab;
using nlohmann::json;

namespace {

using Names = std::set<std::string>;

Names toNames(const std::vector<std::string_view>& names) {
    return Names(names.begin(), names.end());
}

Names keysOf(const json& object) {
    Names out;
    for (const auto& [key, value] : object.items()) {
        out.insert(key);
    }
    return out;
}

Names requiredOf(const json& object) {
    return object.contains("required") ? object["required"].get<Names>() : Names{};
}

QString show(const Names& names) {
    QStringList list;
    for (const auto& n : names) {
        list << QString::fromStdString(n);
    }
    return list.join(',');
}

/// The object alternative of an operation's definition (its map form), or null.
const json* mapForm(const json& def) {
    if (def.value("type", "") == "object") {
        return &def;
    }
    if (def.contains("oneOf")) {
        for (const auto& alt : def["oneOf"]) {
            if (alt.value("type", "") == "object") {
                return &alt;
            }
        }
    }
    return nullptr;
}

/// The scalar alternative (the short form), or null.
const json* shortForm(const json& def) {
    if (def.value("type", "") == "object") {
        return nullptr;
    }
    if (!def.contains("oneOf")) {
        return &def;
    }
    if (def.contains("oneOf")) {
        for (const auto& alt : def["oneOf"]) {
            if (alt.value("type", "") != "object") {
                return &alt;
            }
        }
    }
    return nullptr;
}

/// Integer fields carry the loader's bounds; others are not integers in the schema.
void compareBounds(const FieldSpec& field, const json& prop, const std::string& where) {
    if (field.type != FieldType::Integer) {
        return;
    }
    // A number computed at run time: the integer alternative beside a template.
    const json& property = prop.contains("oneOf") ? prop["oneOf"][0] : prop;
    if (prop.contains("oneOf")) {
        QCOMPARE(prop["oneOf"][1]["$ref"].get<std::string>(),
                 std::string("#/$defs/number_template"));
    }
    QVERIFY2(property.value("type", "") == "integer", where.c_str());
    QCOMPARE(property["minimum"].get<std::int64_t>(), field.min);
    QCOMPARE(property["maximum"].get<std::int64_t>(), field.max);
}

void compareKeys(const std::vector<FieldSpec>& keys, const json& object, const std::string& where) {
    QVERIFY2(object.value("additionalProperties", true) == false, where.c_str());
    QCOMPARE(show(keysOf(object["properties"])), show(toNames(keyNames(keys))));
    Names required;
    for (const auto& k : keys) {
        if (k.required) {
            required.insert(std::string(k.name));
        }
    }
    QCOMPARE(show(requiredOf(object)), show(required));
    for (const auto& k : keys) {
        compareBounds(k, object["properties"][std::string(k.name)],
                      where + "." + std::string(k.name));
    }
}

} // namespace

class TestSchema : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void isDraft202012();
    void topLevelKeys();
    void kernelKeys();
    void processKeys();
    void operationsBothWays();
    void operation_data();
    void operation();
    void itemNeedsExactlyOneOperation();
    void referenceDocumentsEveryKey();

private:
    json m_schema;
};

void TestSchema::initTestCase() {
    std::ifstream in(IPCLAB_ASSET_DIR "/scenario.schema.json");
    QVERIFY(in.good());
    m_schema = json::parse(in, nullptr, false);
    QVERIFY(!m_schema.is_discarded());
}

void TestSchema::isDraft202012() {
    QCOMPARE(m_schema["$schema"].get<std::string>(),
             std::string("https://json-schema.org/draft/2020-12/schema"));
    QCOMPARE(m_schema["type"].get<std::string>(), std::string("object"));
}

void TestSchema::topLevelKeys() {
    compareKeys(ipclab::topLevelKeys(), m_schema, "top level");
    QCOMPARE(m_schema["properties"]["processes"]["minItems"].get<int>(), 1);
    QCOMPARE(m_schema["properties"]["processes"]["maxItems"].get<int>(), kMaxProcesses);
}

void TestSchema::kernelKeys() {
    const json& kernel = m_schema["$defs"]["kernel"];
    compareKeys(ipclab::kernelKeys(), kernel, "kernel");
    Names policies;
    for (int i = 0; i < 5; ++i) {
        policies.insert(std::string(policyName(static_cast<SchedulerPolicy>(i))));
    }
    QCOMPARE(show(kernel["properties"]["scheduler"]["enum"].get<Names>()), show(policies));
    const KernelSettings defaults;
    QCOMPARE(kernel["properties"]["cpus"]["default"].get<int>(), defaults.cpus);
    QCOMPARE(kernel["properties"]["quantum"]["default"].get<int>(), defaults.quantum);
    QCOMPARE(kernel["properties"]["syscall_cost"]["default"].get<int>(), defaults.syscallCost);
    QCOMPARE(kernel["properties"]["switch_cost"]["default"].get<int>(), defaults.switchCost);
    QCOMPARE(kernel["properties"]["time_limit"]["default"].get<std::int64_t>(), defaults.timeLimit);
    QCOMPARE(kernel["properties"]["scheduler"]["default"].get<std::string>(),
             std::string(policyName(defaults.scheduler)));
}

void TestSchema::processKeys() {
    compareKeys(ipclab::processKeys(), m_schema["$defs"]["process"], "process");
    const ProcessSpec defaults;
    QCOMPARE(m_schema["$defs"]["process"]["properties"]["uid"]["default"].get<int>(), defaults.uid);
}

void TestSchema::operationsBothWays() {
    Names fromSchema;
    for (const auto& [key, value] : m_schema["$defs"].items()) {
        if (key.rfind("op_", 0) == 0) {
            fromSchema.insert(key.substr(3));
        }
    }
    QCOMPARE(show(fromSchema), show(toNames(operationNames())));
    // The item's properties are the operation names plus the keys that sit beside them.
    Names itemKeys = toNames(operationNames());
    for (const auto& spec : operationSpecs()) {
        for (auto sibling : spec.siblings) {
            itemKeys.insert(std::string(sibling));
        }
    }
    QCOMPARE(show(keysOf(m_schema["$defs"]["item"]["properties"])), show(itemKeys));
}

void TestSchema::operation_data() {
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < operationSpecs().size(); ++i) {
        QTest::newRow(std::string(operationSpecs()[i].name).c_str()) << static_cast<int>(i);
    }
}

void TestSchema::operation() {
    QFETCH(int, index);
    const OperationSpec& spec = operationSpecs().at(static_cast<std::size_t>(index));
    const std::string name(spec.name);
    const json& def = m_schema["$defs"]["op_" + name];
    QVERIFY2(def.contains("description"), name.c_str());
    const json* object = mapForm(def);
    QCOMPARE(object != nullptr, spec.mapForm);
    if (object != nullptr) {
        QVERIFY(object->value("additionalProperties", true) == false);
        QCOMPARE(show(keysOf((*object)["properties"])), show(toNames(spec.fieldNames())));
        QCOMPARE(show(requiredOf(*object)), show(toNames(spec.requiredFields())));
        Names oneOf;
        if (object->contains("oneOf")) {
            for (const auto& alt : (*object)["oneOf"]) {
                QCOMPARE(alt["required"].size(), std::size_t{1});
                oneOf.insert(alt["required"][0].get<std::string>());
            }
        }
        QCOMPARE(show(oneOf), show(toNames(spec.exactlyOneOf)));
        for (const auto& field : spec.fields) {
            compareBounds(field, (*object)["properties"][std::string(field.name)],
                          name + "." + std::string(field.name));
        }
    }
    const json* scalar = shortForm(def);
    QCOMPARE(scalar != nullptr, !spec.shortField.empty());
    if (scalar != nullptr && spec.mapForm) {
        // The short form is the short field's own schema.
        QCOMPARE(scalar->dump(), (*object)["properties"][std::string(spec.shortField)].dump());
    }
    if (spec.kind == OpKind::Repeat) {
        QCOMPARE((*scalar)["minimum"].get<std::int64_t>(), std::int64_t{1});
        QCOMPARE((*scalar)["maximum"].get<std::int64_t>(), kMaxRepeat);
    }
}

void TestSchema::itemNeedsExactlyOneOperation() {
    // One oneOf branch per operation: the operation's key and its siblings, nothing more.
    const json& branches = m_schema["$defs"]["item"]["oneOf"];
    QCOMPARE(branches.size(), operationSpecs().size());
    for (std::size_t i = 0; i < operationSpecs().size(); ++i) {
        const auto& spec = operationSpecs()[i];
        Names expected = {std::string(spec.name)};
        for (auto sibling : spec.siblings) {
            if (sibling != "else") { // an `if` may go without `else:`
                expected.insert(std::string(sibling));
            }
        }
        QCOMPARE(show(requiredOf(branches[i])), show(expected));
        QCOMPARE(branches[i]["maxProperties"].get<std::size_t>(),
                 std::size_t{1} + spec.siblings.size());
    }
}

void TestSchema::referenceDocumentsEveryKey() {
    // scenarios/README.md is the instructors' reference: every operation has its own
    // section, every setting and field its row, and its opening example loads.
    std::ifstream in(IPCLAB_SCENARIO_DIR "/README.md");
    QVERIFY(in.good());
    const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string headings;
    std::size_t pos = 0;
    while ((pos = doc.find("\n### ", pos)) != std::string::npos) {
        const auto end = doc.find('\n', pos + 1);
        headings += doc.substr(pos, end - pos);
        pos = end;
    }
    for (const auto& spec : operationSpecs()) {
        const auto name = "`" + std::string(spec.name) + "`";
        QVERIFY2(headings.find(name) != std::string::npos, name.c_str());
    }
    for (const auto* keys :
         {&ipclab::topLevelKeys(), &ipclab::kernelKeys(), &ipclab::processKeys()}) {
        for (const auto& key : *keys) {
            const auto row = "| `" + std::string(key.name) + "` |";
            QVERIFY2(doc.find(row) != std::string::npos, row.c_str());
        }
    }
    const auto start = doc.find("```yaml\n") + 8;
    const auto example = doc.substr(start, doc.find("```", start) - start);
    const auto loaded = loadScenarioText(example, "README.md");
    QVERIFY2(loaded.ok(), loaded.diagnostics.empty() ? "" : loaded.diagnostics[0].format().c_str());
    QCOMPARE(loaded.scenario->processes.size(), std::size_t{2});
}

QTEST_APPLESS_MAIN(TestSchema)
#include "tst_schema.moc"
