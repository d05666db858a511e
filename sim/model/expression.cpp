#include "expression.h"

#include <cctype>
#include <charconv>
#include <limits>

namespace ipclab {

std::string_view exprOpText(ExprOp op) {
    switch (op) {
    case ExprOp::Add:
        return "+";
    case ExprOp::Sub:
    case ExprOp::Neg:
        return "-";
    case ExprOp::Mul:
        return "*";
    case ExprOp::Div:
        return "/";
    case ExprOp::Mod:
        return "%";
    case ExprOp::Eq:
        return "==";
    case ExprOp::Ne:
        return "!=";
    case ExprOp::Lt:
        return "<";
    case ExprOp::Le:
        return "<=";
    case ExprOp::Gt:
        return ">";
    case ExprOp::Ge:
        return ">=";
    case ExprOp::And:
        return "and";
    case ExprOp::Or:
        return "or";
    case ExprOp::Not:
        return "not";
    }
    return "?";
}

namespace {

/// Nesting past this is refused: a hostile file must not exhaust the stack.
constexpr int kMaxDepth = 64;

struct Token {
    enum class Kind : std::uint8_t { End, Number, String, Name, Punct, Bad } kind = Kind::End;
    std::string_view text;
    int offset = 0;
    std::int64_t number = 0;
    std::string value; ///< String: the literal without quotes
};

// Bytes of a multi-byte UTF-8 sequence belong to names too: names may be in any script
// (生产者); which letters a name may hold is the loader's rule where names are declared.
bool isNameStart(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalpha(u) != 0 || c == '_' || u >= 0x80;
}
bool isNameChar(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) != 0 || c == '_' || u >= 0x80;
}

class Parser {
public:
    Parser(std::string_view src, Expression& out) : m_src(src), m_out(out) {}

    std::optional<ExprSyntaxError> run() {
        advance();
        if (m_error) {
            return m_error;
        }
        if (m_tok.kind == Token::Kind::End) {
            return ExprSyntaxError{m_tok.offset, "expected an expression, found nothing"};
        }
        const int root = parseOr(0);
        if (!m_error && m_tok.kind != Token::Kind::End) {
            fail(m_tok.offset, "expected an operator such as + or == before " + describe(m_tok));
        }
        if (m_error) {
            return m_error;
        }
        m_out.root = root;
        return std::nullopt;
    }

private:
    static std::string describe(const Token& t) {
        switch (t.kind) {
        case Token::Kind::End:
            return "end of the expression";
        case Token::Kind::Number:
            return "number " + std::string(t.text);
        case Token::Kind::String:
            return "text " + std::string(t.text);
        default:
            return "'" + std::string(t.text) + "'";
        }
    }

    void fail(int offset, std::string message) {
        if (!m_error) {
            m_error = ExprSyntaxError{offset, std::move(message)};
        }
    }

