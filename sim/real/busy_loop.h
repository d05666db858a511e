#pragma once
// `compute: N` in real mode: N ticks of a fixed number of nanoseconds, spent in a busy
// loop whose speed is calibrated once per runner (no clock reads, no syscalls inside).

#include <cstdint>

namespace ipclab::real {

/// Loop iterations per microsecond on this machine (measured on first use, then cached).
double busyIterationsPerMicrosecond();
/// Spins for about `ns` nanoseconds using the calibration above.
void busySpin(std::uint64_t ns, double iterationsPerMicrosecond);
/// Nanoseconds of CLOCK_MONOTONIC (vDSO: no syscall).
std::uint64_t monotonicNs();

} // namespace ipclab::real
