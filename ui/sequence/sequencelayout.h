#pragma once
// Where things go in the message sequence chart: one column per process and per mailbox
// that carried a message (a mailbox sits right of its first sender, so arrows read left
// to right), and one row per event that the chart draws (a send, a receive, a block or a
// wake-up), so a run that happens all at one tick still reads top to bottom.

#include "messageflow.h"
#include "trace.h"

#include <cstddef>
#include <vector>

namespace ipclab::ui {

struct SequenceColumn {
    bool mailbox = false;
    int index = -1; ///< process index, or trace object index for a mailbox
};

struct SequenceLayout {
    std::vector<SequenceColumn> columns;
    std::vector<int> processColumn;        ///< process -> column
    std::vector<int> objectColumn;         ///< trace object -> column (-1: no life line)
    std::vector<std::size_t> rowEvents;    ///< row -> event index, increasing
    std::vector<MessageFlow> messages;     ///< every message of the run
    std::vector<BlockedSpan> blocked;      ///< every blocked stretch
    std::vector<std::size_t> terminatedAt; ///< process -> event index (kNever: never)

    /// The row of the first drawn event at or after `event` (rows() when none).
    std::size_t rowAtOrAfter(std::size_t event) const;
    std::size_t rows() const { return rowEvents.size(); }
};

SequenceLayout layoutSequence(const Trace& trace);

} // namespace ipclab::ui
