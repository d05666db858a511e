#include "scenario.h"

#include <array>

namespace ipclab {

namespace {
constexpr std::array<std::string_view, kOpKindCount> kOpNames = {
    "compute",        "send",       "receive",    "connect",    "disconnect", "mailbox_create",
    "mailbox_delete", "shm_create", "shm_attach", "shm_detach", "shm_remove", "read",
    "write",          "sem_create", "sem_wait",   "sem_post",   "set",        "add",
    "repeat",         "say",        "ask",        "while",      "if",
};
constexpr std::array<std::string_view, 5> kPolicyNames = {"fcfs", "round-robin", "priority",
                                                          "random", "manual"};
} // namespace

namespace {
bool onlyLooks(const std::vector<Operation>& ops) {
    for (const Operation& op : ops) {
        const bool looks = op.kind == OpKind::Read || op.kind == OpKind::Say ||
                           (op.kind == OpKind::Receive && !op.blocking) ||
                           ((op.kind == OpKind::If || op.kind == OpKind::While) &&
                            onlyLooks(op.body) && onlyLooks(op.elseBody));
        if (!looks) {
            return false;
        }
    }
    return true;
}
} // namespace

bool isWaitingLoop(const Operation& loop) {
    return loop.kind == OpKind::While && onlyLooks(loop.body);
}

std::string_view opName(OpKind kind) {
    return kOpNames.at(static_cast<std::size_t>(kind));
}

std::optional<OpKind> opFromName(std::string_view name) {
    for (std::size_t i = 0; i < kOpNames.size(); ++i) {
        if (kOpNames[i] == name) {
            return static_cast<OpKind>(i);
        }
    }
    return std::nullopt;
}

std::string_view policyName(SchedulerPolicy policy) {
    return kPolicyNames.at(static_cast<std::size_t>(policy));
}

std::optional<SchedulerPolicy> policyFromName(std::string_view name) {
    for (std::size_t i = 0; i < kPolicyNames.size(); ++i) {
        if (kPolicyNames[i] == name) {
            return static_cast<SchedulerPolicy>(i);
        }
    }
    return std::nullopt;
}

int Scenario::processIndex(std::string_view name) const {
    for (std::size_t i = 0; i < processes.size(); ++i) {
        if (processes[i].name == name) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

} // namespace ipclab
