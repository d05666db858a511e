#include "real_registry.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <mqueue.h>
#include <sstream>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ipclab::real {

namespace {
constexpr const char* kMagic = "ipclab-registry 2";
constexpr std::size_t kMaxRegistryBytes = 64 * 1024;

std::string hexKey(long key) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08lx", static_cast<unsigned long>(key) & 0xFFFFFFFFul);
    return text;
}

bool ownedBy(const Owners& owners, uid_t uid, gid_t gid) {
    return gid == owners.gid &&
           std::find(owners.uids.begin(), owners.uids.end(), uid) != owners.uids.end();
}

/// What the kernel says of the object with `key`: its id when its key, creator and owner
/// are ones the run would have made; -1 otherwise (`why` then says what was found).
template <typename Stat>
int verifiedId(key_t key, const Owners& owners, CallCounts& calls, const char* get, const char* ctl,
               int (*lookup)(key_t), Stat stat, std::string& why) {
    ++calls[get];
    const int id = lookup(key);
    if (id < 0) {
        return -1; // gone already: nothing to do, nothing to say
    }
    ++calls[ctl];
    key_t realKey = 0;
    uid_t uid = 0;
    uid_t cuid = 0;
    gid_t cgid = 0;
    if (!stat(id, realKey, uid, cuid, cgid)) {
        why = "cannot read its owner";
        return -1;
    }
    if (realKey != key || !ownedBy(owners, cuid, cgid) || !ownedBy(owners, uid, cgid)) {
        why = "made by uid " + std::to_string(cuid) + " (group " + std::to_string(cgid) +
              "), not by this user's runs";
        return -1;
    }
    return id;
}

int segmentByKey(key_t key, const Owners& owners, CallCounts& calls, std::string& why) {
    return verifiedId(
        key, owners, calls, "shmget", "shmctl", [](key_t k) { return shmget(k, 0, 0); },
        [](int id, key_t& k, uid_t& uid, uid_t& cuid, gid_t& cgid) {
            shmid_ds ds{};
            if (shmctl(id, IPC_STAT, &ds) != 0) {
                return false;
            }
            k = ds.shm_perm.__key;
            uid = ds.shm_perm.uid;
            cuid = ds.shm_perm.cuid;
            cgid = ds.shm_perm.cgid;
            return true;
        },
        why);
}

int semaphoreByKey(key_t key, const Owners& owners, CallCounts& calls, std::string& why) {
    return verifiedId(
        key, owners, calls, "semget", "semctl", [](key_t k) { return semget(k, 0, 0); },
        [](int id, key_t& k, uid_t& uid, uid_t& cuid, gid_t& cgid) {
            semid_ds ds{};
            if (semctl(id, 0, IPC_STAT, &ds) != 0) {
                return false;
            }
            k = ds.sem_perm.__key;
            uid = ds.sem_perm.uid;
            cuid = ds.sem_perm.cuid;
            cgid = ds.sem_perm.cgid;
            return true;
        },
        why);
}

/// Unlinks queue `name` when its owner is one of `owners` (checked on an open
/// descriptor: the sticky /dev/mqueue lets nobody else replace it in between).
bool unlinkVerifiedQueue(const std::string& name, const Owners& owners, CallCounts& calls,
                         std::vector<std::string>& leftAlone) {
    if (name.rfind("/ipclab.", 0) != 0 || name.find('/', 1) != std::string::npos) {
        leftAlone.push_back("queue " + name + " is not a name runs make");
        return false;
    }
    ++calls["mq_open"];
    const mqd_t q = mq_open(name.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (q == static_cast<mqd_t>(-1)) {
        return false;
    }
    struct stat st {};
    const bool ours = fstat(q, &st) == 0 && ownedBy(owners, st.st_uid, st.st_gid);
    mq_close(q);
    if (!ours) {
        leftAlone.push_back("queue " + name + " (owner uid " + std::to_string(st.st_uid) +
                            ") is not this user's");
        return false;
    }
    ++calls["mq_unlink"];
    return mq_unlink(name.c_str()) == 0;
}

bool removeSegment(int id, CallCounts& calls) {
    ++calls["shmctl"];
    return shmctl(id, IPC_RMID, nullptr) == 0;
}

bool removeSemaphore(int id, CallCounts& calls) {
    ++calls["semctl"];
    return semctl(id, 0, IPC_RMID) == 0;
}

/// Removes the object of kind `kind` with `key` if it is the run's; true when removed.
bool removeVerified(ObjectKind kind, key_t key, const Owners& owners, CallCounts& calls,
                    std::vector<std::string>& leftAlone) {
    std::string why;
    const bool segment = kind == ObjectKind::Segment;
    const int id =
        segment ? segmentByKey(key, owners, calls, why) : semaphoreByKey(key, owners, calls, why);
    if (id < 0) {
        if (!why.empty()) {
            leftAlone.push_back(std::string(segment ? "segment" : "semaphore") + " key " +
                                hexKey(key) + " " + why);
        }
        return false;
    }
    return segment ? removeSegment(id, calls) : removeSemaphore(id, calls);
}

/// Reads the registry `name` in `dir` if it is a regular file of this uid that nobody
/// else may write; else says why it was left alone.
bool readRegistry(int dir, const std::string& name, std::string& text, std::string& why) {
    const int fd = openat(dir, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        why = std::string("cannot open it: ") + std::strerror(errno);
        return false;
    }
    struct stat st {};
    bool ok = fstat(fd, &st) == 0;
    if (ok && (!S_ISREG(st.st_mode) || st.st_uid != geteuid() || (st.st_mode & 022) != 0 ||
               st.st_size > static_cast<off_t>(kMaxRegistryBytes))) {
        why = "not a regular file of this user that only it may write";
        ok = false;
    }
    if (ok) {
        text.resize(static_cast<std::size_t>(st.st_size));
        ok = read(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
        if (!ok) {
            why = "cannot read it";
        }
    }
    close(fd);
    return ok;
}

} // namespace

PrivateDir::~PrivateDir() {
    if (m_fd >= 0) {
        close(m_fd);
    }
}

std::string PrivateDir::pathForThisUser(const std::string& base) {
    struct stat st {};
    const std::string dir = !base.empty()                                       ? base
                            : stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) ? "/dev/shm"
                                                                                : "/tmp";
    return dir + "/ipclab-" + std::to_string(geteuid());
}

