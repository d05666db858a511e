// Reading a trace back from JSON lines; see trace_json.h for the format. Every check
// names the line and what was expected, because this text may come from another process
// or a file a user edited.

#include "trace_json.h"
#include "trace_json_fields.h"
#include "trace_json_parse.h"

#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace ipclab {

namespace {

using namespace tracejson::parse;
using tracejson::Slot;

} // namespace

bool TraceJsonReader::fail(const std::string& message) {
    m_error = "line " + std::to_string(m_line) + ": " + message;
    return false;
}

namespace {

/// The parsing steps, with access to the reader's tables.
struct LineParser {
    Trace& trace;
    std::map<std::string, int, std::less<>>& objectKeys;
    std::map<std::string, int, std::less<>>& processes;

    int process(const Json& v, const char* key) const {
        if (v.is_null()) {
            return -1;
        }
        if (v.is_number_integer()) {
            return static_cast<int>(integer(v, key, 0, kNoProcess - 1));
        }
        if (!v.is_string()) {
            throw BadLine("expected \"" + std::string(key) + "\" to be a process name");
        }
        auto it = processes.find(v.get<std::string>());
        if (it == processes.end()) {
            throw BadLine("unknown process " + inQuotes(v.get<std::string>()) + " in \"" + key +
                          "\"");
        }
        return it->second;
    }

    OpKind op(const Json& v, const char* key) const {
        if (v.is_number_integer()) {
            return static_cast<OpKind>(integer(v, key, 0, 255));
        }
        const auto kind = opFromName(text(v, key));
        if (!kind) {
            throw BadLine("unknown operation " + inQuotes(v.get<std::string>()) + " in \"" + key +
                          "\"");
        }
        return *kind;
    }

    int objectRef(const Json& v, const char* key) const {
        if (v.is_null()) {
            return -1;
        }
        auto it = objectKeys.find(text(v, key));
        if (it == objectKeys.end()) {
            throw BadLine("unknown object " + inQuotes(v.get<std::string>()) +
                          " (objects are declared before use)");
        }
        return it->second;
    }

    std::int32_t slot(const Json& v, Slot s, const char* key) const {
        switch (s) {
        case Slot::State:
        case Slot::Result:
        case Slot::Outcome: {
            if (v.is_number_integer()) {
                return static_cast<std::int32_t>(integer(v, key, kI32Min, kI32Max));
            }
            const auto value = tracejson::slotEnumFromName(s, text(v, key));
            if (!value) {
                throw BadLine("unknown value " + inQuotes(v.get<std::string>()) + " in \"" + key +
                              "\"");
            }
            return *value;
        }
        case Slot::Process:
            return process(v, key);
        case Slot::String:
            if (v.is_number_integer()) {
                return static_cast<std::int32_t>(integer(v, key, kI32Min, kI32Max));
            }
            return static_cast<std::int32_t>(trace.intern(text(v, key)));
        default:
            return static_cast<std::int32_t>(integer(v, key, kI32Min, kI32Max));
        }
    }

    void declareObject(const Json& j, const std::string& key) {
        if (objectKeys.count(key) != 0) {
            throw BadLine("object " + inQuotes(key) + " is declared twice");
        }
        if (trace.objects.size() >= kNoObject) {
            throw BadLine("too many objects");
        }
        ObjectInfo o;
        const std::string kindName = textField(j, "kind");
        const auto kind = tracejson::objectKindFromName(kindName);
        if (!kind) {
            throw BadLine("unknown object kind " + inQuotes(kindName) +
                          ", expected mailbox, link, segment or semaphore");
        }
        o.kind = *kind;
        o.name = field(j, "name") != nullptr ? textField(j, "name") : key;
        o.capacity = o.kind == ObjectKind::Link ? kUnbounded : 0;
        if (const Json* c = field(j, "capacity")) {
            o.capacity = c->is_string() && c->get<std::string>() == "unbounded"
                             ? kUnbounded
                             : integer(*c, "capacity", kUnbounded, kMaxCapacity);
        }
        o.size = intField(j, "size", 0, std::numeric_limits<std::int64_t>::max(), 0);
        if (const Json* m = field(j, "mode")) {
            const std::string digits = text(*m, "mode");
            if (digits.empty() || digits.size() > 6 ||
                digits.find_first_not_of("01234567") != std::string::npos) {
                throw BadLine("expected \"mode\" as octal digits like \"0600\"");
            }
            o.mode = std::stoi(digits, nullptr, 8);
        }
        if (field(j, "key") != nullptr) {
            o.key = textField(j, "key");
        }
        if (const Json* ends = field(j, "ends")) {
            if (!ends->is_array() || ends->size() != 2) {
                throw BadLine("expected \"ends\" to be a list of two processes");
            }
            o.endA = process((*ends)[0], "ends");
            o.endB = process((*ends)[1], "ends");
        }
        objectKeys.emplace(key, trace.addObject(std::move(o)));
    }

