// Writing a trace as JSON lines; see trace_json.h for the format.

#include "trace_json.h"
#include "trace_json_fields.h"

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

namespace ipclab {

namespace {

using Json = nlohmann::ordered_json;
using tracejson::Slot;

std::string line(const Json& j) {
    return j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

/// A process by name; a number when the index is not a process; null for none.
Json processRef(const Trace& t, int index) {
    if (index >= 0 && static_cast<std::size_t>(index) < t.processNames.size()) {
        return t.processNames[static_cast<std::size_t>(index)];
    }
    return index < 0 ? Json(nullptr) : Json(index);
}

Json opRef(OpKind op) {
    const int i = static_cast<int>(op);
    return i < kOpKindCount ? Json(std::string(opName(op))) : Json(i);
}

Json enumRef(Slot slot, int value) {
    const std::string_view name = tracejson::slotEnumName(slot, value);
    return name.empty() ? Json(value) : Json(std::string(name));
}

Json slotValue(const Trace& t, Slot slot, std::int32_t value) {
    switch (slot) {
    case Slot::State:
    case Slot::Result:
    case Slot::Outcome:
        return enumRef(slot, value);
    case Slot::Process:
        return processRef(t, value);
    case Slot::String:
        if (value >= 0 && static_cast<std::size_t>(value) < t.strings.size()) {
            return t.strings[static_cast<std::size_t>(value)];
        }
        return value;
    default:
        return value;
    }
}

std::string octal(int mode) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode));
    return buf;
}

/// The object's kind and description (after "obj" or "object" holding its reference).
void describeObject(Json& j, const Trace& t, const ObjectInfo& o, const std::string& key) {
    j["kind"] = std::string(objectKindName(o.kind));
    if (key != o.name) {
        j["name"] = o.name;
    }
    const std::int64_t defaultCapacity = o.kind == ObjectKind::Link ? kUnbounded : 0;
    if (o.kind == ObjectKind::Mailbox || o.capacity != defaultCapacity) {
        j["capacity"] = o.capacity == kUnbounded ? Json("unbounded") : Json(o.capacity);
    }
    if (o.kind == ObjectKind::Segment || o.size != 0) {
        j["size"] = o.size;
    }
    if (o.kind == ObjectKind::Segment || o.mode != 0) {
        j["mode"] = octal(o.mode);
    }
    if (o.kind == ObjectKind::Segment || !o.key.empty()) {
        j["key"] = o.key;
    }
    if (o.endA >= 0 || o.endB >= 0) {
        j["ends"] = Json::array({processRef(t, o.endA), processRef(t, o.endB)});
    }
}

void writeSlot(Json& j, const Trace& t, std::string_view name, Slot slot, std::string_view generic,
               std::int32_t value) {
    if (!name.empty()) {
        j[std::string(name)] = slotValue(t, slot, value);
    } else if (value != 0) {
        j[std::string(generic)] = value;
    }
}

} // namespace

TraceJsonWriter::TraceJsonWriter(const Trace& trace) : m_trace(trace) {
    std::map<std::string_view, int> uses;
    for (const ObjectInfo& o : trace.objects) {
        ++uses[o.name];
    }
    for (std::size_t i = 0; i < trace.objects.size(); ++i) {
        const std::string& name = trace.objects[i].name;
        m_keys.push_back(uses[name] == 1 ? name : name + "#" + std::to_string(i));
    }
}

std::string TraceJsonWriter::header() const {
    Json j;
    j["format"] = std::string(tracejson::kFormatName);
    j["version"] = tracejson::kFormatVersion;
    j["scenario"] = m_trace.scenarioTitle;
    j["engine"] = std::string(engineName(m_trace.engine));
    j["time_unit"] = std::string(timeUnitName(m_trace.timeUnit));
    j["seed"] = m_trace.seed;
    j["cpus"] = m_trace.cpus;
    j["processes"] = m_trace.processNames;
    j["counting_method"] = std::string(countingMethodName(m_trace.countingMethod));
    return line(j);
}

std::string TraceJsonWriter::declareUpTo(std::size_t object) {
    std::string out;
    for (; m_declared < object && m_declared < m_trace.objects.size(); ++m_declared) {
        Json j;
        j["object"] = m_keys[m_declared];
        describeObject(j, m_trace, m_trace.objects[m_declared], m_keys[m_declared]);
        out += line(j);
    }
    return out;
}

