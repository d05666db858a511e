#include "real_shared.h"

#include <cstring>
#include <new>
#include <sys/mman.h>
#include <time.h>

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
    m_ringBytes = align(ringBytes, 4096);
    m_childOffset = align(sizeof(Header), 64);
    m_objectOffset = align(m_childOffset + sizeof(ChildStatus) * children, 64);
    m_tagOffset = align(m_objectOffset + sizeof(ObjectShared) * objects, 64);
    m_ringOffset = align(m_tagOffset + tagBytes, 4096);
    m_size = m_ringOffset + m_ringBytes * children;
    // A page touched for the first time costs a fault, and on a VM a fault costs tens of
    // microseconds: prefault the area when it is small enough, so recording never
    // faults; a larger area (many processes) is reserved lazily instead.
    constexpr std::size_t kPrefaultLimit = 64u << 20;
    const int populate = m_size <= kPrefaultLimit ? MAP_POPULATE : MAP_NORESERVE;
    void* p =
        mmap(nullptr, m_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | populate, -1, 0);
    if (p == MAP_FAILED) {
        error = std::string("cannot map the shared event area: ") + std::strerror(errno);
        m_base = nullptr;
        return false;
    }
    m_base = static_cast<unsigned char*>(p);
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
        const timespec pause{0, 200000};
        nanosleep(&pause, nullptr);
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
    std::memcpy(m_ring + pos + sizeof h, text.data(), h.textLen);
    std::memcpy(m_ring + pos + sizeof h + h.textLen, name.data(), h.nameLen);
    m_head += size;
    m_status.head.store(m_head, std::memory_order_release);
}

std::size_t drainRing(ChildStatus& status, const unsigned char* ring, std::size_t bytes,
                      std::vector<Record>& out) {
    std::uint64_t tail = status.tail.load(std::memory_order_relaxed);
    const std::uint64_t head = status.head.load(std::memory_order_acquire);
    std::size_t moved = 0;
    while (tail < head) {
        const std::size_t pos = tail % bytes;
        if (bytes - pos < sizeof(RecordHeader)) {
            tail += bytes - pos;
            continue;
        }
        Record r;
        std::memcpy(&r.h, ring + pos, sizeof r.h);
        if (r.h.type == kRecPad) {
            tail += bytes - pos;
            continue;
        }
        const unsigned char* body = ring + pos + sizeof r.h;
        r.text.assign(reinterpret_cast<const char*>(body), r.h.textLen);
        r.name.assign(reinterpret_cast<const char*>(body + r.h.textLen), r.h.nameLen);
        tail += align(sizeof r.h + r.h.textLen + r.h.nameLen, 8);
        out.push_back(std::move(r));
        ++moved;
    }
    status.tail.store(tail, std::memory_order_release);
    return moved;
}

} // namespace ipclab::real
