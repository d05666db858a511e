#include "trace_json_fields.h"

#include <array>

namespace ipclab::tracejson {

namespace {

constexpr std::array<KindFields, kEventKindCount> kFields = {{
    {},                                                      // run_start
    {"state", Slot::State, "", Slot::None, ""},              // state
    {"ready", Slot::Int, "", Slot::None, ""},                // dispatch
    {},                                                      // preempt
    {"bytes", Slot::Int, "result", Slot::Result, "syscall"}, // syscall
    {"ticks", Slot::Int, "", Slot::None, ""},                // compute
    {"msg", Slot::Int, "queue", Slot::Int, "text"},          // msg_sent
    {"msg", Slot::Int, "from", Slot::Process, "text"},       // msg_received
    {"offset", Slot::Int, "", Slot::None, "value"},          // shm_write
    {"offset", Slot::Int, "", Slot::None, "value"},          // shm_read
    {"", Slot::None, "var", Slot::String, "value"},          // var_set
    {"", Slot::None, "", Slot::None, "text"},                // caption
    {"value", Slot::Int, "", Slot::None, ""},                // obj_created
    {},                                                      // obj_deleted
    {},                                                      // shm_marked
    {"address", Slot::Int, "", Slot::None, ""},              // attached
    {},                                                      // detached
    {"value", Slot::Int, "", Slot::None, ""},                // sem_changed
    {"outcome", Slot::Outcome, "", Slot::None, ""},          // run_end
    {"options", Slot::Int, "among", Slot::Int, ""},          // choice
}};

int enumCount(Slot slot) {
    switch (slot) {
    case Slot::State:
        return 5;
    case Slot::Result:
        return 6;
    case Slot::Outcome:
        return kOutcomeCount;
    default:
        return 0;
    }
}

} // namespace

const KindFields& kindFields(EventKind kind) {
    static const KindFields none;
    const auto i = static_cast<std::size_t>(kind);
    return i < kFields.size() ? kFields[i] : none;
}

std::optional<EventKind> eventKindFromName(std::string_view name) {
    for (int i = 0; i < kEventKindCount; ++i) {
        if (eventKindName(static_cast<EventKind>(i)) == name) {
            return static_cast<EventKind>(i);
        }
    }
    return std::nullopt;
}

std::optional<ObjectKind> objectKindFromName(std::string_view name) {
    for (int i = 0; i < 4; ++i) {
        if (objectKindName(static_cast<ObjectKind>(i)) == name) {
            return static_cast<ObjectKind>(i);
        }
    }
    return std::nullopt;
}

std::string_view slotEnumName(Slot slot, int value) {
    if (value < 0 || value >= enumCount(slot)) {
        return {};
    }
    switch (slot) {
    case Slot::State:
        return stateName(static_cast<ProcState>(value));
    case Slot::Result:
        return resultName(static_cast<CallResult>(value));
    case Slot::Outcome:
        return outcomeName(static_cast<Outcome>(value));
    default:
        return {};
    }
}

std::optional<int> slotEnumFromName(Slot slot, std::string_view name) {
    for (int i = 0; i < enumCount(slot); ++i) {
        if (slotEnumName(slot, i) == name) {
            return i;
        }
    }
    return std::nullopt;
}

} // namespace ipclab::tracejson
