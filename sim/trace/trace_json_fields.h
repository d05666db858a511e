#pragma once
// Shared by the JSON-lines writer and reader (internal): what each event kind calls its
// a, b and text slots, and the name <-> enum tables of the stream.

#include "trace.h"

#include <optional>
#include <string_view>

namespace ipclab::tracejson {

inline constexpr int kFormatVersion = 1;
inline constexpr std::string_view kFormatName = "ipclab-trace";

/// How a slot is spelled in JSON.
enum class Slot : std::uint8_t {
    None,    ///< unused by this kind: written as "a"/"b"/"text" only when not default
    Int,     ///< a plain integer
    State,   ///< ProcState name
    Result,  ///< CallResult name
    Outcome, ///< Outcome name
    Process, ///< process name
    String,  ///< a StringId (b of var_set): the string itself
};

struct KindFields {
    std::string_view a;
    Slot aSlot = Slot::None;
    std::string_view b;
    Slot bSlot = Slot::None;
    std::string_view text; ///< empty: the kind has no text slot of its own
};

const KindFields& kindFields(EventKind kind);

inline constexpr int kEventKindCount = 20;

std::optional<EventKind> eventKindFromName(std::string_view name);
std::optional<ObjectKind> objectKindFromName(std::string_view name);
/// Name -> value for the enums a slot may hold; nothing for an unknown name.
std::optional<int> slotEnumFromName(Slot slot, std::string_view name);
/// The enum's name, or empty when the value is out of range (then written as a number).
std::string_view slotEnumName(Slot slot, int value);

} // namespace ipclab::tracejson
