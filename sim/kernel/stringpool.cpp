#include "stringpool.h"

#include <algorithm>
#include <charconv>

namespace ipclab {

StringPool::StringPool() : m_table(1024, kNoString) {
}

std::size_t StringPool::hash(std::string_view s) {
    // FNV-1a: short keys, no allocation, the same everywhere.
    std::uint64_t h = 1469598103934665603ULL;
    for (const char c : s) {
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    return static_cast<std::size_t>(h ^ (h >> 32));
}

void StringPool::grow() {
    std::vector<StringId> table(m_table.size() * 2, kNoString);
    const std::size_t mask = table.size() - 1;
    for (StringId id = 0; id < m_store.size(); ++id) {
        std::size_t slot = hash(m_store[id]) & mask;
        while (table[slot] != kNoString) {
            slot = (slot + 1) & mask;
        }
        table[slot] = id;
    }
    m_table = std::move(table);
}

StringId StringPool::intern(std::string_view s) {
    const std::size_t mask = m_table.size() - 1;
    std::size_t slot = hash(s) & mask;
    while (m_table[slot] != kNoString) {
        if (m_store[m_table[slot]] == s) {
            return m_table[slot];
        }
        slot = (slot + 1) & mask;
    }
    const auto id = static_cast<StringId>(m_store.size());
    m_store.emplace_back(s);
    m_table[slot] = id;
    if (m_store.size() * 2 > m_table.size()) {
        grow();
    }
    return id;
}

StringId StringPool::internInt(std::int64_t v) {
    const bool cached = v >= 0 && v < kIntCacheLimit;
    const auto index = static_cast<std::size_t>(v);
    if (cached && index < m_ints.size() && m_ints[index] != kNoString) {
        return m_ints[index];
    }
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    (void)ec;
    const StringId id = intern(std::string_view(buf, static_cast<std::size_t>(end - buf)));
    if (cached) {
        if (index >= m_ints.size()) {
            m_ints.resize(std::max<std::size_t>(index + 1, m_ints.size() * 2), kNoString);
        }
        m_ints[index] = id;
    }
    return id;
}

std::vector<std::string> StringPool::release() {
    std::vector<std::string> out = std::move(m_store);
    m_store.clear();
    m_table.assign(1024, kNoString);
    m_ints.clear();
    return out;
}

} // namespace ipclab
