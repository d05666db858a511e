// Expressions in a program: computed numbers (`offset: "{16 + 8 * in}"`), `while` and
// `if` conditions, and the faults they may raise (a fault of the process, never a crash).

#include "machine.h"

#include <algorithm>

namespace ipclab {

namespace {

/// The range a computed number must fall in, per operation, and its field's name.
struct NumberRule {
    const char* field;
    std::int64_t min;
    std::int64_t max;
};

NumberRule ruleFor(OpKind op) {
    switch (op) {
    case OpKind::Compute:
        return {"compute.ticks", 0, 1000000000};
    case OpKind::SemCreate:
        return {"sem_create.value", 0, 32767};
    case OpKind::Repeat:
        return {"repeat", 0, kMaxRepeat};
    default:
        // Past the end of the segment is the access's own fault (segmentation fault).
        return {op == OpKind::Read ? "read.offset" : "write.offset", 0, kMaxSegmentSize};
    }
}

} // namespace

bool Machine::checkExpressions(int p, const Instr& in, Instr& dyn) {
    const Pcb& pcb = m_procs[static_cast<std::size_t>(p)];
    dyn = in;
    if (in.tmpl >= 0) {
        const CompiledTemplate& t = m_code.templates[static_cast<std::size_t>(in.tmpl)];
        if (t.mayFault()) {
            SimValue ignored;
            ExprFault f;
            if (!m_expander.expandChecked(t, round(p, in), pcb.locals.data(), m_pool, ignored, f)) {
                fault(p, in, f.message);
                return false;
            }
        }
    }
    if (in.numTmpl < 0) {
        return true;
    }
    const CompiledTemplate& t = m_code.templates[static_cast<std::size_t>(in.numTmpl)];
    // The round of a repeat's own count is the enclosing repeat's.
    const std::int64_t r =
        in.step == Step::LoopBegin ? (in.depth == 0 ? 0 : pcb.rounds[in.depth - 1]) : round(p, in);
    SimValue v;
    ExprFault f;
    if (!m_expander.expandChecked(t, r, pcb.locals.data(), m_pool, v, f)) {
        fault(p, in, f.message);
        return false;
    }
    const NumberRule rule = ruleFor(in.op);
    std::int64_t n = 0;
    if (!integerOf(v, m_pool, n)) {
        fault(p, in,
              std::string(rule.field) + " is \"" + std::string(m_pool.view(textOf(v, m_pool))) +
                  "\", not a number");
        return false;
    }
    if (n < rule.min || (n > rule.max && in.op != OpKind::Read && in.op != OpKind::Write)) {
        fault(p, in,
              std::string(rule.field) + " is " + std::to_string(n) + "; expected " +
                  std::to_string(rule.min) + " to " + std::to_string(rule.max));
        return false;
    }
    dyn.n = std::min(n, rule.max);
    return true;
}

Machine::Exec Machine::fault(int p, const Instr& in, const std::string& why) {
    emit(EventKind::Caption, p, in.op, in.line, -1, 0, static_cast<std::int32_t>(CallResult::Error),
         m_pool.intern("fault: " + why));
    terminate(p);
    return Exec::Ended;
}

Machine::Exec Machine::condition(int p, const Instr& in) {
    Pcb& pcb = m_procs[static_cast<std::size_t>(p)];
    const Expression& e = m_code.conditions[static_cast<std::size_t>(in.expr)];
    LocalsEnvironment env(pcb.locals.data(), round(p, in), m_pool);
    std::int64_t value = 0;
    ExprFault f;
    if (!evaluateExpression(e, env, value, f)) {
        return fault(p, in, f.message);
    }
    // Busy waiting: a waiting loop checked again and must go on waiting, so the iteration
    // just ended (its check included) bought nothing.
    std::int64_t spin = 0;
    if (in.waitingLoop) {
        const int pc = pcb.pc - 1;
        if (value != 0 && pcb.spinPc == pc) {
            spin = static_cast<std::int64_t>(pcb.cpuUsed - pcb.spinCpu);
        }
        pcb.spinPc = value != 0 ? pc : -1;
        pcb.spinCpu = pcb.cpuUsed; // this check's tick is added after it
    }
    emit(EventKind::Compute, p, in.op, in.line, kNoObject, 1,
         static_cast<std::int32_t>(std::min<std::int64_t>(spin, INT32_MAX)),
         value != 0 ? m_true : m_false);
    if (value == 0) {
        pcb.pc = in.jump;
    }
    return Exec::Next;
}

Machine::Exec Machine::beginRepeat(int p, const Instr& in) {
    Pcb& pcb = m_procs[static_cast<std::size_t>(p)];
    if (in.n <= 0) {
        pcb.pc = in.jump;
    } else {
        pcb.rounds[in.depth] = 1;
        pcb.roundLimits[in.depth] = in.n;
    }
    return Exec::Next;
}

std::size_t Machine::cellAt(Segment& s, std::int64_t offset) {
    const auto& fixed = m_code.cellOffsets[static_cast<std::size_t>(s.slot)];
    if (auto it = std::find(fixed.begin(), fixed.end(), offset); it != fixed.end()) {
        return static_cast<std::size_t>(it - fixed.begin());
    }
    auto it = std::find(s.dynOffsets.begin(), s.dynOffsets.end(), offset);
    const std::size_t extra = static_cast<std::size_t>(it - s.dynOffsets.begin());
    if (it == s.dynOffsets.end()) {
        s.dynOffsets.push_back(offset);
        s.cells.emplace_back();
    }
    return fixed.size() + extra;
}

} // namespace ipclab
