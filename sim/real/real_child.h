#pragma once
// The program of one scenario process, run for real inside its fork()ed child: every
// operation becomes the syscalls of the contract, and every step is recorded into the
// child's ring (plain memory writes, no syscalls).

#include "busy_loop.h"
#include "event.h"
#include "expression.h"
#include "real_plan.h"
#include "real_shared.h"
#include "scenario.h"
#include "syscall_counter.h"
#include "value.h"

#include <cerrno>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab::real {

/// The trace's object field for a plan index (-1: none).
inline std::uint16_t objectField(int object) {
    return object < 0 ? kNoObject : static_cast<std::uint16_t>(object);
}

/// How a child ends, as its exit status (the runner reads it with wait4).
enum class ChildExit : int {
    Done = 0,               ///< the program ran to its end
    Fault = 2,              ///< a runtime error ended the program (the trace says which)
    ForeignObject = 3,      ///< an object of the run was someone else's: the run refuses
    CredentialsFailed = 20, ///< could not become the scenario's uid
    RunnerGone = 21,        ///< the runner died before the child was set up
};

struct ChildConfig {
    int self = 0;                   ///< process index
    std::uint64_t tickNs = 1000000; ///< nanoseconds per compute tick
    double itersPerUs = 100;        ///< busy loop calibration
    /// A blocking call that took longer than this is shown as blocked (it slept).
    std::uint64_t blockedThresholdNs = 20000;
};

/// Runs one process's program. Invariant: every call it issues is recorded as exactly
/// one Syscall event without kFlagCompletes (plus one with it when the call slept).
class ChildInterpreter {
public:
    ChildInterpreter(const Scenario& scenario, const RunPlan& plan, SharedArea& shared,
                     const ChildConfig& config);
    /// Executes the program; returns how it ended.
    ChildExit run();

private:
    struct CallOutcome {
        long ret = 0;
        int err = 0;
        std::uint64_t t0 = 0;
        std::uint64_t t1 = 0;
    };
    struct SegmentHandle {
        bool known = false; ///< this process has the id (created or looked up)
        int id = -1;
        unsigned char* addr = nullptr;
        bool readOnly = false;
    };
    struct QueueHandle {
        bool known = false;
        int data = -1;
        int ack = -1;
    };

    // execution
    void exec(const std::vector<Operation>& ops, std::int64_t round);
    void step(const Operation& op, std::int64_t round);
    void fail(const Operation& op, int object, const std::string& why);
    void awaitCreation(const Operation& op, int object, Sys lookup);
    /// Whether this process makes `object` (exclusively): the first of the run to create
    /// it since it last went away. The others wait for it and open what it made.
    bool claimCreation(int object);
    /// The object this run meant to use is someone else's: record it and end the run.
    void refuseForeign(const Operation& op, int object, const std::string& why);
    /// Whether the queue behind `fd` is owned by the uid that made the run's object.
    bool queueIsOurs(int fd, int object) const;
    /// Publishes a created object's id and owner to the other processes.
    void published(int object, int sysvId);
    Value expand(const Operation& op, std::int64_t round) const;
    bool expandChecked(const Operation& op, std::int64_t round, Value& out, ExprFault& fault) const;
    /// Evaluates the operation's expressions first; false (the process faulted) on a fault.
    bool checkExpressions(const Operation& op, std::int64_t round);
    /// The operation with its computed number (numberTemplate) in place; false on a fault.
    bool computeNumber(const Operation& op, std::int64_t round, std::int64_t& out);
    /// A `while`/`if` condition, evaluated and recorded as the simulator does.
    bool condition(const Operation& op, std::int64_t round, bool& holds);
    void faultOf(const Operation& op, const std::string& why);
    VariableLookup lookup() const;

