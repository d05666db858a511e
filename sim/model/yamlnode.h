#pragma once
// Small helpers over yaml-cpp nodes: 1-based positions, how a value reads to a human,
// and strict scalar conversions that never throw.

#include "scenario.h"

#include <cstdint>
#include <string>
#include <yaml-cpp/yaml.h>

namespace ipclab {

/// yaml-cpp marks are 0-based and -1 when unknown; files speak 1-based.
SourcePos toSourcePos(const YAML::Mark& mark);
SourcePos posOf(const YAML::Node& node);
/// The place of character `offset` inside a scalar's text: after the opening quote of a
/// quoted scalar. Exact for one-line scalars without escapes, which is how expressions
/// are written.
SourcePos posInScalar(const YAML::Node& node, int offset);

/// True for a scalar written without quotes or tag (YAML may read it as a number).
bool isPlainScalar(const YAML::Node& node);

/// How the value reads, for "got ..." in diagnostics: "a string 'abc'", "the integer 5",
/// "a list", "a map", "nothing".
std::string describeNode(const YAML::Node& node);

/// Shortens and escapes text for a diagnostic.
std::string quoteForMessage(const std::string& text);

enum class IntParse : std::uint8_t { Ok, NotInteger, OutOfRange };
/// Decimal integer with an optional sign, nothing else; OutOfRange past int64.
IntParse parseInteger(const std::string& text, std::int64_t& out);

/// A scalar that is a YAML integer: plain or tagged !!int, not quoted.
bool isIntegerScalar(const YAML::Node& node);

} // namespace ipclab
