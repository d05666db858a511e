#pragma once
// The kernel's compact form of a Value (value.h): an integer or an interned text, so that
// copying a value in the hot loop never allocates.

#include "event.h"

#include <cstdint>

namespace ipclab {

/// An integer or a text held by the run's StringPool. Invariant: `text` is valid
/// whenever `isInt` is false.
struct SimValue {
    bool isInt = true;
    std::int64_t num = 0;
    StringId text = kNoString;

    static SimValue integer(std::int64_t v) { return SimValue{true, v, kNoString}; }
    static SimValue string(StringId id) { return SimValue{false, 0, id}; }
};

/// A local variable: a value once something was stored in it.
struct Local {
    bool isSet = false;
    SimValue value;
};

} // namespace ipclab