bool PrivateDir::open(const std::string& base, std::string& error) {
    m_path = pathForThisUser(base);
    if (mkdir(m_path.c_str(), 0700) != 0 && errno != EEXIST) {
        error = "cannot create the run registry directory " + m_path + ": " + std::strerror(errno);
        return false;
    }
    // O_NOFOLLOW: a symlink planted under this name is refused, never followed.
    m_fd = ::open(m_path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    struct stat st {};
    if (m_fd < 0 || fstat(m_fd, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != geteuid() ||
        (st.st_mode & 077) != 0) {
        error = "refused: the run registry directory " + m_path +
                " is not a directory of this user that only it may use (remove it and run "
                "again); nothing was created";
        if (m_fd >= 0) {
            close(m_fd);
            m_fd = -1;
        }
        return false;
    }
    return true;
}

Owners ownersOf(const Scenario& scenario, const RunPlan& plan) {
    Owners owners;
    if (plan.enforceUids) {
        for (const auto& p : scenario.processes) {
            owners.uids.push_back(static_cast<uid_t>(p.uid));
        }
        owners.gid = plan.runGid;
    } else {
        owners.uids.push_back(geteuid());
        owners.gid = getegid();
    }
    return owners;
}

std::string Registry::fileName(pid_t pid) {
    return "run." + std::to_string(pid) + ".registry";
}

std::uint64_t processStartTime(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    if (!std::getline(in, text)) {
        return 0;
    }
    // Field 2 (comm) may hold spaces; count fields after its closing parenthesis.
    const auto close = text.rfind(')');
    if (close == std::string::npos) {
        return 0;
    }
    std::istringstream rest(text.substr(close + 2));
    std::string field;
    std::uint64_t start = 0;
    for (int i = 3; i <= 22 && rest >> field; ++i) {
        if (i == 22) {
            start = std::strtoull(field.c_str(), nullptr, 10);
        }
    }
    return start;
}

std::vector<std::string> registryLines(const RunPlan& plan) {
    std::vector<std::string> lines;
    for (const auto& o : plan.objects) {
        switch (o.kind) {
        case ObjectKind::Mailbox:
            lines.push_back("mq " + o.mqName);
            if (!o.mqAckName.empty()) {
                lines.push_back("mq " + o.mqAckName);
            }
            break;
        case ObjectKind::Segment:
            lines.push_back("shm " + std::to_string(o.key));
            break;
        case ObjectKind::Semaphore:
            lines.push_back("sem " + std::to_string(o.key));
            break;
        case ObjectKind::Link:
            break; // sockets die with the processes that hold them
        }
    }
    return lines;
}

bool Registry::write(const PrivateDir& dir, const RunPlan& plan, const Owners& owners,
                     std::string& error) {
    std::ostringstream out;
    out << kMagic << "\n";
    out << "pid " << plan.runner << " start " << processStartTime(plan.runner) << "\n";
    out << "owners " << owners.gid;
    for (uid_t uid : owners.uids) {
        out << " " << uid;
    }
    out << "\n";
    for (const auto& line : registryLines(plan)) {
        out << line << "\n";
    }
    const std::string text = out.str();
    const std::string name = fileName(plan.runner);
    const int fd =
        openat(dir.fd(), name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        error = "cannot create the run registry " + dir.path() + "/" + name + ": " +
                std::strerror(errno);
        return false;
    }
    m_dirFd = dir.fd();
    m_name = name;
    const bool ok = fchmod(fd, 0600) == 0 &&
                    ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    close(fd);
    if (!ok) {
        error = "cannot write the run registry " + dir.path() + "/" + name;
        remove();
        return false;
    }
    return true;
}

void Registry::remove() {
    if (!m_name.empty()) {
        unlinkat(m_dirFd, m_name.c_str(), 0);
        m_name.clear();
    }
}

void removeObjects(const RunPlan& plan, const std::vector<ObjectFate>& fates, const Owners& owners,
                   CallCounts& calls, std::vector<std::string>& leftAlone) {
    for (std::size_t i = 0; i < plan.objects.size(); ++i) {
        const auto& o = plan.objects[i];
        const ObjectFate fate = i < fates.size() ? fates[i] : ObjectFate{};
        if (!fate.mayExist) {
            continue;
        }
        switch (o.kind) {
        case ObjectKind::Mailbox:
            unlinkVerifiedQueue(o.mqName, owners, calls, leftAlone);
            if (!o.mqAckName.empty()) {
                unlinkVerifiedQueue(o.mqAckName, owners, calls, leftAlone);
            }
            break;
        case ObjectKind::Segment:
            if (fate.sysvId >= 0) {
                removeSegment(fate.sysvId, calls); // made by the run's IPC_EXCL create
            } else {
                removeVerified(o.kind, o.key, owners, calls, leftAlone);
            }
            break;
        case ObjectKind::Semaphore:
            if (fate.sysvId >= 0) {
                removeSemaphore(fate.sysvId, calls);
            } else {
                removeVerified(o.kind, o.key, owners, calls, leftAlone);
            }
            break;
        case ObjectKind::Link:
            break;
        }
    }
}

std::vector<std::string> cleanStaleRuns(const PrivateDir& dir) {
    std::vector<std::string> report;
    const int listFd = openat(dir.fd(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR* d = listFd >= 0 ? fdopendir(listFd) : nullptr;
    if (d == nullptr) {
        return report;
    }
    std::vector<std::string> names;
    while (const dirent* entry = readdir(d)) {
        const std::string name = entry->d_name;
        if (name.rfind("run.", 0) == 0 && name.size() > 13 &&
            name.compare(name.size() - 9, 9, ".registry") == 0) {
            names.push_back(name);
        }
    }
    closedir(d);
    for (const auto& name : names) {
        std::string text;
        std::string why;
        if (!readRegistry(dir.fd(), name, text, why)) {
            report.push_back("left alone: registry " + name + ": " + why);
            continue;
        }
        std::istringstream in(text);
        std::string line;
        if (!std::getline(in, line) || line != kMagic) {
            report.push_back("left alone: registry " + name + ": not a registry of this version");
            continue;
        }
        std::string word;
        pid_t pid = 0;
        std::uint64_t start = 0;
        in >> word >> pid >> word >> start;
        if (pid <= 0 || (processStartTime(pid) == start && start != 0)) {
            continue; // its runner is alive: not ours to touch
        }
        Owners owners;
        std::getline(in, line); // rest of the pid line
        std::getline(in, line);
        std::istringstream ownerLine(line);
        ownerLine >> word >> owners.gid;
        for (uid_t uid = 0; ownerLine >> uid;) {
            owners.uids.push_back(uid);
        }
        CallCounts calls;
        std::vector<std::string> leftAlone;
        int removed = 0;
        std::string kind;
        std::string value;
        while (in >> kind >> value) {
            const auto key = static_cast<key_t>(std::strtol(value.c_str(), nullptr, 10));
            if (kind == "mq") {
                removed += unlinkVerifiedQueue(value, owners, calls, leftAlone) ? 1 : 0;
            } else if ((kind == "shm" || kind == "sem") && isRunKey(key)) {
                removed +=
                    removeVerified(kind == "shm" ? ObjectKind::Segment : ObjectKind::Semaphore, key,
                                   owners, calls, leftAlone)
                        ? 1
                        : 0;
            }
        }
        unlinkat(dir.fd(), name.c_str(), 0);
        report.push_back("removed " + std::to_string(removed) + " objects left by run " +
                         std::to_string(pid));
        for (const auto& line : leftAlone) {
            report.push_back("left alone: " + line);
        }
    }
    return report;
}

} // namespace ipclab::real
