// Depth-first over the state graph: each frame is a paused Simulation at a choice point;
// each of its options is tried on a copy (the last one takes the frame's own machine).
// A table of state hashes makes equal states one node; the edges are kept so that, at the
// end, one pass in topological order counts the schedules reaching each outcome.

#include "explorer.h"

#include "simulation.h"

#include <algorithm>
#include <limits>
#include <map>

namespace ipclab {

namespace {

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

std::uint64_t saturatingAdd(std::uint64_t a, std::uint64_t b) {
    return a > kMax - b ? kMax : a + b;
}

/// hash -> node, open addressing. Invariant: at most half full; key 0 means empty.
class StateTable {
public:
    StateTable() : m_keys(1 << 16, 0), m_nodes(1 << 16, 0) {}
    /// The node of `hash`, or `fresh` (then remembered) when the hash is new.
    std::uint32_t findOrAdd(std::uint64_t hash, std::uint32_t fresh, bool& added) {
        hash = hash == 0 ? 1 : hash;
        if ((m_size + 1) * 2 > m_keys.size()) {
            grow();
        }
        const std::size_t mask = m_keys.size() - 1;
        for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
            if (m_keys[i] == hash) {
                added = false;
                return m_nodes[i];
            }
            if (m_keys[i] == 0) {
                m_keys[i] = hash;
                m_nodes[i] = fresh;
                ++m_size;
                added = true;
                return fresh;
            }
        }
    }
    std::size_t bytes() const { return m_keys.capacity() * 8 + m_nodes.capacity() * 4; }

private:
    void grow() {
        std::vector<std::uint64_t> keys(m_keys.size() * 2, 0);
        std::vector<std::uint32_t> nodes(keys.size(), 0);
        const std::size_t mask = keys.size() - 1;
        for (std::size_t j = 0; j < m_keys.size(); ++j) {
            if (m_keys[j] == 0) {
                continue;
            }
            std::size_t i = static_cast<std::size_t>(m_keys[j]) & mask;
            while (keys[i] != 0) {
                i = (i + 1) & mask;
            }
            keys[i] = m_keys[j];
            nodes[i] = m_nodes[j];
        }
        m_keys = std::move(keys);
        m_nodes = std::move(nodes);
    }

    std::vector<std::uint64_t> m_keys;
    std::vector<std::uint32_t> m_nodes;
    std::size_t m_size = 0;
};

enum class Mark : std::uint8_t { OnStack, Done };

struct Frame {
    Simulation sim;
    std::uint32_t node;
    std::uint32_t next;
    std::uint32_t count;
};

struct Edge {
    std::uint32_t from;
    std::uint32_t to;
};

class Search {
public:
    Search(const Scenario& scenario, const ExploreOptions& options, std::vector<Observer> observers)
        : m_options(options), m_observers(std::move(observers)) {
        Scenario one = scenario;
        one.kernel.cpus = 1;
        one.kernel.timeLimit = std::numeric_limits<std::int64_t>::max() / 2;
        m_scenario = std::make_shared<const Scenario>(std::move(one));
        m_result.observe.reserve(m_observers.size());
        for (const Observer& o : m_observers) {
            m_result.observe.push_back(o.text);
        }
        if (scenario.kernel.cpus > 1) {
            m_result.notes.push_back("explored on one CPU (the scenario has " +
                                     std::to_string(scenario.kernel.cpus) + ")");
        }
    }

