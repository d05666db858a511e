#include "eventcost.h"

#include "syscalltally.h"

#include <algorithm>

namespace ipclab {

namespace {

/// Events that an operation's system call or memory access leaves in the trace.
bool partOfAnOperation(EventKind kind) {
    switch (kind) {
    case EventKind::Syscall:
    case EventKind::MsgSent:
    case EventKind::MsgReceived:
    case EventKind::ShmWrite:
    case EventKind::ShmRead:
    case EventKind::VarSet:
    case EventKind::ObjCreated:
    case EventKind::ObjDeleted:
    case EventKind::ShmMarked:
    case EventKind::Attached:
    case EventKind::Detached:
    case EventKind::SemChanged:
    case EventKind::State:
        return true;
    default:
        return false;
    }
}

} // namespace

StepCost stepCost(const Trace& trace, std::size_t k) {
    StepCost cost;
    k = std::min(k, trace.events.size());
    if (k == 0) {
        return cost;
    }
    const Event& last = trace.events[k - 1];
    if (!partOfAnOperation(last.kind) || last.proc == kNoProcess || last.line == 0) {
        return cost;
    }
    // Walk back over the operation's events: same process, same line, nothing else between
    // (a step of the player ends inside one operation or at its end).
    std::size_t begin = k - 1;
    while (begin > 0) {
        const Event& e = trace.events[begin - 1];
        if (e.proc != last.proc || e.line != last.line || !partOfAnOperation(e.kind)) {
            break;
        }
        --begin;
    }
    bool any = false;
    for (std::size_t i = begin; i < k; ++i) {
        const Event& e = trace.events[i];
        if (isCountedSyscall(e)) {
            cost.syscalls.push_back(trace.str(e.text));
            cost.result = static_cast<CallResult>(e.b);
            cost.refused = cost.result != CallResult::Ok && cost.result != CallResult::WouldBlock;
            cost.op = e.op;
            cost.object = e.object == kNoObject ? cost.object : e.object;
            any = true;
        } else if (e.kind == EventKind::ShmWrite || e.kind == EventKind::ShmRead) {
            cost.sharedMemory = true;
            cost.op = e.op;
            cost.object = e.object;
            any = true;
        }
    }
    if (any) {
        cost.proc = last.proc;
    }
    return cost;
}

} // namespace ipclab
