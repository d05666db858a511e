#pragma once
// Interned strings of one simulated run, with lookups that never allocate once a string
// is known (the hot loop interns every message, cell value and variable value).

#include "event.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab {

/// Owns every string a run's events refer to. Invariant: ids are dense from 0 in order of
/// first interning; m_table is an open-addressing index (power-of-two size, at most half
/// full) of (hash, id) pairs into m_store, so neither lookups nor inserts allocate per
/// string and a probe compares strings only when their hashes match.
class StringPool {
public:
    StringPool();
    StringId intern(std::string_view s);
    /// The decimal form of `v`, interned (values below 2^20 are cached by value).
    StringId internInt(std::int64_t v);
    std::string_view view(StringId id) const { return m_store[id]; }
    std::size_t length(StringId id) const { return m_store[id].size(); }
    std::size_t size() const { return m_store.size(); }
    /// Moves the strings out (for Trace::strings); the pool is empty afterwards.
    std::vector<std::string> release();
    /// A copy of the strings (for a trace while other runs still use the pool).
    std::vector<std::string> strings() const { return m_store; }

private:
    static constexpr std::int64_t kIntCacheLimit = 1 << 20;
    static constexpr std::uint64_t kEmpty = ~std::uint64_t(0);
    static std::uint32_t hash(std::string_view s);
    void grow();

    std::vector<std::string> m_store;
    std::vector<std::uint64_t> m_table; ///< hash << 32 | id; kEmpty = free slot
    std::vector<StringId> m_ints;       ///< value -> id for small non-negative integers
};

} // namespace ipclab
