#pragma once
// Hand-built traces for the trace tests: a few readable calls instead of Event literals.

#include "trace.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace ipclab::test {

/// Appends events to a Trace with the clock, process and line set once per step.
class TraceBuilder {
public:
    explicit TraceBuilder(std::initializer_list<std::string> processes, int cpus = 1) {
        m_trace.scenarioTitle = "hand-built";
        m_trace.cpus = cpus;
        m_trace.processNames.assign(processes);
    }

    Trace& trace() { return m_trace; }
    TraceBuilder& at(std::uint64_t time) {
        m_time = time;
        return *this;
    }

    int mailbox(const std::string& name, std::int64_t capacity) {
        ObjectInfo o;
        o.kind = ObjectKind::Mailbox;
        o.name = name;
        o.capacity = capacity;
        return m_trace.addObject(o);
    }
    int segment(const std::string& name, std::int64_t size, int mode, const std::string& key) {
        ObjectInfo o;
        o.kind = ObjectKind::Segment;
        o.name = name;
        o.size = size;
        o.mode = mode;
        o.key = key;
        return m_trace.addObject(o);
    }
    int semaphore(const std::string& name) {
        ObjectInfo o;
        o.kind = ObjectKind::Semaphore;
        o.name = name;
        return m_trace.addObject(o);
    }
    int link(int a, int b) {
        ObjectInfo o;
        o.kind = ObjectKind::Link;
        o.name = m_trace.processNames[a] + "<->" + m_trace.processNames[b];
        o.endA = a;
        o.endB = b;
        o.capacity = kUnbounded;
        return m_trace.addObject(o);
    }

    /// The generic form: everything else is a shorthand for it.
    Event& ev(EventKind kind, int proc, OpKind op = OpKind::Compute, int object = -1,
              std::int32_t a = 0, std::int32_t b = 0, std::string_view text = {},
              std::uint16_t line = 0) {
        Event e;
        e.time = m_time;
        e.kind = kind;
        e.op = op;
        e.proc = proc < 0 ? kNoProcess : static_cast<std::uint16_t>(proc);
        e.object = object < 0 ? kNoObject : static_cast<std::uint16_t>(object);
        e.a = a;
        e.b = b;
        e.line = line;
        if (!text.empty()) {
            e.text = m_trace.intern(text);
        }
        m_trace.push(e);
        return m_trace.events.back();
    }

    Event& start() { return ev(EventKind::RunStart, -1); }
    Event& state(int proc, ProcState s, OpKind op = OpKind::Compute, int object = -1,
                 int cpu = -1) {
        Event& e = ev(EventKind::State, proc, op, object, static_cast<std::int32_t>(s));
        e.cpu = cpu < 0 ? kNoCpu : static_cast<std::uint8_t>(cpu);
        return e;
    }
    Event& dispatch(int proc, int cpu, int ready = 1) {
        Event& e = ev(EventKind::Dispatch, proc, OpKind::Compute, -1, ready);
        e.cpu = static_cast<std::uint8_t>(cpu);
        return e;
    }
    Event& preempt(int proc, int cpu) {
        Event& e = ev(EventKind::Preempt, proc);
        e.cpu = static_cast<std::uint8_t>(cpu);
        return e;
    }
    Event& syscall(int proc, OpKind op, int object, std::string_view name, std::int32_t bytes = 0,
                   CallResult result = CallResult::Ok, std::uint8_t flags = 0,
                   std::uint16_t line = 0) {
        Event& e = ev(EventKind::Syscall, proc, op, object, bytes,
                      static_cast<std::int32_t>(result), name, line);
        e.flags = flags;
        return e;
    }
    Event& created(int object, std::int32_t a = 0, int proc = -1, OpKind op = OpKind::Compute) {
        return ev(EventKind::ObjCreated, proc, op, object, a);
    }
    Event& sent(int proc, int object, int id, int queueAfter, std::string_view text) {
        return ev(EventKind::MsgSent, proc, OpKind::Send, object, id, queueAfter, text);
    }
    Event& received(int proc, int object, int id, int sender, std::string_view text) {
        return ev(EventKind::MsgReceived, proc, OpKind::Receive, object, id, sender, text);
    }
    Event& varSet(int proc, std::string_view var, std::string_view value,
                  OpKind op = OpKind::Receive) {
        const auto name = static_cast<std::int32_t>(m_trace.intern(var));
        return ev(EventKind::VarSet, proc, op, -1, 0, name, value);
    }
    Event& end(Outcome outcome) {
        return ev(EventKind::RunEnd, -1, OpKind::Compute, -1, static_cast<std::int32_t>(outcome));
    }

private:
    Trace m_trace;
    std::uint64_t m_time = 0;
};

} // namespace ipclab::test
