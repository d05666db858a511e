#pragma once
// Interned strings of one simulated run, with lookups that never allocate once a string
// is known (the hot loop interns every message, cell value and variable value).

#include "event.h"

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ipclab {

/// Owns every string a run's events refer to. Invariant: ids are dense from 0 in order of
/// first interning, and stored strings never move, so the index's views stay valid.
class StringPool {
public:
    StringId intern(std::string_view s);
    /// The decimal form of `v`, interned (small values are cached by value).
    StringId internInt(std::int64_t v);
    std::string_view view(StringId id) const { return m_store[id]; }
    std::size_t length(StringId id) const { return m_store[id].size(); }
    std::size_t size() const { return m_store.size(); }
    /// Moves the strings out (for Trace::strings); the pool is empty afterwards.
    std::vector<std::string> release();

private:
    static constexpr std::int64_t kSmallInts = 4096;
    std::deque<std::string> m_store;
    std::unordered_map<std::string_view, StringId> m_index;
    std::vector<StringId> m_smallInts = std::vector<StringId>(kSmallInts, kNoString);
};

} // namespace ipclab
