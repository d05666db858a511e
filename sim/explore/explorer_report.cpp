// The explorer's report: JSON for programs (the contract of issue 12), text for people.

#include "explorer.h"

#include <charconv>
#include <nlohmann/json.hpp>

namespace ipclab {

namespace {

std::string nameOf(const Scenario& s, int p) {
    return p >= 0 && static_cast<std::size_t>(p) < s.processes.size()
               ? s.processes[static_cast<std::size_t>(p)].name
               : std::string("?");
}

/// An observed value: a JSON number when it is an integer, else its text; null if unset.
nlohmann::json valueJson(const std::optional<std::string>& v) {
    if (!v) {
        return nullptr;
    }
    long long n = 0;
    const auto* end = v->data() + v->size();
    const auto r = std::from_chars(v->data(), end, n);
    if (!v->empty() && r.ec == std::errc() && r.ptr == end) {
        return n;
    }
    return *v;
}

} // namespace

std::string explorationToJson(const Exploration& e, const Scenario& scenario) {
    nlohmann::json j;
    j["scenario"] = scenario.title;
    j["states"] = e.states;
    j["schedules"] = e.schedules;
    j["complete"] = e.complete;
    j["transitions"] = e.transitions;
    j["cycles"] = e.cycles;
    j["observe"] = e.observe;
    j["outcomes"] = nlohmann::json::array();
    for (const ExploredOutcome& o : e.outcomes) {
        nlohmann::json out;
        out["outcome"] = std::string(outcomeName(o.outcome));
        out["observed"] = nlohmann::json::object();
        for (std::size_t i = 0; i < o.observed.size() && i < e.observe.size(); ++i) {
            out["observed"][e.observe[i]] = valueJson(o.observed[i]);
        }
        if (o.outcome == Outcome::Deadlock) {
            nlohmann::json cycle = nlohmann::json::array();
            for (const int p : o.deadlockCycle) {
                cycle.push_back(nameOf(scenario, p));
            }
            out["cycle"] = cycle;
        }
        out["schedules"] = o.schedules;
        nlohmann::json witness = nlohmann::json::array();
        for (const int p : o.witness.choices) {
            witness.push_back(nameOf(scenario, p));
        }
        out["witness"] = witness;
        out["schedule"] = formatSchedule(o.witness, scenario);
        j["outcomes"].push_back(out);
    }
    j["notes"] = e.notes;
    return j.dump(2) + "\n";
}

std::string explorationToText(const Exploration& e, const Scenario& scenario) {
    std::string out = "explored " + std::to_string(e.states) + " states, " +
                      std::to_string(e.schedules) + " schedules" +
                      (e.complete ? " (complete)" : " (incomplete: stopped early)") + "\n";
    for (const std::string& note : e.notes) {
        out += "note: " + note + "\n";
    }
    out += std::to_string(e.outcomes.size()) +
           (e.outcomes.size() == 1 ? " outcome:\n" : " outcomes:\n");
    for (const ExploredOutcome& o : e.outcomes) {
        out += "  " + std::string(outcomeName(o.outcome));
        for (std::size_t i = 0; i < o.observed.size() && i < e.observe.size(); ++i) {
            out += (i == 0 ? "  " : ", ") + e.observe[i] + " = " + o.observed[i].value_or("unset");
        }
        if (o.outcome == Outcome::Deadlock) {
            out += "  cycle:";
            for (const int p : o.deadlockCycle) {
                out += " " + nameOf(scenario, p);
            }
        }
        out += "\n    schedules: " + std::to_string(o.schedules) +
               "\n    witness:   " + formatSchedule(o.witness, scenario) + "\n";
    }
    return out;
}

} // namespace ipclab
