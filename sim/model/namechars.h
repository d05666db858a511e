#pragma once
// Which characters a name may hold. Names (processes, objects, variables) may be written
// in the students' own script: `生产者`, `производитель`, `Erzeuger` are names like
// `producer`. The file is UTF-8; these helpers decode it and classify code points.

#include <string>
#include <string_view>

namespace ipclab {

/// A letter of a living script: Latin (with accents), Greek, Cyrillic, Armenian, Hebrew,
/// Arabic, the Indic scripts, Thai, Georgian, Hangul, kana, Bopomofo and the CJK ideographs.
/// A table of ranges, not the whole Unicode database; punctuation and symbols are not letters.
bool isLetter(char32_t c);
/// A combining mark (accents written as a second code point, Indic vowel signs): allowed
/// after the first character of a name.
bool isCombiningMark(char32_t c);

/// The code points of UTF-8 text; false (and `out` incomplete) for malformed text:
/// a bad lead or continuation byte, a cut-off sequence, an overlong form, a surrogate.
bool decodeUtf8(std::string_view text, std::u32string& out);

} // namespace ipclab
