#include "real_shared.h"

#include <algorithm>
#include <cstring>
#include <linux/futex.h>
#include <new>
#include <sched.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

namespace ipclab::real {

namespace {
constexpr std::size_t align(std::size_t n, std::size_t to) {
    return (n + to - 1) & ~(to - 1);
}
} // namespace

SharedArea::~SharedArea() {
    if (m_base != nullptr) {
        munmap(m_base, m_size);
    }
}

bool SharedArea::create(int children, int objects, std::size_t tagBytes, std::size_t ringBytes,
                        std::string& error) {
    if (ringBytes == 0) {
        ringBytes = std::clamp(kRingBudgetBytes / static_cast<std::size_t>(std::max(children, 1)),
                               kRingMinBytes, kRingMaxBytes);
    }
    m_ringBytes = align(ringBytes, 4096);
    m_childOffset = align(sizeof(Header), 64);
    m_objectOffset = align(m_childOffset + sizeof(ChildStatus) * children, 64);
    m_tagOffset = align(m_objectOffset + sizeof(ObjectShared) * objects, 64);
    m_ringOffset = align(m_tagOffset + tagBytes, 4096);
    m_size = m_ringOffset + m_ringBytes * children;
    void* p = mmap(nullptr, m_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        error = std::string("cannot map the shared event area: ") + std::strerror(errno);
        m_base = nullptr;
        return false;
    }
    m_base = static_cast<unsigned char*>(p);
    // The first write to a page faults, and on this kind of VM a fault costs ~30 us. fork()
    // does not copy a shared mapping's page tables, so every process faults on its own
    // first touch anyway: the runner writes what all share (status, objects, tags) now;
    // each child faults in its own ring itself (RingWriter), in parallel, before the gate.
    std::memset(m_base, 0, m_ringOffset);
    new (m_base) Header{};
    for (int i = 0; i < children; ++i) {
        new (&child(i)) ChildStatus{};
    }
    for (int i = 0; i < objects; ++i) {
        new (&object(i)) ObjectShared{};
    }
    return true;
}

std::atomic<std::uint32_t>& SharedArea::gate() {
    return reinterpret_cast<Header*>(m_base)->gate;
}
std::atomic<std::uint32_t>& SharedArea::nextMessageId() {
    return reinterpret_cast<Header*>(m_base)->nextMessageId;
}
std::atomic<std::int32_t>& SharedArea::foreignObject() {
    return reinterpret_cast<Header*>(m_base)->foreignObject;
}
std::atomic<std::uint32_t>& SharedArea::drainRequest() {
    return reinterpret_cast<Header*>(m_base)->drainRequest;
}

void SharedArea::waitForDrainRequest(std::uint64_t ns) {
    auto& word = drainRequest();
    if (word.exchange(0) == 0) {
        const timespec timeout{static_cast<time_t>(ns / 1000000000ull),
                               static_cast<long>(ns % 1000000000ull)};
        syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(&word), FUTEX_WAIT, 0, &timeout,
                nullptr, 0);
        word.store(0);
    }
}

std::uint64_t& SharedArea::startNs() {
    return reinterpret_cast<Header*>(m_base)->startNs;
}
ChildStatus& SharedArea::child(int i) {
    return reinterpret_cast<ChildStatus*>(m_base + m_childOffset)[i];
}
ObjectShared& SharedArea::object(int i) {
    return reinterpret_cast<ObjectShared*>(m_base + m_objectOffset)[i];
}
unsigned char* SharedArea::tags(std::size_t offset) {
    return m_base + m_tagOffset + offset;
}
unsigned char* SharedArea::ring(int i) {
    return m_base + m_ringOffset + m_ringBytes * static_cast<std::size_t>(i);
}

RingWriter::RingWriter(SharedArea& area, int child)
    : m_status(area.child(child)), m_ring(area.ring(child)), m_bytes(area.ringBytes()),
      m_drain(area.drainRequest()) {
    if (madvise(m_ring, m_bytes, MADV_POPULATE_WRITE) != 0) {
        // Before Linux 5.14: a write per page does the same.
        for (std::size_t i = 0; i < m_bytes; i += 4096) {
            reinterpret_cast<volatile unsigned char*>(m_ring)[i] = 0;
        }
    }
}

