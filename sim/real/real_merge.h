#pragma once
// Turns the records the children wrote into one Trace ordered by time, as the simulator's:
// per-process streams are merged so that a message is never received before it was sent.

#include "real_plan.h"
#include "real_shared.h"
#include "scenario.h"
#include "trace.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ipclab::real {

/// How one child ended, as the runner saw it.
struct ChildEnd {
    bool exited = false;         ///< exited normally (status valid)
    int status = 0;              ///< exit status or signal number
    bool killedByRunner = false; ///< the watchdog (or a refusal) ended it
    bool inCall = false;         ///< it was inside a blocking call when it ended
    bool awaiting = false;       ///< ... or waiting for an object to be created (no call)
    std::uint64_t callStart = 0; ///< that call: when it began (ns since run start)
    std::uint8_t callOp = 0;
    std::uint8_t callSyscall = 0;
    std::uint16_t callObject = 0xFFFF;
    std::uint16_t callLine = 0;
    /// The kernel's context switch counts at its end (wait4's rusage; -1: unknown).
    std::int64_t voluntarySwitches = -1;
    std::int64_t involuntarySwitches = -1;
};

/// Everything the runner hands over to build the trace.
struct MergeInput {
    std::vector<std::vector<Record>> records; ///< per process
    std::vector<ChildEnd> ends;               ///< per process
    Outcome outcome = Outcome::Completed;
    std::uint64_t endNs = 0;
};

/// Fills `trace` (already carrying title, engine and notes) from the children's records.
void mergeRecords(const Scenario& scenario, const RunPlan& plan, MergeInput& input, Trace& trace);

} // namespace ipclab::real