    void advance() {
        std::size_t p = m_pos;
        while (p < m_src.size() && std::isspace(static_cast<unsigned char>(m_src[p])) != 0) {
            ++p;
        }
        m_tok = Token{};
        m_tok.offset = static_cast<int>(p);
        if (p >= m_src.size()) {
            m_pos = p;
            return;
        }
        const char c = m_src[p];
        std::size_t end = p + 1;
        if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
            while (end < m_src.size() && isNameChar(m_src[end])) {
                ++end;
            }
            m_tok.kind = Token::Kind::Number;
            m_tok.text = m_src.substr(p, end - p);
            auto [ptr, ec] = std::from_chars(m_tok.text.data(),
                                             m_tok.text.data() + m_tok.text.size(), m_tok.number);
            if (ec == std::errc::result_out_of_range) {
                fail(m_tok.offset, "number " + std::string(m_tok.text) + " is too large");
            } else if (ec != std::errc() || ptr != m_tok.text.data() + m_tok.text.size()) {
                fail(m_tok.offset, "'" + std::string(m_tok.text) +
                                       "' is not a number; write whole decimal numbers");
            }
        } else if (isNameStart(c)) {
            while (end < m_src.size() && isNameChar(m_src[end])) {
                ++end;
            }
            m_tok.kind = Token::Kind::Name;
            m_tok.text = m_src.substr(p, end - p);
        } else if (c == '"' || c == '\'') {
            while (end < m_src.size() && m_src[end] != c) {
                ++end;
            }
            if (end >= m_src.size()) {
                fail(m_tok.offset, std::string("unclosed ") + c + " in the expression");
                m_pos = m_src.size();
                return;
            }
            m_tok.kind = Token::Kind::String;
            m_tok.value = std::string(m_src.substr(p + 1, end - p - 1));
            ++end;
            m_tok.text = m_src.substr(p, end - p);
        } else {
            static constexpr std::string_view kTwo[] = {"==", "!=", "<=", ">=", "&&", "||"};
            m_tok.kind = Token::Kind::Punct;
            for (auto two : kTwo) {
                if (m_src.substr(p, 2) == two) {
                    end = p + 2;
                }
            }
            m_tok.text = m_src.substr(p, end - p);
            static constexpr std::string_view kOne = "+-*/%<>()!,=&|";
            if (m_tok.text.size() == 1 && kOne.find(c) == std::string_view::npos) {
                m_tok.kind = Token::Kind::Bad;
                fail(m_tok.offset,
                     "unexpected character '" + std::string(m_tok.text) + "' in the expression");
            }
        }
        m_pos = end;
    }

    bool is(std::string_view punct) const {
        return (m_tok.kind == Token::Kind::Punct || m_tok.kind == Token::Kind::Name) &&
               m_tok.text == punct;
    }

    int add(ExprNode n) {
        m_out.nodes.push_back(std::move(n));
        return static_cast<int>(m_out.nodes.size() - 1);
    }

    int spanFrom(int first, int last) const {
        const ExprNode& l = m_out.node(last);
        return l.offset + l.length - m_out.node(first).offset;
    }

    int binary(ExprOp op, int lhs, int rhs) {
        ExprNode n;
        n.kind = ExprNode::Kind::Binary;
        n.op = op;
        n.lhs = lhs;
        n.rhs = rhs;
        n.offset = m_out.node(lhs).offset;
        n.length = spanFrom(lhs, rhs);
        return add(std::move(n));
    }

    /// The lecture's words for C's and Python's spellings.
    bool refuseForeignSpelling() {
        static constexpr std::pair<std::string_view, std::string_view> kForeign[] = {
            {"&&", "and"}, {"||", "or"}, {"!", "not"}, {"=", "=="}, {"&", "and"}, {"|", "or"}};
        for (auto [bad, good] : kForeign) {
            if (m_tok.kind == Token::Kind::Punct && m_tok.text == bad) {
                fail(m_tok.offset,
                     "write '" + std::string(good) + "' instead of '" + std::string(bad) + "'");
                return true;
            }
        }
        return false;
    }

    int parseOr(int depth) {
        int lhs = parseAnd(depth);
        while (!m_error && is("or")) {
            advance();
            lhs = binary(ExprOp::Or, lhs, parseAnd(depth));
        }
        return lhs;
    }

    int parseAnd(int depth) {
        int lhs = parseNot(depth);
        while (!m_error && is("and")) {
            advance();
            lhs = binary(ExprOp::And, lhs, parseNot(depth));
        }
        return lhs;
    }

    int parseNot(int depth) {
        if (is("not")) {
            const int offset = m_tok.offset;
            advance();
            if (depth > kMaxDepth) {
                fail(offset, "the expression nests too deeply");
                return 0;
            }
            const int operand = parseNot(depth + 1);
            if (m_error) {
                return 0;
            }
            ExprNode n;
            n.kind = ExprNode::Kind::Unary;
            n.op = ExprOp::Not;
            n.lhs = operand;
            n.offset = offset;
            n.length = m_out.node(operand).offset + m_out.node(operand).length - offset;
            return add(std::move(n));
        }
        return parseComparison(depth);
    }

