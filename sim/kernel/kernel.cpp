#include "kernel.h"

#include "machine.h"
#include "waitfor.h"

#include <algorithm>
#include <limits>

namespace ipclab {

namespace {
std::vector<int> prioritiesOf(const Scenario& s) {
    std::vector<int> out;
    for (const auto& p : s.processes) {
        out.push_back(p.priority);
    }
    return out;
}
std::uint64_t seedOf(const Scenario& s, const RunOptions& o) {
    return o.overrideSeed ? o.seed : s.kernel.seed;
}
} // namespace

Machine::Names Machine::internNames(StringPool& pool) {
    return Machine::Names{pool.intern("mq_open"),
                          pool.intern("mq_unlink"),
                          pool.intern("mq_timedsend"),
                          pool.intern("mq_timedreceive"),
                          pool.intern("socketpair"),
                          pool.intern("shutdown"),
                          pool.intern("sendto"),
                          pool.intern("recvfrom"),
                          pool.intern("ppoll"),
                          pool.intern("shmget"),
                          pool.intern("shmat"),
                          pool.intern("shmdt"),
                          pool.intern("shmctl"),
                          pool.intern("semget"),
                          pool.intern("semctl"),
                          pool.intern("semtimedop"),
                          pool.intern("segmentation fault")};
}

Machine::Machine(const Scenario& scenario, const RunOptions& options)
    : m_scenario(scenario), m_options(options), m_sharedPool(std::make_shared<StringPool>()),
      m_pool(*m_sharedPool), m_names(internNames(m_pool)),
      m_sharedCode(std::make_shared<const CompiledScenario>(compileScenario(scenario, m_pool))),
      m_code(*m_sharedCode), m_scheduler(scenario.kernel.scheduler, seedOf(scenario, options),
                                         prioritiesOf(scenario), options.choices) {
    m_true = m_pool.intern("true");
    m_false = m_pool.intern("false");
    for (int v = 0; v < m_code.variables.size(); ++v) {
        m_varNames.push_back(m_pool.intern(m_code.variables.name(v)));
    }
    const std::size_t n = scenario.processes.size();
    m_procs.resize(n);
    for (std::size_t p = 0; p < n; ++p) {
        Pcb& pcb = m_procs[p];
        pcb.uid = scenario.processes[p].uid;
        pcb.locals.resize(static_cast<std::size_t>(m_code.variables.size()));
        pcb.segmentBySlot.assign(m_code.segments.names.size(), -1);
        // Each address space places its mappings in its own range, so the trace shows
        // the same segment at different addresses in different processes.
        pcb.nextPage = static_cast<std::int32_t>(0x40000 + 0x4000 * p);
        m_arrivals.push_back(static_cast<int>(p));
    }
    std::stable_sort(m_arrivals.begin(), m_arrivals.end(), [&](int a, int b) {
        return scenario.processes[static_cast<std::size_t>(a)].start <
               scenario.processes[static_cast<std::size_t>(b)].start;
    });
    m_cpus.resize(static_cast<std::size_t>(std::clamp(scenario.kernel.cpus, 1, kMaxCpus)));
    m_mailboxBySlot.assign(m_code.mailboxes.names.size(), -1);
    m_segmentBySlot.assign(m_code.segments.names.size(), -1);
    m_semaphoreBySlot.assign(m_code.semaphores.names.size(), -1);
    m_linkByPair.assign(n * n, -1);

    m_trace.scenarioTitle = scenario.title;
    m_trace.engine = Engine::Sim;
    m_trace.timeUnit = TimeUnit::Tick;
    m_trace.countingMethod = CountingMethod::Simulated;
    m_trace.seed = seedOf(scenario, options);
    m_trace.cpus = static_cast<int>(m_cpus.size());
    for (const auto& p : scenario.processes) {
        m_trace.processNames.push_back(p.name);
    }
    // Reserving what the run will need keeps the vector from doubling (and from holding
    // up to twice the memory it needs); scheduling (dispatch, preemption, state changes)
    // adds about 40% to the operations' own events in busy multi-process scenarios.
    const std::uint64_t guess =
        m_code.estimatedEvents + m_code.estimatedEvents * 2 / 5 + 16 * n + 64;
    m_trace.events.reserve(static_cast<std::size_t>(
        std::min<std::uint64_t>(guess, std::min<std::uint64_t>(options.maxEvents, 64u << 20))));
}

void Machine::admitArrivals() {
    while (m_nextArrival < m_arrivals.size()) {
        const int p = m_arrivals[m_nextArrival];
        const auto start = m_scenario.processes[static_cast<std::size_t>(p)].start;
        if (static_cast<std::uint64_t>(std::max<std::int64_t>(start, 0)) > m_now) {
            break;
        }
        ++m_nextArrival;
        setReady(p);
    }
}

bool Machine::skipControl(int p) {
    Pcb& pcb = m_procs[static_cast<std::size_t>(p)];
    const std::vector<Instr>& code = m_code.programs[static_cast<std::size_t>(p)];
    for (;;) {
        const Instr& in = code[static_cast<std::size_t>(pcb.pc)];
        switch (in.step) {
        case Step::LoopBegin:
            if (in.numTmpl >= 0) {
                return false; // its count is computed: runOn evaluates it (beginRepeat)
            }
            if (in.n <= 0) {
                pcb.pc = in.jump;
            } else {
                pcb.rounds[in.depth] = 1;
                pcb.roundLimits[in.depth] = in.n;
                ++pcb.pc;
            }
            continue;
        case Step::Jump:
            pcb.pc = in.jump;
            continue;
        case Step::LoopEnd:
            if (pcb.rounds[in.depth] < pcb.roundLimits[in.depth]) {
                ++pcb.rounds[in.depth];
                pcb.pc = in.jump;
            } else {
                ++pcb.pc;
            }
            continue;
        case Step::End:
            return true;
        case Step::Op:
            return false;
        }
    }
}

void Machine::runOn(int c) {
    Cpu& cpu = m_cpus[static_cast<std::size_t>(c)];
    const int p = cpu.proc;
    Pcb& pcb = m_procs[static_cast<std::size_t>(p)];
    const std::vector<Instr>& code = m_code.programs[static_cast<std::size_t>(p)];
    for (;;) {
        if (pcb.busyLeft > 0) {
            cpu.busyUntil = m_now + pcb.busyLeft;
            pcb.busyLeft = 0;
            cpu.chosen = false; // the rest of an operation: its end is a boundary
            return;
        }
        if (m_eventCount >= m_options.maxEvents) {
            m_trace.notes.push_back("stopped after " + std::to_string(m_options.maxEvents) +
                                    " events: the run's event limit (--event-limit)");
            stop(Outcome::EventLimit);
            return;
        }
        if (skipControl(p)) {
            terminate(p);
            return;
        }
        if (!boundaryChoice(c)) {
            return;
        }
        const Instr& in = code[static_cast<std::size_t>(pcb.pc)];
        ++pcb.pc;
        m_opSyscalls = 0;
        cpu.chosen = false;
        const Instr* op = &in;
        Instr dyn;
        if (in.mayFault) {
            if (!checkExpressions(p, in, dyn)) {
                return;
            }
            op = &dyn;
        }
        const Exec result = execute(p, *op);
        if (result != Exec::Next || pcb.cpu != c) {
            return; // blocked or ended: the CPU is free again
        }
        if (in.ok >= 0) {
            setVar(p, in.op, in.line, in.ok,
                   SimValue::integer(m_lastResult == CallResult::Ok ? 1 : 0));
        }
        const std::uint64_t cost = opCost(*op, m_opSyscalls);
        pcb.cpuUsed += cost;
        if (cost > 0) {
            cpu.busyUntil = m_now + cost;
            return;
        }
    }
}

bool Machine::executeCpus() {
    bool changed = false;
    for (std::size_t c = 0; c < m_cpus.size() && !m_stopped && m_pause == Pause::None; ++c) {
        if (m_cpus[c].proc >= 0 && m_cpus[c].busyUntil <= m_now) {
            runOn(static_cast<int>(c));
            changed = true;
        }
    }
    return changed;
}

bool Machine::settle() {
    // Repeat until nothing more happens at this tick: an operation may free a CPU or wake
    // a process, which may be dispatched (or preempt) and run at the same tick.
    for (;;) {
        const bool preempted = preempt();
        const bool dispatched = dispatchIdle();
        if (m_stopped || m_pause != Pause::None) {
            return false;
        }
        bool ran = false;
        for (std::size_t c = 0; c < m_cpus.size(); ++c) {
            if (m_cpus[c].proc >= 0 && m_cpus[c].busyUntil <= m_now) {
                ran = true;
            }
        }
        if (ran) {
            executeCpus();
        }
        if (m_stopped || m_pause != Pause::None) {
            return false;
        }
        if (!preempted && !dispatched && !ran) {
            return true;
        }
    }
}

void Machine::stop(Outcome outcome) {
    if (!m_stopped) {
        m_stopped = true;
        finish(outcome);
    }
}

void Machine::finish(Outcome outcome) {
    m_trace.outcome = outcome;
    if (outcome == Outcome::Deadlock && m_record) {
        // The fold reads syscall names (a `semget` lookup takes no unit): lend it the
        // strings now; takeTrace() hands over the final table.
        m_trace.strings = m_pool.strings();
        m_trace.deadlockCycle = waitForCycle(m_scenario, m_trace);
    }
    emit(EventKind::RunEnd, -1, OpKind::Compute, 0, kNoObject, static_cast<std::int32_t>(outcome),
         0, kNoString);
    m_stopped = true;
}

void Machine::start() {
    m_started = true;
    emit(EventKind::RunStart, -1, OpKind::Compute, 0, kNoObject, 0, 0, kNoString);
    for (std::size_t p = 0; p < m_procs.size(); ++p) {
        emit(EventKind::State, static_cast<int>(p), OpKind::Compute, 0, kNoObject,
             static_cast<std::int32_t>(ProcState::New), 0, kNoString);
    }
}

void Machine::loop() {
    // With choice points nobody is preempted by the clock: the caller is the scheduler.
    const bool quantum = m_scheduler.usesQuantum() && !m_choicePoints;
    const auto limit =
        static_cast<std::uint64_t>(std::max<std::int64_t>(m_scenario.kernel.timeLimit, 0));
    while (!m_stopped) {
        if (m_options.progress != nullptr) {
            m_options.progress->store(m_eventCount, std::memory_order_relaxed);
        }
        if (m_options.cancel != nullptr && m_options.cancel->load(std::memory_order_relaxed)) {
            m_trace.notes.push_back("cancelled");
            stop(Outcome::TimeLimit);
            break;
        }
        admitArrivals();
        if (!settle()) {
            break;
        }
        std::uint64_t next = std::numeric_limits<std::uint64_t>::max();
        for (Cpu& cpu : m_cpus) {
            if (cpu.proc < 0) {
                continue;
            }
            next = std::min(next, cpu.busyUntil);
            if (quantum && !m_scheduler.empty()) {
                next = std::min(next, cpu.sliceEnd); // settle() left it in the future
            }
        }
        if (m_nextArrival < m_arrivals.size()) {
            const auto start =
                m_scenario.processes[static_cast<std::size_t>(m_arrivals[m_nextArrival])].start;
            next = std::min(next, static_cast<std::uint64_t>(std::max<std::int64_t>(start, 0)));
        }
        if (next == std::numeric_limits<std::uint64_t>::max()) {
            const bool allDone = std::all_of(m_procs.begin(), m_procs.end(), [](const Pcb& p) {
                return p.state == ProcState::Terminated;
            });
            finish(allDone ? Outcome::Completed : Outcome::Deadlock);
            break;
        }
        if (next > limit) {
            m_now = std::max(m_now, limit);
            finish(Outcome::TimeLimit);
            break;
        }
        m_now = next;
    }
}

Trace Machine::takeTrace() {
    // Copies share the pool: only the last one may take its strings.
    if (m_sharedPool.use_count() == 1) {
        m_trace.strings = m_pool.release();
    } else {
        m_trace.strings = m_pool.strings();
    }
    // Hand over no more memory than the trace needs (see the bench's bytes per event).
    auto& events = m_trace.events;
    if (events.capacity() - events.size() > events.size() / 8) {
        events.shrink_to_fit();
    }
    if (m_trace.strings.capacity() - m_trace.strings.size() > m_trace.strings.size() / 8) {
        m_trace.strings.shrink_to_fit();
    }
    return std::move(m_trace);
}

SimulationResult Machine::run() {
    start();
    loop();
    SimulationResult result;
    result.readyChoices = std::move(m_readyChoices);
    result.trace = takeTrace();
    return result;
}

SimulationResult simulate(const Scenario& scenario, const RunOptions& options) {
    Machine machine(scenario, options);
    return machine.run();
}

} // namespace ipclab
