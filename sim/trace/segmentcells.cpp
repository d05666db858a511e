#include "segmentcells.h"

#include <algorithm>
#include <set>

namespace ipclab {

std::map<std::int64_t, std::string> cellsWritten(const Trace& trace, int object, std::size_t upTo) {
    std::map<std::int64_t, std::string> cells;
    const std::size_t end = std::min(upTo, trace.events.size());
    for (std::size_t i = 0; i < end; ++i) {
        const Event& e = trace.events[i];
        if (e.object != object) {
            continue;
        }
        if (e.kind == EventKind::ObjCreated) {
            cells.clear();
        } else if (e.kind == EventKind::ShmWrite) {
            cells[e.a] = trace.str(e.text);
        }
    }
    return cells;
}

std::size_t distinctCellsWritten(const Trace& trace, int object) {
    std::set<std::int64_t> offsets;
    for (const Event& e : trace.events) {
        if (e.kind == EventKind::ShmWrite && e.object == object) {
            offsets.insert(e.a);
        }
    }
    return offsets.size();
}

} // namespace ipclab
