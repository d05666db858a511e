#include "stringpool.h"

#include <algorithm>
#include <charconv>

namespace ipclab {

StringPool::StringPool() : m_table(1024, kEmpty) {
}

std::uint32_t StringPool::hash(std::string_view s) {
    // FNV-1a: short keys, no allocation, the same everywhere.
    std::uint64_t h = 1469598103934665603ULL;
    for (const char c : s) {
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    return static_cast<std::uint32_t>(h ^ (h >> 29));
}

void StringPool::grow() {
    std::vector<std::uint64_t> table(m_table.size() * 2, kEmpty);
    const std::size_t mask = table.size() - 1;
    for (const std::uint64_t entry : m_table) {
        if (entry == kEmpty) {
            continue;
        }
        std::size_t slot = static_cast<std::size_t>(entry >> 32) & mask;
        while (table[slot] != kEmpty) {
            slot = (slot + 1) & mask;
        }
        table[slot] = entry;
    }
    m_table = std::move(table);
}

StringId StringPool::intern(std::string_view s) {
    const std::uint32_t h = hash(s);
    const std::size_t mask = m_table.size() - 1;
    std::size_t slot = h & mask;
    for (std::uint64_t entry = m_table[slot]; entry != kEmpty; entry = m_table[slot]) {
        const auto id = static_cast<StringId>(entry);
        if (static_cast<std::uint32_t>(entry >> 32) == h && m_store[id] == s) {
            return id;
        }
        slot = (slot + 1) & mask;
    }
    const auto id = static_cast<StringId>(m_store.size());
    m_store.emplace_back(s);
    m_table[slot] = (std::uint64_t(h) << 32) | id;
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
    m_table.assign(1024, kEmpty);
    m_ints.clear();
    return out;
}

} // namespace ipclab
