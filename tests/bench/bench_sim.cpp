// bench_sim: simulated operations per second and trace bytes per event, on a generated
// scenario mixing compute, mailbox and direct messages, shared memory and semaphores.
// Usage: bench_sim [rounds]   (default 100000 rounds = 1.1 million operations)
// Prints figures and the ratio to a baseline measured in the same run: a bare loop
// appending the same number of Events to a std::vector.

#include "kernel.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <malloc.h>
#include <string>
#include <vector>

using namespace ipclab;

namespace {

Operation op(OpKind kind, std::string object = {}) {
    Operation o;
    o.kind = kind;
    o.object = std::move(object);
    o.pos.line = 1;
    return o;
}

Operation repeat(std::int64_t count, std::vector<Operation> body) {
    Operation o = op(OpKind::Repeat);
    o.count = count;
    o.body = std::move(body);
    return o;
}

ProcessSpec process(std::string name, std::vector<Operation> program) {
    ProcessSpec p;
    p.name = std::move(name);
    p.program = std::move(program);
    return p;
}

/// Four processes on two CPUs; 11 operations per round plus 6 set-up operations.
Scenario generate(std::int64_t rounds) {
    Scenario s;
    s.title = "bench: generated mix";
    s.kernel.cpus = 2;
    s.kernel.scheduler = SchedulerPolicy::RoundRobin;
    s.kernel.quantum = 4;
    s.kernel.timeLimit = std::int64_t(1) << 50;

    Operation create = op(OpKind::MailboxCreate, "M");
    create.capacity = 64;
    Operation shm = op(OpKind::ShmCreate, "board");
    shm.key = "42";
    shm.size = 4096;
    shm.mode = 0666;
    Operation sem = op(OpKind::SemCreate, "items");
    Operation compute = op(OpKind::Compute);
    compute.ticks = 1;
    Operation send = op(OpKind::Send, "M");
    send.peerKind = PeerKind::Mailbox;
    send.text = "item";
    Operation write = op(OpKind::Write, "board");
    write.text = "{i}";
    Operation post = op(OpKind::SemPost, "items");
    Operation attach = op(OpKind::ShmAttach, "board");
    s.processes.push_back(process(
        "producer", {create, shm, sem, attach, repeat(rounds, {compute, send, write, post})}));

    Operation receive = op(OpKind::Receive, "M");
    receive.peerKind = PeerKind::Mailbox;
    receive.into = "x";
    Operation read = op(OpKind::Read, "board");
    read.into = "y";
    Operation wait = op(OpKind::SemWait, "items");
    Operation add = op(OpKind::Add, "n");
    add.text = "1";
    add.textIsNumber = true;
    add.number = 1;
    ProcessSpec consumer =
        process("consumer", {compute, attach, repeat(rounds, {receive, read, wait, add})});
    consumer.program[0].ticks = 8; // let the producer create everything first
    s.processes.push_back(std::move(consumer));

    Operation ping = op(OpKind::Send, "pong");
    ping.peerKind = PeerKind::Process;
    ping.text = "ping";
    s.processes.push_back(process("ping", {repeat(rounds, {ping})}));
    Operation pong = op(OpKind::Receive, "ping");
    pong.peerKind = PeerKind::Process;
    s.processes.push_back(process("pong", {repeat(rounds, {pong, compute})}));
    return s;
}

/// CPU time of this process: on a shared machine wall time mostly measures the others.
double cpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::size_t stringBytes(const Trace& t) {
    std::size_t bytes = t.strings.capacity() * sizeof(std::string);
    for (const auto& s : t.strings) {
        // Short strings live inside std::string (SSO); longer ones own a heap block.
        if (s.capacity() > 15) {
            bytes += s.capacity() + 1;
        }
    }
    return bytes;
}

/// The baseline: nothing but appending `n` events to a vector, as a naive recorder would.
double baselineSeconds(std::size_t n) {
    const double start = cpuSeconds();
    std::vector<Event> events;
    for (std::size_t i = 0; i < n; ++i) {
        Event e;
        e.time = i / 3;
        e.kind = static_cast<EventKind>(i % 19);
        e.proc = static_cast<std::uint16_t>(i & 3);
        e.a = static_cast<std::int32_t>(i);
        e.text = static_cast<StringId>(i & 15);
        events.push_back(e);
    }
    const double elapsed = cpuSeconds() - start;
    volatile std::uint64_t sink = events.back().time + events.size();
    (void)sink;
    return elapsed;
}

} // namespace

