#include "badfiles.h"

namespace {

// Most rows are one process `a` whose program starts on line 5, beside a process `b`.
const std::string kHead = "scenario: t\nprocesses:\n  - name: a\n    program:\n";
const std::string kTail = "  - name: b\n    program:\n      - compute: 1\n";

std::string prog(const std::string& lines) {
    return kHead + lines + kTail;
}

std::string nested(int levels) {
    std::string text = kHead;
    std::string indent = "      ";
    for (int i = 0; i < levels; ++i) {
        text += indent + "- repeat: 2\n" + indent + "  do:\n";
        indent += "    ";
    }
    return text + indent + "- compute: 1\n";
}

std::string manyProcesses(int count) {
    std::string text = "scenario: t\nprocesses:\n";
    for (int i = 0; i < count; ++i) {
        text += "  - {name: p" + std::to_string(i) + ", program: [compute: 1]}\n";
    }
    return text;
}

std::string manyErrors(int count) {
    std::string lines;
    for (int i = 0; i < count; ++i) {
        lines += "      - compute: x\n";
    }
    return prog(lines);
}

// Ten aliases of ten aliases of ... : a small file that would expand to 10^6 items.
std::string aliasBomb() {
    std::string text =
        "scenario: t\nprocesses:\n  - name: a\n    program:\n      - repeat: 1\n        do: "
        "&a0 [{compute: 1},{compute: 1},{compute: 1},{compute: 1},{compute: 1},"
        "{compute: 1},{compute: 1},{compute: 1},{compute: 1},{compute: 1}]\n";
    for (int level = 1; level <= 5; ++level) {
        const auto prev = "*a" + std::to_string(level - 1);
        text += "      - repeat: 1\n        do: &a" + std::to_string(level) + " [";
        for (int k = 0; k < 10; ++k) {
            text += std::string(k ? ", " : "") + "{repeat: 1, do: " + prev + "}";
        }
        text += "]\n";
    }
    return text;
}

} // namespace

