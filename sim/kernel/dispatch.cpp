// Taking CPUs away (quantum, priority) and giving them out (dispatch).

#include "machine.h"

#include <algorithm>

namespace ipclab {

bool Machine::preempt() {
    if (m_scheduler.empty() || m_choicePoints) {
        return false;
    }
    bool changed = false;
    auto takeOff = [&](std::size_t c) {
        Cpu& cpu = m_cpus[c];
        Pcb& pcb = m_procs[static_cast<std::size_t>(cpu.proc)];
        pcb.busyLeft = cpu.busyUntil > m_now ? cpu.busyUntil - m_now : 0;
        if (pcb.busyLeft == 0 && skipControl(cpu.proc)) {
            // It has just done its last operation: it ends rather than waits its turn.
            terminate(cpu.proc);
            changed = true;
            return;
        }
        const Instr& at = current(cpu.proc);
        emit(EventKind::Preempt, cpu.proc, at.op, at.line, kNoObject,
             static_cast<std::int32_t>(std::min<std::uint64_t>(pcb.busyLeft, INT32_MAX)), 0,
             kNoString);
        const int p = cpu.proc;
        pcb.cpu = -1;
        cpu.proc = -1;
        setReady(p);
        changed = true;
    };
    if (m_scheduler.usesQuantum()) {
        const auto q = static_cast<std::uint64_t>(std::max(m_scenario.kernel.quantum, 1));
        for (std::size_t c = 0; c < m_cpus.size(); ++c) {
            Cpu& cpu = m_cpus[c];
            if (cpu.proc < 0) {
                continue;
            }
            if (cpu.sliceEnd < m_now) {
                // Quanta that expired while nobody was waiting were renewed on the spot:
                // the next expiry keeps the rhythm of the dispatch.
                cpu.sliceEnd += (m_now - cpu.sliceEnd + q - 1) / q * q;
            }
            if (cpu.sliceEnd <= m_now) {
                takeOff(c);
            }
        }
    } else if (m_scheduler.policy() == SchedulerPolicy::Priority) {
        // A waiting process with a smaller number than a running one takes its CPU
        // (the worst running one; the highest CPU among equals).
        for (;;) {
            if (m_scheduler.empty()) {
                break;
            }
            int worst = -1;
            for (std::size_t c = 0; c < m_cpus.size(); ++c) {
                if (m_cpus[c].proc < 0) {
                    worst = -1;
                    break;
                }
                if (worst < 0 ||
                    m_scheduler.priority(m_cpus[c].proc) >=
                        m_scheduler.priority(m_cpus[static_cast<std::size_t>(worst)].proc)) {
                    worst = static_cast<int>(c);
                }
            }
            if (worst < 0 ||
                m_scheduler.bestPriority() >=
                    m_scheduler.priority(m_cpus[static_cast<std::size_t>(worst)].proc)) {
                break;
            }
            takeOff(static_cast<std::size_t>(worst));
        }
    }
    return changed;
}

bool Machine::dispatchIdle() {
    bool changed = false;
    for (std::size_t c = 0; c < m_cpus.size() && !m_scheduler.empty(); ++c) {
        Cpu& cpu = m_cpus[c];
        if (cpu.proc >= 0) {
            continue;
        }
        const auto candidates = static_cast<std::int32_t>(m_scheduler.size());
        int p = -1;
        if (m_choicePoints && candidates >= 2) {
            p = dispatchChoice(static_cast<int>(c));
            if (p < 0) {
                return false; // paused until the caller chooses
            }
        } else {
            const std::vector<int> before = m_scheduler.policy() == SchedulerPolicy::Manual
                                                ? m_scheduler.ready()
                                                : std::vector<int>{};
            p = m_scheduler.pick();
            if (p == Scheduler::kNeedChoice) {
                m_readyChoices = before;
                stop(Outcome::AwaitingChoice);
                return false;
            }
        }
        putOn(static_cast<int>(c), p, candidates);
        changed = true;
    }
    return changed;
}

void Machine::putOn(int c, int p, std::int32_t candidates) {
    Cpu& cpu = m_cpus[static_cast<std::size_t>(c)];
    Pcb& pcb = m_procs[static_cast<std::size_t>(p)];
    const Instr& at = current(p);
    cpu.proc = p;
    pcb.cpu = c;
    emit(EventKind::Dispatch, p, at.op, at.line, kNoObject, candidates, 0, kNoString);
    pcb.state = ProcState::Running;
    emit(EventKind::State, p, at.op, at.line, kNoObject,
         static_cast<std::int32_t>(ProcState::Running), 0, kNoString);
    const auto switchCost = static_cast<std::uint64_t>(std::max(m_scenario.kernel.switchCost, 0));
    cpu.busyUntil = m_now + switchCost;
    cpu.sliceEnd =
        cpu.busyUntil + static_cast<std::uint64_t>(std::max(m_scenario.kernel.quantum, 1));
    cpu.chosen = true; // its dispatch decided who runs its first operation
}

} // namespace ipclab