    Event event(const Json& j, std::uint64_t& lastTime) {
        Event e;
        const Json* t = field(j, "t");
        if (t == nullptr || !t->is_number_unsigned()) {
            throw BadLine("expected \"t\" to be a non-negative integer time");
        }
        e.time = t->get<std::uint64_t>();
        if (e.time < lastTime) {
            throw BadLine("time " + std::to_string(e.time) + " is before the previous event's " +
                          std::to_string(lastTime));
        }
        lastTime = e.time;
        const std::string ev = textField(j, "ev");
        const auto kind = tracejson::eventKindFromName(ev);
        if (!kind) {
            throw BadLine("unknown event kind " + inQuotes(ev));
        }
        e.kind = *kind;
        if (const Json* p = field(j, "proc")) {
            const int proc = process(*p, "proc");
            e.proc = proc < 0 ? kNoProcess : static_cast<std::uint16_t>(proc);
        }
        e.cpu = static_cast<std::uint8_t>(intField(j, "cpu", 0, kNoCpu - 1, kNoCpu));
        if (const Json* o = field(j, "op")) {
            e.op = op(*o, "op");
        }
        if (const Json* o = field(j, "obj")) {
            const std::string key = text(*o, "obj");
            if (e.kind == EventKind::ObjCreated && objectKeys.count(key) == 0) {
                declareObject(j, key);
            }
            e.object = static_cast<std::uint16_t>(objectRef(*o, "obj"));
        }
        e.line = static_cast<std::uint16_t>(intField(j, "line", 0, 0xFFFF, 0));
        const auto& f = tracejson::kindFields(e.kind);
        const std::string aKey = f.a.empty() ? "a" : std::string(f.a);
        const std::string bKey = f.b.empty() ? "b" : std::string(f.b);
        const std::string textKey = f.text.empty() ? "text" : std::string(f.text);
        if (const Json* a = field(j, aKey.c_str())) {
            e.a = slot(*a, f.aSlot, aKey.c_str());
        }
        if (const Json* b = field(j, bKey.c_str())) {
            e.b = slot(*b, f.bSlot, bKey.c_str());
        }
        if (const Json* s = field(j, textKey.c_str())) {
            e.text = trace.intern(text(*s, textKey.c_str()));
        }
        int flags = static_cast<int>(intField(j, "flags", 0, 255, 0));
        for (const auto& [key, bit] :
             {std::pair{"blocking", kFlagBlocking}, std::pair{"completes", kFlagCompletes}}) {
            if (const Json* v = field(j, key)) {
                if (!v->is_boolean()) {
                    throw BadLine("expected \"" + std::string(key) + "\" to be true or false");
                }
                flags |= v->get<bool>() ? bit : 0;
            }
        }
        e.flags = static_cast<std::uint8_t>(flags);
        return e;
    }

    void header(const Json& j) {
        const Json* format = field(j, "format");
        if (format == nullptr || *format != tracejson::kFormatName) {
            throw BadLine("expected the header {\"format\":\"ipclab-trace\",...}");
        }
        if (intField(j, "version", 0, 1000, 0) != tracejson::kFormatVersion) {
            throw BadLine("expected \"version\": " + std::to_string(tracejson::kFormatVersion));
        }
        trace.scenarioTitle = textField(j, "scenario");
        trace.engine = enumField(j, "engine", engineFromName, "\"sim\" or \"real\"");
        trace.timeUnit = enumField(j, "time_unit", timeUnitFromName, "\"tick\" or \"ns\"");
        trace.countingMethod = enumField(j, "counting_method", countingMethodFromName,
                                         "\"simulated\", \"perf_event\" or \"self\"");
        const Json* seed = field(j, "seed");
        if (seed == nullptr || !seed->is_number_unsigned()) {
            throw BadLine("expected \"seed\" to be a non-negative integer");
        }
        trace.seed = seed->get<std::uint64_t>();
        trace.cpus = static_cast<int>(intField(j, "cpus", 0, 255, 0));
        const Json* procs = field(j, "processes");
        if (procs == nullptr || !procs->is_array()) {
            throw BadLine("expected \"processes\" to be a list of names");
        }
        for (const Json& p : *procs) {
            const std::string name = text(p, "processes");
            if (!processes.emplace(name, static_cast<int>(trace.processNames.size())).second) {
                throw BadLine("process " + inQuotes(name) + " is listed twice");
            }
            trace.processNames.push_back(name);
        }
    }

