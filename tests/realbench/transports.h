#pragma once
// The message transports the benchmark compares, each as a pair of ends used by a parent
// and a forked child: send one message, receive one message (blocking).

#include <cstddef>
#include <memory>
#include <string>

namespace ipclab::bench {

/// One direction-agnostic channel between two processes. Created before fork; `side`
/// 0 is the parent, 1 the child. Invariant: a message sent by one side is received, in
/// order and whole, by the other.
class Transport {
public:
    virtual ~Transport() = default;
    virtual std::string name() const = 0;
    /// The syscalls one message costs (as strace names them), for the report.
    virtual std::string calls() const = 0;
    virtual void send(int side, const char* data, std::size_t n) = 0;
    virtual void receive(int side, char* data, std::size_t n) = 0;
};

/// pipe, socketpair (SOCK_SEQPACKET, as real mode's links), POSIX mq (as mailboxes),
/// System V msg queue, shm + System V semaphore handoff, shm with a spinning handoff.
std::unique_ptr<Transport> makeTransport(const std::string& kind, std::size_t maxMessage);
inline const char* const kTransportKinds[] = {"pipe",     "socketpair", "posix_mq",
                                              "sysv_msg", "shm_sem",    "shm_spin"};

} // namespace ipclab::bench
