#pragma once
// The cost of the current step, as the lecture counts it: the system calls the operation
// that just happened made (named, e.g. "mq_timedsend"), or none at all for a read or write
// of a mapped shared segment. A fold over a trace prefix, for the views' "+1" badge.

#include "trace.h"

#include <cstddef>
#include <string>
#include <vector>

namespace ipclab {

struct StepCost {
    int proc = -1;                     ///< who paid (-1: the step was no operation)
    OpKind op = OpKind::Compute;       ///< the operation
    int object = -1;                   ///< the object it was on (-1: none)
    std::vector<std::string> syscalls; ///< counted calls of the step, in order
    bool sharedMemory = false;         ///< a read/write of a mapped segment: no syscall
    bool refused = false;              ///< the last call failed (e.g. permission denied)
    CallResult result = CallResult::Ok;
};

/// The cost of the operation whose events end at event `k - 1` (the cursor after k events):
/// the events just before it that belong to the same process and source line. Empty
/// (proc == -1) when the last event is not part of an operation (a dispatch, a compute, a
/// caption).
StepCost stepCost(const Trace& trace, std::size_t k);

} // namespace ipclab
