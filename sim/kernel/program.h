#pragma once
// Process programs compiled for the kernel's step loop: `repeat` flattened into loop
// instructions, every name resolved to an index, every template compiled.

#include "scenario.h"
#include "template.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ipclab {

/// What an instruction does besides an operation: loops and the program's end.
/// Jump: go to `jump` (the end of a `while` body, the end of an `if`'s `then:`).
/// A `while`/`if` condition is an Op (it costs a tick): op While/If, `expr` its condition,
/// `jump` where to go when it is false.
enum class Step : std::uint8_t { Op, LoopBegin, LoopEnd, End, Jump };

/// One flat instruction. Invariant: indices (slot, peer, into, tmpl, cell, jump) were
/// resolved by compileScenario and are valid for its tables.
struct Instr {
    Step step = Step::Op;
    OpKind op = OpKind::Compute;
    PeerKind peer = PeerKind::None;
    bool blocking = true;
    /// An expression in it may fault: the kernel evaluates it before the operation runs.
    bool mayFault = false;
    bool waitingLoop = false; ///< while: isWaitingLoop(), its repeats count as spin time
    std::uint8_t depth = 0;   ///< enclosing repeats; the round for `{i}` is rounds[depth - 1]
    std::uint16_t line = 0;
    /// Mailbox / segment / semaphore name slot, peer process, or the variable of set/add.
    std::int32_t slot = -1;
    std::int32_t into = -1; ///< receive/read: variable slot
    std::int32_t ok = -1;   ///< non-blocking send/receive: variable slot of `ok:`
    std::int32_t tmpl = -1; ///< message / value / caption template
    std::int32_t cell = -1; ///< read/write: cell slot of the segment name
    std::int32_t jump = -1; ///< LoopBegin: index after the loop; LoopEnd: body start
    std::int32_t expr = -1; ///< while/if: the condition (CompiledScenario::conditions)
    /// The template whose value is `n` at run time (`offset: "{16 + 8 * in}"`), or -1.
    std::int32_t numTmpl = -1;
    std::int64_t n = 0;             ///< compute ticks, repeat rounds, read/write offset
    const Operation* src = nullptr; ///< rarely used fields (mailbox_create, shm_create, ...)
};

/// The name tables of a scenario's objects. Invariant: slot i of a kind is the i-th
/// distinct name of that kind in program order.
struct NameTable {
    std::vector<std::string> names;
    int slot(const std::string& name);
};

/// Every process's program, compiled. Invariant: programs[p] ends with Step::End.
struct CompiledScenario {
    std::vector<std::vector<Instr>> programs;
    std::vector<CompiledTemplate> templates;
    std::vector<Expression> conditions; ///< while/if conditions, names resolved to slots
    NameTable mailboxes;
    NameTable segments;
    NameTable semaphores;
    VariableTable variables;
    /// Per segment name: the distinct offsets its reads and writes use (cell slots).
    std::vector<std::vector<std::int64_t>> cellOffsets;
    /// Program operations a full run executes (repeat bodies multiplied); for reserving.
    std::uint64_t estimatedOps = 0;
    /// Events those operations emit when nothing blocks (before scheduling events).
    std::uint64_t estimatedEvents = 0;
};

CompiledScenario compileScenario(const Scenario& scenario, StringPool& pool);

} // namespace ipclab
