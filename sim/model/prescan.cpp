#include "prescan.h"

#include "opspec.h"

#include <cstdio>

namespace ipclab {

namespace {

// Length of the valid UTF-8 sequence at `i`, or 0 when it is malformed (overlong forms,
// surrogates and code points past U+10FFFF included).
std::size_t utf8Length(std::string_view text, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) {
        return 1;
    }
    std::size_t len = 0;
    unsigned lo = 0x80;
    unsigned hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        lo = b0 == 0xE0 ? 0xA0 : 0x80;
        hi = b0 == 0xED ? 0x9F : 0xBF;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        lo = b0 == 0xF0 ? 0x90 : 0x80;
        hi = b0 == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (i + len > text.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(text[i + k]);
        if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) {
            return 0;
        }
    }
    return len;
}

} // namespace

std::string tooLargeMessage(std::size_t bytes) {
    return "file is " + std::to_string(bytes) +
           " bytes; a scenario file may be at most 1 MiB (1048576 bytes)";
}

bool prescanText(std::string_view text, DiagnosticSink& sink) {
    if (text.size() > kMaxFileBytes) {
        sink.add({}, tooLargeMessage(text.size()));
        return false;
    }
    int line = 1;
    int column = 1;
    bool atIndent = true;
    bool tabReported = false;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '\0') {
            sink.add({line, column}, "file holds binary data (a NUL byte); expected YAML text");
            return false;
        }
        const auto len = utf8Length(text, i);
        if (len == 0) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned char>(c));
            sink.add({line, column},
                     std::string("invalid UTF-8 byte ") + hex + "; save the file as UTF-8");
            return false;
        }
        if (c == '\t' && atIndent && !tabReported) {
            sink.add({line, column}, "tab character in indentation; YAML indents with spaces");
            tabReported = true;
        }
        if (c == '\n') {
            ++line;
            column = 1;
            atIndent = true;
        } else {
            if (c != ' ' && c != '\t') {
                atIndent = false;
            }
            ++column;
        }
        i += len;
    }
    return !tabReported;
}

} // namespace ipclab
