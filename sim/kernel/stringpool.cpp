#include "stringpool.h"

#include <charconv>

namespace ipclab {

StringId StringPool::intern(std::string_view s) {
    if (auto it = m_index.find(s); it != m_index.end()) {
        return it->second;
    }
    const auto id = static_cast<StringId>(m_store.size());
    m_store.emplace_back(s);
    m_index.emplace(std::string_view(m_store.back()), id);
    return id;
}

StringId StringPool::internInt(std::int64_t v) {
    const bool small = v >= 0 && v < kSmallInts;
    if (small && m_smallInts[static_cast<std::size_t>(v)] != kNoString) {
        return m_smallInts[static_cast<std::size_t>(v)];
    }
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    (void)ec;
    const StringId id = intern(std::string_view(buf, static_cast<std::size_t>(end - buf)));
    if (small) {
        m_smallInts[static_cast<std::size_t>(v)] = id;
    }
    return id;
}

std::vector<std::string> StringPool::release() {
    std::vector<std::string> out;
    out.reserve(m_store.size());
    for (auto& s : m_store) {
        out.push_back(std::move(s));
    }
    m_index.clear();
    m_store.clear();
    m_smallInts.assign(kSmallInts, kNoString);
    return out;
}

} // namespace ipclab
