#include "manualrun.h"

#include <algorithm>

namespace ipclab {

ManualRun::ManualRun(std::shared_ptr<const Scenario> scenario, RunOptions options)
    : m_scenario(std::move(scenario)), m_options(std::move(options)) {
    rerun();
}

void ManualRun::setChoices(std::vector<int> choices) {
    m_schedule.choices = std::move(choices);
    rerun();
}

void ManualRun::rerun() {
    m_replay = replaySchedule(m_scenario, m_schedule, m_options);
    // A choice the run could not take (the list came from elsewhere): keep what was used.
    m_schedule.choices.resize(m_replay.points.size());
}

std::optional<std::size_t> ManualRun::choicePointAt(std::size_t position) const {
    const auto& points = m_replay.points;
    const auto it = std::find_if(points.begin(), points.end(),
                                 [&](const ChoicePoint& p) { return p.event >= position; });
    if (it != points.end()) {
        return static_cast<std::size_t>(it - points.begin());
    }
    if (m_replay.trace.outcome == Outcome::AwaitingChoice) {
        return points.size();
    }
    return std::nullopt;
}

std::vector<int> ManualRun::runnableAt(std::size_t position) const {
    const auto at = choicePointAt(position);
    if (!at) {
        return {};
    }
    return *at < m_replay.points.size() ? m_replay.points[*at].runnable : m_replay.pending;
}

std::optional<std::size_t> ManualRun::choose(std::size_t position, int proc) {
    const auto at = choicePointAt(position);
    const std::vector<int> runnable = runnableAt(position);
    if (!at || std::find(runnable.begin(), runnable.end(), proc) == runnable.end()) {
        return std::nullopt;
    }
    m_schedule.choices.resize(*at);
    m_schedule.choices.push_back(proc);
    rerun();
    if (*at >= m_replay.points.size()) {
        return m_replay.trace.events.size(); // cannot happen: the choice was runnable
    }
    // Just past the choice taking effect: its preemption and the dispatch it makes.
    const auto& events = m_replay.trace.events;
    std::size_t k = m_replay.points[*at].event + 1;
    while (k < events.size()) {
        const Event& e = events[k];
        const bool follows =
            e.kind == EventKind::Preempt || e.kind == EventKind::Dispatch ||
            (e.kind == EventKind::State && (static_cast<ProcState>(e.a) == ProcState::Ready ||
                                            static_cast<ProcState>(e.a) == ProcState::Running));
        if (!follows) {
            break;
        }
        ++k;
    }
    return k;
}

} // namespace ipclab
