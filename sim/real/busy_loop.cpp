#include "busy_loop.h"

#include <algorithm>
#include <time.h>

namespace ipclab::real {

namespace {

void spinIterations(std::uint64_t n) {
    // volatile keeps the compiler from folding the loop away.
    volatile std::uint64_t sink = 0;
    for (std::uint64_t i = 0; i < n; ++i) {
        sink = sink + i;
    }
}

} // namespace

std::uint64_t monotonicNs() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<std::uint64_t>(ts.tv_sec) * 1000000000ull +
           static_cast<std::uint64_t>(ts.tv_nsec);
}

double busyIterationsPerMicrosecond() {
    static double cached = 0;
    if (cached > 0) {
        return cached;
    }
    // The fastest of a few 2 ms samples: the one least disturbed by other work.
    double best = 0;
    for (int sample = 0; sample < 5; ++sample) {
        const std::uint64_t n = 200000;
        const std::uint64_t t0 = monotonicNs();
        spinIterations(n);
        const std::uint64_t dt = std::max<std::uint64_t>(monotonicNs() - t0, 1);
        best = std::max(best, static_cast<double>(n) * 1000.0 / static_cast<double>(dt));
    }
    cached = best;
    return cached;
}

void busySpin(std::uint64_t ns, double iterationsPerMicrosecond) {
    spinIterations(
        static_cast<std::uint64_t>(static_cast<double>(ns) / 1000.0 * iterationsPerMicrosecond));
}

} // namespace ipclab::real
