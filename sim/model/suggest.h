#pragma once
// "Did you mean ...?" for misspelt keys, operations and names.

#include <string>
#include <string_view>
#include <vector>

namespace ipclab {

/// The candidate closest to `word` by edit distance when it is a plausible typo (at most
/// a third of the word's length, at least 1, and at most 2 edits); empty otherwise.
std::string closestMatch(std::string_view word, const std::vector<std::string_view>& candidates);

/// "; did you mean 'x'?" or, without a close match, "; expected one of: a, b, c".
std::string suggestionSuffix(std::string_view word,
                             const std::vector<std::string_view>& candidates);

/// "'a', 'b' or 'c'".
std::string quotedList(const std::vector<std::string_view>& words);

} // namespace ipclab