    std::optional<ExprOp> comparisonOp() const {
        static constexpr std::pair<std::string_view, ExprOp> kOps[] = {
            {"==", ExprOp::Eq}, {"!=", ExprOp::Ne}, {"<=", ExprOp::Le},
            {">=", ExprOp::Ge}, {"<", ExprOp::Lt},  {">", ExprOp::Gt}};
        if (m_tok.kind == Token::Kind::Punct) {
            for (auto [text, op] : kOps) {
                if (m_tok.text == text) {
                    return op;
                }
            }
        }
        return std::nullopt;
    }

    int parseComparison(int depth) {
        int lhs = parseSum(depth);
        if (m_error) {
            return lhs;
        }
        if (auto op = comparisonOp()) {
            advance();
            lhs = binary(*op, lhs, parseSum(depth));
            if (!m_error && comparisonOp()) {
                fail(m_tok.offset, "comparisons do not chain; join them with 'and'");
            }
        }
        if (!m_error) {
            refuseForeignSpelling();
        }
        return lhs;
    }

    int parseSum(int depth) {
        int lhs = parseProduct(depth);
        while (!m_error && m_tok.kind == Token::Kind::Punct && (is("+") || is("-"))) {
            const ExprOp op = is("+") ? ExprOp::Add : ExprOp::Sub;
            advance();
            lhs = binary(op, lhs, parseProduct(depth));
        }
        return lhs;
    }

    int parseProduct(int depth) {
        int lhs = parseUnary(depth);
        while (!m_error && m_tok.kind == Token::Kind::Punct && (is("*") || is("/") || is("%"))) {
            const ExprOp op = is("*") ? ExprOp::Mul : is("/") ? ExprOp::Div : ExprOp::Mod;
            advance();
            lhs = binary(op, lhs, parseUnary(depth));
        }
        return lhs;
    }

    int parseUnary(int depth) {
        if (depth > kMaxDepth) {
            fail(m_tok.offset, "the expression nests too deeply");
            return 0;
        }
        if (m_tok.kind == Token::Kind::Punct && is("-")) {
            const int offset = m_tok.offset;
            advance();
            const int operand = parseUnary(depth + 1);
            if (m_error) {
                return 0;
            }
            ExprNode n;
            n.kind = ExprNode::Kind::Unary;
            n.op = ExprOp::Neg;
            n.lhs = operand;
            n.offset = offset;
            n.length = m_out.node(operand).offset + m_out.node(operand).length - offset;
            return add(std::move(n));
        }
        return parsePrimary(depth);
    }

    int parsePrimary(int depth) {
        if (m_error) {
            return 0;
        }
        const Token tok = m_tok;
        ExprNode n;
        n.offset = tok.offset;
        n.length = static_cast<int>(tok.text.size());
        switch (tok.kind) {
        case Token::Kind::Number:
            advance();
            n.kind = ExprNode::Kind::Number;
            n.number = tok.number;
            return add(std::move(n));
        case Token::Kind::String:
            advance();
            n.kind = ExprNode::Kind::String;
            n.text = tok.value;
            return add(std::move(n));
        case Token::Kind::Name:
            if (tok.text == "and" || tok.text == "or" || tok.text == "not") {
                break;
            }
            advance();
            n.kind = ExprNode::Kind::Name;
            n.text = std::string(tok.text);
            if (is("(")) {
                return parseCall(std::move(n), depth);
            }
            return add(std::move(n));
        case Token::Kind::Punct:
            if (tok.text == "(") {
                advance();
                const int inner = parseOr(depth + 1);
                if (m_error) {
                    return 0;
                }
                if (!is(")")) {
                    fail(m_tok.offset, "expected ')' to close '(', found " + describe(m_tok));
                    return 0;
                }
                // The parenthesised node spans its parentheses (for fault messages).
                ExprNode& in = m_out.nodes[static_cast<std::size_t>(inner)];
                in.offset = tok.offset;
                in.length = m_tok.offset + 1 - tok.offset;
                advance();
                return inner;
            }
            if (refuseForeignSpelling()) {
                return 0;
            }
            break;
        default:
            break;
        }
        fail(tok.offset, "expected a number, a variable or '(', found " + describe(tok));
        return 0;
    }

