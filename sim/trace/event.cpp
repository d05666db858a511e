#include "event.h"

#include <array>

namespace ipclab {

namespace {
template <typename Enum, std::size_t N>
std::string_view nameOf(const std::array<std::string_view, N>& names, Enum value) {
    const auto i = static_cast<std::size_t>(value);
    return i < N ? names[i] : std::string_view("?");
}
} // namespace

std::string_view stateName(ProcState state) {
    static constexpr std::array<std::string_view, 5> names = {"new", "ready", "running", "blocked",
                                                              "terminated"};
    return nameOf(names, state);
}

std::string_view resultName(CallResult result) {
    static constexpr std::array<std::string_view, 6> names = {
        "ok", "would_block", "permission_denied", "no_such_object", "link_closed", "error"};
    return nameOf(names, result);
}

std::string_view outcomeName(Outcome outcome) {
    static constexpr std::array<std::string_view, kOutcomeCount> names = {
        "completed", "deadlock",    "time_limit", "awaiting_choice",
        "error",     "interrupted", "event_limit"};
    return nameOf(names, outcome);
}

std::string_view eventKindName(EventKind kind) {
    static constexpr std::array<std::string_view, 20> names = {
        "run_start", "state",    "dispatch",     "preempt",     "syscall",
        "compute",   "msg_sent", "msg_received", "shm_write",   "shm_read",
        "var_set",   "caption",  "obj_created",  "obj_deleted", "shm_marked",
        "attached",  "detached", "sem_changed",  "run_end",     "choice"};
    return nameOf(names, kind);
}

} // namespace ipclab
