#include "suggest.h"

#include <algorithm>

namespace ipclab {

namespace {

// Optimal string alignment distance: a swapped pair of letters ("recieve") is one edit.
std::size_t editDistance(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1, 0));
    for (std::size_t i = 0; i <= n; ++i) {
        d[i][0] = i;
    }
    for (std::size_t j = 0; j <= m; ++j) {
        d[0][j] = j;
    }
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[n][m];
}

} // namespace

std::string closestMatch(std::string_view word, const std::vector<std::string_view>& candidates) {
    // Long hostile keys are not worth a quadratic comparison.
    if (word.empty() || word.size() > 64) {
        return {};
    }
    const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 2);
    std::string best;
    std::size_t bestDistance = limit + 1;
    for (auto candidate : candidates) {
        const auto dist = editDistance(word, candidate);
        if (dist < bestDistance) {
            bestDistance = dist;
            best = std::string(candidate);
        }
    }
    return best;
}

std::string quotedList(const std::vector<std::string_view>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) {
            out += i + 1 == words.size() ? " or " : ", ";
        }
        out += "'" + std::string(words[i]) + "'";
    }
    return out;
}

std::string suggestionSuffix(std::string_view word,
                             const std::vector<std::string_view>& candidates) {
    const auto match = closestMatch(word, candidates);
    if (!match.empty()) {
        return "; did you mean '" + match + "'?";
    }
    return "; expected " + quotedList(candidates);
}

} // namespace ipclab
