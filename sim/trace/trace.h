#pragma once
// A run's complete record: events in order plus the tables they index into.

#include "event.h"
#include "scenario.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ipclab {

enum class ObjectKind : std::uint8_t { Mailbox, Link, Segment, Semaphore };
std::string_view objectKindName(ObjectKind kind); // "mailbox", "link", "segment", "semaphore"

/// Which engine made a trace.
enum class Engine : std::uint8_t { Sim, Real };
std::string_view engineName(Engine engine); // "sim", "real"
std::optional<Engine> engineFromName(std::string_view name);

/// What a trace's times count: simulated ticks or nanoseconds of wall clock.
enum class TimeUnit : std::uint8_t { Tick, Nanosecond };
std::string_view timeUnitName(TimeUnit unit); // "tick", "ns"
std::optional<TimeUnit> timeUnitFromName(std::string_view name);

/// Who counted the system calls: the simulator, the kernel's own counters (perf events on
/// raw_syscalls:sys_enter) or the real-mode runner counting the calls it made itself.
enum class CountingMethod : std::uint8_t { Simulated, PerfEvent, Self };
std::string_view countingMethodName(CountingMethod method); // "simulated", "perf_event", "self"
std::optional<CountingMethod> countingMethodFromName(std::string_view name);

/// Why real mode counted its system calls itself instead of with the kernel's counters.
enum class CountingFallback : std::uint8_t {
    None,         ///< the kernel counted (or the simulator did)
    NoTracefs,    ///< no raw_syscalls:sys_enter tracepoint: tracefs is not mounted
    NotPermitted, ///< perf events refused (not root, perf_event_paranoid, a container)
    Declined,     ///< the run asked not to use them (RealOptions::usePerf = false)
};
std::string_view countingFallbackName(CountingFallback f); // "none", "no_tracefs", ...
std::optional<CountingFallback> countingFallbackFromName(std::string_view name);

/// Context switches the kernel counted for one process (real mode: getrusage of the child,
/// from the moment it passed the start gate to its end).
struct KernelSwitches {
    std::int64_t voluntary = 0;   ///< it gave up the CPU: blocked in a call, slept
    std::int64_t involuntary = 0; ///< the scheduler took the CPU from it
    bool operator==(const KernelSwitches&) const = default;
};

/// An IPC object that existed at some point of the run. Links are named "a<->b" and
/// know their two ends; the others carry the scenario's name.
struct ObjectInfo {
    ObjectKind kind = ObjectKind::Mailbox;
    std::string name;
    int endA = -1;             ///< Link: the process that opened it
    int endB = -1;             ///< Link: the other end
    std::int64_t capacity = 0; ///< Mailbox: 0, N or kUnbounded; Link: kUnbounded
    std::int64_t size = 0;     ///< Segment: bytes
    int mode = 0;              ///< Segment: permission bits
    std::string key;           ///< Segment: key as written in the scenario
};

/// One edge of a deadlock's wait-for cycle: `proc` waits in `op` on `object`, which only
/// `holder` could make ready (holder == -1 when nobody can).
struct WaitEdge {
    int proc = -1;
    OpKind op = OpKind::Receive;
    int object = -1;
    int holder = -1;
};

/// Wall-clock duration of one operation in real mode (for median / p99 latencies).
struct OpTiming {
    int proc = -1;
    OpKind op = OpKind::Compute;
    std::uint64_t startNs = 0;
    std::uint64_t durationNs = 0;
};

/// Appended events, interned strings and the object table of one run. Invariant: every
/// StringId and object index in `events` is valid for `strings` / `objects`; events are
/// in non-decreasing time order.
class Trace {
public:
    std::string scenarioTitle;
    Engine engine = Engine::Sim;
    TimeUnit timeUnit = TimeUnit::Tick; ///< ticks (sim) or nanoseconds (real)
    std::uint64_t seed = 1;
    int cpus = 0; ///< CPUs of the run; 0 = unknown (views then size by the events)
    std::vector<std::string> processNames; ///< index = process id
    std::vector<ObjectInfo> objects;
    std::vector<std::string> strings;
    std::vector<Event> events;
    Outcome outcome = Outcome::Completed;
    std::vector<WaitEdge> deadlockCycle; ///< empty unless outcome == Deadlock
    /// Human-readable remarks, e.g. how real mode approximated a setting
    /// ("capacity 50 ran as 10: fs.mqueue.msg_max").
    std::vector<std::string> notes;
    /// How syscalls were counted.
    CountingMethod countingMethod = CountingMethod::Simulated;
    /// Real mode: counts the kernel itself saw, by syscall name. When non-empty the
    /// report's by_syscall is taken from here instead of from the Syscall events.
    /// The runner's own end-of-run clean-up is not in it: see cleanupSyscalls.
    std::map<std::string, std::int64_t> measuredSyscalls;
    /// Real mode: why the kernel did not count (countingMethod == Self).
    CountingFallback countingFallback = CountingFallback::None;
    /// Real mode: the calls the runner made after the run to remove the objects the
    /// scenario left behind (System V objects and queues outlive their processes).
    std::map<std::string, std::int64_t> cleanupSyscalls;
    /// Real mode: per process, the switches the kernel counted; nothing where it could not
    /// (the simulator's switches are its Dispatch events).
    std::vector<std::optional<KernelSwitches>> kernelSwitches;
    std::vector<OpTiming> timings; ///< real mode only

    /// The id of `s`, adding it once.
    StringId intern(std::string_view s);
    const std::string& str(StringId id) const;
    /// The index of the object named `name` of `kind`, or -1.
    int findObject(ObjectKind kind, std::string_view name) const;
    int addObject(ObjectInfo info);
    void push(const Event& e) { events.push_back(e); }

private:
    std::unordered_map<std::string, StringId> m_index;
};

/// True when `a` and `b` record the same run: the same header fields, tables, events and
/// footer, with strings compared by content (their interning order may differ). When they
/// differ and `difference` is given, it says where first ("event 12: text").
bool sameRun(const Trace& a, const Trace& b, std::string* difference = nullptr);

} // namespace ipclab
