#pragma once
// The one interface every view implements: it is handed a trace once, then told where
// the cursor is. Views never talk to an engine; they draw "the system at event k".

#include "scenario.h"
#include "state.h"
#include "trace.h"

#include <algorithm>
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

    /// "Reveal as you go" (the student's mode, on by default): a view draws only what
    /// happened up to the cursor, the first `index` events, so that nothing spoils a
    /// prediction. Off: the whole run with the cursor marked (an instructor's overview).
    /// RunSession calls setCursor again after a change; a view that needs to redraw more
    /// than the cursor overrides this and calls the base.
    virtual void setRevealAsYouGo(bool on) { m_reveal = on; }
    bool revealAsYouGo() const { return m_reveal; }
    /// The events a view may draw with the cursor at `index` in a run of `length` events:
    /// up to the cursor when revealing, else all of them.
    std::size_t visibleEvents(std::size_t index, std::size_t length) const {
        return m_reveal ? std::min(index, length) : length;
    }

private:
    bool m_reveal = true;
};

} // namespace ipclab::ui
