#include "yamlnode.h"

#include <charconv>
#include <cstdio>

namespace ipclab {

SourcePos toSourcePos(const YAML::Mark& mark) {
    if (mark.is_null() || mark.line < 0 || mark.column < 0) {
        return SourcePos{1, 1};
    }
    return SourcePos{mark.line + 1, mark.column + 1};
}

SourcePos posOf(const YAML::Node& node) {
    return toSourcePos(node.Mark());
}

SourcePos posInScalar(const YAML::Node& node, int offset) {
    SourcePos pos = posOf(node);
    const bool quoted = node.IsScalar() && node.Tag() == "!";
    pos.column += offset + (quoted ? 1 : 0);
    return pos;
}

bool isPlainScalar(const YAML::Node& node) {
    return node.IsScalar() && node.Tag() == "?";
}

std::string quoteForMessage(const std::string& text) {
    constexpr std::size_t kMax = 40;
    std::string out;
    for (std::size_t i = 0; i < text.size() && i < kMax; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    if (text.size() > kMax) {
        out += "...";
    }
    return "'" + out + "'";
}

IntParse parseInteger(const std::string& text, std::int64_t& out) {
    std::size_t start = text.size() > 0 && (text[0] == '+' || text[0] == '-') ? 1 : 0;
    if (start == text.size()) {
        return IntParse::NotInteger;
    }
    for (std::size_t i = start; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return IntParse::NotInteger;
        }
    }
    // from_chars does not take a leading '+'.
    const char* first = text.data() + (text[0] == '+' ? 1 : 0);
    const char* last = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(first, last, out);
    if (ec == std::errc::result_out_of_range) {
        return IntParse::OutOfRange;
    }
    return ec == std::errc() && ptr == last ? IntParse::Ok : IntParse::NotInteger;
}

bool isIntegerScalar(const YAML::Node& node) {
    if (!node.IsScalar()) {
        return false;
    }
    const auto& tag = node.Tag();
    if (tag != "?" && tag != "tag:yaml.org,2002:int") {
        return false;
    }
    std::int64_t ignored = 0;
    return parseInteger(node.Scalar(), ignored) != IntParse::NotInteger;
}

std::string describeNode(const YAML::Node& node) {
    if (!node.IsDefined() || node.IsNull()) {
        return "nothing";
    }
    if (node.IsSequence()) {
        return "a list";
    }
    if (node.IsMap()) {
        return "a map";
    }
    const auto& text = node.Scalar();
    if (isPlainScalar(node)) {
        std::int64_t ignored = 0;
        if (parseInteger(text, ignored) != IntParse::NotInteger) {
            return text.size() > 40 ? quoteForMessage(text) : text;
        }
        if (text == "true" || text == "false" || text == "True" || text == "False" ||
            text == "TRUE" || text == "FALSE") {
            return "the boolean " + text;
        }
        double d = 0;
        auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
        if (ec == std::errc() && ptr == text.data() + text.size()) {
            return "the number " + text;
        }
    }
    return "a string " + quoteForMessage(text);
}

} // namespace ipclab
