#include "template.h"

#include <charconv>

namespace ipclab {

int VariableTable::slot(std::string_view name) {
    for (std::size_t i = 0; i < m_names.size(); ++i) {
        if (m_names[i] == name) {
            return static_cast<int>(i);
        }
    }
    m_names.emplace_back(name);
    return static_cast<int>(m_names.size() - 1);
}

namespace {

using Piece = CompiledTemplate::Piece;

Piece placeholderPiece(std::string_view name, VariableTable& vars) {
    if (name == "i") {
        return Piece{Piece::Kind::Round, {}, -1};
    }
    return Piece{Piece::Kind::Var, "{" + std::string(name) + "}", vars.slot(name)};
}

} // namespace

CompiledTemplate compileTemplate(std::string_view tmpl, bool isNumber, std::int64_t number,
                                 StringPool& pool, VariableTable& vars) {
    CompiledTemplate t;
    if (isNumber) {
        t.literal = SimValue::integer(number);
        return t;
    }
    // The same cases, in the same order, as expandTemplate().
    if (tmpl.find('{') == std::string_view::npos) {
        t.literal = SimValue::string(pool.intern(tmpl));
        return t;
    }
    if (tmpl.front() == '{' && tmpl.back() == '}' && tmpl.find('{', 1) == std::string_view::npos) {
        Piece p = placeholderPiece(tmpl.substr(1, tmpl.size() - 2), vars);
        if (p.kind == Piece::Kind::Round) {
            t.shape = CompiledTemplate::Shape::Round;
        } else {
            t.shape = CompiledTemplate::Shape::Var;
            t.var = p.var;
            t.unsetText = pool.intern(p.text);
        }
        return t;
    }
    t.shape = CompiledTemplate::Shape::Mixed;
    std::size_t pos = 0;
    while (pos < tmpl.size()) {
        const auto open = tmpl.find('{', pos);
        const auto close = open == std::string_view::npos ? open : tmpl.find('}', open);
        if (open == std::string_view::npos || close == std::string_view::npos) {
            t.pieces.push_back(Piece{Piece::Kind::Text, std::string(tmpl.substr(pos)), -1});
            break;
        }
        if (open > pos) {
            t.pieces.push_back(
                Piece{Piece::Kind::Text, std::string(tmpl.substr(pos, open - pos)), -1});
        }
        t.pieces.push_back(placeholderPiece(tmpl.substr(open + 1, close - open - 1), vars));
        pos = close + 1;
    }
    return t;
}

void TemplateExpander::appendValue(const SimValue& v, StringPool& pool) {
    if (v.isInt) {
        char buf[24];
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v.num);
        (void)ec;
        m_buffer.append(buf, end);
    } else {
        m_buffer.append(pool.view(v.text));
    }
}

SimValue TemplateExpander::expand(const CompiledTemplate& t, std::int64_t round,
                                  const Local* locals, StringPool& pool) {
    switch (t.shape) {
    case CompiledTemplate::Shape::Literal:
        return t.literal;
    case CompiledTemplate::Shape::Round:
        return SimValue::integer(round);
    case CompiledTemplate::Shape::Var: {
        const Local& l = locals[t.var];
        return l.isSet ? l.value : SimValue::string(t.unsetText);
    }
    case CompiledTemplate::Shape::Mixed:
        break;
    }
    m_buffer.clear();
    for (const Piece& p : t.pieces) {
        switch (p.kind) {
        case Piece::Kind::Text:
            m_buffer.append(p.text);
            break;
        case Piece::Kind::Round:
            appendValue(SimValue::integer(round), pool);
            break;
        case Piece::Kind::Var:
            if (locals[p.var].isSet) {
                appendValue(locals[p.var].value, pool);
            } else {
                m_buffer.append(p.text);
            }
            break;
        }
    }
    return SimValue::string(pool.intern(m_buffer));
}

bool integerOf(const SimValue& v, const StringPool& pool, std::int64_t& out) {
    if (v.isInt) {
        out = v.num;
        return true;
    }
    const std::string_view s = pool.view(v.text);
    if (s.empty()) {
        return false;
    }
    const char* end = s.data() + s.size();
    auto [ptr, ec] = std::from_chars(s.data(), end, out);
    return ec == std::errc() && ptr == end;
}

} // namespace ipclab
