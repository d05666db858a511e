#pragma once
// The scenario model: what an instructor's YAML file says, after loading and validation.
// Both engines (simulated kernel, real forked processes) take a Scenario and produce a Trace.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab {

/// A place in a scenario file, 1-based; 0 means "not from a file".
struct SourcePos {
    int line = 0;
    int column = 0;
};

/// Every operation a process program may contain. The scenario's names are the contract
/// (see opName); the numeric order is used in compact trace events, so only append.
enum class OpKind : std::uint8_t {
    Compute,
    Send,
    Receive,
    Connect,
    Disconnect,
    MailboxCreate,
    MailboxDelete,
    ShmCreate,
    ShmAttach,
    ShmDetach,
    ShmRemove,
    Read,
    Write,
    SemCreate,
    SemWait,
    SemPost,
    Set,
    Add,
    Repeat,
    Say,
    Ask,   ///< a question at this moment; its answer is computed from the finished run
    While, ///< `while: COND` with `do:`: the condition costs one tick, no syscall
    If,    ///< `if: COND` with `then:` and optional `else:`
};
inline constexpr int kOpKindCount = 23;

/// Operations that hold other operations (repeat, while, if): structure, not a cost.
inline bool isControl(OpKind kind) {
    return kind == OpKind::Repeat || kind == OpKind::While || kind == OpKind::If;
}

/// The scenario file's name of an operation, e.g. "mailbox_create".
std::string_view opName(OpKind kind);
/// The operation for a scenario name, or nothing for an unknown name.
std::optional<OpKind> opFromName(std::string_view name);

/// Who a send/receive talks to.
enum class PeerKind : std::uint8_t {
    None,    ///< not a message operation
    Process, ///< direct naming: `to: bob` / `from: bob` (symmetric)
    Any,     ///< asymmetric naming: `from: any`
    Mailbox, ///< indirect: `mailbox: M`
};

/// A mailbox capacity of this value means "unbounded".
inline constexpr std::int64_t kUnbounded = -1;

/// Text a lesson gives in more languages than English: language code ("zh", "zh_TW") to
/// text. Reports and traces keep the English text; the window shows the user's language.
using Translations = std::map<std::string, std::string>;

/// One operation of a process's program, as written in the file. Fields that an
/// operation does not use keep their defaults; the loader guarantees that the ones it
/// uses are present and valid, and that every name refers to something declared.
struct Operation {
    OpKind kind = OpKind::Compute;
    SourcePos pos; ///< where the operation's key stands in the file

    std::int64_t ticks = 0; ///< compute

    /// send/receive: the peer (process name, or mailbox name when peerKind == Mailbox;
    /// empty for `from: any`). connect/disconnect: the peer process.
    /// mailbox_delete, shm_attach/detach/remove, read/write (segment), sem_wait/post:
    /// the object's name. set/add: the variable. mailbox_create/shm_create/sem_create:
    /// the new object's name.
    std::string object;
    PeerKind peerKind = PeerKind::None;

    /// send: the message template; say: the caption; write/set/add: the value template.
    /// A template may hold `{i}` (the innermost repeat's round, from 1) and `{var}`
    /// (a local variable). A template that is exactly one placeholder keeps the
    /// variable's type (integer stays integer).
    std::string text;
    /// say: the caption in other languages, by language code ("zh"), when the file gave
    /// `say: { en: ..., zh: ... }`; `text` holds the English one. A translation uses only
    /// placeholders of the English text.
    Translations translations;
    /// write/set/add: true when the value was written as a plain integer in the file;
    /// then `number` holds it and `text` its decimal form.
    bool textIsNumber = false;
    std::int64_t number = 0;

    std::string into;     ///< receive/read: the variable that gets the value (may be empty)
    bool blocking = true; ///< send/receive
    /// send/receive with `blocking: false`: the variable that gets 1 when the call did its
    /// job, 0 when it would have blocked (may be empty).
    std::string ok;

