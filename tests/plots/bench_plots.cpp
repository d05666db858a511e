// Not a test: times the charts on a long simulated run (>= 100k events).
//   bench_plots [rounds]   (default 12000 rounds per pair)
// Prints the trace size, setRun time per view, and the mean / max time of setCursor plus the
// replot it triggers, done at once and painted (flushReplot), at random cursor positions
// (the state lookup is timed apart). Wall time and this thread's CPU time are both given:
// on a loaded machine the CPU time is the figure to trust.

#include "kernel.h"
#include "loader.h"
#include "state.h"
#include "syscallchartview.h"
#include "timelineview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>
#include <random>
#include <string>

using namespace ipclab;

namespace {

std::string scenarioText(int rounds) {
    const std::string n = std::to_string(rounds);
    return "scenario: plots bench\n"
           "kernel: { cpus: 2, scheduler: round-robin, quantum: 2, seed: 1 }\n"
           "processes:\n"
           "  - name: sender\n"
           "    program:\n"
           "      - mailbox_create: { name: M, capacity: 4 }\n"
           "      - repeat: " +
           n +
           "\n"
           "        do:\n"
           "          - send: { mailbox: M, message: \"item {i}\" }\n"
           "  - name: receiver\n"
           "    start: 1\n"
           "    program:\n"
           "      - repeat: " +
           n +
           "\n"
           "        do:\n"
           "          - receive: { mailbox: M, into: x }\n"
           "          - compute: 1\n"
           "  - name: writer\n"
           "    program:\n"
           "      - shm_create: { name: S, key: 7, size: 64, mode: \"0600\" }\n"
           "      - shm_attach: S\n"
           "      - repeat: " +
           n +
           "\n"
           "        do:\n"
           "          - write: { segment: S, offset: 0, value: \"{i}\" }\n"
           "          - compute: 1\n"
           "  - name: reader\n"
           "    start: 1\n"
           "    program:\n"
           "      - shm_attach: S\n"
           "      - repeat: " +
           n +
           "\n"
           "        do:\n"
           "          - read: { segment: S, offset: 0, into: y }\n"
           "          - compute: 1\n";
}

double cpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

template <typename View>
void benchView(const char* name, View& view, std::shared_ptr<const Scenario> scenario,
               std::shared_ptr<const Trace> trace, StateCursor& cursor) {
    view.resize(1280, 720);
    QElapsedTimer timer;
    timer.start();
    view.setRun(scenario, trace);
    view.flushReplot();
    const double setRunMs = timer.nsecsElapsed() / 1e6;

    std::mt19937 rng(1);
    std::uniform_int_distribution<std::size_t> pick(0, trace->events.size());
    constexpr int kMoves = 200;
    double stateMs = 0;
    double viewMs = 0;
    double viewCpuMs = 0;
    double worstMs = 0;
    for (int i = 0; i < kMoves; ++i) {
        const std::size_t k = pick(rng);
        timer.restart();
        const SystemState& state = cursor.at(k);
        stateMs += timer.nsecsElapsed() / 1e6;
        timer.restart();
        const double cpuStart = cpuMs();
        view.setCursor(k, state);
        view.flushReplot();
        viewCpuMs += cpuMs() - cpuStart;
        const double ms = timer.nsecsElapsed() / 1e6;
        viewMs += ms;
        worstMs = std::max(worstMs, ms);
    }
    std::printf("%-9s setRun+first replot %7.1f ms | setCursor+replot mean %6.2f ms "
                "(cpu %6.2f ms), max %6.2f ms | StateCursor::at mean %5.2f ms\n",
                name, setRunMs, viewMs / kMoves, viewCpuMs / kMoves, worstMs, stateMs / kMoves);
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 12000;
    const LoadResult loaded = loadScenarioText(scenarioText(rounds), "bench.yaml");
    if (!loaded.ok()) {
        for (const Diagnostic& d : loaded.diagnostics) {
            std::fprintf(stderr, "%s\n", d.format().c_str());
        }
        return 1;
    }
    auto scenario = std::make_shared<const Scenario>(*loaded.scenario);
    QElapsedTimer timer;
    timer.start();
    auto trace = std::make_shared<const Trace>(simulate(*scenario).trace);
    std::printf("trace: %zu events, simulated in %.1f ms\n", trace->events.size(),
                timer.nsecsElapsed() / 1e6);
    StateCursor cursor(trace);
    ipclab::ui::TimelineView timeline;
    benchView("timeline", timeline, scenario, trace, cursor);
    ipclab::ui::SyscallChartView syscalls;
    benchView("syscalls", syscalls, scenario, trace, cursor);
    return 0;
}
