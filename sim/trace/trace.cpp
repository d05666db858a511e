#include "trace.h"

#include <array>

namespace ipclab {

std::string_view objectKindName(ObjectKind kind) {
    static constexpr std::array<std::string_view, 4> names = {"mailbox", "link", "segment",
                                                              "semaphore"};
    const auto i = static_cast<std::size_t>(kind);
    return i < names.size() ? names[i] : std::string_view("?");
}

namespace {
template <typename E, std::size_t N>
std::optional<E> fromName(const std::array<std::string_view, N>& names, std::string_view name) {
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == name) {
            return static_cast<E>(i);
        }
    }
    return std::nullopt;
}
constexpr std::array<std::string_view, 2> kEngineNames = {"sim", "real"};
constexpr std::array<std::string_view, 2> kTimeUnitNames = {"tick", "ns"};
constexpr std::array<std::string_view, 3> kCountingNames = {"simulated", "perf_event", "self"};
constexpr std::array<std::string_view, 4> kFallbackNames = {"none", "no_tracefs", "not_permitted",
                                                            "declined"};
} // namespace

std::string_view engineName(Engine engine) {
    return kEngineNames[static_cast<std::size_t>(engine)];
}
std::optional<Engine> engineFromName(std::string_view name) {
    return fromName<Engine>(kEngineNames, name);
}
std::string_view timeUnitName(TimeUnit unit) {
    return kTimeUnitNames[static_cast<std::size_t>(unit)];
}
std::optional<TimeUnit> timeUnitFromName(std::string_view name) {
    return fromName<TimeUnit>(kTimeUnitNames, name);
}
std::string_view countingMethodName(CountingMethod method) {
    return kCountingNames[static_cast<std::size_t>(method)];
}
std::optional<CountingMethod> countingMethodFromName(std::string_view name) {
    return fromName<CountingMethod>(kCountingNames, name);
}

std::string_view countingFallbackName(CountingFallback f) {
    return kFallbackNames[static_cast<std::size_t>(f)];
}
std::optional<CountingFallback> countingFallbackFromName(std::string_view name) {
    return fromName<CountingFallback>(kFallbackNames, name);
}

StringId Trace::intern(std::string_view s) {
    if (m_index.size() != strings.size()) {
        // strings was filled directly (e.g. by a reader); rebuild the index once.
        m_index.clear();
        for (std::size_t i = 0; i < strings.size(); ++i) {
            m_index.emplace(strings[i], static_cast<StringId>(i));
        }
    }
    auto it = m_index.find(std::string(s));
    if (it != m_index.end()) {
        return it->second;
    }
    const auto id = static_cast<StringId>(strings.size());
    strings.emplace_back(s);
    m_index.emplace(strings.back(), id);
    return id;
}

const std::string& Trace::str(StringId id) const {
    static const std::string empty;
    return id < strings.size() ? strings[id] : empty;
}

int Trace::findObject(ObjectKind kind, std::string_view name) const {
    for (std::size_t i = 0; i < objects.size(); ++i) {
        if (objects[i].kind == kind && objects[i].name == name) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

int Trace::addObject(ObjectInfo info) {
    objects.push_back(std::move(info));
    return static_cast<int>(objects.size() - 1);
}

} // namespace ipclab
