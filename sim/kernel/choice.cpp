// Choice points: the run pauses at an operation boundary where two or more processes
// could run next, and the caller (the window's "you are the scheduler", a replayed
// schedule, the explorer) decides who does.

#include "machine.h"

#include <algorithm>

namespace ipclab {

void Machine::setRecording(bool on) {
    m_record = on;
    if (!on) {
        std::vector<Event>().swap(m_trace.events); // the reserve made for a full trace
    }
}

bool Machine::advance() {
    if (!m_started) {
        start();
    }
    if (m_pause != Pause::None) {
        if (m_decision < 0 && m_choicePoints) {
            return true; // still waiting for a decision
        }
        // Resume exactly where the run paused: nothing happened since.
        const Pause where = m_pause;
        m_pause = Pause::None;
        if (where == Pause::Boundary) {
            runOn(m_choiceCpu);
        } else {
            dispatchIdle();
        }
    }
    if (!m_stopped && m_pause == Pause::None) {
        loop();
    }
    return m_pause != Pause::None;
}

void Machine::handOver() {
    m_choicePoints = false;
    m_decision = -1;
    if (m_scheduler.policy() == SchedulerPolicy::Manual) {
        m_scheduler.setPolicy(SchedulerPolicy::RoundRobin);
    }
}

void Machine::endAwaitingChoice() {
    m_readyChoices = m_choiceOptions;
    m_pause = Pause::None;
    stop(Outcome::AwaitingChoice);
}

void Machine::emitChoice(int c, int proc) {
    std::uint32_t among = 0;
    for (const int o : m_choiceOptions) {
        if (o < 32) {
            among |= 1u << o;
        }
    }
    const Instr& at = current(proc);
    emit(EventKind::Choice, proc, at.op, at.line, kNoObject,
         static_cast<std::int32_t>(m_choiceOptions.size()), static_cast<std::int32_t>(among),
         kNoString);
    if (m_record) {
        m_trace.events.back().cpu = static_cast<std::uint8_t>(c);
    }
}

bool Machine::boundaryChoice(int c) {
    Cpu& cpu = m_cpus[static_cast<std::size_t>(c)];
    if (!m_choicePoints || cpu.chosen || m_scheduler.empty()) {
        return true;
    }
    const int p = cpu.proc;
    if (m_decision < 0) {
        m_choiceOptions.assign(1, p);
        m_choiceOptions.insert(m_choiceOptions.end(), m_scheduler.ready().begin(),
                               m_scheduler.ready().end());
        m_pause = Pause::Boundary;
        m_choiceCpu = c;
        return false;
    }
    const int q = m_decision;
    m_decision = -1;
    emitChoice(c, q);
    cpu.chosen = true;
    if (q == p) {
        return true;
    }
    // The caller preempts p between two of its operations and gives q the CPU.
    Pcb& pcb = m_procs[static_cast<std::size_t>(p)];
    const Instr& at = current(p);
    emit(EventKind::Preempt, p, at.op, at.line, kNoObject, 0, 0, kNoString);
    pcb.cpu = -1;
    cpu.proc = -1;
    const auto candidates = static_cast<std::int32_t>(m_scheduler.size());
    m_scheduler.remove(q);
    setReady(p);
    putOn(c, q, candidates);
    return false;
}

int Machine::dispatchChoice(int c) {
    if (m_decision < 0) {
        m_choiceOptions = m_scheduler.ready();
        m_pause = Pause::Dispatch;
        m_choiceCpu = c;
        return -1;
    }
    const int q = m_decision;
    m_decision = -1;
    emitChoice(c, q);
    m_scheduler.remove(q);
    return q;
}

bool Machine::segmentCell(const std::string& segment, std::int64_t offset, SimValue& out) const {
    const auto& names = m_code.segments.names;
    const auto slot =
        static_cast<std::size_t>(std::find(names.begin(), names.end(), segment) - names.begin());
    if (slot >= names.size() || m_segmentBySlot[slot] < 0) {
        return false;
    }
    const auto& offsets = m_code.cellOffsets[slot];
    const auto cell = static_cast<std::size_t>(std::find(offsets.begin(), offsets.end(), offset) -
                                               offsets.begin());
    // A removed segment keeps the last values written (what a reader saw last); a cell no
    // operation touches reads as 0, as in the kernel.
    out = cell < offsets.size()
              ? m_segments[static_cast<std::size_t>(m_segmentBySlot[slot])].cells[cell]
              : SimValue::integer(0);
    return true;
}

bool Machine::variable(int proc, const std::string& var, SimValue& out) const {
    for (int v = 0; v < m_code.variables.size(); ++v) {
        if (m_code.variables.name(v) == var) {
            const Local& l =
                m_procs[static_cast<std::size_t>(proc)].locals[static_cast<std::size_t>(v)];
            if (!l.isSet) {
                return false;
            }
            out = l.value;
            return true;
        }
    }
    return false;
}

std::string Machine::valueText(const SimValue& v) const {
    return v.isInt ? std::to_string(v.num) : std::string(m_pool.view(v.text));
}

} // namespace ipclab