    Exploration run() {
        Simulation root(m_scenario, {}, true);
        root.setRecording(false);
        const bool paused = root.advance();
        bool added = false;
        m_table.findOrAdd(root.stateHash(), newNode(), added);
        if (!paused) {
            finished(0, root);
            m_marks[0] = Mark::Done;
            m_order.push_back(0);
        } else {
            m_marks[0] = Mark::OnStack;
            const auto count = static_cast<std::uint32_t>(root.runnable().size());
            m_stack.push_back(Frame{std::move(root), 0, 0, count});
        }
        m_result.complete = searchFrom();
        while (!m_stack.empty()) { // stopped early: close the frames left
            m_order.push_back(m_stack.back().node);
            m_stack.pop_back();
        }
        countSchedules();
        m_result.states = m_marks.size();
        m_result.transitions = m_edges.size();
        m_result.bytes = m_table.bytes() + m_edges.capacity() * sizeof(Edge) + m_marks.capacity() +
                         m_order.capacity() * 4 + m_terminal.capacity() * 4 +
                         m_marks.size() * 8 /* path counts */;
        sortOutcomes();
        return std::move(m_result);
    }

private:
    std::uint32_t newNode() {
        m_marks.push_back(Mark::OnStack);
        m_terminal.push_back(-1);
        return static_cast<std::uint32_t>(m_marks.size() - 1);
    }

    /// Follows every choice; false when stopped by maxStates or cancel.
    bool searchFrom() {
        std::uint64_t sinceProgress = 0;
        while (!m_stack.empty()) {
            Frame& f = m_stack.back();
            if (f.next == f.count) {
                m_marks[f.node] = Mark::Done;
                m_order.push_back(f.node);
                m_stack.pop_back();
                if (!m_path.empty()) {
                    m_path.pop_back();
                }
                continue;
            }
            const int proc = f.sim.runnable()[f.next];
            const std::uint32_t parent = f.node;
            ++f.next;
            // The last option needs no copy: the frame is done with its machine.
            Simulation child = f.next == f.count ? std::move(f.sim) : f.sim;
            child.choose(proc);
            const bool paused = child.advance();
            bool added = false;
            const auto fresh = static_cast<std::uint32_t>(m_marks.size());
            const std::uint32_t node = m_table.findOrAdd(child.stateHash(), fresh, added);
            m_edges.push_back(Edge{parent, node});
            if (!added) {
                m_result.cycles = m_result.cycles || m_marks[node] == Mark::OnStack;
                continue;
            }
            newNode();
            m_path.push_back(proc);
            if (++sinceProgress == 4096) {
                sinceProgress = 0;
                if (m_options.progress != nullptr) {
                    m_options.progress->store(m_marks.size(), std::memory_order_relaxed);
                }
                if (m_options.cancel != nullptr &&
                    m_options.cancel->load(std::memory_order_relaxed)) {
                    m_result.notes.push_back("cancelled");
                    return false;
                }
            }
            if (!paused) {
                finished(node, child);
                m_marks[node] = Mark::Done;
                m_order.push_back(node);
                m_path.pop_back();
            } else {
                const auto count = static_cast<std::uint32_t>(child.runnable().size());
                m_stack.push_back(Frame{std::move(child), node, 0, count});
            }
            if (m_marks.size() >= m_options.maxStates) {
                return m_stack.empty();
            }
        }
        return true;
    }

    /// A run that ended at `node`: which outcome, and a witness if it is a new one.
    void finished(std::uint32_t node, const Simulation& end) {
        ExploredOutcome o;
        o.outcome = end.outcome();
        for (const Observer& obs : m_observers) {
            o.observed.push_back(observe(obs, end));
        }
        o.witness.choices = m_path;
        if (o.outcome == Outcome::Deadlock) {
            // The explorer keeps no trace; the witness's replay gives the wait-for cycle.
            for (const WaitEdge& w : replaySchedule(m_scenario, o.witness).trace.deadlockCycle) {
                o.deadlockCycle.push_back(w.proc);
            }
        }
        std::string key(1, static_cast<char>(o.outcome));
        for (const auto& v : o.observed) {
            key += v ? "=" + *v : std::string("?");
            key += '\0';
        }
        for (const int p : o.deadlockCycle) {
            key += std::to_string(p) + ",";
        }
        const auto [it, isNew] = m_outcomeByKey.emplace(key, m_result.outcomes.size());
        if (isNew) {
            m_result.outcomes.push_back(std::move(o));
        }
        m_terminal[node] = static_cast<std::int32_t>(it->second);
    }

