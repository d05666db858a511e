#pragma once
// Who talked to whom, as facts of a run: every message from its send to its receive (the
// message sequence chart's arrows), when each process was blocked (the chart's life lines),
// and which processes used each mailbox (the system view connects them).

#include "trace.h"

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace ipclab {

inline constexpr std::size_t kNever = std::numeric_limits<std::size_t>::max();

/// One message: it entered `object` (a mailbox or a link) at event `sentAt` and was taken
/// by `receiver` at event `receivedAt` (kNever: still queued at the end of the run).
struct MessageFlow {
    int id = 0;
    int sender = -1;
    int receiver = -1;
    int object = -1;
    std::size_t sentAt = kNever;
    std::size_t receivedAt = kNever;
    std::string text;
};

/// Every message of the run, in sending order.
std::vector<MessageFlow> messageFlows(const Trace& trace);

/// A stretch of a process's life spent blocked: from the event that blocked it to the one
/// that woke it (kNever: still blocked at the end).
struct BlockedSpan {
    int proc = -1;
    int object = -1; ///< what it waited on (-1: a process or any link)
    OpKind op = OpKind::Compute;
    std::size_t from = 0;
    std::size_t to = kNever;
};

/// Every blocked stretch, in the order they began.
std::vector<BlockedSpan> blockedSpans(const Trace& trace);

/// A process's first use of a mailbox: sent to it or received from it (or blocked on it).
struct MailboxUse {
    int object = -1;
    int proc = -1;
    bool sends = false;    ///< ever sent to it
    bool receives = false; ///< ever received (or waited to receive) from it
    std::size_t firstAt = 0;
};

/// One entry per (mailbox, process) pair that ever met, in the order of their first use;
/// `sends` / `receives` accumulate over the whole run.
std::vector<MailboxUse> mailboxUsers(const Trace& trace);

} // namespace ipclab
