#include "value.h"

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
    }
    return out;
}

} // namespace ipclab
