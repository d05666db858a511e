#pragma once
// The simulated machine behind simulate(): process table, CPUs, IPC objects and the step
// loop. Internal to ipclab_kernel; the public entry point is kernel.h.

#include "kernel.h"
#include "objects.h"
#include "program.h"
#include "scheduler.h"
#include "stringpool.h"

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace ipclab {

/// What a blocked process waits for.
enum class WaitKind : std::uint8_t {
    None,
    MailboxReceive, ///< an empty mailbox
    MailboxSend,    ///< room in a full bounded mailbox (its message waits in `pending`)
    MailboxAck,     ///< a receiver to take its rendezvous message
    LinkReceive,    ///< a message on one link
    AnyReceive,     ///< a message on any of its links
    SemWait,        ///< a semaphore above zero
};

/// One segment mapped into a process's address space.
struct Attachment {
    int segment = -1;
    std::int32_t address = 0; ///< in pages
    bool writable = true;
};

/// The process control block. Invariant: `cpu` >= 0 exactly when state == Running;
/// wait* describe the blocking call exactly when state == Blocked.
struct Pcb {
    ProcState state = ProcState::New;
    int pc = 0;
    int cpu = -1;
    int uid = 1000;
    std::uint64_t busyLeft = 0; ///< ticks of the current operation still to run
    std::array<std::int64_t, kMaxNesting + 1> rounds{};
    std::array<std::int64_t, kMaxNesting + 1> roundLimits{}; ///< each repeat's count
    /// CPU ticks its operations have cost so far (conditions included).
    std::uint64_t cpuUsed = 0;
    /// The waiting loop (code index of its condition) it is in and the CPU it had used
    /// when it last checked the condition: the spin time of the iteration since.
    int spinPc = -1;
    std::uint64_t spinCpu = 0;
    std::vector<Local> locals; ///< by variable slot

    WaitKind wait = WaitKind::None;
    int waitIndex = -1;  ///< mailbox / link / semaphore index
    int waitObject = -1; ///< trace object (-1: any link)
    OpKind waitOp = OpKind::Compute;
    std::uint16_t waitLine = 0;
    int waitInto = -1;
    std::uint64_t waitCost = 0; ///< ticks the call costs once it completes
    Message pending;            ///< MailboxSend: the message; MailboxAck: its id

    std::vector<Attachment> attachments;
    std::vector<int> segmentBySlot; ///< segment name slot -> segment it reads/writes
    std::int32_t nextPage = 0;
    std::vector<int> links;
};

/// One CPU. Invariant: busyUntil/sliceEnd are meaningful only while proc >= 0.
struct Cpu {
    int proc = -1;
    std::uint64_t busyUntil = 0;
    std::uint64_t sliceEnd = 0;
    /// Choice points: who runs at proc's next operation boundary is already decided
    /// (by its dispatch, or by the choice made there).
    bool chosen = false;
};

/// Where a paused Machine waits for a choice.
enum class Pause : std::uint8_t {
    None,
    Dispatch, ///< an idle CPU and two or more ready processes
    Boundary, ///< a running process between two operations, others ready
};

/// Runs one scenario to its end. Invariant: every event it appends has time == m_now and
/// m_now never decreases. Copyable: a copy continues independently (it shares the
/// compiled programs and the append-only string pool, so equal texts keep equal ids).
class Machine {
public:
    Machine(const Scenario& scenario, const RunOptions& options);
    SimulationResult run();

    // Choice points (choice.cpp; the public face is Simulation in simulation.h).
    /// Every operation boundary with two or more runnable processes becomes a choice
    /// point; no quantum or priority preemption (the caller is the scheduler).
    void setChoicePoints(bool on) { m_choicePoints = on; }
    bool choicePoints() const { return m_choicePoints; }
    /// Events are counted but not kept (the explorer); objects are still named.
    void setRecording(bool on);
    /// Runs until a choice point needs a decision (true) or the run is over (false).
    bool advance();
    bool paused() const { return m_pause != Pause::None; }
    bool stopped() const { return m_stopped; }
    /// At a choice point: who may run next (the one on the CPU first, then the ready
    /// queue in its order).
    const std::vector<int>& options() const { return m_choiceOptions; }
    int choiceCpu() const { return m_choiceCpu; }
    /// Decides the pending choice point; the next advance() carries it out.
    void choose(int proc) { m_decision = proc; }
    /// The scenario's own policy decides from now on (manual becomes round-robin).
    void handOver();
    /// At a choice point nobody decides: the run ends with Outcome::AwaitingChoice.
    void endAwaitingChoice();
    /// A hash of everything that decides the run's future (not time, message ids or the
    /// trace): equal states behave the same under every schedule.
    std::uint64_t stateHash() const;
    /// The trace so far (after the end: complete, with RunEnd).
    const Trace& trace() const { return m_trace; }
    /// Finishes the trace (strings, capacity) and moves it out; once, after the end.
    Trace takeTrace();
    /// Values for observers: a segment's cell, a process's variable (false if none).
    bool segmentCell(const std::string& segment, std::int64_t offset, SimValue& out) const;
    bool variable(int proc, const std::string& var, SimValue& out) const;
    std::string valueText(const SimValue& v) const;

private:
    enum class Exec : std::uint8_t { Next, Blocked, Ended };

    // step loop (kernel.cpp)
    void admitArrivals();
    bool settle();
    bool preempt();
    bool dispatchIdle();
    bool executeCpus();
    void runOn(int cpu);
    /// Runs loop bookkeeping up to the next operation; true when the program is over.
    bool skipControl(int p);
    void finish(Outcome outcome);
    void stop(Outcome outcome);
    void start();
    /// The step loop from where it stands; returns when paused or stopped.
    void loop();

    // choice points (choice.cpp)
    /// At runOn's operation boundary: false when the process must not run its next
    /// operation now (paused for a choice, or another process got the CPU).
    bool boundaryChoice(int cpu);
    /// dispatchIdle's choice among two or more ready: the process to dispatch, or -1
    /// when paused.
    int dispatchChoice(int cpu);
    void emitChoice(int cpu, int proc);
    /// Dispatches ready process `proc` (already out of the ready queue) on idle `cpu`.
    void putOn(int cpu, int proc, std::int32_t candidates);

    // process life cycle (process.cpp)
    void setReady(int p);
    void block(int p, const Instr& in, WaitKind kind, int index, int object);
    void wake(int p);
    void terminate(int p);
    Exec execute(int p, const Instr& in);
    std::int64_t round(int p, const Instr& in) const;
    /// The instruction a process is at: the one in progress, else the next one.
    const Instr& current(int p) const;
    SimValue expand(int p, const Instr& in);
    void setVar(int p, OpKind op, std::uint16_t line, int var, const SimValue& v);
    std::uint64_t opCost(const Instr& in, int syscalls) const;

    // events (process.cpp)
    void emit(EventKind kind, int p, OpKind op, std::uint16_t line, int object, std::int32_t a,
              std::int32_t b, StringId text, std::uint8_t flags = 0);
    void sys(int p, const Instr& in, StringId name, int object, CallResult r,
             std::int32_t bytes = 0, std::uint8_t flags = 0);
    /// A syscall event on behalf of blocked process p (the op it is blocked in).
    void sysFor(int p, StringId name, int object, CallResult r, std::int32_t bytes,
                std::uint8_t flags);
    void received(int p, OpKind op, std::uint16_t line, int object, const Message& m, int into);

    /// False (after a failed `call`) when the trace's object table is full: event
    /// object fields are 16 bits.
    bool roomForObject(int p, const Instr& in, StringId call);

    // expressions and their faults (faults.cpp)
    /// Evaluates the instruction's expressions; false (the process faulted) on a fault.
    /// `dyn` gets the instruction with its computed number (`numTmpl`) in `n`.
    bool checkExpressions(int p, const Instr& in, Instr& dyn);
    /// A `while`/`if` condition: one tick of CPU, no syscall; jumps when false.
    Exec condition(int p, const Instr& in);
    /// A repeat whose count is computed: starts its first round or skips it.
    Exec beginRepeat(int p, const Instr& in);
    /// The cell of a computed offset in segment `s`.
    std::size_t cellAt(Segment& s, std::int64_t offset);
    /// The process dies of a fault in its program (division by zero, ...), shown in the
    /// trace as segfault() shows a bad access: never a crash of the simulator.
    Exec fault(int p, const Instr& in, const std::string& why);

    // messages (mailboxops.cpp, linkops.cpp)
    Exec mailboxCreate(int p, const Instr& in);
    Exec mailboxDelete(int p, const Instr& in);
    int openMailbox(int p, const Instr& in, StringId call);
    Exec mailboxSend(int p, const Instr& in);
    Exec mailboxReceive(int p, const Instr& in);
    void giveToReceiver(Mailbox& mb, const Message& m);
    void destroyMailbox(int index, int p, OpKind op, std::uint16_t line);
    int newLink(int p, int peer, const Instr& in);
    int linkFor(int p, int peer, const Instr& in);
    void closeLink(int index, int p, OpKind op, std::uint16_t line);
    Exec connect(int p, const Instr& in);
    Exec disconnect(int p, const Instr& in);
    Exec linkSend(int p, const Instr& in);
    Exec linkReceive(int p, const Instr& in);
    Exec anyReceive(int p, const Instr& in);

    // shared memory and semaphores (memoryops.cpp, semops.cpp)
    Exec shmCreate(int p, const Instr& in);
    Exec shmAttach(int p, const Instr& in);
    Exec shmDetach(int p, const Instr& in);
    Exec shmRemove(int p, const Instr& in);
    Exec shmRead(int p, const Instr& in);
    Exec shmWrite(int p, const Instr& in);
    bool lookupSegment(int p, const Instr& in, int& index);
    void detach(int p, std::size_t attachment, OpKind op, std::uint16_t line);
    void destroySegment(Segment& s, int p, OpKind op, std::uint16_t line);
    Exec segfault(int p, const Instr& in);
    /// A `set` made a value longer than kMaxValueLength: the process dies.
    Exec valueTooLong(int p, const Instr& in);
    Exec semCreate(int p, const Instr& in);
    Exec semWait(int p, const Instr& in);
    Exec semPost(int p, const Instr& in);
    int lookupSemaphore(int p, const Instr& in);

    const Scenario& m_scenario;
    RunOptions m_options;
    Trace m_trace;
    std::shared_ptr<StringPool> m_sharedPool;
    StringPool& m_pool;
    /// Kernel names of the syscalls, interned once.
    struct Names {
        StringId mqOpen, mqUnlink, mqSend, mqReceive, socketpair, shutdown, sendto, recvfrom, ppoll,
            shmget, shmat, shmdt, shmctl, semget, semctl, semop, segfault;
    };
    static Names internNames(StringPool& pool);
    Names m_names{};
    std::shared_ptr<const CompiledScenario> m_sharedCode;
    const CompiledScenario& m_code;
    Scheduler m_scheduler;
    TemplateExpander m_expander;
    std::vector<Pcb> m_procs;
    std::vector<Cpu> m_cpus;
    std::vector<int> m_arrivals; ///< processes by (start, index)
    std::size_t m_nextArrival = 0;
    std::uint64_t m_now = 0;
    bool m_stopped = false;
    int m_opSyscalls = 0;                     ///< counted syscalls of the operation being executed
    CallResult m_lastResult = CallResult::Ok; ///< of the last syscall (for `ok:`)
    std::int32_t m_nextMessage = 1;
    std::int32_t m_nextShmId = 0;
    std::vector<int> m_readyChoices;

    std::vector<Mailbox> m_mailboxes;
    std::vector<int> m_mailboxBySlot; ///< latest mailbox of each name, or -1
    std::vector<Link> m_links;
    std::vector<int> m_linkByPair; ///< [a * n + b] -> latest link of the pair, or -1
    std::vector<Segment> m_segments;
    std::vector<int> m_segmentBySlot;
    std::vector<Semaphore> m_semaphores;
    std::vector<int> m_semaphoreBySlot;
    std::vector<StringId> m_varNames;
    StringId m_true = kNoString;
    StringId m_false = kNoString;

    // choice points
    bool m_started = false;
    bool m_choicePoints = false;
    bool m_record = true;
    std::uint64_t m_eventCount = 0; ///< events emitted (kept or not)
    Pause m_pause = Pause::None;
    int m_choiceCpu = -1;
    int m_decision = -1;
    std::vector<int> m_choiceOptions;
};

} // namespace ipclab
