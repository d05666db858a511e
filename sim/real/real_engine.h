#pragma once
// Real-IPC mode: runs a Scenario across fork()ed processes with real Linux IPC objects
// and records the same kind of Trace the simulator does (times in nanoseconds).

#include <cstdint>
#include <string>

#include "scenario.h"
#include "trace.h"

namespace ipclab {

struct RealOptions {
    double timeoutSeconds = 5.0; ///< watchdog: a run with no progress this long ends
};

/// Run `scenario` for real. Never throws for a scenario that loaded; refusals (limits)
/// come back as Outcome::Error with the reason in Trace::notes.
Trace runReal(const Scenario& scenario, const RealOptions& options = {});

} // namespace ipclab
