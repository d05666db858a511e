#include "value.h"

#include "expression.h"

#include <charconv>

namespace ipclab {

std::string valueText(const Value& value) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) {
        return std::to_string(*i);
    }
    return std::get<std::string>(value);
}

bool valueAsInteger(const Value& value, std::int64_t& out) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) {
        out = *i;
        return true;
    }
    const auto& s = std::get<std::string>(value);
    if (s.empty()) {
        return false;
    }
    const auto* end = s.data() + s.size();
    auto [ptr, ec] = std::from_chars(s.data(), end, out);
    return ec == std::errc() && ptr == end;
}

namespace {

/// Variables for an expression: `i` is the round, others come from the lookup.
class LookupEnvironment : public ExprEnvironment {
public:
    LookupEnvironment(std::int64_t round, const VariableLookup& lookup)
        : m_round(round), m_lookup(lookup) {}
    bool variable(const Expression&, const ExprNode& name, std::int64_t& out,
                  std::string& why) override {
        if (name.text == "i") {
            out = m_round;
            return true;
        }
        const Value* v = m_lookup ? m_lookup(name.text) : nullptr;
        if (v == nullptr) {
            why = name.text + " has no value yet";
            return false;
        }
        if (!valueAsInteger(*v, out)) {
            why = name.text + " holds " + valueText(*v) + ", not a number";
            return false;
        }
        return true;
    }

private:
    std::int64_t m_round;
    const VariableLookup& m_lookup;
};

} // namespace

bool evaluateWithLookup(const Expression& e, std::int64_t round, const VariableLookup& lookup,
                        std::int64_t& out, ExprFault& fault) {
    LookupEnvironment env(round, lookup);
    return evaluateExpression(e, env, out, fault);
}

bool expandTemplateChecked(std::string_view tmpl, std::int64_t round, const VariableLookup& lookup,
                           Value& out, ExprFault& fault) {
    if (tmpl.find('{') == std::string_view::npos) {
        out = std::string(tmpl);
        return true;
    }
    std::vector<TemplatePiece> pieces;
    if (parseTemplate(tmpl, pieces)) {
        // The loader refuses such a template; taken literally as before.
        out = expandTemplate(tmpl, round, lookup);
        return true;
    }
    LookupEnvironment env(round, lookup);
    auto evaluate = [&](const TemplatePiece& piece, Value& v) {
        if (piece.expr.isName()) {
            v = expandTemplate("{" + piece.expr.node(piece.expr.root).text + "}", round, lookup);
            return true;
        }
        std::int64_t n = 0;
        if (!evaluateExpression(piece.expr, env, n, fault)) {
            fault.offset += piece.offset;
            return false;
        }
        v = n;
        return true;
    };
    if (pieces.size() == 1 && pieces[0].isExpression) {
        return evaluate(pieces[0], out);
    }
    std::string text;
    for (const auto& piece : pieces) {
        if (!piece.isExpression) {
            text += piece.text;
            continue;
        }
        Value v;
        if (!evaluate(piece, v)) {
            return false;
        }
        text += valueText(v);
    }
    out = std::move(text);
    return true;
}

Value expandTemplate(std::string_view tmpl, std::int64_t round, const VariableLookup& lookup) {
    // Fast path: no placeholder at all.
    if (tmpl.find('{') == std::string_view::npos) {
        return std::string(tmpl);
    }
    auto placeholder = [&](std::string_view name) -> Value {
        if (name == "i") {
            return round;
        }
        if (lookup) {
            if (const Value* v = lookup(name)) {
                return *v;
            }
        }
        return "{" + std::string(name) + "}";
    };
    if (tmpl.front() == '{' && tmpl.back() == '}' && tmpl.find('{', 1) == std::string_view::npos) {
        return placeholder(tmpl.substr(1, tmpl.size() - 2));
    }
    std::string out;
    out.reserve(tmpl.size() + 8);
    std::size_t pos = 0;
    while (pos < tmpl.size()) {
        const auto open = tmpl.find('{', pos);
        const auto close = open == std::string_view::npos ? open : tmpl.find('}', open);
        if (open == std::string_view::npos || close == std::string_view::npos) {
            out.append(tmpl.substr(pos));
            break;
        }
        out.append(tmpl.substr(pos, open - pos));
        out.append(valueText(placeholder(tmpl.substr(open + 1, close - open - 1))));
        pos = close + 1;
        if (out.size() > static_cast<std::size_t>(kMaxValueLength)) {
            // Longer than any variable may be: the caller sees the excess and no more.
            out.resize(static_cast<std::size_t>(kMaxValueLength) + 1);
            break;
        }
    }
    return out;
}

} // namespace ipclab
