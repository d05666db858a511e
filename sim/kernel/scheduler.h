#pragma once
// The ready queue and the policy that picks from it.

#include "scenario.h"

#include <cstdint>
#include <vector>

namespace ipclab {

/// splitmix64: tiny, seedable and the same on every platform and standard library.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next();
    /// Uniform in [0, n) for n > 0 (the bias of `%` is irrelevant for n <= 64).
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

private:
    std::uint64_t m_state;
};

/// Owns the ready queue. Invariant: every ready process is in it exactly once, in the
/// order it became ready.
class Scheduler {
public:
    /// pick() result when the manual policy needs a choice it was not given.
    static constexpr int kNeedChoice = -2;

    Scheduler(SchedulerPolicy policy, std::uint64_t seed, std::vector<int> priorities,
              std::vector<int> choices);

    SchedulerPolicy policy() const { return m_policy; }
    /// Round-robin, random and manual take the CPU away when a quantum expires.
    bool usesQuantum() const;
    bool empty() const { return m_ready.empty(); }
    std::size_t size() const { return m_ready.size(); }
    const std::vector<int>& ready() const { return m_ready; }

    void add(int proc) { m_ready.push_back(proc); }
    /// Takes `proc` out of the queue (a choice made by the caller); false if not there.
    bool remove(int proc);
    /// Changes the policy mid-run (a schedule handed over to the scenario's policy).
    void setPolicy(SchedulerPolicy policy) { m_policy = policy; }
    /// Removes and returns the process to run next, or kNeedChoice.
    int pick();
    /// Priority policy: the smallest priority number waiting (only when not empty).
    int bestPriority() const;
    int priority(int proc) const { return m_priorities[static_cast<std::size_t>(proc)]; }

private:
    int take(std::size_t index);

    SchedulerPolicy m_policy;
    SplitMix64 m_random;
    std::vector<int> m_priorities;
    std::vector<int> m_choices;
    std::size_t m_nextChoice = 0;
    std::vector<int> m_ready;
};

} // namespace ipclab