    void footer(const Json& j) {
        trace.outcome = static_cast<Outcome>(slot(j.at("outcome"), Slot::Outcome, "outcome"));
        const Json* cycle = field(j, "deadlock");
        if (cycle == nullptr || !cycle->is_array()) {
            throw BadLine("expected \"deadlock\" to be a list (empty when none)");
        }
        for (const Json& edge : *cycle) {
            if (!edge.is_object()) {
                throw BadLine("expected each \"deadlock\" entry to be an object");
            }
            WaitEdge w;
            w.proc = process(edge.value("process", Json()), "process");
            w.op = op(edge.value("waits_in", Json()), "waits_in");
            w.object = objectRef(edge.value("object", Json()), "object");
            w.holder = process(edge.value("held_by", Json()), "held_by");
            trace.deadlockCycle.push_back(w);
        }
        const Json* notes = field(j, "notes");
        if (notes == nullptr || !notes->is_array()) {
            throw BadLine("expected \"notes\" to be a list of strings");
        }
        for (const Json& n : *notes) {
            trace.notes.push_back(text(n, "notes"));
        }
        const Json* measured = field(j, "measured_syscalls");
        if (measured == nullptr || !measured->is_object()) {
            throw BadLine("expected \"measured_syscalls\" to be an object");
        }
        for (const auto& [name, n] : measured->items()) {
            trace.measuredSyscalls[name] = integer(n, "measured_syscalls", 0, kI32Max * 1024);
        }
        readRealExtras(j, trace);
        const Json* timings = field(j, "timings");
        if (timings == nullptr || !timings->is_array()) {
            throw BadLine("expected \"timings\" to be a list");
        }
        for (const Json& t : *timings) {
            if (!t.is_array() || t.size() != 4 || !t[2].is_number_unsigned() ||
                !t[3].is_number_unsigned()) {
                throw BadLine("expected each timing as [process, operation, start, duration]");
            }
            trace.timings.push_back(OpTiming{process(t[0], "timings"), op(t[1], "timings"),
                                             t[2].get<std::uint64_t>(), t[3].get<std::uint64_t>()});
        }
    }
};

} // namespace

bool TraceJsonReader::readLine(std::string_view lineText) {
    if (failed()) {
        return false;
    }
    ++m_line;
    if (!lineText.empty() && lineText.back() == '\r') {
        lineText.remove_suffix(1);
    }
    if (lineText.find_first_not_of(" \t") == std::string_view::npos) {
        return true;
    }
    Json j = Json::parse(lineText, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        return fail("expected one JSON object on the line");
    }
    LineParser p{m_trace, m_objectKeys, m_processes};
    try {
        if (!m_haveHeader) {
            p.header(j);
            m_haveHeader = true;
        } else if (m_complete) {
            const Json* report = field(j, "report");
            if (report == nullptr || !m_report.empty()) {
                return fail("expected nothing after the footer but one {\"report\": ...} line");
            }
            // Kept in the writer's key order (the stable order of the report contract).
            const auto ordered = nlohmann::ordered_json::parse(lineText, nullptr, false);
            m_report = ordered.at("report").dump(-1, ' ', false,
                                                 nlohmann::ordered_json::error_handler_t::replace);
        } else if (j.contains("t")) {
            m_trace.push(p.event(j, m_lastTime));
        } else if (const Json* key = field(j, "object")) {
            p.declareObject(j, text(*key, "object"));
        } else if (j.contains("outcome")) {
            p.footer(j);
            m_complete = true;
        } else {
            return fail("expected an event {\"t\":...}, an object {\"object\":...} or the footer "
                        "{\"outcome\":...}");
        }
    } catch (const BadLine& e) {
        return fail(e.what());
    } catch (const nlohmann::json::exception& e) {
        return fail(std::string("malformed value: ") + e.what());
    }
    return true;
}

bool TraceJsonReader::finish() {
    if (failed()) {
        return false;
    }
    if (!m_haveHeader) {
        m_error = "line 1: expected the header {\"format\":\"ipclab-trace\",...}, found nothing";
        return false;
    }
    if (!m_complete) {
        return fail("the trace ends without its footer {\"outcome\":...}");
    }
    return true;
}

TraceReadResult readTraceJson(std::string_view text) {
    TraceJsonReader reader;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        if (!reader.readLine(text.substr(start, end - start))) {
            break;
        }
        start = end + 1;
    }
    TraceReadResult result;
    if (reader.finish()) {
        result.reportJson = reader.reportJson();
        result.trace = reader.takeTrace();
    } else {
        result.error = reader.error();
    }
    return result;
}

} // namespace ipclab