    int parseCall(ExprNode n, int depth) {
        n.kind = ExprNode::Kind::Call;
        advance(); // '('
        if (!is(")")) {
            while (!m_error) {
                n.args.push_back(parseOr(depth + 1));
                if (m_error) {
                    return 0;
                }
                if (is(",")) {
                    advance();
                    continue;
                }
                break;
            }
        }
        if (!is(")")) {
            fail(m_tok.offset,
                 "expected ',' or ')' in the call of " + n.text + ", found " + describe(m_tok));
            return 0;
        }
        n.length = m_tok.offset + 1 - n.offset;
        advance();
        return add(std::move(n));
    }

    std::string_view m_src;
    Expression& m_out;
    std::size_t m_pos = 0;
    Token m_tok;
    std::optional<ExprSyntaxError> m_error;
};

bool faultAt(const Expression& e, const ExprNode& n, std::string message, ExprFault& fault) {
    fault.offset = n.offset;
    fault.message = std::move(message);
    (void)e;
    return false;
}

} // namespace

std::optional<ExprSyntaxError> parseExpression(std::string_view source, Expression& out) {
    out = Expression{};
    out.source = std::string(source);
    return Parser(out.source, out).run();
}

bool ExprEnvironment::call(const Expression& e, const ExprNode& call, std::int64_t& out,
                           std::string& why) {
    (void)e;
    (void)out;
    why = "there is no function " + call.text + "()";
    return false;
}

bool evaluateNode(const Expression& e, int index, ExprEnvironment& env, std::int64_t& out,
                  ExprFault& fault) {
    const ExprNode& n = e.node(index);
    switch (n.kind) {
    case ExprNode::Kind::Number:
        out = n.number;
        return true;
    case ExprNode::Kind::String:
        return faultAt(e, n, "text " + std::string(e.textOf(n)) + " is not a number", fault);
    case ExprNode::Kind::Name: {
        std::string why;
        if (env.variable(e, n, out, why)) {
            return true;
        }
        return faultAt(e, n, why, fault);
    }
    case ExprNode::Kind::Call: {
        std::string why;
        if (env.call(e, n, out, why)) {
            return true;
        }
        // A fault inside an argument was already placed by the environment.
        if (why.empty()) {
            return false;
        }
        return faultAt(e, n, why, fault);
    }
    case ExprNode::Kind::Unary: {
        std::int64_t v = 0;
        if (!evaluateNode(e, n.lhs, env, v, fault)) {
            return false;
        }
        if (n.op == ExprOp::Not) {
            out = v == 0 ? 1 : 0;
            return true;
        }
        if (v == std::numeric_limits<std::int64_t>::min()) {
            return faultAt(e, n, "integer overflow in " + std::string(e.textOf(n)), fault);
        }
        out = -v;
        return true;
    }
    case ExprNode::Kind::Binary:
        break;
    }
    std::int64_t a = 0;
    if (!evaluateNode(e, n.lhs, env, a, fault)) {
        return false;
    }
    // and/or short-circuit, as in C: `n > 0 and total / n > 2` never divides by zero.
    if (n.op == ExprOp::And || n.op == ExprOp::Or) {
        if ((n.op == ExprOp::And) == (a == 0)) {
            out = a != 0 ? 1 : 0;
            return true;
        }
        std::int64_t b = 0;
        if (!evaluateNode(e, n.rhs, env, b, fault)) {
            return false;
        }
        out = b != 0 ? 1 : 0;
        return true;
    }
    std::int64_t b = 0;
    if (!evaluateNode(e, n.rhs, env, b, fault)) {
        return false;
    }
    bool overflow = false;
    switch (n.op) {
    case ExprOp::Add:
        overflow = __builtin_add_overflow(a, b, &out);
        break;
    case ExprOp::Sub:
        overflow = __builtin_sub_overflow(a, b, &out);
        break;
    case ExprOp::Mul:
        overflow = __builtin_mul_overflow(a, b, &out);
        break;
    case ExprOp::Div:
    case ExprOp::Mod:
        if (b == 0) {
            return faultAt(e, n,
                           "division by zero in " + std::string(e.textOf(n)) + " (" +
                               std::string(e.textOf(e.node(n.rhs))) + " is 0)",
                           fault);
        }
        if (a == std::numeric_limits<std::int64_t>::min() && b == -1) {
            overflow = true;
            break;
        }
        out = n.op == ExprOp::Div ? a / b : a % b;
        break;
    case ExprOp::Eq:
        out = a == b;
        break;
    case ExprOp::Ne:
        out = a != b;
        break;
    case ExprOp::Lt:
        out = a < b;
        break;
    case ExprOp::Le:
        out = a <= b;
        break;
    case ExprOp::Gt:
        out = a > b;
        break;
    case ExprOp::Ge:
        out = a >= b;
        break;
    default:
        break;
    }
    if (overflow) {
        return faultAt(e, n, "integer overflow in " + std::string(e.textOf(n)), fault);
    }
    return true;
}

