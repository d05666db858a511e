#include "transports.h"

#include <atomic>
#include <cstring>
#include <fcntl.h>
#include <mqueue.h>
#include <stdexcept>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace ipclab::bench {

namespace {

void readAll(int fd, char* data, std::size_t n) {
    std::size_t got = 0;
    while (got < n) {
        const ssize_t r = read(fd, data + got, n - got);
        if (r <= 0) {
            throw std::runtime_error("read failed");
        }
        got += static_cast<std::size_t>(r);
    }
}

class PipeTransport : public Transport {
public:
    PipeTransport() {
        if (pipe(m_toChild) != 0 || pipe(m_toParent) != 0) {
            throw std::runtime_error("pipe failed");
        }
    }
    ~PipeTransport() override {
        for (int fd : {m_toChild[0], m_toChild[1], m_toParent[0], m_toParent[1]}) {
            close(fd);
        }
    }
    std::string name() const override { return "pipe"; }
    std::string calls() const override { return "write + read"; }
    void send(int side, const char* data, std::size_t n) override {
        if (write(side == 0 ? m_toChild[1] : m_toParent[1], data, n) != static_cast<ssize_t>(n)) {
            throw std::runtime_error("write failed");
        }
    }
    void receive(int side, char* data, std::size_t n) override {
        readAll(side == 0 ? m_toParent[0] : m_toChild[0], data, n);
    }

private:
    int m_toChild[2] = {-1, -1};
    int m_toParent[2] = {-1, -1};
};

class SocketTransport : public Transport {
public:
    SocketTransport() {
        if (socketpair(AF_UNIX, SOCK_SEQPACKET, 0, m_fds) != 0) {
            throw std::runtime_error("socketpair failed");
        }
    }
    ~SocketTransport() override {
        close(m_fds[0]);
        close(m_fds[1]);
    }
    std::string name() const override { return "socketpair"; }
    std::string calls() const override { return "sendto + recvfrom"; }
    void send(int side, const char* data, std::size_t n) override {
        if (sendto(m_fds[side], data, n, MSG_NOSIGNAL, nullptr, 0) != static_cast<ssize_t>(n)) {
            throw std::runtime_error("sendto failed");
        }
    }
    void receive(int side, char* data, std::size_t n) override {
        if (recvfrom(m_fds[side], data, n, 0, nullptr, nullptr) != static_cast<ssize_t>(n)) {
            throw std::runtime_error("recvfrom failed");
        }
    }

private:
    int m_fds[2] = {-1, -1};
};

class MqTransport : public Transport {
public:
    explicit MqTransport(std::size_t max) : m_max(max) {
        for (int i = 0; i < 2; ++i) {
            m_names[i] = "/ipclab.bench." + std::to_string(getpid()) + "." + std::to_string(i);
            mq_attr attr{};
            attr.mq_maxmsg = 10;
            attr.mq_msgsize = static_cast<long>(max);
            m_q[i] = mq_open(m_names[i].c_str(), O_RDWR | O_CREAT | O_EXCL, 0600, &attr);
            if (m_q[i] < 0) {
                throw std::runtime_error("mq_open failed");
            }
            mq_unlink(m_names[i].c_str()); // both ends hold it open; nothing to leak
        }
    }
    ~MqTransport() override {
        mq_close(m_q[0]);
        mq_close(m_q[1]);
    }
    std::string name() const override { return "posix_mq"; }
    std::string calls() const override { return "mq_timedsend + mq_timedreceive"; }
    void send(int side, const char* data, std::size_t n) override {
        if (mq_send(m_q[side], data, n, 0) != 0) {
            throw std::runtime_error("mq_send failed");
        }
    }
    void receive(int side, char* data, std::size_t) override {
        if (mq_receive(m_q[1 - side], data, m_max, nullptr) < 0) {
            throw std::runtime_error("mq_receive failed");
        }
    }

private:
    std::size_t m_max;
    std::string m_names[2];
    mqd_t m_q[2] = {-1, -1};
};

class SysvMsgTransport : public Transport {
public:
    explicit SysvMsgTransport(std::size_t max) : m_buf(sizeof(long) + max) {
        m_id = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
        if (m_id < 0) {
            throw std::runtime_error("msgget failed");
        }
    }
    ~SysvMsgTransport() override { msgctl(m_id, IPC_RMID, nullptr); }
    std::string name() const override { return "sysv_msg"; }
    std::string calls() const override { return "msgsnd + msgrcv"; }
    void send(int side, const char* data, std::size_t n) override {
        const long type = side + 1; // the type says whom it is for
        std::memcpy(m_buf.data(), &type, sizeof type);
        std::memcpy(m_buf.data() + sizeof type, data, n);
        if (msgsnd(m_id, m_buf.data(), n, 0) != 0) {
            throw std::runtime_error("msgsnd failed");
        }
    }
    void receive(int side, char* data, std::size_t n) override {
        std::vector<char> in(sizeof(long) + n);
        if (msgrcv(m_id, in.data(), n, 2 - side, 0) < 0) {
            throw std::runtime_error("msgrcv failed");
        }
        std::memcpy(data, in.data() + sizeof(long), n);
    }

private:
    int m_id = -1;
    std::vector<char> m_buf;
};

/// Shared memory for the data; two semaphores (or two spinning flags) hand it over.
class ShmTransport : public Transport {
public:
    ShmTransport(std::size_t max, bool spin) : m_spin(spin) {
        m_shm = shmget(IPC_PRIVATE, 2 * max + 128, IPC_CREAT | 0600);
        // Per direction: "full" (index 2*side) and "empty" (2*side+1, starts at 1).
        m_sem = spin ? -1 : semget(IPC_PRIVATE, 4, IPC_CREAT | 0600);
        if (m_sem >= 0) {
            semctl(m_sem, 1, SETVAL, 1);
            semctl(m_sem, 3, SETVAL, 1);
        }
        if (m_shm < 0 || (!spin && m_sem < 0)) {
            throw std::runtime_error("shmget/semget failed");
        }
        m_base = static_cast<char*>(shmat(m_shm, nullptr, 0));
        shmctl(m_shm, IPC_RMID, nullptr); // goes away with the last detach
        m_flags = new (m_base) std::atomic<std::uint32_t>[2] {};
        m_slots[0] = m_base + 64;
        m_slots[1] = m_base + 64 + max;
    }
    ~ShmTransport() override {
        if (m_sem >= 0) {
            semctl(m_sem, 0, IPC_RMID);
        }
        shmdt(m_base);
    }
    std::string name() const override { return m_spin ? "shm_spin" : "shm_sem"; }
    std::string calls() const override { return m_spin ? "none" : "semop x4"; }
    void send(int side, const char* data, std::size_t n) override {
        // The slot must be free (the last message taken) before it is written again.
        if (m_spin) {
            while (m_flags[side].load(std::memory_order_acquire) != 0) {
                __builtin_ia32_pause();
            }
        } else {
            sembuf empty{static_cast<unsigned short>(2 * side + 1), -1, 0};
            semop(m_sem, &empty, 1);
        }
        std::memcpy(m_slots[side], data, n);
        if (m_spin) {
            m_flags[side].store(1, std::memory_order_release);
        } else {
            sembuf full{static_cast<unsigned short>(2 * side), 1, 0};
            semop(m_sem, &full, 1);
        }
    }
    void receive(int side, char* data, std::size_t n) override {
        const int from = 1 - side;
        if (m_spin) {
            while (m_flags[from].load(std::memory_order_acquire) == 0) {
                __builtin_ia32_pause();
            }
            std::memcpy(data, m_slots[from], n);
            m_flags[from].store(0, std::memory_order_release);
        } else {
            sembuf full{static_cast<unsigned short>(2 * from), -1, 0};
            semop(m_sem, &full, 1);
            std::memcpy(data, m_slots[from], n);
            sembuf empty{static_cast<unsigned short>(2 * from + 1), 1, 0};
            semop(m_sem, &empty, 1);
        }
    }

private:
    bool m_spin;
    int m_shm = -1;
    int m_sem = -1;
    char* m_base = nullptr;
    std::atomic<std::uint32_t>* m_flags = nullptr;
    char* m_slots[2] = {nullptr, nullptr};
};

} // namespace

std::unique_ptr<Transport> makeTransport(const std::string& kind, std::size_t maxMessage) {
    if (kind == "pipe") {
        return std::make_unique<PipeTransport>();
    }
    if (kind == "socketpair") {
        return std::make_unique<SocketTransport>();
    }
    if (kind == "posix_mq") {
        return std::make_unique<MqTransport>(maxMessage);
    }
    if (kind == "sysv_msg") {
        return std::make_unique<SysvMsgTransport>(maxMessage);
    }
    if (kind == "shm_sem") {
        return std::make_unique<ShmTransport>(maxMessage, false);
    }
    return std::make_unique<ShmTransport>(maxMessage, true);
}

} // namespace ipclab::bench
