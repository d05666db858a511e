// bench_explore: the interleaving explorer's speed on the bundled race and deadlock
// lessons — distinct states per second on one core and the search's bytes per state.
// Usage: bench_explore [SCENARIO_DIR]   (default: the source tree's scenarios/)
// Prints, per lesson: states, schedules, complete, seconds, states/s, bytes/state, and a
// baseline measured in the same run: one plain simulate() of the lesson per state (what
// exploring would cost with a fresh run per state instead of copies and a hash table).

#include "explorer.h"
#include "kernel.h"
#include "loader.h"

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace ipclab;

namespace {

double seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

} // namespace

int main(int argc, char** argv) {
    const std::string dir = argc > 1 ? argv[1] : IPCLAB_BENCH_SCENARIO_DIR;
    const std::vector<std::pair<std::string, std::vector<std::string>>> lessons = {
        {"lost-updates", {"segment(bank, 0)"}},
        {"lost-updates-fixed", {"segment(bank, 0)"}},
        {"deadlock", {}},
        {"deadlock-semaphores", {}},
    };
    std::printf("%-22s %10s %14s %8s %8s %12s %11s %14s\n", "lesson", "states", "schedules",
                "complete", "seconds", "states/s", "bytes/state", "simulate()/s");
    for (const auto& [name, observe] : lessons) {
        LoadResult r = loadScenarioFile(dir + "/" + name + ".yaml");
        if (!r.ok()) {
            std::printf("%-22s cannot load\n", name.c_str());
            continue;
        }
        ExploreOptions o;
        o.observe = observe;
        std::string error;
        const auto start = std::chrono::steady_clock::now();
        const auto e = explore(*r.scenario, o, error);
        const double took = seconds(start);
        if (!e) {
            std::printf("%-22s %s\n", name.c_str(), error.c_str());
            continue;
        }
        // Baseline: whole runs of the lesson for about as long.
        std::size_t runs = 0;
        const auto base = std::chrono::steady_clock::now();
        while (seconds(base) < std::min(took, 2.0) || runs == 0) {
            runs += simulate(*r.scenario).trace.events.size() > 0 ? 1 : 0;
        }
        const double baseRate = static_cast<double>(runs) / seconds(base);
        std::printf("%-22s %10llu %14llu %8s %8.3f %12.0f %11.1f %14.0f\n", name.c_str(),
                    static_cast<unsigned long long>(e->states),
                    static_cast<unsigned long long>(e->schedules), e->complete ? "yes" : "no", took,
                    static_cast<double>(e->states) / took,
                    static_cast<double>(e->bytes) / static_cast<double>(e->states), baseRate);
    }
    return 0;
}
