// The six exercise topics. Each draws a few numbers from the seed (bigger at higher
// difficulty) and writes the lecture's situation with them; the questions are answer
// expressions, so what the student is told is right is what the simulator computes.

#include "exercisedraft.h"

namespace ipclab {

namespace {

using Lines = std::vector<std::string>;
using std::to_string;

Lines repeat(int n, const Lines& body) {
    Lines out = {"- repeat: " + to_string(n), "  do:"};
    for (const auto& line : body) {
        out.push_back("    " + line);
    }
    return out;
}

void append(Lines& to, const Lines& more) {
    to.insert(to.end(), more.begin(), more.end());
}

std::string compute(int ticks) {
    return "- compute: " + to_string(ticks);
}

std::string quantum(int q) {
    return "{ cpus: 1, scheduler: round-robin, quantum: " + to_string(q) + ", seed: 1 }";
}

} // namespace

Draft syscallsExercise(ExerciseRng& rng, int d) {
    const int n = rng.range(2, 3 + 3 * d);
    Draft draft;
    if (rng.coin()) {
        draft.title = "System calls: " + to_string(n) + " items through a mailbox";
        draft.description = "The producer sends " + to_string(n) +
                            " items through a mailbox; every send and every receive is a "
                            "system call (the kernel copies the message twice).";
        DraftProcess producer{
            "producer", 0, {"- mailbox_create: { name: M, capacity: unbounded }"}};
        append(producer.program,
               repeat(n, {compute(1), "- send: { mailbox: M, message: \"item {i}\" }"}));
        DraftProcess consumer{"consumer", 1, {}};
        append(consumer.program,
               repeat(n, {"- receive: { mailbox: M, into: item }", compute(rng.range(1, 2))}));
        draft.processes = {producer, consumer};
        draft.questions = {
            {"How many system calls does the producer make?", "syscalls(producer)", {}},
            {"How many system calls does the consumer make?", "syscalls(consumer)", {}},
            {"How many system calls do both make together?", "total_syscalls", {}},
        };
        return draft;
    }
    draft.title = "System calls: " + to_string(n) + " items through shared memory";
    draft.description = "The writer puts " + to_string(n) +
                        " values into a shared segment and the reader reads them: after "
                        "the set-up, reads and writes are plain memory accesses.";
    const int key = 6000 + rng.range(1, 999);
    DraftProcess writer{
        "writer",
        0,
        {"- shm_create: { name: S, key: " + to_string(key) + ", size: 4096 }", "- shm_attach: S"}};
    append(writer.program, repeat(n, {"- write: { segment: S, offset: 0, value: \"{i}\" }"}));
    writer.program.push_back("- shm_detach: S");
    DraftProcess reader{"reader", 4 + 2 * n, {"- shm_attach: S"}};
    append(reader.program, repeat(n, {"- read: { segment: S, offset: 0, into: x }"}));
    reader.program.push_back("- shm_detach: S");
    draft.processes = {writer, reader};
    draft.questions = {
        {"How many system calls does the writer make?", "syscalls(writer)", {}},
        {"How many system calls does the reader make?", "syscalls(reader)", {}},
        {"What value is at offset 0 of S at the end?", "segment(S, 0)", {}},
    };
    return draft;
}

Draft blockingExercise(ExerciseRng& rng, int d) {
    const int capacity = rng.range(1, 1 + d);
    const int n = capacity + rng.range(2, 2 + 2 * d);
    const int slow = rng.range(2, 4);
    Draft draft;
    draft.title = "Blocking: a mailbox of capacity " + to_string(capacity);
    draft.description = "The producer sends " + to_string(n) + " items into a mailbox that holds " +
                        to_string(capacity) + "; the consumer needs " + to_string(slow) +
                        " ticks per item.";
    draft.kernel = quantum(rng.range(1, 3));
    DraftProcess producer{
        "producer", 0, {"- mailbox_create: { name: M, capacity: " + to_string(capacity) + " }"}};
    append(producer.program,
           repeat(n, {compute(1), "- send: { mailbox: M, message: \"item {i}\" }"}));
    DraftProcess consumer{"consumer", 1, {}};
    append(consumer.program, repeat(n, {"- receive: { mailbox: M, into: item }", compute(slow)}));
    draft.processes = {producer, consumer};
    draft.questions = {
        {"How many times does the producer block?", "blocked(producer)", {}},
        {"Who blocks first?", "first_blocked", {"producer", "consumer", "none"}},
        {"What is the most messages waiting in M at once?", "queue_max(M)", {}},
    };
    return draft;
}

Draft rendezvousExercise(ExerciseRng& rng, int d) {
    const int n = rng.range(2, 2 + 2 * d);
    const int work = rng.range(1, 4);
    Draft draft;
    draft.title = "Rendezvous: a mailbox of capacity 0";
    draft.description = "With no buffer, a send waits until the receiver takes the message. "
                        "The receiver computes " +
                        to_string(work) + " ticks before each of its " + to_string(n) +
                        " receives.";
    draft.kernel = quantum(rng.range(1, 3));
    DraftProcess sender{"sender", 0, {"- mailbox_create: { name: R, capacity: 0 }"}};
    append(sender.program, repeat(n, {"- send: { mailbox: R, message: \"m{i}\" }"}));
    DraftProcess receiver{"receiver", 1, {}};
    append(receiver.program, repeat(n, {compute(work), "- receive: { mailbox: R, into: m }"}));
    draft.processes = {sender, receiver};
    draft.questions = {
        {"How many times does the sender block?", "blocked(sender)", {}},
        {"How many times does the receiver block?", "blocked(receiver)", {}},
        {"Who blocks first?", "first_blocked", {"sender", "receiver", "none"}},
    };
    return draft;
}

Draft linksExercise(ExerciseRng& rng, int d) {
    const int clients = rng.range(2, 2 + d);
    const bool direct = rng.coin();
    Draft draft;
    draft.title = std::string("Links: ") + to_string(clients) + " clients and a server, " +
                  (direct ? "direct naming" : "one mailbox");
    draft.description = direct ? "Each client sends to the server by name: a link per pair."
                               : "Each client sends to one mailbox the server reads.";
    DraftProcess server{"server", 0, {}};
    if (!direct) {
        server.program.push_back("- mailbox_create: { name: requests, capacity: unbounded }");
    }
    append(server.program,
           repeat(clients, {direct ? "- receive: { from: any, into: request }"
                                   : "- receive: { mailbox: requests, into: request }",
                            compute(1)}));
    draft.processes = {server};
    for (int c = 1; c <= clients; ++c) {
        const std::string name = "client_" + to_string(c);
        draft.processes.push_back(
            {name,
             1,
             {compute(rng.range(1, 3)),
              direct ? "- send: { to: server, message: \"hello from " + name + "\" }"
                     : "- send: { mailbox: requests, message: \"hello from " + name + "\" }"}});
    }
    draft.questions = {
        {"How many direct links are opened?", "links", {}},
        {"How many system calls does the server make?", "syscalls(server)", {}},
        {"How many system calls do all processes make together?", "total_syscalls", {}},
    };
    return draft;
}

Draft deadlockExercise(ExerciseRng& rng, int d) {
    const bool opposite = rng.range(0, 3) != 0; // mostly the dangerous order
    const int q = rng.range(1, 2 + d);
    Draft draft;
    draft.title = std::string("Deadlock? Two locks taken in ") +
                  (opposite ? "opposite orders" : "the same order");
    draft.description = "p1 takes A then B; p2 takes " +
                        std::string(opposite ? "B then A" : "A then B") +
                        ". Round-robin with quantum " + to_string(q) + ".";
    draft.kernel = quantum(q);
    const auto body = [&](const char* first, const char* second) {
        return Lines{"- sem_wait: " + std::string(first),  compute(rng.range(1, 3)),
                     "- sem_wait: " + std::string(second), compute(1),
                     "- sem_post: " + std::string(second), "- sem_post: " + std::string(first)};
    };
    DraftProcess p1{
        "p1", 0, {"- sem_create: { name: A, value: 1 }", "- sem_create: { name: B, value: 1 }"}};
    append(p1.program, body("A", "B"));
    DraftProcess p2{"p2", rng.range(5, 8), opposite ? body("B", "A") : body("A", "B")};
    draft.processes = {p1, p2};
    draft.questions = {
        {"How does the run end?", "outcome", {"completed", "deadlock"}},
        {"Which cycle, if any?", "deadlock_cycle", {"p1 -> p2 -> p1", "p2 -> p1 -> p2", "none"}},
        {"In which state does p2 end?", "state(p2)", {"terminated", "blocked"}},
    };
    return draft;
}

Draft racesExercise(ExerciseRng& rng, int d) {
    const int rounds = rng.range(2, 2 + 2 * d);
    const int q = rng.range(1, 5);
    Draft draft;
    draft.title =
        "Races: two tellers, " + to_string(rounds) + " increments each, quantum " + to_string(q);
    draft.description = "Each teller reads the shared balance, computes, and writes it back "
                        "plus one. A preemption between the read and the write loses an update.";
    draft.kernel = quantum(q);
    const int key = 7000 + rng.range(1, 999);
    DraftProcess setup{"setup",
                       0,
                       {"- shm_create: { name: bank, key: " + to_string(key) + ", size: 4096 }",
                        "- shm_attach: bank", "- write: { segment: bank, offset: 0, value: 0 }",
                        "- shm_detach: bank"}};
    const auto teller = [&](const std::string& name) {
        DraftProcess t{name, 5, {"- shm_attach: bank"}};
        append(t.program, repeat(rounds, {"- read: { segment: bank, offset: 0, into: balance }",
                                          compute(rng.range(1, 2)), "- add: balance",
                                          "- write: { segment: bank, offset: 0, value: "
                                          "\"{balance}\" }"}));
        t.program.push_back("- shm_detach: bank");
        return t;
    };
    draft.processes = {setup, teller("teller_1"), teller("teller_2")};
    draft.questions = {
        {"What is the final balance (expected " + to_string(2 * rounds) + ")?",
         "segment(bank, 0)",
         {}},
        {"How many updates are lost?", to_string(2 * rounds) + " - segment(bank, 0)", {}},
        {"How many times is teller_1 put on the CPU?", "context_switches(teller_1)", {}},
    };
    return draft;
}

} // namespace ipclab
