#pragma once
// The scenario language's expressions: what stands inside `{...}` in a template, a
// `while:` / `if:` condition, an `ask:` answer or an `--observe` expression.
//
//   Expression e;
//   if (auto err = parseExpression("(in + 1) % 5 == out", e)) { err->offset, err->message }
//   std::int64_t v; ExprFault f;
//   evaluateExpression(e, env, v, f);   // env: variables and functions, see ExprEnvironment
//
// Values are 64-bit integers (comparisons and and/or/not yield 1 or 0; any non-zero is
// true). `/` and `%` truncate as in C, so `-1 % 5 == -1` as in the textbook's C. String
// literals ("mq_timedsend") and bare names exist only as function arguments; a function
// decides what its arguments mean (a process name, a variable, a syscall).
// Every node keeps its exact offset in the source, so the loader reports
// `file:line:column` inside the string and a run-time fault names the sub-expression.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab {

enum class ExprOp : std::uint8_t {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
    Not,
    Neg,
};
/// How the operator is written: "+", "==", "and", ...
std::string_view exprOpText(ExprOp op);

/// One node of the syntax tree. Invariant: children are indices into Expression::nodes
/// smaller than this node's own index (children are parsed first).
struct ExprNode {
    enum class Kind : std::uint8_t {
        Number, ///< `number`
        String, ///< `text` (a "quoted" literal, only as a function argument)
        Name,   ///< `text`: a variable (or a name a function reads as a process, ...)
        Unary,  ///< `op` (Not, Neg) of `lhs`
        Binary, ///< `lhs` `op` `rhs`
        Call,   ///< `text`(`args`...)
    };
    Kind kind = Kind::Number;
    ExprOp op = ExprOp::Add;
    int offset = 0; ///< 0-based offset of the node's first character in the source
    int length = 0; ///< characters the node spans in the source
    std::int64_t number = 0;
    std::string text;
    int lhs = -1;
    int rhs = -1;
    std::vector<int> args;
    /// Free for users (e.g. the kernel stores a variable slot here after parsing).
    int slot = -1;
};

/// A parsed expression. Invariant after a successful parse: root indexes `nodes`.
struct Expression {
    std::string source;
    std::vector<ExprNode> nodes;
    int root = -1;

    const ExprNode& node(int i) const { return nodes[static_cast<std::size_t>(i)]; }
    /// The source text of a node, e.g. "(in + 1)".
    std::string_view textOf(const ExprNode& n) const {
        return std::string_view(source).substr(static_cast<std::size_t>(n.offset),
                                               static_cast<std::size_t>(n.length));
    }
    /// True when the whole expression is one variable name (`{item}`: keeps its type).
    bool isName() const { return root >= 0 && node(root).kind == ExprNode::Kind::Name; }
};

/// A syntax error: 0-based offset in the source and what was expected there.
struct ExprSyntaxError {
    int offset = 0;
    std::string message;
};

/// Parses `source`; on success fills `out` and returns nothing.
std::optional<ExprSyntaxError> parseExpression(std::string_view source, Expression& out);

/// A run-time fault (division by zero, a variable with no value, ...): where and why.
struct ExprFault {
    int offset = 0;
    std::string message;
};

/// What an expression may read while it is evaluated. Each returns false and fills
/// `why` (e.g. "in has no value yet") when it cannot give a value.
class ExprEnvironment {
public:
    virtual ~ExprEnvironment() = default;
    virtual bool variable(const Expression& e, const ExprNode& name, std::int64_t& out,
                          std::string& why) = 0;
    /// A call node; evaluate its arguments with evaluateNode or read them as names.
    /// The default knows no function.
    virtual bool call(const Expression& e, const ExprNode& call, std::int64_t& out,
                      std::string& why);
};

/// Evaluates node `index` of `e`; false with `fault` set on a run-time fault.
bool evaluateNode(const Expression& e, int index, ExprEnvironment& env, std::int64_t& out,
                  ExprFault& fault);
inline bool evaluateExpression(const Expression& e, ExprEnvironment& env, std::int64_t& out,
                               ExprFault& fault) {
    return evaluateNode(e, e.root, env, out, fault);
}

/// Every variable name the expression reads outside function calls, in order (may repeat).
std::vector<const ExprNode*> expressionNames(const Expression& e);

/// One piece of a template: literal text, or a `{...}` placeholder with its expression.
struct TemplatePiece {
    bool isExpression = false;
    std::string text; ///< literal text, or the placeholder's source without braces
    int offset = 0;   ///< 0-based offset of `text` in the template
    Expression expr;
};

/// Splits `"item {i}: {(in + 1) % 5}"` into pieces, parsing every placeholder. A '{'
/// with no '}' after it is an error, as is an empty placeholder.
std::optional<ExprSyntaxError> parseTemplate(std::string_view text,
                                             std::vector<TemplatePiece>& out);

} // namespace ipclab
