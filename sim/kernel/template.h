#pragma once
// Templates (`"item {i}"`, `"{x}"`) compiled once, so that expanding one in the hot loop
// is a few appends into a reused buffer. Semantics mirror expandTemplate() in value.h.

#include "expression.h"
#include "simvalue.h"
#include "stringpool.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab {

/// Resolves a placeholder's variable name to its slot (adding it when new).
class VariableTable {
public:
    int slot(std::string_view name);
    int size() const { return static_cast<int>(m_names.size()); }
    const std::string& name(int slot) const { return m_names[static_cast<std::size_t>(slot)]; }

private:
    std::vector<std::string> m_names;
};

/// Marks a name node of a compiled expression that stands for `i`, the round.
inline constexpr int kRoundSlot = -2;

/// An expression whose name nodes carry their variable slot (or kRoundSlot).
Expression compileExpression(std::string_view source, VariableTable& vars);

/// One compiled template. Invariant: `shape` decides which members are meaningful.
struct CompiledTemplate {
    enum class Shape : std::uint8_t {
        Literal, ///< no placeholder: `literal`
        Round,   ///< exactly `{i}`: the round as an integer
        Var,     ///< exactly `{name}`: the variable's value with its type
        Mixed,   ///< text with placeholders: `pieces`
        Expr,    ///< exactly `{expression}`: its integer value (`expr`)
    };
    struct Piece {
        enum class Kind : std::uint8_t { Text, Round, Var, Expr } kind = Kind::Text;
        std::string text; ///< Text: the literal; Var: the placeholder `{name}` if unset
        int var = -1;
        Expression expr; ///< Expr
    };
    Shape shape = Shape::Literal;
    SimValue literal;
    int var = -1;
    StringId unsetText = kNoString; ///< Var: `{name}`, the expansion of an unset variable
    std::vector<Piece> pieces;
    Expression expr;
    /// Evaluating it may fault (it holds an expression): the kernel checks it first.
    bool mayFault() const { return shape == Shape::Expr || hasExpr; }
    bool hasExpr = false; ///< Mixed: some piece is an Expr
};

/// Evaluates compiled expressions against one process's locals and round.
class LocalsEnvironment : public ExprEnvironment {
public:
    LocalsEnvironment(const Local* locals, std::int64_t round, const StringPool& pool)
        : m_locals(locals), m_round(round), m_pool(pool) {}
    bool variable(const Expression& e, const ExprNode& name, std::int64_t& out,
                  std::string& why) override;

private:
    const Local* m_locals;
    std::int64_t m_round;
    const StringPool& m_pool;
};

/// Compiles `tmpl`. When `isNumber` (the file wrote a plain integer) the value is that
/// integer; otherwise the rules of expandTemplate apply.
CompiledTemplate compileTemplate(std::string_view tmpl, bool isNumber, std::int64_t number,
                                 StringPool& pool, VariableTable& vars);

/// Expands templates against one process's locals; keeps a buffer between calls.
class TemplateExpander {
public:
    SimValue expand(const CompiledTemplate& t, std::int64_t round, const Local* locals,
                    StringPool& pool);
    /// The same, false with `fault` set when an expression in it faults.
    bool expandChecked(const CompiledTemplate& t, std::int64_t round, const Local* locals,
                       StringPool& pool, SimValue& out, ExprFault& fault);

private:
    void appendValue(const SimValue& v, StringPool& pool);
    std::string m_buffer;
};

/// The text of a value (interning integers).
inline StringId textOf(const SimValue& v, StringPool& pool) {
    return v.isInt ? pool.internInt(v.num) : v.text;
}
/// The integer a value holds or spells exactly, as valueAsInteger does.
bool integerOf(const SimValue& v, const StringPool& pool, std::int64_t& out);

} // namespace ipclab