std::string TraceJsonWriter::event(std::size_t index) {
    const Event& e = m_trace.events.at(index);
    const bool hasObject = e.object != kNoObject && e.object < m_trace.objects.size();
    std::string out;
    if (hasObject) {
        // An obj_created line declares its own object when it is the next one due.
        const bool declaresItself = e.kind == EventKind::ObjCreated;
        out = declareUpTo(declaresItself ? e.object : e.object + 1u);
        if (declaresItself && m_declared == e.object) {
            ++m_declared;
        }
    }
    Json j;
    j["t"] = e.time;
    j["ev"] = std::string(eventKindName(e.kind));
    if (e.proc != kNoProcess) {
        j["proc"] = processRef(m_trace, e.proc);
    }
    if (e.cpu != kNoCpu) {
        j["cpu"] = e.cpu;
    }
    if (e.op != OpKind::Compute) {
        j["op"] = opRef(e.op);
    }
    if (hasObject) {
        j["obj"] = m_keys[e.object];
        if (e.kind == EventKind::ObjCreated) {
            describeObject(j, m_trace, m_trace.objects[e.object], m_keys[e.object]);
        }
    } else if (e.object != kNoObject) {
        j["obj"] = e.object;
    }
    if (e.line != 0) {
        j["line"] = e.line;
    }
    const auto& f = tracejson::kindFields(e.kind);
    const auto writeText = [&] {
        if (e.text != kNoString) {
            j[std::string(f.text.empty() ? "text" : f.text)] = m_trace.str(e.text);
        }
    };
    if (e.kind == EventKind::Syscall) {
        // Read as a call: which syscall, what it returned, what it copied.
        writeText();
        writeSlot(j, m_trace, f.b, f.bSlot, "b", e.b);
        writeSlot(j, m_trace, f.a, f.aSlot, "a", e.a);
    } else {
        writeSlot(j, m_trace, f.a, f.aSlot, "a", e.a);
        writeSlot(j, m_trace, f.b, f.bSlot, "b", e.b);
        writeText();
    }
    if ((e.flags & kFlagBlocking) != 0) {
        j["blocking"] = true;
    }
    if ((e.flags & kFlagCompletes) != 0) {
        j["completes"] = true;
    }
    if (const int rest = e.flags & ~(kFlagBlocking | kFlagCompletes); rest != 0) {
        j["flags"] = rest;
    }
    return out + line(j);
}

std::string TraceJsonWriter::footer() {
    std::string out = declareUpTo(m_trace.objects.size());
    Json j;
    j["outcome"] = enumRef(Slot::Outcome, static_cast<int>(m_trace.outcome));
    j["deadlock"] = Json::array();
    for (const WaitEdge& w : m_trace.deadlockCycle) {
        Json edge;
        edge["process"] = processRef(m_trace, w.proc);
        edge["waits_in"] = opRef(w.op);
        edge["object"] = w.object >= 0 && static_cast<std::size_t>(w.object) < m_keys.size()
                             ? Json(m_keys[static_cast<std::size_t>(w.object)])
                             : Json(nullptr);
        edge["held_by"] = processRef(m_trace, w.holder);
        j["deadlock"].push_back(std::move(edge));
    }
    j["notes"] = m_trace.notes;
    j["measured_syscalls"] = Json::object();
    for (const auto& [name, n] : m_trace.measuredSyscalls) {
        j["measured_syscalls"][name] = n;
    }
    // Real mode's extras, written only when set (a simulator's footer stays as it was).
    if (m_trace.countingFallback != CountingFallback::None) {
        j["counting_fallback"] = std::string(countingFallbackName(m_trace.countingFallback));
    }
    if (!m_trace.cleanupSyscalls.empty()) {
        j["cleanup_syscalls"] = m_trace.cleanupSyscalls;
    }
    if (!m_trace.kernelSwitches.empty()) {
        j["kernel_switches"] = Json::array();
        for (const auto& k : m_trace.kernelSwitches) {
            j["kernel_switches"].push_back(k ? Json::array({k->voluntary, k->involuntary})
                                             : Json(nullptr));
        }
    }
    j["timings"] = Json::array();
    for (const OpTiming& t : m_trace.timings) {
        j["timings"].push_back(
            Json::array({processRef(m_trace, t.proc), opRef(t.op), t.startNs, t.durationNs}));
    }
    return out + line(j);
}

std::string traceToJsonLines(const Trace& trace) {
    TraceJsonWriter w(trace);
    std::string out = w.header();
    for (std::size_t i = 0; i < trace.events.size(); ++i) {
        out += w.event(i);
    }
    return out + w.footer();
}

void writeTraceJson(std::ostream& out, const Trace& trace) {
    TraceJsonWriter w(trace);
    out << w.header();
    for (std::size_t i = 0; i < trace.events.size(); ++i) {
        out << w.event(i);
    }
    out << w.footer();
}

} // namespace ipclab
