#pragma once
// Values of local variables, messages and shared-memory cells, and the expansion of
// `{i}` / `{var}` templates. Shared by both engines so they compute the same data.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>

namespace ipclab {

struct ExprFault;
struct Expression;

/// An integer or a piece of text.
using Value = std::variant<std::int64_t, std::string>;

/// Bytes a variable may hold: a longer value (`set: "{s}{s}"` doubled) is a fault of the
/// process that makes it, and no expansion grows past it (the run's memory stays bounded).
inline constexpr std::int64_t kMaxValueLength = 1 << 16;

/// Decimal form of an integer, the text itself otherwise.
std::string valueText(const Value& value);
/// The integer a value holds, or that its text spells exactly ("42", "-7").
bool valueAsInteger(const Value& value, std::int64_t& out);

/// Returns the variable's value, or nullptr when it has none yet.
using VariableLookup = std::function<const Value*(std::string_view name)>;

/// Expands `{i}` to `round` and `{name}` to the variable's value. A template that is
/// exactly one placeholder yields that value with its type; an unset variable expands to
/// its placeholder unchanged, so the mistake stays visible.
Value expandTemplate(std::string_view tmpl, std::int64_t round, const VariableLookup& lookup);

/// The same, where a placeholder may hold an expression (`{(in + 1) % 5}`, see
/// expression.h). A placeholder that is one name behaves as above; an expression yields
/// an integer. False with `fault` filled (offset in `tmpl`) when evaluating it faults: a
/// variable with no value or no number, a division by zero, an overflow.
/// Evaluates a parsed expression (expression.h) with `i` = round and the lookup's
/// variables (text that spells an integer counts as that integer).
bool evaluateWithLookup(const Expression& e, std::int64_t round, const VariableLookup& lookup,
                        std::int64_t& out, ExprFault& fault);

bool expandTemplateChecked(std::string_view tmpl, std::int64_t round, const VariableLookup& lookup,
                           Value& out, ExprFault& fault);

} // namespace ipclab
