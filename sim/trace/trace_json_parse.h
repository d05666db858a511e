#pragma once
// Helpers of the JSON-lines reader (internal): typed fields whose errors say what was
// expected, thrown as BadLine and turned into the reader's error() with the line number.

#include "trace.h"

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ipclab::tracejson::parse {

using Json = nlohmann::json;

/// Thrown inside the reader only; readLine turns it into error().
struct BadLine : std::runtime_error {
    using std::runtime_error::runtime_error;
};

inline std::string inQuotes(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

inline const Json* field(const Json& j, const char* key) {
    auto it = j.find(key);
    return it == j.end() ? nullptr : &*it;
}

inline std::int64_t integer(const Json& v, const char* key, std::int64_t lo, std::int64_t hi) {
    if (!v.is_number_integer()) {
        throw BadLine("expected \"" + std::string(key) + "\" to be an integer");
    }
    const bool isUnsigned = v.is_number_unsigned();
    if (isUnsigned ? v.get<std::uint64_t>() > static_cast<std::uint64_t>(hi)
                   : v.get<std::int64_t>() < lo || v.get<std::int64_t>() > hi) {
        throw BadLine("expected \"" + std::string(key) + "\" between " + std::to_string(lo) +
                      " and " + std::to_string(hi));
    }
    return isUnsigned ? static_cast<std::int64_t>(v.get<std::uint64_t>()) : v.get<std::int64_t>();
}

inline std::int64_t intField(const Json& j, const char* key, std::int64_t lo, std::int64_t hi,
                             std::int64_t fallback) {
    const Json* v = field(j, key);
    return v == nullptr ? fallback : integer(*v, key, lo, hi);
}

inline std::string text(const Json& v, const char* key) {
    if (!v.is_string()) {
        throw BadLine("expected \"" + std::string(key) + "\" to be a string");
    }
    return v.get<std::string>();
}

inline std::string textField(const Json& j, const char* key) {
    const Json* v = field(j, key);
    if (v == nullptr) {
        throw BadLine("expected a \"" + std::string(key) + "\" field");
    }
    return text(*v, key);
}

/// A header field that must name one of an enum's values.
template <typename E>
E enumField(const Json& j, const char* key, std::optional<E> (*fromName)(std::string_view),
            const char* expected) {
    const std::string name = textField(j, key);
    const std::optional<E> value = fromName(name);
    if (!value) {
        throw BadLine("expected \"" + std::string(key) + "\" to be " + expected + ", got " +
                      inQuotes(name));
    }
    return *value;
}

constexpr std::int64_t kI32Min = std::numeric_limits<std::int32_t>::min();
constexpr std::int64_t kI32Max = std::numeric_limits<std::int32_t>::max();

/// Reads the footer fields only real mode writes (each optional) into `trace`.
void readRealExtras(const Json& j, Trace& trace);

} // namespace ipclab::tracejson::parse