    std::int64_t capacity = 0; ///< mailbox_create: 0 rendezvous, N bounded, kUnbounded
    /// mailbox_create `owner: process`: the mailbox ends with its creator (textbook
    /// variant); the default `owner: kernel` keeps it until mailbox_delete (POSIX).
    bool ownedByProcess = false;
    std::string key;                 ///< shm_create: the segment's key, as the file wrote it
    std::int64_t size = 0;           ///< shm_create: bytes
    int mode = 0600;                 ///< shm_create: permission bits (octal in the file)
    std::int64_t offset = 0;         ///< read/write: byte offset into the segment
    std::int64_t value = 0;          ///< sem_create: initial value
    std::int64_t count = 0;          ///< repeat: rounds
    std::vector<Operation> body;     ///< repeat, while: the `do:` list; if: the `then:` list
    std::vector<Operation> elseBody; ///< if: the `else:` list (may be empty)
    /// while/if: the condition, an expression (expression.h) checked by the loader.
    std::string condition;
    /// When not empty, the run-time number of this operation (compute's ticks, read and
    /// write's offset, sem_create's value, repeat's count) is this template's value,
    /// e.g. "{16 + 8 * in}", computed when the operation runs; the number field is unused.
    std::string numberTemplate;

    /// ask: the question is `text`; `answer` is an expression over the finished run
    /// (`syscalls(consumer)`), `answerPos` where its text starts in the file, so that a
    /// bad expression is reported at its column; `choices` as written (may be empty).
    std::string answer;
    SourcePos answerPos;
    std::vector<std::string> choices;
};

/// A `while` whose body only looks (reads, non-blocking receives, captions): it waits
/// for another process to change something. Each of its iterations after which the
/// condition still holds is busy waiting: CPU spent for nothing (the report's spin_time).
bool isWaitingLoop(const Operation& loop);

enum class SchedulerPolicy : std::uint8_t {
    Fcfs,       ///< first come, first served; runs until it blocks or ends
    RoundRobin, ///< preempts after `quantum` ticks
    Priority,   ///< smallest priority number first, preemptive; FCFS among equals
    Random,     ///< a seeded pseudo-random ready process at every decision
    Manual,     ///< the user picks (RunOptions::choices); the GUI's "you are the scheduler"
};
std::string_view policyName(SchedulerPolicy policy);
std::optional<SchedulerPolicy> policyFromName(std::string_view name);

/// The `kernel:` block.
struct KernelSettings {
    int cpus = 1; ///< 1..16
    SchedulerPolicy scheduler = SchedulerPolicy::RoundRobin;
    int quantum = 2;                  ///< ticks, round-robin and priority
    std::uint64_t seed = 1;           ///< random policy (and anything else random)
    int syscallCost = 1;              ///< ticks a system call takes on the CPU
    int switchCost = 0;               ///< ticks a context switch takes
    std::int64_t timeLimit = 1000000; ///< ticks; past it the run ends with outcome time_limit
    SourcePos pos;
};

/// One process of the scenario. Its index in Scenario::processes is its id everywhere.
struct ProcessSpec {
    std::string name;
    int uid = 1000;
    int priority = 0;       ///< smaller runs first under the priority policy
    std::int64_t start = 0; ///< tick at which it arrives (new -> ready)
    SourcePos pos;
    std::vector<Operation> program;
};

/// A loaded, validated scenario file.
struct Scenario {
    std::string title;              ///< `scenario:` (English when the file gave several languages)
    std::string description;        ///< `description:`
    Translations titleTranslations; ///< `scenario: { en: ..., zh: ... }` but for en
    Translations descriptionTranslations; ///< likewise for `description:`
    std::string file; ///< path it was loaded from, for diagnostics; may be empty
    KernelSettings kernel;
    std::vector<ProcessSpec> processes;

    /// Index of the process with this name, or -1.
    int processIndex(std::string_view name) const;
};

/// Limits the loader enforces (also the real engine's first line of defence).
inline constexpr int kMaxProcesses = 64;
inline constexpr int kMaxCpus = 16;
inline constexpr std::int64_t kMaxSegmentSize = 1 << 20; ///< 1 MiB
inline constexpr std::int64_t kMaxMessageLength = 4096;  ///< bytes after expansion
inline constexpr std::int64_t kMaxCapacity = 1 << 16;    ///< bounded mailbox slots
inline constexpr std::int64_t kMaxRepeat = 100000000;    ///< rounds of one repeat
inline constexpr int kMaxNesting = 16;                   ///< repeat inside repeat

} // namespace ipclab
