#pragma once
// The one interface every view implements: it is handed a trace once, then told where
// the cursor is. Views never talk to an engine; they draw "the system at event k".

#include "scenario.h"
#include "state.h"
#include "trace.h"

#include <cstddef>
#include <memory>

namespace ipclab::ui {

class TraceView {
public:
    virtual ~TraceView() = default;
    /// A new run to show (scenario for names and programs, trace for events). Called
    /// before any setCursor; the pointers stay valid until the next setRun.
    virtual void setRun(std::shared_ptr<const Scenario> scenario,
                        std::shared_ptr<const Trace> trace) = 0;
    /// The cursor moved: `state` is the system after the first `index` events.
    virtual void setCursor(std::size_t index, const SystemState& state) = 0;
};

} // namespace ipclab::ui
