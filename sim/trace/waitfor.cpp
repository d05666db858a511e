#include "waitfor.h"

#include <algorithm>
#include <functional>
#include <string>

namespace ipclab {

namespace {

/// A program laid out flat, in execution order, with the body ranges of the repeats
/// around each operation.
struct FlatOp {
    const Operation* op = nullptr;
    std::vector<std::pair<std::size_t, std::size_t>> loops; ///< [begin, end) of each body
};

void flatten(const std::vector<Operation>& program,
             std::vector<std::pair<std::size_t, std::size_t>>& loops, std::vector<FlatOp>& out) {
    for (const Operation& op : program) {
        if (op.kind == OpKind::If) {
            // Either branch may run: both are laid out, in file order.
            out.push_back(FlatOp{&op, loops});
            flatten(op.body, loops, out);
            flatten(op.elseBody, loops, out);
            continue;
        }
        if (op.kind != OpKind::Repeat && op.kind != OpKind::While) {
            out.push_back(FlatOp{&op, loops});
            continue;
        }
        const std::size_t begin = out.size();
        loops.emplace_back(begin, begin);
        const std::size_t depth = loops.size();
        flatten(op.body, loops, out);
        // The body's range is known only now: patch it into every operation inside.
        for (std::size_t i = begin; i < out.size(); ++i) {
            out[i].loops[depth - 1].second = out.size();
        }
        loops.pop_back();
    }
}

/// Whether process `q`, at the operation of `status`, may still do something `wanted`.
bool mayStillDo(const ProcessSpec& spec, const ProcessStatus& status,
                const std::function<bool(const Operation&)>& wanted) {
    if (status.state == ProcState::Terminated) {
        return false;
    }
    std::vector<FlatOp> flat;
    std::vector<std::pair<std::size_t, std::size_t>> loops;
    flatten(spec.program, loops, flat);
    // Where it is: the first operation on its line (of its kind, when one is); line 0 is
    // before its first operation.
    std::size_t at = 0;
    if (status.line != 0) {
        auto onLine = [&](bool sameKind) {
            return std::find_if(flat.begin(), flat.end(), [&](const FlatOp& f) {
                return f.op->pos.line == status.line && (!sameKind || f.op->kind == status.op);
            });
        };
        auto it = onLine(true);
        if (it == flat.end()) {
            it = onLine(false);
        }
        at = it == flat.end() ? 0 : static_cast<std::size_t>(it - flat.begin());
    }
    std::vector<char> reachable(flat.size(), 0);
    for (std::size_t i = at; i < flat.size(); ++i) {
        reachable[i] = 1;
    }
    if (at < flat.size()) {
        for (const auto& [begin, end] : flat[at].loops) {
            std::fill(reachable.begin() + static_cast<std::ptrdiff_t>(begin),
                      reachable.begin() + static_cast<std::ptrdiff_t>(end), 1);
        }
    }
    for (std::size_t i = 0; i < flat.size(); ++i) {
        if (reachable[i] != 0 && wanted(*flat[i].op)) {
            return true;
        }
    }
    return false;
}

bool everCreated(const Trace& trace, int object) {
    return std::any_of(trace.events.begin(), trace.events.end(), [object](const Event& e) {
        return e.kind == EventKind::ObjCreated && e.object == object;
    });
}

OpKind creatorOf(ObjectKind kind) {
    switch (kind) {
    case ObjectKind::Mailbox:
        return OpKind::MailboxCreate;
    case ObjectKind::Segment:
        return OpKind::ShmCreate;
    case ObjectKind::Semaphore:
        return OpKind::SemCreate;
    case ObjectKind::Link:
        break;
    }
    return OpKind::Connect;
}

} // namespace

std::vector<int> releasersOf(const Scenario& scenario, const Trace& trace, const SystemState& end,
                             int p) {
    std::vector<int> out;
    if (p < 0 || static_cast<std::size_t>(p) >= end.processes.size()) {
        return out;
    }
    const ProcessStatus& me = end.processes[static_cast<std::size_t>(p)];
    if (me.state != ProcState::Blocked) {
        return out;
    }
    const int object = me.blockedObject;
    const bool known = object >= 0 && static_cast<std::size_t>(object) < trace.objects.size() &&
                       static_cast<std::size_t>(object) < end.objects.size();
    const ObjectInfo* info = known ? &trace.objects[static_cast<std::size_t>(object)] : nullptr;
    const std::string myName = scenario.processes.size() > static_cast<std::size_t>(p)
                                   ? scenario.processes[static_cast<std::size_t>(p)].name
                                   : std::string();
    auto live = [&](int q) {
        return q >= 0 && static_cast<std::size_t>(q) < end.processes.size() &&
               end.processes[static_cast<std::size_t>(q)].state != ProcState::Terminated;
    };
    auto add = [&](int q) {
        if (live(q) && std::find(out.begin(), out.end(), q) == out.end()) {
            out.push_back(q);
        }
    };
    std::function<bool(const Operation&)> wanted;
    if (info != nullptr && info->kind == ObjectKind::Link) {
        add(info->endA == p ? info->endB : info->endA);
        return out;
    }
    if (info != nullptr && !everCreated(trace, object)) {
        const OpKind create = creatorOf(info->kind);
        wanted = [create, info](const Operation& op) {
            return op.kind == create && op.object == info->name;
        };
    } else if (info != nullptr && info->kind == ObjectKind::Semaphore) {
        std::vector<int> holders = end.objects[static_cast<std::size_t>(object)].holders;
        std::sort(holders.begin(), holders.end());
        for (int q : holders) {
            add(q);
        }
        wanted = [info](const Operation& op) {
            return op.kind == OpKind::SemPost && op.object == info->name;
        };
    } else if (info != nullptr && info->kind == ObjectKind::Mailbox) {
        // Waiting to receive needs a sender; waiting with a message (full mailbox, or a
        // rendezvous's acknowledgement) needs a receiver.
        const OpKind other = me.blockedOp == OpKind::Receive ? OpKind::Send : OpKind::Receive;
        wanted = [other, info](const Operation& op) {
            return op.kind == other && op.peerKind == PeerKind::Mailbox && op.object == info->name;
        };
    } else if (info == nullptr && me.blockedOp == OpKind::Receive) {
        wanted = [&myName](const Operation& op) {
            return op.kind == OpKind::Send && op.peerKind == PeerKind::Process &&
                   op.object == myName;
        };
    } else {
        return out;
    }
    for (std::size_t q = 0; q < scenario.processes.size() && q < end.processes.size(); ++q) {
        if (static_cast<int>(q) != p &&
            mayStillDo(scenario.processes[q], end.processes[q], wanted)) {
            add(static_cast<int>(q));
        }
    }
    return out;
}

std::vector<WaitEdge> waitForCycle(const Scenario& scenario, const Trace& trace,
                                   const SystemState& end) {
    const int n = static_cast<int>(end.processes.size());
    auto blocked = [&](int p) {
        return end.processes[static_cast<std::size_t>(p)].state == ProcState::Blocked;
    };
    std::vector<std::vector<int>> edges(static_cast<std::size_t>(n));
    for (int p = 0; p < n; ++p) {
        edges[static_cast<std::size_t>(p)] = releasersOf(scenario, trace, end, p);
    }
    auto edgeOf = [&](int p, int holder) {
        const ProcessStatus& s = end.processes[static_cast<std::size_t>(p)];
        return WaitEdge{p, s.blockedOp, s.blockedObject, holder};
    };
    // Depth-first search for a cycle among blocked processes, in index order, so the same
    // deadlock always yields the same cycle.
    std::vector<int> path;
    std::vector<char> done(static_cast<std::size_t>(n), 0);
    std::vector<WaitEdge> cycle;
    std::function<bool(int)> visit = [&](int p) {
        auto onPath = std::find(path.begin(), path.end(), p);
        if (onPath != path.end()) {
            for (auto it = onPath; it != path.end(); ++it) {
                const int holder = (it + 1 == path.end()) ? p : *(it + 1);
                cycle.push_back(edgeOf(*it, holder));
            }
            return true;
        }
        if (done[static_cast<std::size_t>(p)] != 0) {
            return false;
        }
        path.push_back(p);
        for (int h : edges[static_cast<std::size_t>(p)]) {
            if (blocked(h) && visit(h)) {
                return true;
            }
        }
        path.pop_back();
        done[static_cast<std::size_t>(p)] = 1;
        return false;
    };
    for (int p = 0; p < n; ++p) {
        if (blocked(p) && visit(p)) {
            auto first = std::min_element(
                cycle.begin(), cycle.end(),
                [](const WaitEdge& a, const WaitEdge& b) { return a.proc < b.proc; });
            std::rotate(cycle.begin(), first, cycle.end());
            return cycle;
        }
    }
    // No cycle: everyone blocked waits for something nobody (or nobody blocked) will do.
    for (int p = 0; p < n; ++p) {
        if (blocked(p)) {
            const auto& h = edges[static_cast<std::size_t>(p)];
            cycle.push_back(edgeOf(p, h.empty() ? -1 : h.front()));
        }
    }
    return cycle;
}

std::vector<WaitEdge> waitForCycle(const Scenario& scenario, const Trace& trace) {
    SystemState end = initialState(trace);
    for (const Event& e : trace.events) {
        applyEvent(end, trace, e);
    }
    return waitForCycle(scenario, trace, end);
}

} // namespace ipclab
