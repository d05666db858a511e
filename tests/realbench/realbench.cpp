// realbench: what real mode's instrumentation costs per message, against a bare loop of
// the same syscalls, and simulated vs real time for one million operations.
//   realbench [--reps N] [--quick]
// Each transport runs bare and instrumented loops interleaved (alternating which goes
// first), after a warm-up; figures are medians over the repetitions, compared as ratios
// because this 2-core VM's absolute figures swing by 30% (messages) and 2x (shm).
#include "busy_loop.h"
#include "instrument.h"
#include "kernel.h"
#include "real_engine.h"
#include "transports.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace ipclab;
using namespace ipclab::bench;

namespace {

struct Sample {
    double medianNs = 0;
    double p99Ns = 0;
    double perSecond = 0;
};

double percentile(std::vector<double> v, double p) {
    if (v.empty()) {
        return 0;
    }
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

real::Sys sendSys(const std::string& kind) {
    return kind == "posix_mq" ? real::Sys::MqTimedsend : real::Sys::Sendto;
}

/// Ping-pong round trips (latency) and a one-way stream (throughput) over `kind`.
Sample runOnce(const std::string& kind, std::size_t size, bool instrumented, int trips,
               int stream) {
    std::fflush(stdout); // nothing buffered may be printed twice by a child
    auto transport = makeTransport(kind, size);
    InstrumentArea* area = instrumented ? new InstrumentArea() : nullptr;
    const int warmup = std::max(50, trips / 10);
    const pid_t child = fork();
    if (child == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL); // never outlive an interrupted benchmark
    }
    const int side = child == 0 ? 1 : 0;
    std::vector<char> out(size, 'x');
    std::vector<char> in(size);
    Instrument* probe = area != nullptr ? new Instrument(area->shared(), side) : nullptr;
    const std::string_view text(out.data(), out.size());
    auto send = [&] {
        if (probe != nullptr) {
            probe->call(sendSys(kind), true, text,
                        [&] { transport->send(side, out.data(), out.size()); });
        } else {
            transport->send(side, out.data(), out.size());
        }
    };
    auto receive = [&] {
        if (probe != nullptr) {
            probe->call(real::Sys::Recvfrom, false, text,
                        [&] { transport->receive(side, in.data(), in.size()); });
        } else {
            transport->receive(side, in.data(), in.size());
        }
    };
    if (child == 0) {
        for (int i = 0; i < warmup + trips; ++i) {
            receive();
            send();
        }
        for (int i = 0; i < stream; ++i) {
            receive();
        }
        send(); // the stream's end
        _exit(0);
    }
    std::vector<double> rtt;
    rtt.reserve(static_cast<std::size_t>(trips));
    for (int i = 0; i < warmup + trips; ++i) {
        const auto t0 = real::monotonicNs();
        send();
        receive();
        if (i >= warmup) {
            rtt.push_back(static_cast<double>(real::monotonicNs() - t0));
        }
    }
    const auto s0 = real::monotonicNs();
    for (int i = 0; i < stream; ++i) {
        send();
    }
    receive();
    const double seconds = static_cast<double>(real::monotonicNs() - s0) / 1e9;
    waitpid(child, nullptr, 0);
    delete probe;
    delete area;
    return Sample{percentile(rtt, 0.5), percentile(rtt, 0.99),
                  static_cast<double>(stream) / seconds};
}

double median(std::vector<double> v) {
    return percentile(std::move(v), 0.5);
}

void transportTable(int reps, int trips, int stream) {
    std::printf("%-11s %5s | %9s %9s %10s | %9s %9s %10s | %6s %6s %6s\n", "transport", "bytes",
                "rtt med", "rtt p99", "msg/s", "rtt med", "rtt p99", "msg/s", "med", "p99",
                "thrpt");
    std::printf("%-17s | %-30s | %-30s | ratios (instr/bare)\n", "", "bare loop (ns)",
                "with real mode's recording (ns)");
    for (std::size_t size : {std::size_t(64), std::size_t(4096)}) {
        for (const char* kind : kTransportKinds) {
            std::vector<double> bm, bp, bt, im, ip, it, rm, rp, rt;
            for (int rep = 0; rep < reps; ++rep) {
                Sample bare;
                Sample inst;
                if (rep % 2 == 0) {
                    bare = runOnce(kind, size, false, trips, stream);
                    inst = runOnce(kind, size, true, trips, stream);
                } else {
                    inst = runOnce(kind, size, true, trips, stream);
                    bare = runOnce(kind, size, false, trips, stream);
                }
                bm.push_back(bare.medianNs);
                bp.push_back(bare.p99Ns);
                bt.push_back(bare.perSecond);
                im.push_back(inst.medianNs);
                ip.push_back(inst.p99Ns);
                it.push_back(inst.perSecond);
                rm.push_back(inst.medianNs / bare.medianNs);
                rp.push_back(inst.p99Ns / bare.p99Ns);
                rt.push_back(bare.perSecond / inst.perSecond);
            }
            std::printf(
                "%-11s %5zu | %9.0f %9.0f %10.0f | %9.0f %9.0f %10.0f | %6.3f %6.3f %6.3f\n", kind,
                size, median(bm), median(bp), median(bt), median(im), median(ip), median(it),
                median(rm), median(rp), median(rt));
            std::fflush(stdout);
        }
    }
    std::printf("ratio > 1: real mode's recording costs that much more per message "
                "(thrpt: bare msg/s over instrumented msg/s).\n\n");
}

Operation op(OpKind kind, std::string object, std::string text = {}) {
    Operation o;
    o.kind = kind;
    o.object = std::move(object);
    o.text = std::move(text);
    return o;
}

Scenario pingPong(int rounds, bool links) {
    auto msg = [&](OpKind kind, const std::string& peer, const std::string& text) {
        Operation o = op(kind, peer, text);
        o.peerKind = links ? PeerKind::Process : PeerKind::Mailbox;
        if (kind == OpKind::Receive) {
            o.into = "x";
        }
        return o;
    };
    Operation create = op(OpKind::MailboxCreate, "ping");
    create.capacity = 1;
    Operation create2 = op(OpKind::MailboxCreate, "pong");
    create2.capacity = 1;
    Operation loopA = op(OpKind::Repeat, "");
    loopA.count = rounds;
    loopA.body = {msg(OpKind::Send, links ? "b" : "ping", std::string(56, 'p')),
                  msg(OpKind::Receive, links ? "b" : "pong", "")};
    Operation loopB = op(OpKind::Repeat, "");
    loopB.count = rounds;
    loopB.body = {msg(OpKind::Receive, links ? "a" : "ping", ""),
                  msg(OpKind::Send, links ? "a" : "pong", std::string(56, 'q'))};
    Scenario s;
    s.title = "ping-pong";
    s.kernel.cpus = 2;
    ProcessSpec a;
    a.name = "a";
    a.program =
        links ? std::vector<Operation>{loopA} : std::vector<Operation>{create, create2, loopA};
    ProcessSpec b;
    b.name = "b";
    b.program = {loopB};
    s.processes = {a, b};
    return s;
}

/// Real mode end to end: a's round trip (send + receive) from its OpTimings.
void endToEnd(int rounds, int reps) {
    std::printf("real mode end to end, 64-byte ping-pong (%d rounds, median of %d runs):\n", rounds,
                reps);
    for (bool links : {false, true}) {
        const std::string kind = links ? "socketpair" : "posix_mq";
        std::vector<double> realMed, realP99, bareMed, bareP99;
        for (int rep = 0; rep < reps; ++rep) {
            RealOptions options;
            options.timeoutSeconds = 30;
            std::fflush(stdout);
            const Trace trace = runReal(pingPong(rounds, links), options);
            // a's round trip: from the start of its send to the end of the next receive.
            std::vector<double> rtt;
            std::uint64_t sendStart = 0;
            for (const auto& t : trace.timings) {
                if (t.proc == 0 && t.op == OpKind::Send) {
                    sendStart = t.startNs;
                } else if (t.proc == 0 && t.op == OpKind::Receive && sendStart != 0) {
                    rtt.push_back(static_cast<double>(t.startNs + t.durationNs - sendStart));
                    sendStart = 0;
                }
            }
            // The same warm-up as the bare loop: leave out the first tenth.
            rtt.erase(rtt.begin(), rtt.begin() + static_cast<std::ptrdiff_t>(rtt.size() / 10));
            realMed.push_back(percentile(rtt, 0.5));
            realP99.push_back(percentile(rtt, 0.99));
            const Sample bare = runOnce(kind, 64, false, rounds, 0);
            bareMed.push_back(bare.medianNs);
            bareP99.push_back(bare.p99Ns);
        }
        std::printf("  %-11s real mode median %7.0f p99 %8.0f ns | bare loop median %7.0f p99 "
                    "%8.0f ns | ratio median %.3f p99 %.3f\n",
                    kind.c_str(), median(realMed), median(realP99), median(bareMed),
                    median(bareP99), median(realMed) / median(bareMed),
                    median(realP99) / median(bareP99));
    }
    std::printf("\n");
}

void millionOperations() {
    const int half = 500000;
    Scenario s;
    s.title = "one million operations";
    s.kernel.cpus = 2;
    Operation create = op(OpKind::MailboxCreate, "M");
    create.capacity = 10;
    Operation send = op(OpKind::Send, "M", "m");
    send.peerKind = PeerKind::Mailbox;
    Operation receive = op(OpKind::Receive, "M");
    receive.peerKind = PeerKind::Mailbox;
    Operation loopA = op(OpKind::Repeat, "");
    loopA.count = half;
    loopA.body = {send};
    Operation loopB = op(OpKind::Repeat, "");
    loopB.count = half;
    loopB.body = {receive};
    ProcessSpec a;
    a.name = "sender";
    a.program = {create, loopA};
    ProcessSpec b;
    b.name = "receiver";
    b.program = {loopB};
    s.processes = {a, b};
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    const auto sim = simulate(s);
    const auto t1 = Clock::now();
    RealOptions options;
    options.timeoutSeconds = 30;
    const Trace real = runReal(s, options);
    const auto t2 = Clock::now();
    const double simWall = std::chrono::duration<double>(t1 - t0).count();
    const double realWall = std::chrono::duration<double>(t2 - t1).count();
    std::printf("one million operations (500000 sends + 500000 receives, mailbox capacity 10):\n");
    std::printf("  simulator: %.2f s wall, %zu events, %llu ticks simulated, outcome %s\n", simWall,
                sim.trace.events.size(),
                static_cast<unsigned long long>(sim.trace.events.back().time),
                std::string(outcomeName(sim.trace.outcome)).c_str());
    std::printf("  real mode: %.2f s wall (%.2f s of it the run itself), %zu events, outcome %s\n",
                realWall, static_cast<double>(real.events.back().time) / 1e9, real.events.size(),
                std::string(outcomeName(real.outcome)).c_str());
}

} // namespace

int main(int argc, char** argv) {
    int reps = 3;
    bool quick = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--reps") == 0 && i + 1 < argc) {
            reps = std::max(1, std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--quick") == 0) {
            quick = true;
        }
    }
    std::printf("realbench: %d repetitions, bare and instrumented loops interleaved\n\n", reps);
    transportTable(reps, quick ? 500 : 1000, quick ? 2000 : 5000);
    endToEnd(quick ? 1000 : 2000, quick ? 1 : 3);
    millionOperations();
    return 0;
}
