#pragma once
// Helpers for the real-mode tests: leak snapshots of the system's IPC tables, and the
// facts of a trace that both engines must agree on (by name, since object ids differ).

#include "scenario.h"
#include "trace.h"

#include <map>
#include <set>
#include <string>
#include <sys/types.h>
#include <vector>

namespace ipclab::test {

/// The run's IPC objects that exist now: System V segments and semaphores with a run key
/// made in `runner`'s private group (or by this user when uids are not enforced), POSIX
/// queues named after it (when /dev/mqueue is mounted), plus its registry file.
std::set<std::string> leftovers(pid_t runner);
/// Mounts the mqueue file system on /dev/mqueue when it is not (root only); true when
/// queues can be listed.
bool queuesListable();
/// Processes whose parent is `parent` (from /proc).
std::vector<pid_t> childrenOf(pid_t parent);

/// Why real mode cannot count with the kernel's perf counters here (tracefs not mounted,
/// perf events not permitted), checked as a run checks; empty when it can.
std::string perfCountingUnavailable();
/// The fallback a run that asked for perf counting reports here when it cannot have it.
CountingFallback expectedFallback();
/// What each counting method promises about Trace::measuredSyscalls, checked on a finished
/// run: the calls that reached the kernel, as the trace records them (perf_event: counted
/// by the kernel; self: by the runner), clean-up apart; socketpair is the runner's, one
/// per link. Empty when kept, else what differs.
std::vector<std::string> countingBroken(const Trace& real);

/// What a run did, in terms that do not depend on the engine's object numbering.
struct RunFacts {
    /// Counted syscalls per process and operation, socketpair left out (see byOp).
    std::map<std::string, std::map<std::string, std::int64_t>> syscallsByProcOp;
    /// Counted syscalls per operation, socketpair apart as "(links opened)".
    std::map<std::string, std::int64_t> byOp;
    std::multiset<std::string> received; ///< "receiver<-sender: text"
    std::multiset<std::string> receivedTexts;
    std::map<std::string, std::string> lastWrites; ///< "segment@offset" -> value
    std::map<std::string, std::string> locals;     ///< "proc.var" -> final value
    std::int64_t sent = 0;
};
RunFacts factsOf(const Scenario& scenario, const Trace& trace);

/// Lines describing where two sets of facts differ (empty when they agree on `parts`).
enum FactParts : unsigned {
    kCounts = 1,   ///< syscalls per process and operation
    kMessages = 2, ///< who received what from whom
    kTexts = 4,    ///< which texts were received (by anyone)
    kMemory = 8,   ///< last value written at each place of each segment
    kLocals = 16,  ///< every process's variables at the end
    kAll = 31,
};
std::vector<std::string> differences(const RunFacts& sim, const RunFacts& real, unsigned parts);

} // namespace ipclab::test
