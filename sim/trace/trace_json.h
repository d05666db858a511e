#pragma once
// The trace as stable JSON lines, and a reader that rebuilds an equivalent Trace from them.
//
// Line 1, the header:
//   {"format":"ipclab-trace","version":1,"scenario":..,"engine":..,"time_unit":..,
//    "seed":..,"cpus":..,"processes":[names],"counting_method":..}
// Then one line per event, with names instead of indices, e.g.
//   {"t":3,"ev":"syscall","proc":"producer","op":"send","obj":"M","line":12,
//    "syscall":"mq_timedsend","result":"ok","bytes":6,"blocking":true}
// An object is declared once, in the order of Trace::objects: normally on its
// "obj_created" line, which carries kind/capacity/size/mode/key/ends (every obj_created
// line does); an object used before its creation gets a line of its own first:
//   {"object":"M","kind":"mailbox","capacity":2}
// Objects are referred to by name, or by "name#index" when two objects share a name.
// Last, the footer:
//   {"outcome":"deadlock","deadlock":[{"process","waits_in","object","held_by"}],
//    "notes":[..],"measured_syscalls":{..},"timings":[[proc,op,start_ns,duration_ns],..]}
// plus, only when real mode set them: "counting_fallback":"no_tracefs",
//    "cleanup_syscalls":{"semctl":1}, "kernel_switches":[[voluntary,involuntary]|null,..]
// `ipclab run --trace -` follows the footer with one line {"report":{...}}, which the
// reader keeps as text (TraceJsonReader::reportJson).

#include "trace.h"

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab {

/// Turns one trace into its lines, in order. Remembers which objects it has declared, so
/// header(), every event(i) in increasing i, then footer() make the whole stream.
class TraceJsonWriter {
public:
    explicit TraceJsonWriter(const Trace& trace);
    std::string header() const;
    /// The line(s) for event `index`, each ending in '\n' (object declarations first).
    std::string event(std::size_t index);
    /// Declarations of objects no event used, then the footer line.
    std::string footer();

private:
    std::string declareUpTo(std::size_t object);
    const Trace& m_trace;
    std::vector<std::string> m_keys; ///< object index -> how lines refer to it
    std::size_t m_declared = 0;      ///< objects [0, m_declared) are declared
};

/// The whole trace as JSON lines (header, events, footer), each line ending in '\n'.
std::string traceToJsonLines(const Trace& trace);
void writeTraceJson(std::ostream& out, const Trace& trace);

/// Rebuilds a Trace line by line (the GUI feeds it a child process's stdout). After the
/// first error every later line is ignored; error() says "line N: expected ...".
class TraceJsonReader {
public:
    /// One line without its newline (a trailing '\r' is ignored, blank lines are skipped).
    bool readLine(std::string_view line);
    /// Call at the end of input: fails when the footer never came.
    bool finish();
    bool complete() const { return m_complete; }
    bool failed() const { return !m_error.empty(); }
    const std::string& error() const { return m_error; }
    std::size_t lineNumber() const { return m_line; }
    /// The trace read so far (complete once the footer has been read).
    const Trace& trace() const { return m_trace; }
    Trace takeTrace() { return std::move(m_trace); }
    /// The compact JSON of a {"report": ...} line after the footer, if there was one.
    const std::string& reportJson() const { return m_report; }

private:
    bool fail(const std::string& message);
    Trace m_trace;
    std::map<std::string, int, std::less<>> m_objectKeys; ///< reference -> object index
    std::map<std::string, int, std::less<>> m_processes;  ///< name -> process index
    std::uint64_t m_lastTime = 0;
    std::string m_error;
    std::string m_report;
    std::size_t m_line = 0;
    bool m_haveHeader = false;
    bool m_complete = false;
};

struct TraceReadResult {
    std::optional<Trace> trace; ///< set when the whole text read without error
    std::string error;
    std::string reportJson; ///< see TraceJsonReader::reportJson
};
/// Reads a whole JSON-lines text.
TraceReadResult readTraceJson(std::string_view text);

} // namespace ipclab
