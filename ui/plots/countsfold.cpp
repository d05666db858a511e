#include "countsfold.h"

#include "syscalltally.h"

#include <algorithm>
#include <set>

namespace ipclab::ui {

SyscallCounts countSyscalls(const Trace& trace, std::size_t upTo) {
    return tallySyscalls(trace, upTo).byProcess;
}

std::map<std::string, std::int64_t> syscallsByName(const Trace& trace) {
    return trace.measuredSyscalls.empty() ? tallySyscalls(trace).byName : trace.measuredSyscalls;
}

bool isIpcOp(OpKind op) {
    switch (op) {
    case OpKind::Compute:
    case OpKind::Set:
    case OpKind::Add:
    case OpKind::Repeat:
    case OpKind::Say:
    case OpKind::Ask:
    case OpKind::While:
    case OpKind::If:
        return false;
    default:
        return true;
    }
}

namespace {
void collectOps(const std::vector<Operation>& program, std::set<OpKind>& ops) {
    for (const Operation& op : program) {
        if (isIpcOp(op.kind)) {
            ops.insert(op.kind);
        }
        collectOps(op.body, ops);
        collectOps(op.elseBody, ops);
    }
}
} // namespace

std::vector<OpKind> ipcOpsOf(const ProcessSpec& process) {
    std::set<OpKind> ops;
    collectOps(process.program, ops);
    return {ops.begin(), ops.end()};
}

std::vector<OpKind> ipcOpsOf(const Scenario& scenario) {
    std::set<OpKind> ops;
    for (const ProcessSpec& p : scenario.processes) {
        collectOps(p.program, ops);
    }
    return {ops.begin(), ops.end()};
}

Mechanism mechanismOf(OpKind op) {
    switch (op) {
    case OpKind::Send:
    case OpKind::Receive:
    case OpKind::Connect:
    case OpKind::Disconnect:
    case OpKind::MailboxCreate:
    case OpKind::MailboxDelete:
        return Mechanism::MessagePassing;
    default:
        return Mechanism::SharedMemory;
    }
}

CurvePoint CumulativeCurves::at(Mechanism m, std::size_t index) const {
    const auto& s = steps[static_cast<std::size_t>(m)];
    // The last step produced by an event before `index`.
    auto it = std::lower_bound(s.begin(), s.end(), index,
                               [](const CurvePoint& p, std::size_t i) { return p.event < i; });
    if (it == s.begin()) {
        return CurvePoint{0, 0, 0};
    }
    return *std::prev(it);
}

std::vector<CurvePoint> CumulativeCurves::prefix(Mechanism m, std::size_t index) const {
    return curvePrefix(corners[static_cast<std::size_t>(m)], index, at(m, index));
}

std::vector<CurvePoint> curvePrefix(const std::vector<CurvePoint>& corners, std::size_t index,
                                    const CurvePoint& now) {
    auto it = std::lower_bound(corners.begin(), corners.end(), index,
                               [](const CurvePoint& p, std::size_t i) { return p.event < i; });
    std::vector<CurvePoint> out(corners.begin(), it);
    if (out.empty()) {
        out.push_back(CurvePoint{0, 0, 0});
    }
    if (out.back().items != now.items || out.back().syscalls != now.syscalls) {
        out.push_back(now);
    }
    return out;
}

std::vector<CurvePoint> thinCurve(const std::vector<CurvePoint>& corners, double dx, double dy) {
    std::vector<CurvePoint> out;
    for (std::size_t i = 0; i < corners.size(); ++i) {
        const CurvePoint& p = corners[i];
        if (out.empty() || i + 1 == corners.size() || p.items - out.back().items >= dx ||
            p.syscalls - out.back().syscalls >= dy) {
            out.push_back(p);
        }
    }
    return out;
}

CumulativeCurves buildCumulativeCurves(const Trace& trace) {
    CumulativeCurves curves;
    enum class Dir { None, Up, Right };
    std::array<Dir, kMechanismCount> lastDir{Dir::None, Dir::None};
    std::array<CurvePoint, kMechanismCount> now{};
    auto step = [&](Mechanism m, Dir dir, std::size_t event) {
        const auto k = static_cast<std::size_t>(m);
        auto& corners = curves.corners[k];
        if (corners.empty()) {
            corners.push_back(CurvePoint{0, 0, event}); // the origin appears with the first step
        }
        if (dir == Dir::Up) {
            now[k].syscalls += 1;
        } else {
            now[k].items += 1;
        }
        now[k].event = event;
        curves.steps[k].push_back(now[k]);
        if (lastDir[k] == dir) {
            corners.back() = now[k];
        } else {
            corners.push_back(now[k]);
        }
        lastDir[k] = dir;
    };
    for (std::size_t i = 0; i < trace.events.size(); ++i) {
        const Event& e = trace.events[i];
        switch (e.kind) {
        case EventKind::Syscall:
            if (isCountedSyscall(e)) {
                step(mechanismOf(e.op), Dir::Up, i);
            }
            break;
        case EventKind::MsgReceived:
            step(Mechanism::MessagePassing, Dir::Right, i);
            break;
        case EventKind::ShmRead:
            step(Mechanism::SharedMemory, Dir::Right, i);
            break;
        default:
            break;
        }
    }
    return curves;
}

} // namespace ipclab::ui
