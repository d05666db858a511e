#pragma once
// What was written into a shared segment, as the lecture's picture needs it: the cells
// stay what was last written until the segment is gone (a removed segment keeps showing
// its last contents, faded), and a segment's box is sized for the most cells it holds.

#include "trace.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

namespace ipclab {

/// Segment `object`'s cells after the first `upTo` events: every offset written since the
/// segment was last created, with the value last written there. Unlike SystemState's
/// cells, a removal does not clear them (the picture shows what the segment held).
std::map<std::int64_t, std::string> cellsWritten(const Trace& trace, int object, std::size_t upTo);

/// The number of distinct offsets segment `object` is ever written at in the run.
std::size_t distinctCellsWritten(const Trace& trace, int object);

} // namespace ipclab
