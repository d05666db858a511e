#include "namechars.h"

#include <algorithm>
#include <iterator>

namespace ipclab {

namespace {

struct Range {
    char32_t first;
    char32_t last;
};

bool inRanges(char32_t c, const Range* begin, const Range* end) {
    const Range* r = std::upper_bound(
        begin, end, c, [](char32_t v, const Range& range) { return v < range.first; });
    return r != begin && c <= std::prev(r)->last;
}

// Sorted, non-overlapping. Letters (general categories L*) of the scripts a class is
// likely to write in; the exceptions inside blocks are the punctuation they hold.
constexpr Range kLetters[] = {
    {0x41, 0x5A},     {0x61, 0x7A},       {0xAA, 0xAA},     {0xB5, 0xB5},     {0xBA, 0xBA},
    {0xC0, 0xD6},     {0xD8, 0xF6},       {0xF8, 0x2C1},    {0x2C6, 0x2D1},   {0x2E0, 0x2E4},
    {0x370, 0x374},   {0x376, 0x37D},     {0x37F, 0x37F},   {0x386, 0x386},   {0x388, 0x3FF},
    {0x400, 0x481},   {0x48A, 0x52F},     {0x531, 0x556},   {0x561, 0x587},   {0x5D0, 0x5EA},
    {0x620, 0x64A},   {0x671, 0x6D3},     {0x904, 0x939},   {0x958, 0x961},   {0x972, 0x97F},
    {0x985, 0x9B9},   {0xA05, 0xA39},     {0xA85, 0xAB9},   {0xB05, 0xB39},   {0xB85, 0xBB9},
    {0xC05, 0xC39},   {0xC85, 0xCB9},     {0xD05, 0xD3A},   {0xE01, 0xE30},   {0xE40, 0xE46},
    {0x10A0, 0x10FA}, {0x1100, 0x11FF},   {0x1E00, 0x1FBC}, {0x1FC2, 0x1FCC}, {0x1FD0, 0x1FDB},
    {0x1FE0, 0x1FEC}, {0x1FF2, 0x1FFC},   {0x3005, 0x3006}, {0x3041, 0x3096}, {0x309D, 0x309F},
    {0x30A1, 0x30FA}, {0x30FC, 0x30FF},   {0x3105, 0x312F}, {0x3131, 0x318E}, {0x3400, 0x4DBF},
    {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3},   {0xF900, 0xFAFF}, {0xFF21, 0xFF3A}, {0xFF41, 0xFF5A},
    {0xFF66, 0xFF9F}, {0x20000, 0x2FA1F},
};

constexpr Range kMarks[] = {
    {0x300, 0x36F},   {0x483, 0x487},   {0x591, 0x5BD},   {0x64B, 0x65F}, {0x900, 0x903},
    {0x93A, 0x94F},   {0x981, 0x983},   {0x9BC, 0x9D7},   {0xE31, 0xE3A}, {0xE47, 0xE4E},
    {0x1AB0, 0x1AFF}, {0x20D0, 0x20FF}, {0x3099, 0x309A},
};

} // namespace

bool isLetter(char32_t c) {
    return inRanges(c, std::begin(kLetters), std::end(kLetters));
}

bool isCombiningMark(char32_t c) {
    return inRanges(c, std::begin(kMarks), std::end(kMarks));
}

bool decodeUtf8(std::string_view text, std::u32string& out) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        char32_t c = lead;
        if (lead >= 0xC2 && lead <= 0xDF) {
            extra = 1;
            c = lead & 0x1Fu;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            extra = 2;
            c = lead & 0x0Fu;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            extra = 3;
            c = lead & 0x07u;
        } else if (lead >= 0x80) {
            return false;
        }
        if (extra > 0 && i + extra >= text.size()) { // cut off
            return false;
        }
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0u) != 0x80u) {
                return false;
            }
            c = (c << 6) | (next & 0x3Fu);
        }
        if ((extra == 2 && c < 0x800) || (extra == 3 && (c < 0x10000 || c > 0x10FFFF)) ||
            (c >= 0xD800 && c <= 0xDFFF)) {
            return false;
        }
        out.push_back(c);
        i += extra + 1;
    }
    return true;
}

} // namespace ipclab
