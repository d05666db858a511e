#include "schedule.h"

#include "simulation.h"

#include <charconv>

namespace ipclab {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

bool parseCount(std::string_view s, long long& out) {
    const auto* end = s.data() + s.size();
    const auto r = std::from_chars(s.data(), end, out);
    return !s.empty() && r.ec == std::errc() && r.ptr == end;
}

int processIndex(std::string_view name, const Scenario& scenario) {
    for (std::size_t p = 0; p < scenario.processes.size(); ++p) {
        if (scenario.processes[p].name == name) {
            return static_cast<int>(p);
        }
    }
    long long index = -1;
    if (parseCount(name, index) && index >= 0 &&
        index < static_cast<long long>(scenario.processes.size())) {
        return static_cast<int>(index);
    }
    return -1;
}

std::string names(const std::vector<int>& procs, const Scenario& scenario) {
    std::string out;
    for (const int p : procs) {
        out += (out.empty() ? "" : ", ") + scenario.processes[static_cast<std::size_t>(p)].name;
    }
    return out;
}

} // namespace

std::optional<Schedule> parseSchedule(std::string_view text, const Scenario& scenario,
                                      std::string& error) {
    Schedule s;
    std::size_t entry = 0;
    while (!text.empty() || entry == 0) {
        const std::size_t comma = text.find(',');
        const std::string_view item = trim(text.substr(0, comma));
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
        ++entry;
        if (s.thenPolicy) {
            error = "\"...\" must be the schedule's last entry";
            return std::nullopt;
        }
        if (item == "...") {
            s.thenPolicy = true;
            continue;
        }
        if (item.empty()) {
            if (entry == 1 && text.empty()) {
                break; // the empty schedule: stop at the first choice point
            }
            error = "entry " + std::to_string(entry) + " is empty";
            return std::nullopt;
        }
        const std::size_t star = item.find('*');
        const std::string_view name = trim(item.substr(0, star));
        long long times = 1;
        if (star != std::string_view::npos &&
            (!parseCount(trim(item.substr(star + 1)), times) || times < 1 || times > 1000000)) {
            error = "entry " + std::to_string(entry) + " (\"" + std::string(item) +
                    "\"): expected NAME*N with N from 1 to 1000000";
            return std::nullopt;
        }
        const int p = processIndex(name, scenario);
        if (p < 0) {
            error = "entry " + std::to_string(entry) + ": no process \"" + std::string(name) +
                    "\" (processes: ";
            for (std::size_t i = 0; i < scenario.processes.size(); ++i) {
                error += (i ? ", " : "") + scenario.processes[i].name;
            }
            error += ")";
            return std::nullopt;
        }
        s.choices.insert(s.choices.end(), static_cast<std::size_t>(times), p);
    }
    return s;
}

std::string formatSchedule(const Schedule& schedule, const Scenario& scenario) {
    std::string out;
    for (std::size_t i = 0; i < schedule.choices.size();) {
        std::size_t j = i;
        while (j < schedule.choices.size() && schedule.choices[j] == schedule.choices[i]) {
            ++j;
        }
        out += (out.empty() ? "" : ",") +
               scenario.processes[static_cast<std::size_t>(schedule.choices[i])].name;
        if (j - i > 1) {
            out += "*" + std::to_string(j - i);
        }
        i = j;
    }
    if (schedule.thenPolicy) {
        out += out.empty() ? "..." : ",...";
    }
    return out;
}

Replay replaySchedule(const std::shared_ptr<const Scenario>& scenario, const Schedule& schedule,
                      const RunOptions& options) {
    Replay replay;
    Simulation sim(scenario, options, true);
    std::size_t next = 0;
    while (sim.advance()) {
        if (next == schedule.choices.size() && schedule.thenPolicy) {
            sim.handOver();
            continue;
        }
        if (next == schedule.choices.size() || !sim.choose(schedule.choices[next])) {
            if (next < schedule.choices.size()) {
                replay.error =
                    "choice " + std::to_string(next + 1) + ": " +
                    scenario->processes[static_cast<std::size_t>(schedule.choices[next])].name +
                    " cannot run there (runnable: " + names(sim.runnable(), *scenario) + ")";
            }
            replay.pending = sim.runnable();
            sim.stopAwaitingChoice();
            break;
        }
        replay.points.push_back(
            ChoicePoint{sim.trace().events.size(), sim.runnable(), schedule.choices[next]});
        ++next;
    }
    replay.trace = sim.takeTrace();
    return replay;
}

} // namespace ipclab
