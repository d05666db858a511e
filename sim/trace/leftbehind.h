#pragma once
// What a run leaves behind: on Linux a System V segment or semaphore, and a POSIX message
// queue, outlive the processes that made them until someone removes them. A fold over the
// trace's final state, the same for both engines.

#include "state.h"
#include "trace.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ipclab {

/// The objects alive at a run's end that would leak, and what removing them costs.
struct LeftBehind {
    std::vector<int> objects; ///< trace object indices, in table order
    /// The calls that remove them, by kernel name: one `mq_unlink` per queue (a rendezvous
    /// mailbox is two), `shmctl(IPC_RMID)` per segment, `semctl(IPC_RMID)` per semaphore.
    /// Real mode's runner makes exactly these after a run that ended normally.
    std::map<std::string, std::int64_t> cleanupCalls;
};

/// Links are not listed (their sockets close with their processes), nor a segment already
/// marked for removal (the kernel destroys it at its last detach, at the latest when its
/// processes end).
LeftBehind leftBehind(const Trace& trace, const SystemState& end);

} // namespace ipclab