    /// Schedules per outcome: paths from the start, counted forward in topological order
    /// (the reverse of the order in which nodes were finished); edges back to a node still
    /// on the stack (a cycle) are not followed.
    void countSchedules() {
        const std::size_t n = m_marks.size();
        std::vector<std::uint32_t> position(n, 0);
        for (std::size_t i = 0; i < m_order.size(); ++i) {
            position[m_order[i]] = static_cast<std::uint32_t>(m_order.size() - 1 - i);
        }
        std::vector<std::uint32_t> start(n + 1, 0);
        for (const Edge& e : m_edges) {
            ++start[e.from + 1];
        }
        for (std::size_t i = 0; i < n; ++i) {
            start[i + 1] += start[i];
        }
        std::vector<std::uint32_t> targets(m_edges.size());
        std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
        for (const Edge& e : m_edges) {
            targets[fill[e.from]++] = e.to;
        }
        std::vector<std::uint64_t> paths(n, 0);
        paths[0] = 1;
        for (auto it = m_order.rbegin(); it != m_order.rend(); ++it) {
            const std::uint32_t from = *it;
            for (std::uint32_t k = start[from]; k < start[from + 1]; ++k) {
                const std::uint32_t to = targets[k];
                if (position[to] > position[from]) {
                    paths[to] = saturatingAdd(paths[to], paths[from]);
                }
            }
        }
        for (std::size_t v = 0; v < n; ++v) {
            if (m_terminal[v] >= 0) {
                auto& o = m_result.outcomes[static_cast<std::size_t>(m_terminal[v])];
                o.schedules = saturatingAdd(o.schedules, paths[v]);
                m_result.schedules = saturatingAdd(m_result.schedules, paths[v]);
            }
        }
    }

    void sortOutcomes() {
        auto numberOf = [](const std::optional<std::string>& v, long long& out) {
            if (!v || v->empty()) {
                return false;
            }
            std::size_t used = 0;
            try {
                out = std::stoll(*v, &used);
            } catch (...) {
                return false;
            }
            return used == v->size();
        };
        std::stable_sort(m_result.outcomes.begin(), m_result.outcomes.end(),
                         [&](const ExploredOutcome& a, const ExploredOutcome& b) {
                             if (a.outcome != b.outcome) {
                                 return a.outcome < b.outcome;
                             }
                             for (std::size_t i = 0; i < a.observed.size(); ++i) {
                                 long long x = 0;
                                 long long y = 0;
                                 if (numberOf(a.observed[i], x) && numberOf(b.observed[i], y)) {
                                     if (x != y) {
                                         return x < y;
                                     }
                                 } else if (a.observed[i] != b.observed[i]) {
                                     return a.observed[i] < b.observed[i];
                                 }
                             }
                             return a.deadlockCycle < b.deadlockCycle;
                         });
    }

    std::shared_ptr<const Scenario> m_scenario;
    const ExploreOptions& m_options;
    std::vector<Observer> m_observers;
    Exploration m_result;
    StateTable m_table;
    std::vector<Mark> m_marks;            ///< per node
    std::vector<std::int32_t> m_terminal; ///< per node: its outcome, or -1
    std::vector<Edge> m_edges;
    std::vector<std::uint32_t> m_order; ///< nodes in the order they were finished
    std::vector<Frame> m_stack;
    std::vector<int> m_path; ///< the choices from the start to the top frame
    std::map<std::string, std::size_t> m_outcomeByKey;
};

} // namespace

std::optional<Exploration> explore(const Scenario& scenario, const ExploreOptions& options,
                                   std::string& error) {
    std::vector<Observer> observers;
    for (const std::string& text : options.observe) {
        auto o = parseObserver(text, scenario, error);
        if (!o) {
            error = "--observe \"" + text + "\": " + error;
            return std::nullopt;
        }
        observers.push_back(std::move(*o));
    }
    return Search(scenario, options, std::move(observers)).run();
}

} // namespace ipclab
