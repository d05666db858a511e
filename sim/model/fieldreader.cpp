#include "fieldreader.h"

#include "expression.h"
#include "namechars.h"
#include "opspec.h"
#include "suggest.h"
#include "yamlnode.h"

#include <algorithm>

namespace ipclab {

namespace {

/// A letter (of any script, see namechars.h) or '_' first, then letters, combining marks,
/// digits and '_' (and '-', '.' in object names); at most kMaxNameLength characters.
bool isNameText(const std::string& name, bool dashAndDot) {
    std::u32string chars;
    if (name.empty() || !decodeUtf8(name, chars) || chars.size() > kMaxNameLength) {
        return false;
    }
    const auto start = [](char32_t c) { return c == U'_' || isLetter(c); };
    if (!start(chars.front())) {
        return false;
    }
    return std::all_of(chars.begin() + 1, chars.end(), [&](char32_t c) {
        return start(c) || isCombiningMark(c) || (c >= U'0' && c <= U'9') ||
               (dashAndDot && (c == U'-' || c == U'.'));
    });
}

std::string rangeText(std::int64_t min, std::int64_t max) {
    return "an integer from " + std::to_string(min) + " to " + std::to_string(max);
}

} // namespace

bool isLanguageCode(const std::string& code) {
    const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    const std::size_t n = code.find('_') == std::string::npos ? code.size() : code.find('_');
    if (n < 2 || n > 3 || !std::all_of(code.begin(), code.begin() + n, lower)) {
        return false;
    }
    return n == code.size() || (code.size() == n + 3 && upper(code[n + 1]) && upper(code[n + 2]));
}

bool isValidName(const std::string& name) {
    return isNameText(name, true);
}

bool isValidVariable(const std::string& name) {
    return isNameText(name, false);
}

namespace {

void collectNames(const Expression& e, TemplateParts& parts) {
    for (const ExprNode* n : expressionNames(e)) {
        parts.names.push_back(n->text);
    }
    for (const ExprNode& n : e.nodes) {
        parts.callsFunction = parts.callsFunction || n.kind == ExprNode::Kind::Call;
    }
}

} // namespace

TemplateParts templatePlaceholders(const std::string& text) {
    TemplateParts parts;
    std::vector<TemplatePiece> pieces;
    if (auto err = parseTemplate(text, pieces)) {
        parts.error = err->message;
        parts.errorOffset = err->offset;
        return parts;
    }
    for (const auto& piece : pieces) {
        if (piece.isExpression) {
            collectNames(piece.expr, parts);
        }
    }
    return parts;
}

TemplateParts expressionVariables(const std::string& text) {
    TemplateParts parts;
    Expression e;
    if (auto err = parseExpression(text, e)) {
        parts.error = err->message;
        parts.errorOffset = err->offset;
        return parts;
    }
    collectNames(e, parts);
    return parts;
}

FieldReader::EmptyValueAtKey::EmptyValueAtKey(FieldReader& reader, const YAML::Node& key,
                                              const YAML::Node& value)
    : m_reader(reader), m_active(value.IsNull() && !reader.m_atKey) {
    if (m_active) {
        m_reader.m_atKey = true;
        m_reader.m_keyPos = posOf(key);
    }
}

FieldReader::EmptyValueAtKey::~EmptyValueAtKey() {
    if (m_active) {
        m_reader.m_atKey = false;
    }
}

void FieldReader::error(const YAML::Node& at, const std::string& message) {
    m_sink.add(m_atKey && at.IsNull() ? m_keyPos : posOf(at), message);
}

void FieldReader::error(SourcePos at, const std::string& message) {
    m_sink.add(at, message);
}

void FieldReader::expected(const YAML::Node& node, const std::string& label,
                           const std::string& what) {
    std::string message = label + ": expected " + what + ", got " + describeNode(node);
    // `value: {x}` without quotes is a YAML map, a classic slip with templates.
    if (node.IsMap() && node.size() == 1 && node.begin()->second.IsNull()) {
        message += " (put quotes around templates: \"{" + node.begin()->first.Scalar() + "}\")";
    }
    error(node, message);
}

bool FieldReader::readInteger(const YAML::Node& node, const std::string& label, std::int64_t min,
                              std::int64_t max, std::int64_t& out) {
    const auto what = rangeText(min, max);
    if (!isIntegerScalar(node)) {
        expected(node, label, what);
        return false;
    }
    std::int64_t value = 0;
    if (parseInteger(node.Scalar(), value) != IntParse::Ok || value < min || value > max) {
        expected(node, label, what);
        return false;
    }
    out = value;
    return true;
}

bool FieldReader::readBool(const YAML::Node& node, const std::string& label, bool& out) {
    if (isPlainScalar(node)) {
        const auto& s = node.Scalar();
        if (s == "true" || s == "True" || s == "TRUE") {
            out = true;
            return true;
        }
        if (s == "false" || s == "False" || s == "FALSE") {
            out = false;
            return true;
        }
    }
    expected(node, label, "true or false");
    return false;
}

bool FieldReader::readText(const YAML::Node& node, const std::string& label, std::string& out) {
    if (!node.IsScalar()) {
        expected(node, label, "a string");
        return false;
    }
    out = node.Scalar();
    return true;
}

bool FieldReader::readTranslated(const YAML::Node& node, const std::string& label, bool asTemplate,
                                 std::string& text, Translations& translations) {
    const auto readOne = [&](const YAML::Node& value, const std::string& where, std::string& out) {
        if (!asTemplate) {
            return readText(value, where, out);
        }
        bool isNumber = false;
        std::int64_t number = 0;
        return readTemplate(value, where, out, isNumber, number);
    };
    if (!node.IsMap()) {
        return readOne(node, label, text);
    }
    const bool anyLanguage = std::any_of(node.begin(), node.end(), [](const auto& kv) {
        return kv.first.IsScalar() && isLanguageCode(kv.first.Scalar());
    });
    if (!anyLanguage) {
        expected(node, label, "a string or one per language ({ en: ..., zh: ... })");
        return false;
    }
    bool ok = true;
    bool hasEnglish = false;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const std::string code = it->first.IsScalar() ? it->first.Scalar() : std::string();
        if (!isLanguageCode(code)) {
            error(it->first, label +
                                 ": expected a language code such as 'en' or 'zh' as the "
                                 "key, got " +
                                 describeNode(it->first));
            ok = false;
            continue;
        }
        if (code == "en" ? hasEnglish : translations.count(code) != 0) {
            error(it->first, label + ": language '" + code + "' given twice");
            ok = false;
            continue;
        }
        std::string value;
        if (!readOne(it->second, label + "." + code, value)) {
            ok = false;
        } else if (code == "en") {
            hasEnglish = true;
            text = std::move(value);
        } else {
            translations[code] = std::move(value);
        }
    }
    if (ok && !hasEnglish) {
        error(node, label + ": missing 'en': the English text is what reports show and what "
                            "other languages fall back to");
        return false;
    }
    if (!ok || !asTemplate) {
        return ok;
    }
    // The window fills a translation from the English caption's values, so it can only
    // use placeholders that the English text has.
    const auto english = templatePlaceholders(text).names;
    for (const auto& [code, translated] : translations) {
        for (const auto& name : templatePlaceholders(translated).names) {
            if (std::find(english.begin(), english.end(), name) == english.end()) {
                error(node[code], label + "." + code + ": placeholder {" + name +
                                      "} is not in the 'en' text; a translation uses the "
                                      "English text's placeholders");
                ok = false;
            }
        }
    }
    return ok;
}

