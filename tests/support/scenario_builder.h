#pragma once
// Scenarios written in C++ for the real-mode tests (limits, kills, refusals), so that the
// cases that must never be bundled lessons (65 processes, 2 GiB segments) can be built.

#include "scenario.h"

#include <string>
#include <utility>
#include <vector>

namespace ipclab::test {

inline Operation op(OpKind kind, std::string object = {}) {
    Operation o;
    o.kind = kind;
    o.object = std::move(object);
    return o;
}
inline Operation compute(std::int64_t ticks) {
    Operation o = op(OpKind::Compute);
    o.ticks = ticks;
    return o;
}
inline Operation mailboxCreate(std::string name, std::int64_t capacity) {
    Operation o = op(OpKind::MailboxCreate, std::move(name));
    o.capacity = capacity;
    return o;
}
inline Operation sendTo(std::string mailbox, std::string text) {
    Operation o = op(OpKind::Send, std::move(mailbox));
    o.peerKind = PeerKind::Mailbox;
    o.text = std::move(text);
    return o;
}
inline Operation receiveFrom(std::string mailbox, std::string into) {
    Operation o = op(OpKind::Receive, std::move(mailbox));
    o.peerKind = PeerKind::Mailbox;
    o.into = std::move(into);
    return o;
}
inline Operation shmCreate(std::string name, std::int64_t size, int mode = 0600) {
    Operation o = op(OpKind::ShmCreate, std::move(name));
    o.size = size;
    o.mode = mode;
    o.key = "1234";
    return o;
}
inline Operation write(std::string segment, std::int64_t offset, std::string text) {
    Operation o = op(OpKind::Write, std::move(segment));
    o.offset = offset;
    o.text = std::move(text);
    return o;
}
inline Operation semCreate(std::string name, std::int64_t value) {
    Operation o = op(OpKind::SemCreate, std::move(name));
    o.value = value;
    return o;
}
inline Operation repeat(std::int64_t count, std::vector<Operation> body) {
    Operation o = op(OpKind::Repeat);
    o.count = count;
    o.body = std::move(body);
    return o;
}
inline ProcessSpec process(std::string name, std::vector<Operation> program, int uid = 1000) {
    ProcessSpec p;
    p.name = std::move(name);
    p.uid = uid;
    p.program = std::move(program);
    return p;
}
inline Scenario scenarioOf(std::string title, std::vector<ProcessSpec> processes) {
    Scenario s;
    s.title = std::move(title);
    s.processes = std::move(processes);
    return s;
}

} // namespace ipclab::test