    // recording
    std::uint64_t now() const;
    void record(EventKind kind, const Operation& op, int object, std::int32_t a = 0,
                std::int32_t b = 0, std::string_view text = {}, std::string_view name = {},
                std::uint8_t flags = 0, std::uint8_t extra = 0, std::uint64_t time = 0);
    void recordState(ProcState state, const Operation* op, int object, std::uint64_t time);
    template <typename F>
    CallOutcome issue(const Operation& op, int object, Sys sys, bool blocking, F&& call);
    CallResult finish(const Operation& op, int object, Sys sys, bool blocking,
                      const CallOutcome& outcome, std::int32_t bytes);
    void recordSyscallOnly(const Operation& op, int object, Sys sys, CallResult result,
                           std::uint8_t flags = 0);

    // shared memory and semaphores (real_child.cpp)
    void shmCreate(const Operation& op);
    void shmAttach(const Operation& op);
    void shmDetach(const Operation& op);
    void shmRemove(const Operation& op);
    bool segmentLookup(const Operation& op, int object);
    void shmRead(const Operation& op, std::int64_t round);
    void shmWrite(const Operation& op, std::int64_t round);
    void semCreate(const Operation& op);
    void semChange(const Operation& op, int delta);

    // messages (real_child_msg.cpp)
    void mailboxCreate(const Operation& op);
    void mailboxDelete(const Operation& op);
    bool queueLookup(const Operation& op, int object);
    void sendMailbox(const Operation& op, std::int64_t round);
    void receiveMailbox(const Operation& op);
    void openLink(const Operation& op, int object);
    void disconnect(const Operation& op);
    void sendDirect(const Operation& op, std::int64_t round);
    void receiveDirect(const Operation& op);
    void receiveAny(const Operation& op);
    void delivered(const Operation& op, int object, const char* buf, long len);
    std::string frame(const std::string& text, std::uint32_t& id) const;

    const Scenario& m_scenario;
    const RunPlan& m_plan;
    SharedArea& m_shared;
    ChildConfig m_config;
    ChildStatus& m_status;
    RingWriter m_ring;
    const ProcessSpec& m_spec;
    std::uint64_t m_start = 0;
    bool m_dead = false;                      ///< a runtime error ended the program
    CallResult m_lastResult = CallResult::Ok; ///< of the last call finish() saw (`ok:`)
    ChildExit m_exit = ChildExit::Done;
    std::uint64_t m_events = 0; ///< events recorded, mirrored in m_status.events
    std::map<std::string, Value> m_vars;
    std::map<const Operation*, Expression> m_conditions; ///< parsed once
    /// The last `while` condition evaluated, when it was and what it read (spin time).
    const Operation* m_spinOp = nullptr;
    std::uint64_t m_spinSince = 0;
    std::vector<SegmentHandle> m_segments; ///< index = plan object
    std::vector<QueueHandle> m_queues;     ///< index = plan object
    std::vector<bool> m_semKnown;          ///< index = plan object
    std::vector<int> m_semIds;             ///< index = plan object
    std::vector<bool> m_linkKnown;         ///< index = plan object
    std::vector<bool> m_linkShut;          ///< index = plan object
    std::vector<char> m_buffer;            ///< receive buffer
};

template <typename F>
inline ChildInterpreter::CallOutcome ChildInterpreter::issue(const Operation& op, int object,
                                                             Sys sys, bool blocking, F&& call) {
    CallOutcome out;
    out.t0 = now();
    if (blocking) {
        // Tell the watchdog what we are about to wait in, before we may wait.
        m_status.callStart = out.t0;
        m_status.callOp = static_cast<std::uint8_t>(op.kind);
        m_status.callSyscall = static_cast<std::uint8_t>(sys);
        m_status.callObject = objectField(object);
        m_status.callLine = static_cast<std::uint16_t>(op.pos.line);
        m_status.phase.store(InCall, std::memory_order_release);
    }
    errno = 0;
    out.ret = call();
    out.err = out.ret < 0 ? errno : 0;
    out.t1 = now();
    if (blocking) {
        m_status.phase.store(Running, std::memory_order_release);
        m_status.callSeq.fetch_add(1, std::memory_order_relaxed);
    }
    return out;
}

} // namespace ipclab::real