bool FieldReader::readExpression(const YAML::Node& node, const std::string& label,
                                 std::string& out) {
    if (!node.IsScalar() || node.Scalar().empty()) {
        expected(node, label, "an expression such as \"(in + 1) % 5 == out\"");
        return false;
    }
    const auto parts = expressionVariables(node.Scalar());
    if (!parts.error.empty()) {
        error(posInScalar(node, parts.errorOffset), label + ": " + parts.error);
        return false;
    }
    if (parts.callsFunction) {
        error(node, label + ": a program's expression uses numbers, variables and operators; "
                            "functions such as syscalls(P) are for ask: answers");
        return false;
    }
    out = node.Scalar();
    return true;
}

bool FieldReader::readName(const YAML::Node& node, const std::string& label, std::string& out) {
    if (!node.IsScalar() || !isValidName(node.Scalar())) {
        expected(node, label,
                 "a name (a letter or '_', then letters, digits, '_', '-' or '.', at most 64)");
        return false;
    }
    out = node.Scalar();
    return true;
}

bool FieldReader::readVariable(const YAML::Node& node, const std::string& label, std::string& out) {
    if (node.IsScalar() && node.Scalar() == "i") {
        error(node, label + ": 'i' is the repeat round and cannot be a variable; choose "
                            "another name");
        return false;
    }
    if (!node.IsScalar() || !isValidVariable(node.Scalar())) {
        expected(node, label,
                 "a variable name (a letter or '_', then letters, digits or '_', at most 64)");
        return false;
    }
    out = node.Scalar();
    return true;
}