std::vector<const ExprNode*> expressionNames(const Expression& e) {
    // Nodes under a call are the function's business. Left before right: file order.
    std::vector<const ExprNode*> names;
    std::vector<int> stack;
    if (e.root >= 0) {
        stack.push_back(e.root);
    }
    while (!stack.empty()) {
        const ExprNode& n = e.node(stack.back());
        stack.pop_back();
        if (n.kind == ExprNode::Kind::Name) {
            names.push_back(&n);
        } else if (n.kind == ExprNode::Kind::Unary) {
            stack.push_back(n.lhs);
        } else if (n.kind == ExprNode::Kind::Binary) {
            stack.push_back(n.rhs);
            stack.push_back(n.lhs);
        }
    }
    return names;
}

std::optional<ExprSyntaxError> parseTemplate(std::string_view text,
                                             std::vector<TemplatePiece>& out) {
    out.clear();
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto open = text.find('{', pos);
        if (open == std::string_view::npos) {
            out.push_back(
                TemplatePiece{false, std::string(text.substr(pos)), static_cast<int>(pos), {}});
            break;
        }
        if (open > pos) {
            out.push_back(TemplatePiece{
                false, std::string(text.substr(pos, open - pos)), static_cast<int>(pos), {}});
        }
        const auto close = text.find('}', open);
        if (close == std::string_view::npos) {
            return ExprSyntaxError{static_cast<int>(open),
                                   "unclosed '{' in template; write placeholders as {i}, "
                                   "{name} or {expression}"};
        }
        TemplatePiece piece;
        piece.isExpression = true;
        piece.offset = static_cast<int>(open + 1);
        piece.text = std::string(text.substr(open + 1, close - open - 1));
        if (piece.text.find_first_not_of(" \t") == std::string::npos) {
            return ExprSyntaxError{static_cast<int>(open),
                                   "empty placeholder {}; write {i}, {name} or {expression}"};
        }
        if (auto err = parseExpression(piece.text, piece.expr)) {
            err->offset += piece.offset;
            return err;
        }
        out.push_back(std::move(piece));
        pos = close + 1;
    }
    return std::nullopt;
}

} // namespace ipclab
