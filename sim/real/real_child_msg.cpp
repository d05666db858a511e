// Message passing of the child interpreter: mailboxes are POSIX message queues, direct
// links AF_UNIX SOCK_SEQPACKET socketpairs made by the runner before fork.
#include "real_child.h"
#include "real_limits.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <mqueue.h>
#include <poll.h>
#include <sys/socket.h>

namespace ipclab::real {

namespace {

/// Every message carries the engine's id for it and the sender (8 bytes) before the text,
/// so that the trace can follow one message from send to receive.
struct MessageHeader {
    std::uint32_t id = 0;
    std::uint16_t sender = 0;
    std::uint16_t reserved = 0;
};
static_assert(sizeof(MessageHeader) == kMessageHeaderBytes);

const timespec kZeroTimeout{0, 0}; // an absolute time long past: never wait

constexpr int kQueueModeShared = 0660;

} // namespace

std::string ChildInterpreter::frame(const std::string& text, std::uint32_t& id) const {
    MessageHeader h;
    h.id = m_shared.nextMessageId().fetch_add(1, std::memory_order_relaxed);
    h.sender = static_cast<std::uint16_t>(m_config.self);
    id = h.id;
    std::string out(sizeof h, '\0');
    std::memcpy(out.data(), &h, sizeof h);
    out.append(text, 0, std::min<std::size_t>(text.size(), kMaxMessageLength + 1));
    return out;
}

void ChildInterpreter::delivered(const Operation& op, int object, const char* buf, long len) {
    MessageHeader h;
    std::memcpy(&h, buf, sizeof h);
    const std::string text(buf + sizeof h, static_cast<std::size_t>(len) - sizeof h);
    const auto queued = m_shared.object(object).mirror.fetch_sub(1) - 1;
    (void)queued;
    record(EventKind::MsgReceived, op, object, static_cast<std::int32_t>(h.id), h.sender, text);
    if (!op.into.empty()) {
        record(EventKind::VarSet, op, -1, 0, 0, text, op.into);
        m_vars[op.into] = text;
    }
}

void ChildInterpreter::mailboxCreate(const Operation& op) {
    const int obj = m_plan.mailboxes.at(op.object);
    const auto& o = m_plan.objects[obj];
    const int mode = m_plan.enforceUids ? kQueueModeShared : 0600;
    auto& q = m_queues[obj];
    // The first creator makes the queues exclusively; a later "create" opens them, as
    // mq_open(O_CREAT) of an existing queue does, and checks they are the run's own.
    const bool first = claimCreation(obj);
    if (!first) {
        awaitCreation(op, obj, Sys::MqOpen);
    }
    const int flags = O_RDWR | O_CREAT | (first ? O_EXCL : 0);
    auto open = [&](const std::string& name, long maxMsg, long msgSize, int& fd) {
        mq_attr attr{};
        attr.mq_maxmsg = maxMsg;
        attr.mq_msgsize = msgSize;
        const auto c = issue(op, obj, Sys::MqOpen, false, [&] {
            return static_cast<long>(mq_open(name.c_str(), flags, mode, &attr));
        });
        const bool ok = finish(op, obj, Sys::MqOpen, false, c, 0) == CallResult::Ok;
        if (ok) {
            fd = static_cast<int>(c.ret);
        } else if (c.err == EEXIST) {
            refuseForeign(op, obj,
                          "mailbox " + o.name +
                              ": its random queue name was taken by "
                              "someone else before this run could create it");
        }
        if (ok && !first && !queueIsOurs(fd, obj)) {
            refuseForeign(op, obj, "mailbox " + o.name + " is not the one this run made");
            return false;
        }
        return ok;
    };
    if (!open(o.mqName, o.maxMsg, m_plan.msgSize, q.data)) {
        return;
    }
    if (!o.mqAckName.empty() && !open(o.mqAckName, 1, 1, q.ack)) {
        return;
    }
    q.known = true;
    auto& shared = m_shared.object(obj);
    if (first) {
        published(obj, -1);
    }
    if (shared.created.exchange(1) == 0) {
        const auto capacity = o.capacity == kUnbounded ? -1 : o.capacity;
        record(EventKind::ObjCreated, op, obj, static_cast<std::int32_t>(capacity));
    }
}

void ChildInterpreter::mailboxDelete(const Operation& op) {
    const int obj = m_plan.mailboxes.at(op.object);
    const auto& o = m_plan.objects[obj];
    auto unlink = [&](const std::string& name) {
        const auto c = issue(op, obj, Sys::MqUnlink, false,
                             [&] { return static_cast<long>(mq_unlink(name.c_str())); });
        return finish(op, obj, Sys::MqUnlink, false, c, 0) == CallResult::Ok;
    };
    bool ok = unlink(o.mqName);
    if (!o.mqAckName.empty()) {
        ok = unlink(o.mqAckName) && ok;
    }
    if (ok) {
        auto& shared = m_shared.object(obj);
        shared.removed.store(1);
        shared.created.store(0);
        shared.claimed.store(0);
        record(EventKind::ObjDeleted, op, obj);
    }
}

bool ChildInterpreter::queueLookup(const Operation& op, int obj) {
    auto& q = m_queues[obj];
    if (q.known) {
        return true;
    }
    awaitCreation(op, obj, Sys::MqOpen);
    const auto& o = m_plan.objects[obj];
    auto open = [&](const std::string& name, int& fd) {
        const auto c = issue(op, obj, Sys::MqOpen, false,
                             [&] { return static_cast<long>(mq_open(name.c_str(), O_RDWR)); });
        const bool ok = finish(op, obj, Sys::MqOpen, false, c, 0) == CallResult::Ok;
        if (ok) {
            fd = static_cast<int>(c.ret);
            if (!queueIsOurs(fd, obj)) {
                refuseForeign(op, obj, "mailbox " + o.name + " is not the one this run made");
                return false;
            }
        }
        return ok;
    };
    if (!open(o.mqName, q.data)) {
        return false;
    }
    if (!o.mqAckName.empty() && !open(o.mqAckName, q.ack)) {
        return false;
    }
    q.known = true;
    return true;
}

void ChildInterpreter::sendMailbox(const Operation& op, std::int64_t round) {
    const int obj = m_plan.mailboxes.at(op.object);
    if (!queueLookup(op, obj)) {
        return;
    }
    const auto& q = m_queues[obj];
    const std::string text = valueText(expand(op, round));
    std::uint32_t id = 0;
    const std::string message = frame(text, id);
    const bool blocking = op.blocking;
    const auto c = issue(op, obj, Sys::MqTimedsend, blocking, [&] {
        // mq_send is glibc's mq_timedsend without a timeout (strace shows mq_timedsend).
        return static_cast<long>(
            blocking ? mq_send(q.data, message.data(), message.size(), 0)
                     : mq_timedsend(q.data, message.data(), message.size(), 0, &kZeroTimeout));
    });
    const auto bytes = static_cast<std::int32_t>(text.size());
    if (finish(op, obj, Sys::MqTimedsend, blocking, c, bytes) != CallResult::Ok) {
        return;
    }
    const auto queued = m_shared.object(obj).mirror.fetch_add(1) + 1;
    record(EventKind::MsgSent, op, obj, static_cast<std::int32_t>(id),
           static_cast<std::int32_t>(queued), text, {}, 0, 0, c.t1);
    if (q.ack >= 0) {
        // Rendezvous: the sender goes on only when the receiver has taken the message.
        char ack = 0;
        const auto w = issue(op, obj, Sys::MqTimedreceive, true, [&] {
            return static_cast<long>(mq_receive(q.ack, &ack, 1, nullptr));
        });
        finish(op, obj, Sys::MqTimedreceive, true, w, 0);
    }
}

void ChildInterpreter::receiveMailbox(const Operation& op) {
    const int obj = m_plan.mailboxes.at(op.object);
    if (!queueLookup(op, obj)) {
        return;
    }
    const auto& q = m_queues[obj];
    const bool blocking = op.blocking;
    char* buf = m_buffer.data();
    const auto size =
        std::min<std::size_t>(m_buffer.size(), static_cast<std::size_t>(m_plan.msgSize));
    const auto c = issue(op, obj, Sys::MqTimedreceive, blocking, [&] {
        return static_cast<long>(blocking
                                     ? mq_receive(q.data, buf, size, nullptr)
                                     : mq_timedreceive(q.data, buf, size, nullptr, &kZeroTimeout));
    });
    const bool ok = c.ret >= static_cast<long>(sizeof(MessageHeader));
    const auto bytes = ok ? static_cast<std::int32_t>(c.ret - sizeof(MessageHeader)) : 0;
    if (finish(op, obj, Sys::MqTimedreceive, blocking, c, bytes) != CallResult::Ok || !ok) {
        return;
    }
    delivered(op, obj, buf, c.ret);
    if (q.ack >= 0) {
        const char ack = 0;
        const auto w = issue(op, obj, Sys::MqTimedsend, true,
                             [&] { return static_cast<long>(mq_send(q.ack, &ack, 0, 0)); });
        finish(op, obj, Sys::MqTimedsend, true, w, 0);
    }
}

void ChildInterpreter::openLink(const Operation& op, int obj) {
    if (obj < 0 || m_linkKnown[obj]) {
        return;
    }
    m_linkKnown[obj] = true;
    // The runner made every socketpair before fork; the process that first uses the
    // link is the one that "opened" it, as the simulator counts it.
    if (m_shared.object(obj).linkOpened.exchange(1) == 0) {
        recordSyscallOnly(op, obj, Sys::Socketpair, CallResult::Ok);
        record(EventKind::ObjCreated, op, obj, static_cast<std::int32_t>(kUnbounded));
    }
}

void ChildInterpreter::disconnect(const Operation& op) {
    const int obj = m_plan.link(m_config.self, m_scenario.processIndex(op.object));
    if (obj < 0) {
        return;
    }
    const auto& o = m_plan.objects[obj];
    const int fd = o.endA == m_config.self ? o.fdA : o.fdB;
    const auto c = issue(op, obj, Sys::Shutdown, false,
                         [&] { return static_cast<long>(shutdown(fd, SHUT_RDWR)); });
    if (finish(op, obj, Sys::Shutdown, false, c, 0) == CallResult::Ok) {
        m_linkShut[obj] = true;
        if (m_shared.object(obj).linkShut.exchange(1) == 0) {
            record(EventKind::ObjDeleted, op, obj);
        }
    }
}

void ChildInterpreter::sendDirect(const Operation& op, std::int64_t round) {
    const int obj = m_plan.link(m_config.self, m_scenario.processIndex(op.object));
    if (obj < 0) {
        return;
    }
    openLink(op, obj);
    const auto& o = m_plan.objects[obj];
    const int fd = o.endA == m_config.self ? o.fdA : o.fdB;
    const std::string text = valueText(expand(op, round));
    std::uint32_t id = 0;
    const std::string message = frame(text, id);
    const bool blocking = op.blocking;
    const int flags = MSG_NOSIGNAL | (blocking ? 0 : MSG_DONTWAIT);
    const auto c = issue(op, obj, Sys::Sendto, blocking, [&] {
        return static_cast<long>(sendto(fd, message.data(), message.size(), flags, nullptr, 0));
    });
    const auto bytes = static_cast<std::int32_t>(text.size());
    if (finish(op, obj, Sys::Sendto, blocking, c, bytes) != CallResult::Ok) {
        return;
    }
    const auto queued = m_shared.object(obj).mirror.fetch_add(1) + 1;
    record(EventKind::MsgSent, op, obj, static_cast<std::int32_t>(id),
           static_cast<std::int32_t>(queued), text, {}, 0, 0, c.t1);
}

void ChildInterpreter::receiveDirect(const Operation& op) {
    const int obj = m_plan.link(m_config.self, m_scenario.processIndex(op.object));
    if (obj < 0) {
        return;
    }
    openLink(op, obj);
    const auto& o = m_plan.objects[obj];
    const int fd = o.endA == m_config.self ? o.fdA : o.fdB;
    const bool blocking = op.blocking;
    char* buf = m_buffer.data();
    const auto c = issue(op, obj, Sys::Recvfrom, blocking, [&] {
        const long n = static_cast<long>(
            recvfrom(fd, buf, m_buffer.size(), blocking ? 0 : MSG_DONTWAIT, nullptr, nullptr));
        if (n == 0) {
            errno = EPIPE; // end of file: the peer shut the link down
            return -1L;
        }
        return n;
    });
    const bool ok = c.ret >= static_cast<long>(sizeof(MessageHeader));
    const auto bytes = ok ? static_cast<std::int32_t>(c.ret - sizeof(MessageHeader)) : 0;
    if (finish(op, obj, Sys::Recvfrom, blocking, c, bytes) == CallResult::Ok && ok) {
        delivered(op, obj, buf, c.ret);
    }
}

void ChildInterpreter::receiveAny(const Operation& op) {
    // Wait on the links that are open; when every link this process had is shut, poll
    // them anyway so that the end of file comes back at once (as in the simulator).
    auto linkHasData = [&](int obj) {
        const auto& shared = m_shared.object(obj);
        return shared.linkShut.load() == 0 || shared.mirror.load() > 0;
    };
    std::vector<pollfd> fds;
    std::vector<int> objects;
    for (;;) {
        fds.clear();
        objects.clear();
        for (int pass = 0; pass < 2 && fds.empty(); ++pass) {
            for (const auto& [ends, obj] : m_plan.links) {
                if (ends.first != m_config.self && ends.second != m_config.self) {
                    continue;
                }
                // A shut link still delivers what was queued before it was shut.
                if (pass == 0 && !linkHasData(obj)) {
                    continue;
                }
                if (pass == 1 && m_shared.object(obj).linkOpened.load() == 0) {
                    continue;
                }
                const auto& o = m_plan.objects[obj];
                fds.push_back(pollfd{o.endA == m_config.self ? o.fdA : o.fdB, POLLIN, 0});
                objects.push_back(obj);
            }
        }
        const bool blocking = op.blocking;
        const auto c = issue(op, -1, Sys::Ppoll, blocking, [&] {
            const int n =
                ppoll(fds.data(), fds.size(), blocking ? nullptr : &kZeroTimeout, nullptr);
            if (n == 0) {
                errno = EAGAIN;
                return -1L;
            }
            return static_cast<long>(n);
        });
        if (finish(op, -1, Sys::Ppoll, blocking, c, 0) != CallResult::Ok) {
            return;
        }
        std::size_t ready = fds.size();
        bool onlyEnds = true; // every ready link is one its peer shut, with nothing left
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) {
                continue;
            }
            if (ready == fds.size()) {
                ready = i;
            }
            if (linkHasData(objects[i])) {
                ready = i;
                onlyEnds = false;
                break;
            }
        }
        if (ready == fds.size()) {
            return;
        }
        const bool otherOpen =
            std::any_of(objects.begin(), objects.end(), [&](int obj) { return linkHasData(obj); });
        if (onlyEnds && otherOpen) {
            // A peer exited while we polled: wait again on the links still open. The
            // extra ppoll is a real call and is counted as one.
            continue;
        }
        const int obj = objects[ready];
        const int fd = fds[ready].fd;
        char* buf = m_buffer.data();
        const auto r = issue(op, obj, Sys::Recvfrom, false, [&] {
            const long n = static_cast<long>(
                recvfrom(fd, buf, m_buffer.size(), MSG_DONTWAIT, nullptr, nullptr));
            if (n == 0) {
                errno = EPIPE;
                return -1L;
            }
            return n;
        });
        const bool ok = r.ret >= static_cast<long>(sizeof(MessageHeader));
        const auto bytes = ok ? static_cast<std::int32_t>(r.ret - sizeof(MessageHeader)) : 0;
        if (finish(op, obj, Sys::Recvfrom, false, r, bytes) == CallResult::Ok && ok) {
            delivered(op, obj, buf, r.ret);
        }
        return;
    }
}

} // namespace ipclab::real