bool FieldReader::readTemplate(const YAML::Node& node, const std::string& label, std::string& text,
                               bool& isNumber, std::int64_t& number) {
    if (!node.IsScalar()) {
        expected(node, label, "a string or an integer");
        return false;
    }
    std::int64_t value = 0;
    if (isIntegerScalar(node)) {
        if (parseInteger(node.Scalar(), value) != IntParse::Ok) {
            expected(node, label, "a string or a 64-bit integer");
            return false;
        }
        isNumber = true;
        number = value;
        text = std::to_string(value);
        return true;
    }
    if (node.Scalar().size() > static_cast<std::size_t>(kMaxMessageLength)) {
        error(node, label + ": text is " + std::to_string(node.Scalar().size()) +
                        " bytes long; expected at most " + std::to_string(kMaxMessageLength));
        return false;
    }
    const auto parts = templatePlaceholders(node.Scalar());
    if (!parts.error.empty()) {
        error(posInScalar(node, parts.errorOffset), label + ": " + parts.error);
        return false;
    }
    if (parts.callsFunction) {
        error(node, label + ": a program's expression uses numbers, variables and operators; "
                            "functions such as syscalls(P) are for ask: answers");
        return false;
    }
    isNumber = false;
    number = 0;
    text = node.Scalar();
    return true;
}

bool FieldReader::readCapacity(const YAML::Node& node, const std::string& label,
                               std::int64_t& out) {
    const auto what =
        "0 (rendezvous), a bound from 1 to " + std::to_string(kMaxCapacity) + " or 'unbounded'";
    if (node.IsScalar() && node.Scalar() == "unbounded") {
        out = kUnbounded;
        return true;
    }
    std::int64_t value = 0;
    if (!isIntegerScalar(node) || parseInteger(node.Scalar(), value) != IntParse::Ok || value < 0 ||
        value > kMaxCapacity) {
        expected(node, label, what);
        return false;
    }
    out = value;
    return true;
}

bool FieldReader::readMode(const YAML::Node& node, const std::string& label, int& out) {
    // Quoted "0600" is the documented form. An unquoted 0600 is an integer to YAML (and
    // 384 to a YAML 1.1 reader); its digits as written are what the instructor meant, so
    // the loader reads them as octal either way.
    const auto what = std::string("octal permission bits such as \"0600\" (digits 0-7, at most "
                                  "0777)");
    if (!node.IsScalar()) {
        expected(node, label, what);
        return false;
    }
    std::string digits = node.Scalar();
    if (digits.rfind("0o", 0) == 0) {
        digits = digits.substr(2);
    }
    if (digits.empty() || digits.size() > 4) {
        expected(node, label, what);
        return false;
    }
    int value = 0;
    for (char c : digits) {
        if (c < '0' || c > '7') {
            expected(node, label, what);
            return false;
        }
        value = value * 8 + (c - '0');
    }
    if (value > 0777) {
        expected(node, label, what);
        return false;
    }
    out = value;
    return true;
}

bool FieldReader::readKey(const YAML::Node& node, const std::string& label, std::string& out) {
    std::int64_t value = 0;
    if (!node.IsScalar() || parseInteger(node.Scalar(), value) != IntParse::Ok || value < 1 ||
        value > kMaxKey) {
        expected(node, label, "a System V key, an integer from 1 to " + std::to_string(kMaxKey));
        return false;
    }
    out = std::to_string(value);
    return true;
}

bool FieldReader::readOwner(const YAML::Node& node, const std::string& label,
                            bool& ownedByProcess) {
    if (node.IsScalar() && (node.Scalar() == "kernel" || node.Scalar() == "process")) {
        ownedByProcess = node.Scalar() == "process";
        return true;
    }
    expected(node, label, "'kernel' or 'process'");
    return false;
}

bool FieldReader::readScheduler(const YAML::Node& node, const std::string& label,
                                SchedulerPolicy& out) {
    const std::vector<std::string_view> names = {"fcfs", "round-robin", "priority", "random",
                                                 "manual"};
    if (node.IsScalar()) {
        if (auto policy = policyFromName(node.Scalar())) {
            out = *policy;
            return true;
        }
        error(node, label + ": unknown scheduler " + quoteForMessage(node.Scalar()) +
                        suggestionSuffix(node.Scalar(), names));
        return false;
    }
    expected(node, label, quotedList(names));
    return false;
}

} // namespace ipclab
