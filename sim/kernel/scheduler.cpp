#include "scheduler.h"

#include <algorithm>

namespace ipclab {

std::uint64_t SplitMix64::next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

Scheduler::Scheduler(SchedulerPolicy policy, std::uint64_t seed, std::vector<int> priorities,
                     std::vector<int> choices)
    : m_policy(policy), m_random(seed), m_priorities(std::move(priorities)),
      m_choices(std::move(choices)) {
    m_ready.reserve(m_priorities.size());
}

bool Scheduler::usesQuantum() const {
    return m_policy == SchedulerPolicy::RoundRobin || m_policy == SchedulerPolicy::Random ||
           m_policy == SchedulerPolicy::Manual;
}

int Scheduler::take(std::size_t index) {
    const int proc = m_ready[index];
    m_ready.erase(m_ready.begin() + static_cast<std::ptrdiff_t>(index));
    return proc;
}

bool Scheduler::remove(int proc) {
    const auto it = std::find(m_ready.begin(), m_ready.end(), proc);
    if (it == m_ready.end()) {
        return false;
    }
    m_ready.erase(it);
    return true;
}

int Scheduler::bestPriority() const {
    int best = m_priorities[static_cast<std::size_t>(m_ready.front())];
    for (int p : m_ready) {
        best = std::min(best, m_priorities[static_cast<std::size_t>(p)]);
    }
    return best;
}

int Scheduler::pick() {
    switch (m_policy) {
    case SchedulerPolicy::Fcfs:
    case SchedulerPolicy::RoundRobin:
        return take(0);
    case SchedulerPolicy::Priority: {
        const int best = bestPriority();
        for (std::size_t i = 0; i < m_ready.size(); ++i) {
            if (priority(m_ready[i]) == best) {
                return take(i);
            }
        }
        return take(0);
    }
    case SchedulerPolicy::Random:
        return take(m_ready.size() == 1 ? 0 : m_random.below(m_ready.size()));
    case SchedulerPolicy::Manual: {
        if (m_ready.size() == 1) {
            return take(0);
        }
        if (m_nextChoice >= m_choices.size()) {
            return kNeedChoice;
        }
        const int wanted = m_choices[m_nextChoice];
        auto it = std::find(m_ready.begin(), m_ready.end(), wanted);
        if (it == m_ready.end()) {
            return kNeedChoice;
        }
        ++m_nextChoice;
        return take(static_cast<std::size_t>(it - m_ready.begin()));
    }
    }
    return take(0);
}

} // namespace ipclab