int main(int argc, char** argv) {
    // Keep freed memory in the process: on hosts where a page fault is expensive (VMs,
    // sandboxes) a cold run measures the kernel's page faults more than the simulator.
    // Run 1 is reported as "cold", the best of the following runs as "warm".
    mallopt(M_MMAP_MAX, 0); // big blocks from the heap too, so that they can be reused
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    const std::int64_t rounds = argc > 1 ? std::max<std::int64_t>(1, std::atoll(argv[1])) : 100000;
    const Scenario scenario = generate(rounds);
    const std::uint64_t ops = static_cast<std::uint64_t>(rounds) * 11 + 6;

    double best = 1e30;
    double cold = 0;
    SimulationResult result;
    for (int run = 0; run < 4; ++run) {
        result = SimulationResult{}; // free the previous trace first: its memory is reused
        const double start = cpuSeconds();
        result = simulate(scenario);
        const double s = cpuSeconds() - start;
        if (run == 0) {
            cold = s;
        } else {
            best = std::min(best, s);
        }
    }
    const Trace& t = result.trace;
    const std::size_t events = t.events.size();
    const std::size_t eventBytes = t.events.capacity() * sizeof(Event);
    const std::size_t strings = stringBytes(t);
    const double baselineCold = baselineSeconds(events);
    double baseline = 1e30;
    for (int run = 0; run < 3; ++run) {
        baseline = std::min(baseline, baselineSeconds(events));
    }

    std::printf("scenario            %s, %lld rounds\n", t.scenarioTitle.c_str(),
                static_cast<long long>(rounds));
    std::printf("outcome             %s at tick %llu\n",
                std::string(outcomeName(t.outcome)).c_str(),
                static_cast<unsigned long long>(t.events.back().time));
    std::printf("operations          %llu\n", static_cast<unsigned long long>(ops));
    std::printf("events              %zu (%.2f per operation)\n", events,
                static_cast<double>(events) / static_cast<double>(ops));
    std::printf("simulate() cold     %.3f s CPU (first run: fresh memory)\n", cold);
    std::printf("simulate() warm     %.3f s CPU (best of 3 more)\n", best);
    std::printf("operations/s        %.2f million warm, %.2f million cold\n",
                static_cast<double>(ops) / best / 1e6, static_cast<double>(ops) / cold / 1e6);
    std::printf("events/s            %.2f million\n", static_cast<double>(events) / best / 1e6);
    std::printf("sizeof(Event)       %zu bytes\n", sizeof(Event));
    std::printf("event memory        %zu bytes (capacity %zu for %zu events)\n", eventBytes,
                t.events.capacity(), events);
    std::printf("string memory       %zu bytes (%zu strings)\n", strings, t.strings.size());
    std::printf("bytes per event     %.2f (events + strings)\n",
                static_cast<double>(eventBytes + strings) / static_cast<double>(events));
    std::printf("baseline cold       %.3f s CPU to push_back %zu events\n", baselineCold, events);
    std::printf("baseline warm       %.3f s CPU (best of 3)\n", baseline);
    std::printf("simulate/baseline   %.2fx warm, %.2fx cold\n", best / baseline,
                cold / baselineCold);
    if (t.outcome != Outcome::Completed) {
        std::printf("WARNING: the run did not complete; the operation count is wrong\n");
        return 1;
    }
    return 0;
}
