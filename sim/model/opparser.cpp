#include "opparser.h"

#include "suggest.h"
#include "yamlnode.h"

#include <algorithm>
#include <map>
#include <set>

namespace ipclab {

namespace {

NameKind objectKindOf(OpKind kind) {
    switch (kind) {
    case OpKind::MailboxCreate:
    case OpKind::MailboxDelete:
        return NameKind::Mailbox;
    case OpKind::SemCreate:
    case OpKind::SemWait:
    case OpKind::SemPost:
        return NameKind::Semaphore;
    default:
        return NameKind::Segment;
    }
}

bool declaresObject(OpKind kind) {
    return kind == OpKind::MailboxCreate || kind == OpKind::ShmCreate || kind == OpKind::SemCreate;
}

/// `say: { en: ..., zh: ... }`: the short form in several languages, told apart from the
/// map form `say: { text: ... }` by having only language codes as keys.
bool isLanguageMap(const OperationSpec& spec, const YAML::Node& value) {
    if (!value.IsMap() || spec.shortField.empty() ||
        spec.field(spec.shortField)->type != FieldType::LocalTemplate) {
        return false;
    }
    for (auto it = value.begin(); it != value.end(); ++it) {
        if (!it->first.IsScalar() || !isLanguageCode(it->first.Scalar())) {
            return false;
        }
    }
    return true;
}

std::string posText(SourcePos pos) {
    return std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

} // namespace

void OperationParser::note(NameKind kind, const std::string& name, const YAML::Node& at,
                           const std::string& label, bool declares) {
    m_uses.push_back(NameUse{kind, name, posOf(at), m_process, label, declares});
}

void OperationParser::noteTemplate(const std::string& text, const YAML::Node& at,
                                   const std::string& label, int depth) {
    noteExpression(templatePlaceholders(text).names, at, label, depth);
}

void OperationParser::noteExpression(const std::vector<std::string>& names, const YAML::Node& at,
                                     const std::string& label, int depth) {
    for (const auto& name : names) {
        if (name != "i") {
            note(NameKind::Variable, name, at, label, false);
        } else if (depth == 0) {
            m_reader.error(at, label + ": {i} is used outside any repeat; it stands for the "
                                       "round of the innermost enclosing repeat");
        }
    }
}

std::vector<Operation> OperationParser::parseProgram(const YAML::Node& list, int process) {
    m_process = process;
    return parseList(list, 0, "process.program");
}

std::vector<Operation> OperationParser::parseList(const YAML::Node& list, int depth,
                                                  const std::string& label) {
    std::vector<Operation> ops;
    if (!list.IsSequence()) {
        m_reader.error(list, label +
                                 ": expected a list of operations ('- compute: 1' ...), "
                                 "got " +
                                 describeNode(list));
        return ops;
    }
    for (const auto& item : list) {
        if (m_overBudget) {
            break;
        }
        if (++m_operations > kMaxOperations) {
            m_overBudget = true;
            m_reader.error(item, "too many operations: the scenario may hold at most " +
                                     std::to_string(kMaxOperations) +
                                     " program items (each use of an alias counts)");
            break;
        }
        Operation op;
        if (parseItem(item, depth, op)) {
            ops.push_back(std::move(op));
        }
    }
    return ops;
}

bool OperationParser::parseItem(const YAML::Node& item, int depth, Operation& op) {
    if (!item.IsMap()) {
        m_reader.error(item, "expected an operation such as 'compute: 3' or 'send: {...}', "
                             "got " +
                                 describeNode(item));
        return false;
    }
    std::map<std::string, SourcePos> seen;
    const OperationSpec* spec = nullptr;
    YAML::Node opKey;
    YAML::Node opValue;
    YAML::Node doKey;
    bool hasDo = false;
    bool ok = true;
    for (auto it = item.begin(); it != item.end(); ++it) {
        if (!it->first.IsScalar()) {
            m_reader.error(it->first, "expected a key name, got " + describeNode(it->first));
            ok = false;
            continue;
        }
        const auto& key = it->first.Scalar();
        if (auto [where, fresh] = seen.emplace(key, posOf(it->first)); !fresh) {
            m_reader.error(it->first, "duplicate key " + quoteForMessage(key) + " (first at " +
                                          posText(where->second) + ")");
            ok = false;
            continue;
        }
        if (key == "do" || key == "then" || key == "else") {
            if (!hasDo) {
                doKey.reset(it->first);
            }
            hasDo = true;
            continue;
        }
        const auto kind = opFromName(key);
        if (!kind) {
            auto candidates = operationNames();
            m_reader.error(it->first, "unknown operation " + quoteForMessage(key) +
                                          suggestionSuffix(key, candidates));
            ok = false;
            continue;
        }
        if (spec != nullptr) {
            m_reader.error(it->first, "two operations in one item ('" + std::string(spec->name) +
                                          "' and '" + key +
                                          "'); start each operation with its own '- '");
            ok = false;
            continue;
        }
        spec = &operationSpec(*kind);
        opKey.reset(it->first);
        opValue.reset(it->second);
    }
    if (spec == nullptr) {
        if (ok && hasDo && doKey.Scalar() == "do") {
            m_reader.error(doKey, "'do' without 'repeat' or 'while'; expected 'repeat: N' or "
                                  "'while: CONDITION' in the same item");
        } else if (ok && hasDo) {
            m_reader.error(doKey, "'" + doKey.Scalar() +
                                      "' without 'if'; expected 'if: CONDITION' in the same item");
        } else if (ok) {
            m_reader.error(item, "expected an operation such as 'compute: 3', got an empty map");
        }
        return false;
    }
    op.kind = spec->kind;
    op.pos = posOf(opKey);
    for (auto it = item.begin(); it != item.end(); ++it) {
        const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
        if (key != "do" && key != "then" && key != "else") {
            continue;
        }
        const auto& allowed = spec->siblings;
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
            const std::string owner = key == "do" ? "'repeat' or 'while'" : "'if'";
            m_reader.error(it->first, "'" + key + "' belongs to " + owner + ", not to '" +
                                          std::string(spec->name) + "'");
        }
    }
    if (spec->kind == OpKind::Repeat) {
        parseRepeat(item, opKey, opValue, depth, op);
        return ok;
    }
    if (spec->kind == OpKind::While || spec->kind == OpKind::If) {
        parseBranching(item, opKey, opValue, depth, op);
        return ok;
    }
    if (spec->kind == OpKind::MailboxCreate) {
        op.capacity = kUnbounded;
    }
    if (spec->kind == OpKind::Add) {
        op.text = "1";
        op.textIsNumber = true;
        op.number = 1;
    }
    if (opValue.IsMap() && spec->mapForm && !isLanguageMap(*spec, opValue)) {
        readMapForm(*spec, opValue, op, depth);
        if (!op.ok.empty() && op.blocking) {
            m_reader.error(opValue["ok"], std::string(spec->name) +
                                              ".ok: only a call with 'blocking: false' can "
                                              "fail to do its job; add 'blocking: false'");
        }
    } else if ((opValue.IsScalar() || isLanguageMap(*spec, opValue)) && !spec->shortField.empty()) {
        readField(*spec, *spec->field(spec->shortField), opValue, op, depth);
    } else {
        std::string what;
        if (!spec->shortField.empty()) {
            what = "a value (its '" + std::string(spec->shortField) + "') or ";
        }
        what += "a map of fields (" + quotedList(spec->fieldNames()) + ")";
        m_reader.error(opValue.IsNull() ? opKey : opValue, std::string(spec->name) + ": expected " +
                                                               what + ", got " +
                                                               describeNode(opValue));
    }
    return ok;
}

void OperationParser::parseRepeat(const YAML::Node& item, const YAML::Node& keyNode,
                                  const YAML::Node& count, int depth, Operation& op) {
    if (count.IsNull()) {
        m_reader.error(keyNode, "repeat: expected an integer from 1 to " +
                                    std::to_string(kMaxRepeat) +
                                    " (the number of rounds), got nothing");
    } else if (!readNumberTemplate(count, "repeat", depth, op)) {
        m_reader.readInteger(count, "repeat", 1, kMaxRepeat, op.count);
    }
    const YAML::Node body = item["do"];
    if (!body.IsDefined()) {
        m_reader.error(keyNode, "repeat: missing 'do:' with the list of operations to repeat");
        return;
    }
    op.body = parseBody(body, keyNode, depth + 1, "do");
}

std::vector<Operation> OperationParser::parseBody(const YAML::Node& list, const YAML::Node& keyNode,
                                                  int depth, const std::string& label) {
    if (m_nesting + 1 > kMaxNesting) {
        m_reader.error(keyNode, keyNode.Scalar() + " nested more than " +
                                    std::to_string(kMaxNesting) + " levels deep");
        return {};
    }
    ++m_nesting;
    auto ops = parseList(list, depth, label);
    --m_nesting;
    return ops;
}

void OperationParser::parseBranching(const YAML::Node& item, const YAML::Node& keyNode,
                                     const YAML::Node& condition, int depth, Operation& op) {
    const std::string name = keyNode.Scalar();
    if (condition.IsNull()) {
        m_reader.error(keyNode, name + ": expected a condition such as \"(in + 1) % 5 == out\", "
                                       "got nothing");
    } else if (m_reader.readExpression(condition, name, op.condition)) {
        noteExpression(expressionVariables(op.condition).names, condition, name, depth);
    }
    // A body does not change the round `{i}` stands for: `depth` counts repeats only.
    if (op.kind == OpKind::While) {
        const YAML::Node body = item["do"];
        if (!body.IsDefined()) {
            m_reader.error(keyNode, "while: missing 'do:' with the list of operations to run "
                                    "while the condition holds");
            return;
        }
        op.body = parseBody(body, keyNode, depth, "do");
        return;
    }
    const YAML::Node then = item["then"];
    if (!then.IsDefined()) {
        m_reader.error(keyNode, "if: missing 'then:' with the list of operations to run when "
                                "the condition holds");
        return;
    }
    op.body = parseBody(then, keyNode, depth, "then");
    if (const YAML::Node otherwise = item["else"]; otherwise.IsDefined()) {
        op.elseBody = parseBody(otherwise, keyNode, depth, "else");
    }
}

bool OperationParser::readNumberTemplate(const YAML::Node& value, const std::string& label,
                                         int depth, Operation& op) {
    // Only a quoted or plain string holding '{' is a template; numbers keep their checks.
    if (!value.IsScalar() || isIntegerScalar(value) ||
        value.Scalar().find('{') == std::string::npos) {
        return false;
    }
    std::string text;
    bool isNumber = false;
    std::int64_t number = 0;
    if (m_reader.readTemplate(value, label, text, isNumber, number)) {
        op.numberTemplate = text;
        noteExpression(templatePlaceholders(text).names, value, label, depth);
    }
    return true;
}

void OperationParser::readMapForm(const OperationSpec& spec, const YAML::Node& value, Operation& op,
                                  int depth) {
    const std::string name(spec.name);
    std::map<std::string, SourcePos> seen;
    std::set<std::string> standIns;
    for (auto it = value.begin(); it != value.end(); ++it) {
        if (!it->first.IsScalar()) {
            m_reader.error(it->first, "expected a key name, got " + describeNode(it->first));
            continue;
        }
        const auto& key = it->first.Scalar();
        if (auto [where, fresh] = seen.emplace(key, posOf(it->first)); !fresh) {
            m_reader.error(it->first, name + ": duplicate field " + quoteForMessage(key) +
                                          " (first at " + posText(where->second) + ")");
            continue;
        }
        const FieldSpec* field = spec.field(key);
        if (field == nullptr) {
            m_reader.error(it->first, name + ": unknown field " + quoteForMessage(key) +
                                          suggestionSuffix(key, spec.fieldNames()));
            // The misspelt field stands for the one it resembles: no "missing" report.
            if (auto match = closestMatch(key, spec.fieldNames()); !match.empty()) {
                standIns.insert(match);
            }
            continue;
        }
        const FieldReader::EmptyValueAtKey emptyAtKey(m_reader, it->first, it->second);
        readField(spec, *field, it->second, op, depth);
    }
    const SourcePos at = posOf(value);
    for (const auto& field : spec.fields) {
        if (field.required && seen.count(std::string(field.name)) == 0 &&
            standIns.count(std::string(field.name)) == 0) {
            m_reader.error(at, name + ": missing required field '" + std::string(field.name) + "'");
        }
    }
    if (!spec.exactlyOneOf.empty()) {
        std::vector<std::string_view> present;
        for (auto f : spec.exactlyOneOf) {
            if (seen.count(std::string(f)) != 0) {
                present.push_back(f);
            }
        }
        const bool guessed =
            std::any_of(spec.exactlyOneOf.begin(), spec.exactlyOneOf.end(),
                        [&](std::string_view f) { return standIns.count(std::string(f)) != 0; });
        if (present.empty() && !guessed) {
            m_reader.error(at, name + ": missing " + quotedList(spec.exactlyOneOf) +
                                   "; say whom it talks to");
        } else if (present.size() > 1) {
            m_reader.error(seen[std::string(present[1])],
                           name + ": give either " + quotedList(spec.exactlyOneOf) + ", not both");
        }
    }
}

bool OperationParser::readField(const OperationSpec& spec, const FieldSpec& field,
                                const YAML::Node& value, Operation& op, int depth) {
    const std::string label = std::string(spec.name) + "." + std::string(field.name);
    const std::string_view f = field.name;
    FieldReader& r = m_reader;
    switch (field.type) {
    case FieldType::Integer: {
        std::int64_t v = 0;
        if ((f == "ticks" || f == "offset" || f == "value") &&
            readNumberTemplate(value, label, depth, op)) {
            return true;
        }
        if (!r.readInteger(value, label, field.min, field.max, v)) {
            return false;
        }
        if (f == "ticks") {
            op.ticks = v;
        } else if (f == "size") {
            op.size = v;
        } else if (f == "offset") {
            op.offset = v;
        } else if (f == "value") {
            op.value = v;
        }
        return true;
    }
    case FieldType::Boolean:
        return r.readBool(value, label, op.blocking);
    case FieldType::LocalTemplate:
        if (value.IsMap()) {
            const bool read = r.readTranslated(value, label, true, op.text, op.translations);
            if (read) {
                noteTemplate(op.text, value, label, depth);
            }
            return read;
        }
        [[fallthrough]];
    case FieldType::Template:
        if (!r.readTemplate(value, label, op.text, op.textIsNumber, op.number)) {
            return false;
        }
        if (!op.textIsNumber) {
            noteTemplate(op.text, value, label, depth);
        }
        return true;
    case FieldType::Variable: {
        std::string var;
        if (!r.readVariable(value, label, var)) {
            return false;
        }
        (f == "into" ? op.into : f == "ok" ? op.ok : op.object) = var;
        note(NameKind::Variable, var, value, label, true);
        return true;
    }
    case FieldType::Peer:
        if (value.IsScalar() && value.Scalar() == "any") {
            op.peerKind = PeerKind::Any;
            op.object.clear();
            return true;
        }
        [[fallthrough]];
    case FieldType::Name: {
        std::string name;
        if (!r.readName(value, label, name)) {
            return false;
        }
        if (f == "to" && name == "any") {
            r.error(value, label + ": 'any' is only for receive.from; a send names one process "
                                   "or a mailbox");
            return false;
        }
        op.object = name;
        if (f == "to" || f == "from" || f == "peer") {
            if (f != "peer") {
                op.peerKind = PeerKind::Process;
            }
            note(NameKind::Process, name, value, label, false);
        } else if (f == "mailbox") {
            op.peerKind = PeerKind::Mailbox;
            note(NameKind::Mailbox, name, value, label, false);
        } else if (f == "segment") {
            note(NameKind::Segment, name, value, label, false);
        } else {
            note(objectKindOf(spec.kind), name, value, label, declaresObject(spec.kind));
        }
        return true;
    }
    case FieldType::Capacity:
        return r.readCapacity(value, label, op.capacity);
    case FieldType::Mode:
        return r.readMode(value, label, op.mode);
    case FieldType::Key:
        return r.readKey(value, label, op.key);
    case FieldType::Owner:
        return r.readOwner(value, label, op.ownedByProcess);
    case FieldType::Answer:
        if (!r.readText(value, label, op.answer)) {
            return false;
        }
        // The expression's first character: a quoted scalar starts one column later.
        op.answerPos = posOf(value);
        if (value.Tag() == "!") {
            ++op.answerPos.column;
        }
        return true;
    case FieldType::Choices:
        return readChoices(value, label, op.choices);
    case FieldType::LocalText:
        if (value.IsMap()) {
            return r.readTranslated(value, label, false, op.text, op.translations);
        }
        break;
    case FieldType::Text:
    case FieldType::Scheduler:
        break;
    }
    return r.readText(value, label, op.text);
}

bool OperationParser::readChoices(const YAML::Node& value, const std::string& label,
                                  std::vector<std::string>& out) {
    if (!value.IsSequence() || value.size() < 2 || value.size() > kMaxChoices) {
        m_reader.error(value, label + ": expected a list of 2 to " + std::to_string(kMaxChoices) +
                                  " answers ([10, 11, 20]), got " + describeNode(value));
        return false;
    }
    for (const auto& choice : value) {
        std::string text;
        if (!m_reader.readText(choice, label, text)) {
            return false;
        }
        out.push_back(text);
    }
    return true;
}

} // namespace ipclab
