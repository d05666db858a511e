#include "real_plan.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <set>
#include <sys/random.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <unistd.h>

namespace ipclab::real {

gid_t runGroup(pid_t runner) {
    return static_cast<gid_t>(1900000000u + (static_cast<unsigned>(runner) & 0xFFFFFu));
}

bool isRunKey(long key) {
    return (static_cast<unsigned long>(key) & 0xC0000000ul) == kRunKeyMark;
}

int RunPlan::link(int a, int b) const {
    auto it = links.find({std::min(a, b), std::max(a, b)});
    return it == links.end() ? -1 : it->second;
}

namespace {

/// Random bytes from the kernel; false when it has none to give (never a weak fallback:
/// a guessable name or key is what lets another user squat on it).
bool randomBytes(void* out, std::size_t n) {
    auto* p = static_cast<unsigned char*>(out);
    while (n > 0) {
        const ssize_t got = getrandom(p, n, 0);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got <= 0) {
            return false;
        }
        p += got;
        n -= static_cast<std::size_t>(got);
    }
    return true;
}

/// 96 random bits as hex: one per queue, so that no name can be guessed from another.
std::optional<std::string> randomToken() {
    unsigned char bytes[12] = {};
    if (!randomBytes(bytes, sizeof bytes)) {
        return std::nullopt;
    }
    char text[2 * sizeof bytes + 1];
    for (std::size_t i = 0; i < sizeof bytes; ++i) {
        std::snprintf(text + 2 * i, 3, "%02x", bytes[i]);
    }
    return std::string(text, 2 * sizeof bytes);
}

/// A random System V key, distinct within the run. The runner does not ask the kernel
/// whether it is free: such a probe would be an IPC call outside the scenario's count (and
/// would prove nothing, since anyone may take the key a moment later). The child creates
/// with IPC_EXCL, so a key someone else holds makes the run refuse, never share; with 30
/// random bits a chance collision is about one in a billion.
std::optional<key_t> freeKey(ObjectKind, std::set<key_t>& used) {
    for (int attempt = 0; attempt < 64; ++attempt) {
        std::uint32_t r = 0;
        if (!randomBytes(&r, sizeof r)) {
            return std::nullopt;
        }
        const auto key = static_cast<key_t>(kRunKeyMark | (r & ~0xC0000000u));
        if (used.insert(key).second) {
            return key;
        }
    }
    return std::nullopt;
}

} // namespace

RunPlan makePlan(const Scenario& scenario, pid_t runner, const SystemLimits& limits,
                 bool runAsScenarioUids) {
    RunPlan plan;
    plan.runner = runner;
    std::set<key_t> usedKeys;
    auto key = [&](ObjectKind kind) {
        const auto k = freeKey(kind, usedKeys);
        if (!k && plan.error.empty()) {
            plan.error = "no random System V key could be drawn (getrandom failed or every "
                         "key drawn was in use)";
        }
        return k.value_or(0);
    };
    plan.enforceUids = geteuid() == 0 && runAsScenarioUids;
    plan.runGid = runGroup(runner);
    const std::int64_t longest = longestMessage(scenario);
    plan.msgSize =
        std::min<long>(limits.msgsizeMax, static_cast<long>(longest) + kMessageHeaderBytes);
    plan.msgSize = std::max<long>(plan.msgSize, kMessageHeaderBytes);
    int queues = 0;
    auto mqName = [&] {
        const auto token = randomToken();
        if (!token && plan.error.empty()) {
            plan.error = "no random queue name could be drawn (getrandom failed)";
        }
        return "/ipclab." + std::to_string(runner) + "." + token.value_or("0") + "." +
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
                o.key = key(ObjectKind::Segment);
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
                o.key = key(ObjectKind::Semaphore);
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
