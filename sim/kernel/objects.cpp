#include "objects.h"

#include <algorithm>

namespace ipclab {

void MessageQueue::push(const Message& m) {
    if (m_count == m_buf.size()) {
        // Unroll the ring into a larger buffer, oldest first.
        std::vector<Message> bigger;
        bigger.reserve(std::max<std::size_t>(8, m_buf.size() * 2));
        for (std::size_t i = 0; i < m_count; ++i) {
            bigger.push_back(m_buf[(m_head + i) % m_buf.size()]);
        }
        bigger.resize(bigger.capacity());
        m_buf = std::move(bigger);
        m_head = 0;
    }
    m_buf[(m_head + m_count) % m_buf.size()] = m;
    ++m_count;
}

Message MessageQueue::pop() {
    Message m = m_buf[m_head];
    m_head = (m_head + 1) % m_buf.size();
    --m_count;
    return m;
}

void WaitQueue::remove(int proc) {
    m_procs.erase(std::remove(m_procs.begin(), m_procs.end(), proc), m_procs.end());
}

} // namespace ipclab
