#pragma once
// What real mode adds to one message operation, done exactly as the engine's child does
// it: two clock reads, the watchdog's status stores, a Syscall record, the message record
// with its text, and an OpTiming record, all into a ring in shared memory that a
// separate drainer process empties as the runner does (when a ring is half full, and looks
// every kRunnerTickNs).

#include "busy_loop.h"
#include "real_shared.h"
#include "syscall_counter.h"

#include <cstdint>
#include <string_view>
#include <sys/types.h>

namespace ipclab::bench {

/// The shared rings for two sides plus their drainer. Create before fork.
class InstrumentArea {
public:
    InstrumentArea();
    ~InstrumentArea();
    real::SharedArea& shared() { return m_shared; }

private:
    real::SharedArea m_shared;
    pid_t m_drainer = -1;
};

/// One side's instrumentation.
class Instrument {
public:
    Instrument(real::SharedArea& shared, int side);
    template <typename F> void call(real::Sys sys, bool send, std::string_view text, F&& f) {
        const std::uint64_t t0 = real::monotonicNs();
        m_status.callStart = t0;
        m_status.callSyscall = static_cast<std::uint8_t>(sys);
        m_status.phase.store(real::InCall, std::memory_order_release);
        f();
        const std::uint64_t t1 = real::monotonicNs();
        m_status.phase.store(real::Running, std::memory_order_release);
        m_status.callSeq.fetch_add(1, std::memory_order_relaxed);
        record(sys, send, text, t0, t1);
    }

private:
    void record(real::Sys sys, bool send, std::string_view text, std::uint64_t t0,
                std::uint64_t t1);
    real::ChildStatus& m_status; // before m_ring: initialised first
    real::RingWriter m_ring;
    std::uint32_t m_id = 0;
};

} // namespace ipclab::bench
