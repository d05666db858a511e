#pragma once
// Collects the problems found in one scenario file so that all of them (not only the
// first) reach the instructor, in file order.

#include "loader.h"
#include "scenario.h"

#include <string>
#include <vector>

namespace ipclab {

/// Owns the diagnostics of one load; report() keeps them sorted by position and capped.
class DiagnosticSink {
public:
    explicit DiagnosticSink(std::string file) : m_file(std::move(file)) {}

    void add(SourcePos pos, std::string message);
    bool empty() const { return m_items.empty(); }
    std::size_t size() const { return m_items.size(); }
    const std::string& file() const { return m_file; }

    /// Sorted by line then column (stable, so one place keeps its finding order); past
    /// kMaxDiagnostics a last line says how many more were found.
    std::vector<Diagnostic> report() const;

private:
    std::string m_file;
    std::vector<Diagnostic> m_items;
};

/// How many problems one load reports before it summarises the rest.
inline constexpr std::size_t kMaxDiagnostics = 20;

} // namespace ipclab