const std::vector<BadFile>& badFiles() {
    static const std::vector<BadFile> rows = {
        {"syntax error", "scenario: [1, 2\nprocesses: []\n",
         "t.yaml:2:10: YAML syntax error: end of sequence flow not found; expected a "
         "']' closing the '[' list"},
        {"tab indentation", "scenario: t\nprocesses:\n\t- name: a\n",
         "t.yaml:3:1: tab character in indentation; YAML indents with spaces"},
        {"empty file", "",
         "t.yaml:1:1: file is empty; expected a map with 'scenario' and 'processes'"},
        {"only a comment", "# nothing here\n",
         "t.yaml:1:1: file is empty; expected a map with 'scenario' and 'processes'"},
        {"top level is a list", "- scenario: t\n",
         "t.yaml:1:1: expected a map with 'scenario' and 'processes' at the top level, got a list"},
        {"top level is a scalar", "hello\n",
         "t.yaml:1:1: expected a map with 'scenario' and 'processes' at the top level, got a "
         "string 'hello'"},
        {"invalid utf-8", "scenario: caf\xe9\nprocesses: []\n",
         "t.yaml:1:14: invalid UTF-8 byte 0xe9; save the file as UTF-8"},
        {"binary", std::string("scenario: t\n\x01\x02\0\x03", 16),
         "t.yaml:2:3: file holds binary data (a NUL byte); expected YAML text"},
        {"deep flow nesting", std::string(100000, '['),
         "t.yaml:1:1: nesting too deep for the YAML parser; a scenario needs only a few levels"},
        {"over 1 MiB", "scenario: t\n# " + std::string(1 << 20, 'x') + "\n",
         "t.yaml: file is 1048591 bytes; a scenario file may be at most 1 MiB (1048576 bytes)"},
        {"unknown top key near", "scenario: t\nproceses: []\n",
         "t.yaml:2:1: unknown top-level key 'proceses'; did you mean 'processes'?"},
        {"unknown top key far", "scenario: t\ncolour: red\nprocesses: [{name: a, program: []}]\n",
         "t.yaml:2:1: unknown top-level key 'colour'; expected 'scenario', 'description', 'kernel' "
         "or 'processes'"},
        {"missing scenario", "processes: [{name: a, program: []}]\n",
         "t.yaml:1:1: missing required top-level key 'scenario'"},
        {"missing processes", "scenario: t\n",
         "t.yaml:1:1: missing required top-level key 'processes'"},
        {"empty processes", "scenario: t\nprocesses: []\n",
         "t.yaml:2:12: processes: expected a list of 1 to 64 processes, got an empty list"},
        {"processes not a list", "scenario: t\nprocesses: 3\n",
         "t.yaml:2:12: processes: expected a list of 1 to 64 processes, got 3"},
        {"65 processes", manyProcesses(65),
         "t.yaml:67:5: processes: 65 processes; a scenario may have at most 64"},
        {"duplicate top key", "scenario: t\nscenario: u\nprocesses: [{name: a, program: []}]\n",
         "t.yaml:2:1: duplicate key 'scenario' (first at 1:1)"},
        {"title is a map", "scenario: {a: 1}\nprocesses: [{name: a, program: []}]\n",
         "t.yaml:1:11: scenario: expected a string or one per language ({ en: ..., zh: ... }), "
         "got a map"},
        {"kernel not a map", "scenario: t\nkernel: fast\nprocesses: [{name: a, program: []}]\n",
         "t.yaml:2:9: kernel: expected a map of settings ('cpus', 'scheduler', 'quantum', 'seed', "
         "'syscall_cost', 'switch_cost' or 'time_limit'), got a string 'fast'"},
        {"cpus 0", "scenario: t\nkernel: {cpus: 0}\nprocesses: [{name: a, program: []}]\n",
         "t.yaml:2:16: kernel.cpus: expected an integer from 1 to 16, got 0"},
        {"cpus 17", "scenario: t\nkernel:\n  cpus: 17\nprocesses: [{name: a, program: []}]\n",
         "t.yaml:3:9: kernel.cpus: expected an integer from 1 to 16, got 17"},
        {"cpus string", "scenario: t\nkernel: {cpus: abc}\nprocesses: [{name: a, program: []}]\n",
         "t.yaml:2:16: kernel.cpus: expected an integer from 1 to 16, got a string 'abc'"},
        {"cpus overflow",
         "scenario: t\nkernel: {cpus: 99999999999999999999999}\nprocesses: [{name: a, "
         "program: []}]\n",
         "t.yaml:2:16: kernel.cpus: expected an integer from 1 to 16, got 99999999999999999999999"},
        {"scheduler near miss",
         "scenario: t\nkernel: {scheduler: round_robin}\nprocesses: [{name: a, program: []}]\n",
         "t.yaml:2:21: kernel.scheduler: unknown scheduler 'round_robin'; did you mean "
         "'round-robin'?"},
        {"unknown kernel key",
         "scenario: t\nkernel: {quantom: 3}\nprocesses: [{name: a, program: []}]\n",
         "t.yaml:2:10: unknown kernel key 'quantom'; did you mean 'quantum'?"},
        {"negative syscall cost",
         "scenario: t\nkernel: {syscall_cost: -1}\nprocesses: [{name: a, program: []}]\n",
         "t.yaml:2:24: kernel.syscall_cost: expected an integer from 0 to 1000000000, got -1"},
        {"process without name", "scenario: t\nprocesses:\n  - program: []\n",
         "t.yaml:3:5: missing required process key 'name'"},
        {"process without program", "scenario: t\nprocesses:\n  - name: a\n",
         "t.yaml:3:5: missing required process key 'program'"},
        {"process is a string", "scenario: t\nprocesses:\n  - alice\n",
         "t.yaml:3:5: process: expected a map with 'name' and 'program', got a string 'alice'"},
        {"duplicate process",
         "scenario: t\nprocesses:\n  - {name: a, program: []}\n"
         "  - {name: a, program: []}\n",
         "t.yaml:4:12: process.name: duplicate process name 'a' (first at 3:12)"},
        {"process named any", "scenario: t\nprocesses:\n  - {name: any, program: []}\n",
         "t.yaml:3:12: process.name: 'any' is reserved for 'receive: {from: any}'; choose another "
         "name"},
        {"process name with space", "scenario: t\nprocesses:\n  - {name: two words, program: []}\n",
         "t.yaml:3:12: process.name: expected a name (a letter or '_', then letters, digits, '_', "
         "'-' or '.', at most 64), got a string 'two words'"},
        {"negative uid", "scenario: t\nprocesses:\n  - {name: a, uid: -1, program: []}\n",
         "t.yaml:3:20: process.uid: expected an integer from 0 to 65535, got -1"},
        {"unknown process key", "scenario: t\nprocesses:\n  - {name: a, priorty: 1, program: []}\n",
         "t.yaml:3:15: unknown process key 'priorty'; did you mean 'priority'?"},
        {"program not a list", "scenario: t\nprocesses:\n  - {name: a, program: compute}\n",
         "t.yaml:3:24: process.program: expected a list of operations ('- compute: 1' ...), got a "
         "string 'compute'"},
        {"program empty value", "scenario: t\nprocesses:\n  - name: a\n    program:\n",
         "t.yaml:4:5: process.program: expected a list of operations ('- compute: 1' ...), got "
         "nothing"},
        {"item is a string", prog("      - compute\n"),
         "t.yaml:5:9: expected an operation such as 'compute: 3' or 'send: {...}', got a string "
         "'compute'"},
        {"unknown op near", prog("      - recieve: {from: b}\n"),
         "t.yaml:5:9: unknown operation 'recieve'; did you mean 'receive'?"},
        {"unknown op far", prog("      - jump: 3\n"),
         "t.yaml:5:9: unknown operation 'jump'; expected 'compute', 'send', 'receive', 'connect', "
         "'disconnect', 'mailbox_create', 'mailbox_delete', 'shm_create', 'shm_attach', "
         "'shm_detach', 'shm_remove', 'read', 'write', 'sem_create', 'sem_wait', 'sem_post', "
         "'set', 'add', 'repeat', 'say', 'ask', 'while' or 'if'"},
        {"two ops in one item", prog("      - compute: 1\n        say: hi\n"),
         "t.yaml:6:9: two operations in one item ('compute' and 'say'); start each operation with "
         "its own '- '"},
        {"repeat without do", prog("      - repeat: 3\n"),
         "t.yaml:5:9: repeat: missing 'do:' with the list of operations to repeat"},
        {"do without repeat", prog("      - do: [compute: 1]\n"),
         "t.yaml:5:9: 'do' without 'repeat' or 'while'; expected 'repeat: N' or "
         "'while: CONDITION' in the same item"},
        {"do beside compute", prog("      - compute: 1\n        do: []\n"),
         "t.yaml:6:9: 'do' belongs to 'repeat' or 'while', not to 'compute'"},
        {"repeat zero", prog("      - repeat: 0\n        do: [compute: 1]\n"),
         "t.yaml:5:17: repeat: expected an integer from 1 to 100000000, got 0"},
        {"repeat too many", prog("      - repeat: 100000001\n        do: [compute: 1]\n"),
         "t.yaml:5:17: repeat: expected an integer from 1 to 100000000, got 100000001"},
        {"repeat do not a list", prog("      - repeat: 2\n        do: compute\n"),
         "t.yaml:6:13: do: expected a list of operations ('- compute: 1' ...), got a string "
         "'compute'"},
        {"nesting 17", nested(17), "t.yaml:37:73: repeat nested more than 16 levels deep"},
        {"quoted ticks", prog("      - compute: \"3\"\n"),
         "t.yaml:5:18: compute.ticks: expected an integer from 1 to 1000000000, got a string '3'"},
        {"negative ticks", prog("      - compute: -2\n"),
         "t.yaml:5:18: compute.ticks: expected an integer from 1 to 1000000000, got -2"},
        {"fractional ticks", prog("      - compute: 1.5\n"),
         "t.yaml:5:18: compute.ticks: expected an integer from 1 to 1000000000, got the number "
         "1.5"},
        {"compute nothing", prog("      - compute:\n"),
         "t.yaml:5:9: compute: expected a value (its 'ticks') or a map of fields ('ticks'), got "
         "nothing"},
        {"send is a string", prog("      - send: b\n"),
         "t.yaml:5:15: send: expected a map of fields ('to', 'mailbox', 'message', 'blocking' or "
         "'ok'), got a string 'b'"},
        {"send without peer", prog("      - send: {message: hi}\n"),
         "t.yaml:5:15: send: missing 'to' or 'mailbox'; say whom it talks to"},
        {"send to and mailbox",
         prog("      - mailbox_create: M\n      - send: {to: b, mailbox: M, message: hi}\n"),
         "t.yaml:6:23: send: give either 'to' or 'mailbox', not both"},
        {"send without message", prog("      - send: {to: b}\n"),
         "t.yaml:5:15: send: missing required field 'message'"},
        {"send to nobody", prog("      - send: {to: bob, message: hi}\n"),
         "t.yaml:5:20: send.to: no process named 'bob'; expected 'a' or 'b'"},
        {"send to itself", prog("      - send: {to: a, message: hi}\n"),
         "t.yaml:5:20: send.to: process 'a' cannot talk to itself; name another process"},
        {"send to any", prog("      - send: {to: any, message: hi}\n"),
         "t.yaml:5:20: send.to: 'any' is only for receive.from; a send names one process or a "
         "mailbox"},
        {"unknown send field", prog("      - send: {to: b, mesage: hi}\n"),
         "t.yaml:5:23: send: unknown field 'mesage'; did you mean 'message'?"},
        {"duplicate send field", prog("      - send: {to: b, message: hi, message: ho}\n"),
         "t.yaml:5:36: send: duplicate field 'message' (first at 5:23)"},
        {"blocking maybe", prog("      - send: {to: b, message: hi, blocking: maybe}\n"),
         "t.yaml:5:46: send.blocking: expected true or false, got a string 'maybe'"},
        {"receive from unknown mailbox", prog("      - receive: {mailbox: M}\n"),
         "t.yaml:5:28: receive.mailbox: no mailbox named 'M' is created by any mailbox_create"},
        {"receive into i", prog("      - receive: {from: b, into: i}\n"),
         "t.yaml:5:34: receive.into: 'i' is the repeat round and cannot be a variable; choose "
         "another name"},
        {"connect to nobody", prog("      - connect: carol\n"),
         "t.yaml:5:18: connect.peer: no process named 'carol'; expected 'a' or 'b'"},
        {"mailbox created twice",
         prog("      - mailbox_create: M\n      - mailbox_create: {name: M, capacity: 1}\n"),
         "t.yaml:6:32: mailbox_create.name: mailbox 'M' is created twice (first at 5:25)"},
        {"capacity negative", prog("      - mailbox_create: {name: M, capacity: -1}\n"),
         "t.yaml:5:45: mailbox_create.capacity: expected 0 (rendezvous), a bound from 1 to 65536 "
         "or 'unbounded', got -1"},
        {"capacity word", prog("      - mailbox_create: {name: M, capacity: infinite}\n"),
         "t.yaml:5:45: mailbox_create.capacity: expected 0 (rendezvous), a bound from 1 to 65536 "
         "or 'unbounded', got a string 'infinite'"},
        {"capacity too big", prog("      - mailbox_create: {name: M, capacity: 65537}\n"),
         "t.yaml:5:45: mailbox_create.capacity: expected 0 (rendezvous), a bound from 1 to 65536 "
         "or 'unbounded', got 65537"},
        {"owner user", prog("      - mailbox_create: {name: M, owner: user}\n"),
         "t.yaml:5:42: mailbox_create.owner: expected 'kernel' or 'process', got a string 'user'"},
        {"shm_create missing size", prog("      - shm_create: {name: s}\n"),
         "t.yaml:5:21: shm_create: missing required field 'size'"},
        {"shm_create short form", prog("      - shm_create: s\n"),
         "t.yaml:5:21: shm_create: expected a map of fields ('name', 'key', 'size' or 'mode'), got "
         "a string 's'"},
        {"segment too big", prog("      - shm_create: {name: s, size: 2097152}\n"),
         "t.yaml:5:37: shm_create.size: expected an integer from 1 to 1048576, got 2097152"},
        {"mode not octal", prog("      - shm_create: {name: s, size: 8, mode: \"0800\"}\n"),
         "t.yaml:5:46: shm_create.mode: expected octal permission bits such as \"0600\" (digits "
         "0-7, at most 0777), got a string '0800'"},
        {"mode letters", prog("      - shm_create: {name: s, size: 8, mode: rw}\n"),
         "t.yaml:5:46: shm_create.mode: expected octal permission bits such as \"0600\" (digits "
         "0-7, at most 0777), got a string 'rw'"},
        {"key zero", prog("      - shm_create: {name: s, size: 8, key: 0}\n"),
         "t.yaml:5:45: shm_create.key: expected a System V key, an integer from 1 to 2147483647, "
         "got 0"},
        {"attach unknown segment", prog("      - shm_attach: board\n"),
         "t.yaml:5:21: shm_attach.name: no segment named 'board' is created by any shm_create"},
        {"sem_wait on a mailbox", prog("      - mailbox_create: s\n      - sem_wait: s\n"),
         "t.yaml:6:19: sem_wait.name: no semaphore named 's' is created by any sem_create ('s' is "
         "a mailbox)"},
        {"sem value too big", prog("      - sem_create: {name: s, value: 40000}\n"),
         "t.yaml:5:38: sem_create.value: expected an integer from 0 to 32767, got 40000"},
        {"read negative offset",
         prog("      - shm_create: {name: s, size: 8}\n      - read: {segment: s, offset: -1, "
              "into: x}\n"),
         "t.yaml:6:36: read.offset: expected an integer from 0 to 1048575, got -1"},
        {"write without value",
         prog("      - shm_create: {name: s, size: 8}\n      - write: {segment: s}\n"),
         "t.yaml:6:16: write: missing required field 'value'"},
        {"unassigned variable", prog("      - say: \"x is {x}\"\n"),
         "t.yaml:5:14: say.text: variable 'x' is never assigned in process 'a'; assign it with "
         "set, add, or 'into' of receive/read"},
        {"i outside repeat", prog("      - say: \"round {i}\"\n"),
         "t.yaml:5:14: say.text: {i} is used outside any repeat; it stands for the round of the "
         "innermost enclosing repeat"},
        {"unclosed brace", prog("      - say: \"round {i\"\n"),
         "t.yaml:5:21: say.text: unclosed '{' in template; write placeholders as {i}, {name} or "
         "{expression}"},
        {"unquoted template", prog("      - set: {var: y, value: {x}}\n"),
         "t.yaml:5:30: set.value: expected a string or an integer, got a map (put quotes around "
         "templates: \"{x}\")"},
        {"set without value", prog("      - set: {var: y}\n"),
         "t.yaml:5:14: set: missing required field 'value'"},
        {"add to i", prog("      - add: i\n"),
         "t.yaml:5:14: add.var: 'i' is the repeat round and cannot be a variable; choose another "
         "name"},
        {"message too long", prog("      - say: \"" + std::string(5000, 'z') + "\"\n"),
         "t.yaml:5:14: say.text: text is 5000 bytes long; expected at most 4096"},
        {"key is a list", "scenario: t\n? [a, b]\n: 1\nprocesses: [{name: a, program: []}]\n",
         "t.yaml:2:3: expected a key name, got a list"},
        {"empty kernel value", "scenario: t\nkernel:\nprocesses: [{name: a, program: []}]\n",
         "t.yaml:2:1: kernel: expected a map of settings ('cpus', 'scheduler', 'quantum', 'seed', "
         "'syscall_cost', 'switch_cost' or 'time_limit'), got nothing"},
        {"empty field value", prog("      - shm_create:\n          name: x\n          size:\n"),
         "t.yaml:7:11: shm_create.size: expected an integer from 1 to 1048576, got nothing"},
        {"scheduler is a list",
         "scenario: t\nkernel: {scheduler: [fcfs]}\nprocesses: [{name: a, program: []}]\n",
         "t.yaml:2:21: kernel.scheduler: expected 'fcfs', 'round-robin', 'priority', 'random' or "
         "'manual', got a list"},
        {"description is a list",
         "scenario: t\ndescription: [a]\nprocesses: [{name: a, program: []}]\n",
         "t.yaml:2:14: description: expected a string, got a list"},
        {"semaphore near miss", prog("      - sem_create: mutex\n      - sem_wait: mutx\n"),
         "t.yaml:6:19: sem_wait.name: no semaphore named 'mutx' is created by any sem_create; did "
         "you mean 'mutex'?"},
        {"variable near miss",
         prog("      - receive: {from: b, into: total}\n      - say: \"{totl}\"\n"),
         "t.yaml:6:14: say.text: variable 'totl' is never assigned in process 'a'; did you mean "
         "'total'?"},
        {"receive from nobody", prog("      - receive: {from: carol, into: x}\n"),
         "t.yaml:5:25: receive.from: no process named 'carol'; expected 'a' or 'b'"},
        {"unknown field far", prog("      - compute: {ticks: 1, colour: red}\n"),
         "t.yaml:5:29: compute: unknown field 'colour'; expected 'ticks'"},
        {"mode unquoted nine", prog("      - shm_create: {name: s, size: 8, mode: 0999}\n"),
         "t.yaml:5:46: shm_create.mode: expected octal permission bits such as \"0600\" (digits "
         "0-7, at most 0777), got 0999"},
        {"segment used as mailbox",
         prog("      - shm_create: {name: box, size: 8}\n      - send: {mailbox: box, message: "
              "hi}\n"),
         "t.yaml:6:25: send.mailbox: no mailbox named 'box' is created by any mailbox_create "
         "('box' is a segment)"},
        {"huge repeat count", prog("      - repeat: 99999999999999999999\n        do: []\n"),
         "t.yaml:5:17: repeat: expected an integer from 1 to 100000000, got 99999999999999999999"},
        // Expressions, while and if (issue 11).
        {"condition syntax",
         prog("      - set: {var: n, value: 0}\n      - while: \"(n + 1 % 5\"\n        do: []\n"),
         "t.yaml:6:27: while: expected ')' to close '(', found end of the expression"},
        {"C and in a condition",
         prog(
             "      - set: {var: n, value: 0}\n      - if: \"n > 0 && n < 5\"\n        then: []\n"),
         "t.yaml:6:20: if: write 'and' instead of '&&'"},
        {"expression in a template", prog("      - say: \"{1 +}\"\n"),
         "t.yaml:5:19: say.text: expected a number, a variable or '(', found end of the "
         "expression"},
        {"empty placeholder", prog("      - say: \"a {} b\"\n"),
         "t.yaml:5:17: say.text: empty placeholder {}; write {i}, {name} or {expression}"},
        {"function in a program", prog("      - say: \"{syscalls(a)}\"\n"),
         "t.yaml:5:14: say.text: a program's expression uses numbers, variables and "
         "operators; functions such as syscalls(P) are for ask: answers"},
        {"while without do", prog("      - while: \"1\"\n"),
         "t.yaml:5:9: while: missing 'do:' with the list of operations to run while the "
         "condition holds"},
        {"if without then", prog("      - if: \"1\"\n        else: []\n"),
         "t.yaml:5:9: if: missing 'then:' with the list of operations to run when the "
         "condition holds"},
        {"then without if", prog("      - then: []\n"),
         "t.yaml:5:9: 'then' without 'if'; expected 'if: CONDITION' in the same item"},
        {"then beside while", prog("      - while: \"1\"\n        do: []\n        then: []\n"),
         "t.yaml:7:9: 'then' belongs to 'if', not to 'while'"},
        {"while without condition", prog("      - while:\n        do: []\n"),
         "t.yaml:5:9: while: expected a condition such as \"(in + 1) % 5 == out\", "
         "got nothing"},
        {"condition is a list", prog("      - while: [1]\n        do: []\n"),
         "t.yaml:5:16: while: expected an expression such as \"(in + 1) % 5 == out\", "
         "got a list"},
        {"ok on a blocking send", prog("      - send: {to: b, message: hi, ok: sent}\n"),
         "t.yaml:5:40: send.ok: only a call with 'blocking: false' can fail to do its "
         "job; add 'blocking: false'"},
        {"computed offset syntax",
         prog("      - shm_create: {name: s, size: 8}\n      - shm_attach: s\n"
              "      - read: {segment: s, offset: \"{8 *}\", into: v}\n"),
         "t.yaml:7:41: read.offset: expected a number, a variable or '(', found end of "
         "the expression"},
        {"round in a condition outside repeat", prog("      - while: \"i < 3\"\n        do: []\n"),
         "t.yaml:5:16: while: {i} is used outside any repeat; it stands for the round of "
         "the innermost enclosing repeat"},
        {"unset variable in a condition", prog("      - while: \"ghost > 0\"\n        do: []\n"),
         "t.yaml:5:16: while: variable 'ghost' is never assigned in process 'a'; assign "
         "it with set, add, or 'into' of receive/read"},
        {"computed ticks not a template", prog("      - compute: \"three\"\n"),
         "t.yaml:5:18: compute.ticks: expected an integer from 1 to 1000000000, got a "
         "string 'three'"},
        {"bad placeholder", prog("      - say: \"{two words}\"\n"),
         "t.yaml:5:20: say.text: expected an operator such as + or == before 'words'"},
        {"empty operation map", prog("      - {}\n"),
         "t.yaml:5:9: expected an operation such as 'compute: 3', got an empty map"},
        {"misspelt and correct key",
         "scenario: t\nproceses: []\nprocesses: [{name: a, program: []}]\n",
         "t.yaml:2:1: unknown top-level key 'proceses'; did you mean 'processes'?"},
        {"misspelt mailbox field",
         prog("      - mailbox_create: M\n      - send: {mailbx: M, message: hi}\n"),
         "t.yaml:6:16: send: unknown field 'mailbx'; did you mean 'mailbox'?"},
        {"misspelt field then field", prog("      - send: {to: b, mesage: hi, message: ho}\n"),
         "t.yaml:5:23: send: unknown field 'mesage'; did you mean 'message'?"},
        {"unclosed flow map", "scenario: {a: 1\n",
         "t.yaml:2:1: YAML syntax error: end of map flow not found; expected a '}' closing the '{' "
         "map"},
        {"colon in plain text", prog("      - say: a: b\n"),
         "t.yaml:5:15: YAML syntax error: illegal map value; check the indentation, and quote text "
         "that contains ': ' or starts with '{'"},
        {"undefined alias", "scenario: t\nkernel: *k\n",
         "t.yaml:2:9: YAML syntax error: the referenced anchor is not defined; define '&name' "
         "before '*name' refers to it"},
        {"bad indentation", "scenario: t\nkernel:\n  cpus: 1\n quantum: 2\n",
         "t.yaml:4:2: YAML syntax error: end of map not found; expected the next key at the "
         "indentation of the map"},
        {"alias bomb", aliasBomb(),
         "t.yaml:8:216: too many operations: the scenario may hold at most 100000 program items "
         "(each use of an alias counts)"},
        {"many problems are capped", manyErrors(25),
         "t.yaml:5:18: compute.ticks: expected an integer from 1 to 1000000000, got a string "
         "'x'\nt.yaml:6:18: compute.ticks: expected an integer from 1 to 1000000000, got a string "
         "'x'\nt.yaml:7:18: compute.ticks: expected an integer from 1 to 1000000000, got a string "
         "'x'\nt.yaml:8:18: compute.ticks: expected an integer from 1 to 1000000000, got a string "
         "'x'\nt.yaml:9:18: compute.ticks: expected an integer from 1 to 1000000000, got a string "
         "'x'\nt.yaml:10:18: compute.ticks: expected an integer from 1 to 1000000000, got a string "
         "'x'\nt.yaml:11:18: compute.ticks: expected an integer from 1 to 1000000000, got a string "
         "'x'\nt.yaml:12:18: compute.ticks: expected an integer from 1 to 1000000000, got a string "
         "'x'\nt.yaml:13:18: compute.ticks: expected an integer from 1 to 1000000000, got a string "
         "'x'\nt.yaml:14:18: compute.ticks: expected an integer from 1 to 1000000000, got a string "
         "'x'\nt.yaml:15:18: compute.ticks: expected an integer from 1 to 1000000000, got a string "
         "'x'\nt.yaml:16:18: compute.ticks: expected an integer from 1 to 1000000000, got a string "
         "'x'\nt.yaml:17:18: compute.ticks: expected an integer from 1 to 1000000000, got a string "
         "'x'\nt.yaml:18:18: compute.ticks: expected an integer from 1 to 1000000000, got a string "
         "'x'\nt.yaml:19:18: compute.ticks: expected an integer from 1 to 1000000000, got a string "
         "'x'\nt.yaml:20:18: compute.ticks: expected an integer from 1 to 1000000000, got a string "
         "'x'\nt.yaml:21:18: compute.ticks: expected an integer from 1 to 1000000000, got a string "
         "'x'\nt.yaml:22:18: compute.ticks: expected an integer from 1 to 1000000000, got a string "
         "'x'\nt.yaml:23:18: compute.ticks: expected an integer from 1 to 1000000000, got a string "
         "'x'\nt.yaml:24:18: compute.ticks: expected an integer from 1 to 1000000000, got a string "
         "'x'\nt.yaml:25:18: too many problems; 5 more not shown"},
    };
    return rows;
}
