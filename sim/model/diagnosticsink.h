#pragma once
// Collects the problems found in one scenario file so that all of them (not only the
// first) reach the instructor, in file order.

#include "loader.h"
#include "scenario.h"

#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace ipclab {

/// How many problems one load reports before it summarises the rest.
inline constexpr std::size_t kMaxDiagnostics = 20;

/// Owns the diagnostics of one load; report() keeps them sorted by position and capped.
class DiagnosticSink {
public:
    explicit DiagnosticSink(std::string file) : m_file(std::move(file)) {}

    void add(SourcePos pos, std::string message);
    bool empty() const { return m_items.empty() && m_dropped == 0; }
    std::size_t size() const { return m_items.size() + m_dropped; }
    /// False once so many problems are known that costly extras (did-you-mean searches)
    /// would only slow a hostile file down: only the first few are read anyway.
    bool wantsDetail() const { return size() < kDetailLimit; }
    const std::string& file() const { return m_file; }

    /// Sorted by line then column (stable, so one place keeps its finding order); past
    /// kMaxDiagnostics a last line says how many more were found.
    std::vector<Diagnostic> report() const;

    static constexpr std::size_t kDetailLimit = 100;
    /// Problems kept for sorting; past it they are only counted.
    static constexpr std::size_t kKeepLimit = 1000;

private:
    std::string m_file;
    std::vector<Diagnostic> m_items;
    std::set<std::tuple<int, int, std::string>> m_seen;
    std::size_t m_dropped = 0;
};

} // namespace ipclab
