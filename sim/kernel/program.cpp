#include "program.h"

#include <algorithm>

namespace ipclab {

int NameTable::slot(const std::string& name) {
    auto it = std::find(names.begin(), names.end(), name);
    if (it != names.end()) {
        return static_cast<int>(it - names.begin());
    }
    names.push_back(name);
    return static_cast<int>(names.size() - 1);
}

namespace {

class Compiler {
public:
    Compiler(const Scenario& scenario, CompiledScenario& out, StringPool& pool)
        : m_scenario(scenario), m_out(out), m_pool(pool) {}

    void compileProcess(const ProcessSpec& spec) {
        std::vector<Instr> code;
        const Work work = compileList(spec.program, 0, code);
        m_out.estimatedOps += work.ops;
        m_out.estimatedEvents += work.events;
        Instr end;
        end.step = Step::End;
        code.push_back(end);
        m_out.programs.push_back(std::move(code));
    }

private:
    int addTemplate(const std::string& text, bool isNumber, std::int64_t number) {
        m_out.templates.push_back(compileTemplate(text, isNumber, number, m_pool, m_out.variables));
        return static_cast<int>(m_out.templates.size() - 1);
    }

    int cellSlot(int segment, std::int64_t offset) {
        if (static_cast<std::size_t>(segment) >= m_out.cellOffsets.size()) {
            m_out.cellOffsets.resize(static_cast<std::size_t>(segment) + 1);
        }
        auto& offsets = m_out.cellOffsets[static_cast<std::size_t>(segment)];
        auto it = std::find(offsets.begin(), offsets.end(), offset);
        if (it != offsets.end()) {
            return static_cast<int>(it - offsets.begin());
        }
        offsets.push_back(offset);
        return static_cast<int>(offsets.size() - 1);
    }

    Instr compileOp(const Operation& op, int depth) {
        Instr in;
        in.op = op.kind;
        in.peer = op.peerKind;
        in.blocking = op.blocking;
        in.depth = static_cast<std::uint8_t>(depth);
        in.line = static_cast<std::uint16_t>(std::clamp(op.pos.line, 0, 0xFFFF));
        in.src = &op;
        switch (op.kind) {
        case OpKind::Compute:
            in.n = op.ticks;
            break;
        case OpKind::Send:
        case OpKind::Receive:
            if (op.peerKind == PeerKind::Mailbox) {
                in.slot = m_out.mailboxes.slot(op.object);
            } else if (op.peerKind == PeerKind::Process) {
                in.slot = m_scenario.processIndex(op.object);
            }
            if (!op.ok.empty()) {
                in.ok = m_out.variables.slot(op.ok);
            }
            if (op.kind == OpKind::Send) {
                in.tmpl = addTemplate(op.text, false, 0);
            } else if (!op.into.empty()) {
                in.into = m_out.variables.slot(op.into);
            }
            break;
        case OpKind::Connect:
        case OpKind::Disconnect:
            in.slot = m_scenario.processIndex(op.object);
            break;
        case OpKind::MailboxCreate:
        case OpKind::MailboxDelete:
            in.slot = m_out.mailboxes.slot(op.object);
            break;
        case OpKind::ShmCreate:
        case OpKind::ShmAttach:
        case OpKind::ShmDetach:
        case OpKind::ShmRemove:
            in.slot = m_out.segments.slot(op.object);
            break;
        case OpKind::Read:
        case OpKind::Write:
            in.slot = m_out.segments.slot(op.object);
            in.n = op.offset;
            // A computed offset finds its cell when it runs (Machine::cellAt).
            in.cell = op.numberTemplate.empty() ? cellSlot(in.slot, op.offset) : -1;
            if (op.kind == OpKind::Write) {
                in.tmpl = addTemplate(op.text, op.textIsNumber, op.number);
            } else if (!op.into.empty()) {
                in.into = m_out.variables.slot(op.into);
            }
            break;
        case OpKind::SemCreate:
        case OpKind::SemWait:
        case OpKind::SemPost:
            in.slot = m_out.semaphores.slot(op.object);
            in.n = op.value;
            break;
        case OpKind::Set:
        case OpKind::Add:
            in.slot = m_out.variables.slot(op.object);
            in.tmpl = addTemplate(op.text, op.textIsNumber, op.number);
            break;
        case OpKind::Say:
            in.tmpl = addTemplate(op.text, false, 0);
            break;
        case OpKind::Ask:
            // The question is shown as written (it is not a template); src holds it.
            break;
        case OpKind::Repeat:
            break;
        case OpKind::While:
        case OpKind::If:
            m_out.conditions.push_back(compileExpression(op.condition, m_out.variables));
            in.expr = static_cast<std::int32_t>(m_out.conditions.size() - 1);
            in.waitingLoop = isWaitingLoop(op);
            break;
        }
        if (!op.numberTemplate.empty()) {
            in.numTmpl = addTemplate(op.numberTemplate, false, 0);
            in.mayFault = true;
        }
        if (in.tmpl >= 0 && m_out.templates[static_cast<std::size_t>(in.tmpl)].mayFault()) {
            in.mayFault = true;
        }
        return in;
    }

