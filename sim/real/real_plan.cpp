#include "real_plan.h"

#include <algorithm>
#include <cstdio>
#include <sys/random.h>
#include <unistd.h>

namespace ipclab::real {

key_t sysvKey(pid_t pid, int n) {
    return static_cast<key_t>((1u << 30) | ((static_cast<unsigned>(pid) & 0x3FFFFFu) << 8) |
                              (static_cast<unsigned>(n) & 0xFFu));
}

int RunPlan::link(int a, int b) const {
    auto it = links.find({std::min(a, b), std::max(a, b)});
    return it == links.end() ? -1 : it->second;
}

namespace {

std::string randomToken() {
    unsigned char bytes[6] = {};
    if (getrandom(bytes, sizeof bytes, 0) != static_cast<ssize_t>(sizeof bytes)) {
        // Without entropy the names are still unique (pid); only less hard to guess.
        const auto t = static_cast<unsigned long>(getpid()) * 2654435761u;
        for (std::size_t i = 0; i < sizeof bytes; ++i) {
            bytes[i] = static_cast<unsigned char>(t >> (i * 5));
        }
    }
    char text[13];
    for (std::size_t i = 0; i < sizeof bytes; ++i) {
        std::snprintf(text + 2 * i, 3, "%02x", bytes[i]);
    }
    return std::string(text, 12);
}

} // namespace

RunPlan makePlan(const Scenario& scenario, pid_t runner, const SystemLimits& limits,
                 bool runAsScenarioUids) {
    RunPlan plan;
    plan.runner = runner;
    plan.token = randomToken();
    plan.enforceUids = geteuid() == 0 && runAsScenarioUids;
    // A group id no login group is likely to use; all children share it so that queues
    // and semaphores (mode 0660) are theirs alone while segments keep the scenario's mode.
    plan.runGid = static_cast<gid_t>(1900000000u + (static_cast<unsigned>(runner) & 0xFFFFFu));
    const std::int64_t longest = longestMessage(scenario);
    plan.msgSize =
        std::min<long>(limits.msgsizeMax, static_cast<long>(longest) + kMessageHeaderBytes);
    plan.msgSize = std::max<long>(plan.msgSize, kMessageHeaderBytes);
    int sysvSegments = 0;
    int sysvSemaphores = 0;
    int queues = 0;
    auto mqName = [&] {
        return "/ipclab." + std::to_string(runner) + "." + plan.token + "." +
               std::to_string(queues++);
    };
    auto addLink = [&](int a, int b) {
        if (a < 0 || b < 0 || a == b) {
            return;
        }
        const auto key = std::make_pair(std::min(a, b), std::max(a, b));
        if (plan.links.count(key) != 0) {
            return;
        }
        PlannedObject o;
        o.kind = ObjectKind::Link;
        o.endA = key.first;
        o.endB = key.second;
        o.capacity = kUnbounded;
        o.name = scenario.processes[o.endA].name + "<->" + scenario.processes[o.endB].name;
        plan.links[key] = static_cast<int>(plan.objects.size());
        plan.objects.push_back(std::move(o));
    };
    forEachOperation(scenario, [&](int proc, const Operation& op) {
        switch (op.kind) {
        case OpKind::MailboxCreate:
            if (plan.mailboxes.count(op.object) == 0) {
                PlannedObject o;
                o.kind = ObjectKind::Mailbox;
                o.name = op.object;
                o.capacity = op.capacity;
                o.maxMsg = op.capacity == 0 ? 1
                           : op.capacity == kUnbounded
                               ? limits.msgMax
                               : std::min<long>(limits.msgMax, static_cast<long>(op.capacity));
                o.mqName = mqName();
                if (op.capacity == 0) {
                    o.mqAckName = mqName();
                }
                plan.mailboxes[op.object] = static_cast<int>(plan.objects.size());
                plan.objects.push_back(std::move(o));
            }
            break;
        case OpKind::ShmCreate:
            if (plan.segments.count(op.object) == 0) {
                PlannedObject o;
                o.kind = ObjectKind::Segment;
                o.name = op.object;
                o.size = op.size;
                o.mode = op.mode & 0777;
                // Children share one group, so the kernel would apply the group bits to
                // every other scenario uid; the scenario means the "other" bits for them.
                o.realMode = plan.enforceUids ? ((o.mode & 0707) | ((o.mode & 07) << 3)) : o.mode;
                o.scenarioKey = op.key;
                o.key = sysvKey(runner, sysvSegments++);
                o.tagOffset = plan.tagBytes;
                plan.tagBytes += static_cast<std::size_t>(std::max<std::int64_t>(op.size, 0));
                plan.tagBytes = (plan.tagBytes + 63) & ~std::size_t{63};
                plan.segments[op.object] = static_cast<int>(plan.objects.size());
                plan.objects.push_back(std::move(o));
            }
            break;
        case OpKind::SemCreate:
            if (plan.semaphores.count(op.object) == 0) {
                PlannedObject o;
                o.kind = ObjectKind::Semaphore;
                o.name = op.object;
                o.initial = op.value;
                o.key = sysvKey(runner, sysvSemaphores++);
                plan.semaphores[op.object] = static_cast<int>(plan.objects.size());
                plan.objects.push_back(std::move(o));
            }
            break;
        case OpKind::Connect:
        case OpKind::Disconnect:
            addLink(proc, scenario.processIndex(op.object));
            break;
        case OpKind::Send:
        case OpKind::Receive:
            if (op.peerKind == PeerKind::Process) {
                addLink(proc, scenario.processIndex(op.object));
            }
            break;
        default:
            break;
        }
    });
    return plan;
}

} // namespace ipclab::real
