#include "template.h"

#include "value.h"

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

Expression compileExpression(std::string_view source, VariableTable& vars) {
    Expression e;
    // The loader checked the syntax; a file that skipped it evaluates to a fault.
    if (parseExpression(source, e)) {
        e = Expression{};
        parseExpression("unparsed_expression", e);
    }
    for (ExprNode& n : e.nodes) {
        if (n.kind == ExprNode::Kind::Name) {
            n.slot = n.text == "i" ? kRoundSlot : vars.slot(n.text);
        }
    }
    return e;
}

bool LocalsEnvironment::variable(const Expression&, const ExprNode& name, std::int64_t& out,
                                 std::string& why) {
    if (name.slot == kRoundSlot) {
        out = m_round;
        return true;
    }
    const Local& l = m_locals[name.slot];
    if (!l.isSet) {
        why = name.text + " has no value yet";
        return false;
    }
    if (!integerOf(l.value, m_pool, out)) {
        why = name.text + " holds " + std::string(m_pool.view(l.value.text)) + ", not a number";
        return false;
    }
    return true;
}

namespace {

using Piece = CompiledTemplate::Piece;

Piece placeholderPiece(std::string_view source, VariableTable& vars) {
    Piece p;
    Expression check;
    if (parseExpression(source, check)) {
        // Not an expression (the loader refuses it): a variable nobody sets, shown as
        // written, as expandTemplate() does.
        p.kind = Piece::Kind::Var;
        p.text = "{" + std::string(source) + "}";
        p.var = vars.slot(source);
        return p;
    }
    Expression e = compileExpression(source, vars);
    if (e.isName() && e.node(e.root).text == "i") {
        p.kind = Piece::Kind::Round;
    } else if (e.isName()) {
        p.kind = Piece::Kind::Var;
        p.text = "{" + e.node(e.root).text + "}";
        p.var = e.node(e.root).slot;
    } else {
        p.kind = Piece::Kind::Expr;
        p.expr = std::move(e);
    }
    return p;
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
        } else if (p.kind == Piece::Kind::Expr) {
            t.shape = CompiledTemplate::Shape::Expr;
            t.expr = std::move(p.expr);
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
            t.pieces.push_back(Piece{Piece::Kind::Text, std::string(tmpl.substr(pos)), -1, {}});
            break;
        }
        if (open > pos) {
            t.pieces.push_back(
                Piece{Piece::Kind::Text, std::string(tmpl.substr(pos, open - pos)), -1, {}});
        }
        t.pieces.push_back(placeholderPiece(tmpl.substr(open + 1, close - open - 1), vars));
        t.hasExpr = t.hasExpr || t.pieces.back().kind == Piece::Kind::Expr;
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
    if (t.mayFault()) {
        // The kernel checked first (expandChecked); a fault here yields 0.
        SimValue out = SimValue::integer(0);
        ExprFault fault;
        expandChecked(t, round, locals, pool, out, fault);
        return out;
    }
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
    case CompiledTemplate::Shape::Expr:
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
        case Piece::Kind::Expr:
            break; // only in templates that mayFault(), expanded by expandChecked
        }
        if (m_buffer.size() > static_cast<std::size_t>(kMaxValueLength)) {
            // Longer than any variable may be: the caller sees the excess and no more.
            m_buffer.resize(static_cast<std::size_t>(kMaxValueLength) + 1);
            break;
        }
    }
    return SimValue::string(pool.intern(m_buffer));
}

bool TemplateExpander::expandChecked(const CompiledTemplate& t, std::int64_t round,
                                     const Local* locals, StringPool& pool, SimValue& out,
                                     ExprFault& fault) {
    LocalsEnvironment env(locals, round, pool);
    std::int64_t v = 0;
    if (t.shape == CompiledTemplate::Shape::Expr) {
        if (!evaluateExpression(t.expr, env, v, fault)) {
            return false;
        }
        out = SimValue::integer(v);
        return true;
    }
    if (t.shape != CompiledTemplate::Shape::Mixed || !t.hasExpr) {
        out = expand(t, round, locals, pool);
        return true;
    }
    // Expressions first: appendValue below may intern, and the buffer is reused.
    std::string text;
    for (const Piece& p : t.pieces) {
        switch (p.kind) {
        case Piece::Kind::Text:
            text += p.text;
            break;
        case Piece::Kind::Round:
            text += std::to_string(round);
            break;
        case Piece::Kind::Var:
            if (locals[p.var].isSet) {
                const SimValue& value = locals[p.var].value;
                text +=
                    value.isInt ? std::to_string(value.num) : std::string(pool.view(value.text));
            } else {
                text += p.text;
            }
            break;
        case Piece::Kind::Expr:
            if (!evaluateExpression(p.expr, env, v, fault)) {
                return false;
            }
            text += std::to_string(v);
            break;
        }
    }
    out = SimValue::string(pool.intern(text));
    return true;
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