    /// Operations one pass of a list executes, and the events they emit when nothing
    /// blocks (scheduling adds more).
    struct Work {
        std::uint64_t ops = 0;
        std::uint64_t events = 0;
    };

    static std::uint64_t eventsOf(const Operation& op) {
        const std::uint64_t into = op.into.empty() ? 0 : 1;
        switch (op.kind) {
        case OpKind::Compute:
        case OpKind::Write:
        case OpKind::Set:
        case OpKind::While:
        case OpKind::If:
        case OpKind::Add:
        case OpKind::Say:
        case OpKind::Ask:
            return 1;
        case OpKind::Read:
            return 1 + into;
        case OpKind::Send:
        case OpKind::SemWait:
        case OpKind::SemPost:
            return 2;
        case OpKind::Receive:
            return (op.peerKind == PeerKind::Any ? 3 : 2) + into;
        default:
            return 3;
        }
    }

    static std::uint64_t times(std::uint64_t a, std::uint64_t b) {
        constexpr std::uint64_t kCap = std::uint64_t(1) << 40;
        return (b != 0 && a > kCap / b) ? kCap : std::min(a * b, kCap);
    }

    /// Appends the code of `ops`.
    Work compileList(const std::vector<Operation>& ops, int depth, std::vector<Instr>& code) {
        Work total;
        for (const Operation& op : ops) {
            if (op.kind == OpKind::While || op.kind == OpKind::If) {
                const Work work = compileBranching(op, depth, code);
                total.ops += work.ops;
                total.events += work.events;
                continue;
            }
            if (op.kind != OpKind::Repeat) {
                code.push_back(compileOp(op, depth));
                ++total.ops;
                total.events += eventsOf(op);
                continue;
            }
            Instr begin = compileOp(op, depth);
            begin.step = Step::LoopBegin;
            begin.n = op.count;
            const std::size_t beginIndex = code.size();
            code.push_back(begin);
            const Work body = compileList(op.body, depth + 1, code);
            Instr end = begin;
            end.step = Step::LoopEnd;
            end.jump = static_cast<std::int32_t>(beginIndex + 1);
            code.push_back(end);
            code[beginIndex].jump = static_cast<std::int32_t>(code.size());
            const auto rounds = static_cast<std::uint64_t>(
                std::max<std::int64_t>(op.numberTemplate.empty() ? op.count : 1, 0));
            total.ops += times(body.ops, rounds);
            total.events += times(body.events, rounds);
        }
        return total;
    }

    /// while: COND(false -> after) body JUMP(-> COND). if: COND(false -> else) then
    /// JUMP(-> after) else. The estimate counts one pass of a loop body.
    Work compileBranching(const Operation& op, int depth, std::vector<Instr>& code) {
        const std::size_t condIndex = code.size();
        code.push_back(compileOp(op, depth));
        Work work = compileList(op.body, depth, code);
        Instr jump;
        jump.step = Step::Jump;
        jump.op = op.kind;
        jump.depth = static_cast<std::uint8_t>(depth);
        jump.line = code[condIndex].line;
        jump.src = &op;
        const std::size_t jumpIndex = code.size();
        if (op.kind == OpKind::While) {
            jump.jump = static_cast<std::int32_t>(condIndex);
            code.push_back(jump);
            code[condIndex].jump = static_cast<std::int32_t>(code.size());
        } else {
            code.push_back(jump);
            code[condIndex].jump = static_cast<std::int32_t>(code.size());
            const Work otherwise = compileList(op.elseBody, depth, code);
            work.ops = std::max(work.ops, otherwise.ops);
            work.events = std::max(work.events, otherwise.events);
            code[jumpIndex].jump = static_cast<std::int32_t>(code.size());
        }
        work.ops += 1;
        work.events += 1;
        return work;
    }

    const Scenario& m_scenario;
    CompiledScenario& m_out;
    StringPool& m_pool;
};

} // namespace

CompiledScenario compileScenario(const Scenario& scenario, StringPool& pool) {
    CompiledScenario out;
    Compiler compiler(scenario, out, pool);
    for (const ProcessSpec& spec : scenario.processes) {
        compiler.compileProcess(spec);
    }
    out.cellOffsets.resize(out.segments.names.size());
    return out;
}

} // namespace ipclab