void RingWriter::put(const RecordHeader& header, std::string_view text, std::string_view name) {
    RecordHeader h = header;
    h.textLen = static_cast<std::uint16_t>(std::min<std::size_t>(text.size(), 0xFFFF));
    h.nameLen = static_cast<std::uint16_t>(std::min<std::size_t>(name.size(), 0xFFFF));
    const std::size_t size = align(sizeof h + h.textLen + h.nameLen, 8);
    std::size_t pos = m_head % m_bytes;
    std::size_t need = size;
    const bool wraps = pos + size > m_bytes;
    if (wraps) {
        need += m_bytes - pos; // the skipped tail of the ring
    }
    while (m_head + need - m_status.tail.load(std::memory_order_acquire) > m_bytes) {
        // Full: make sure the runner knows, and give it the CPU (a sleep would last a
        // timer tick, far longer than a drain takes).
        askForDrain();
        sched_yield();
    }
    if (wraps) {
        if (m_bytes - pos >= sizeof(RecordHeader)) {
            RecordHeader pad;
            pad.type = kRecPad;
            std::memcpy(m_ring + pos, &pad, sizeof pad);
        }
        m_head += m_bytes - pos;
        pos = 0;
    }
    std::memcpy(m_ring + pos, &h, sizeof h);
    // An empty string_view may carry a null pointer, which memcpy must never see.
    if (h.textLen > 0) {
        std::memcpy(m_ring + pos + sizeof h, text.data(), h.textLen);
    }
    if (h.nameLen > 0) {
        std::memcpy(m_ring + pos + sizeof h + h.textLen, name.data(), h.nameLen);
    }
    m_head += size;
    m_status.head.store(m_head, std::memory_order_release);
    const std::uint64_t used = m_head - m_status.tail.load(std::memory_order_relaxed);
    if (used > m_bytes / 2) {
        if (!m_asked) {
            askForDrain(); // one futex wake per half ring, so recording rarely calls
            m_asked = true;
        }
    } else {
        m_asked = false;
    }
}

void RingWriter::askForDrain() {
    if (m_drain.exchange(1) == 0) {
        syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(&m_drain), FUTEX_WAKE, 1, nullptr,
                nullptr, 0);
    }
}

void drainRing(ChildStatus& status, const unsigned char* ring, std::size_t bytes,
               std::vector<unsigned char>& out) {
    std::uint64_t tail = status.tail.load(std::memory_order_relaxed);
    const std::uint64_t head = status.head.load(std::memory_order_acquire);
    while (tail < head) {
        const std::size_t pos = tail % bytes;
        if (bytes - pos < sizeof(RecordHeader)) {
            tail += bytes - pos; // too short for a record: the writer skipped it
            continue;
        }
        // The stretch of whole records from here to a pad, the ring's end or head.
        std::size_t end = pos;
        std::uint64_t t = tail;
        while (t < head && t % bytes == end && bytes - end >= sizeof(RecordHeader)) {
            RecordHeader h;
            std::memcpy(&h, ring + end, sizeof h);
            if (h.type == kRecPad) {
                break;
            }
            const std::size_t size = align(sizeof h + h.textLen + h.nameLen, 8);
            end += size;
            t += size;
        }
        if (end == pos) {
            tail += bytes - pos; // a pad: the next record is at the ring's start
            continue;
        }
        out.insert(out.end(), ring + pos, ring + end);
        tail = t;
    }
    status.tail.store(tail, std::memory_order_release);
}

std::vector<Record> decodeRecords(const std::vector<unsigned char>& raw) {
    std::vector<Record> out;
    std::size_t pos = 0;
    while (pos + sizeof(RecordHeader) <= raw.size()) {
        Record r;
        std::memcpy(&r.h, raw.data() + pos, sizeof r.h);
        const unsigned char* body = raw.data() + pos + sizeof r.h;
        r.text.assign(reinterpret_cast<const char*>(body), r.h.textLen);
        r.name.assign(reinterpret_cast<const char*>(body + r.h.textLen), r.h.nameLen);
        pos += align(sizeof r.h + r.h.textLen + r.h.nameLen, 8);
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace ipclab::real
