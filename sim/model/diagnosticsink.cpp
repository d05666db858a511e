#include "diagnosticsink.h"

#include "printable.h"

#include <algorithm>

namespace ipclab {

std::string Diagnostic::format() const {
    // A file name may hold a newline or an escape sequence: one diagnostic, one line.
    if (line <= 0) {
        return printable(file) + ": " + printable(message);
    }
    return printable(file) + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
           printable(message);
}

void DiagnosticSink::add(SourcePos pos, std::string message) {
    if (m_items.size() >= kKeepLimit) {
        ++m_dropped;
        return;
    }
    // The same finding reached twice (e.g. through an alias) is reported once.
    if (!m_seen.emplace(pos.line, pos.column, message).second) {
        return;
    }
    m_items.push_back(Diagnostic{m_file, pos.line, pos.column, std::move(message)});
}

std::vector<Diagnostic> DiagnosticSink::report() const {
    std::vector<Diagnostic> sorted = m_items;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    if (sorted.size() + m_dropped > kMaxDiagnostics) {
        const auto more = sorted.size() + m_dropped - kMaxDiagnostics;
        const Diagnostic last = sorted[kMaxDiagnostics];
        sorted.resize(kMaxDiagnostics);
        sorted.push_back(
            Diagnostic{m_file, last.line, last.column,
                       "too many problems; " + std::to_string(more) + " more not shown"});
    }
    return sorted;
}

} // namespace ipclab
