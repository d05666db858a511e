#include "instrument.h"

#include "event.h"
#include "real_engine.h"

#include <signal.h>
#include <string>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vector>

namespace ipclab::bench {

InstrumentArea::InstrumentArea() {
    std::string error;
    m_shared.create(2, 1, 0, RealOptions{}.ringBytes, error);
    m_drainer = fork();
    if (m_drainer == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        std::vector<unsigned char> sink;
        // The runner keeps what it drains; so does this, into memory touched once.
        sink.resize(64u << 20);
        sink.clear();
        for (;;) {
            m_shared.waitForDrainRequest(real::kRunnerTickNs);
            for (int i = 0; i < 2; ++i) {
                real::drainRing(m_shared.child(i), m_shared.ring(i), m_shared.ringBytes(), sink);
            }
            if (sink.size() > (48u << 20)) {
                sink.clear(); // keeps its capacity: no new pages
            }
        }
    }
}

InstrumentArea::~InstrumentArea() {
    if (m_drainer > 0) {
        kill(m_drainer, SIGKILL);
        waitpid(m_drainer, nullptr, 0);
    }
}

Instrument::Instrument(real::SharedArea& shared, int side)
    : m_status(shared.child(side)), m_ring(shared, side) {
}

void Instrument::record(real::Sys sys, bool send, std::string_view text, std::uint64_t t0,
                        std::uint64_t t1) {
    real::RecordHeader h;
    h.time = t0;
    h.type = static_cast<std::uint8_t>(EventKind::Syscall);
    h.op = static_cast<std::uint8_t>(send ? OpKind::Send : OpKind::Receive);
    h.extra = static_cast<std::uint8_t>(sys);
    h.object = 0;
    h.a = static_cast<std::int32_t>(text.size());
    m_ring.put(h);
    h.time = t1;
    h.type = static_cast<std::uint8_t>(send ? EventKind::MsgSent : EventKind::MsgReceived);
    h.a = static_cast<std::int32_t>(++m_id);
    m_ring.put(h, text);
    h.type = real::kRecTiming;
    h.time = t0;
    h.aux = t1 - t0;
    m_ring.put(h);
}

} // namespace ipclab::bench
