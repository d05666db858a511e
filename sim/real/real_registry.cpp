#include "real_registry.h"

#include <cerrno>
#include <cstdio>
#include <dirent.h>
#include <fstream>
#include <mqueue.h>
#include <sstream>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ipclab::real {

namespace {
constexpr const char* kMagic = "ipclab-registry 1";

bool unlinkQueue(const std::string& name, CallCounts& calls) {
    ++calls["mq_unlink"];
    return mq_unlink(name.c_str()) == 0;
}

bool removeSegment(key_t key, int id, CallCounts& calls) {
    if (id < 0) {
        ++calls["shmget"];
        id = shmget(key, 0, 0);
        if (id < 0) {
            return false;
        }
    }
    ++calls["shmctl"];
    return shmctl(id, IPC_RMID, nullptr) == 0;
}

bool removeSemaphore(key_t key, int id, CallCounts& calls) {
    if (id < 0) {
        ++calls["semget"];
        id = semget(key, 0, 0);
        if (id < 0) {
            return false;
        }
    }
    ++calls["semctl"];
    return semctl(id, 0, IPC_RMID) == 0;
}

} // namespace

std::string Registry::directory() {
    struct stat st {};
    if (stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) && access("/dev/shm", W_OK) == 0) {
        return "/dev/shm";
    }
    return "/tmp";
}

std::string Registry::pathFor(pid_t pid) {
    return directory() + "/ipclab." + std::to_string(pid) + ".registry";
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

bool Registry::write(const RunPlan& plan, std::string& error) {
    m_path = pathFor(plan.runner);
    const std::string tmp = m_path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        if (!out) {
            error = "cannot write the run registry " + tmp;
            return false;
        }
        out << kMagic << "\n";
        out << "pid " << plan.runner << " start " << processStartTime(plan.runner) << "\n";
        for (const auto& o : plan.objects) {
            switch (o.kind) {
            case ObjectKind::Mailbox:
                out << "mq " << o.mqName << "\n";
                if (!o.mqAckName.empty()) {
                    out << "mq " << o.mqAckName << "\n";
                }
                break;
            case ObjectKind::Segment:
                out << "shm " << o.key << "\n";
                break;
            case ObjectKind::Semaphore:
                out << "sem " << o.key << "\n";
                break;
            case ObjectKind::Link:
                break; // sockets die with the processes that hold them
            }
        }
        out.flush();
        if (!out) {
            error = "cannot write the run registry " + tmp;
            return false;
        }
    }
    chmod(tmp.c_str(), 0600);
    if (std::rename(tmp.c_str(), m_path.c_str()) != 0) {
        error = "cannot install the run registry " + m_path;
        return false;
    }
    return true;
}

void Registry::remove() {
    if (!m_path.empty()) {
        unlink(m_path.c_str());
        m_path.clear();
    }
}

void removeObjects(const RunPlan& plan, const std::vector<ObjectFate>& fates, CallCounts& calls) {
    for (std::size_t i = 0; i < plan.objects.size(); ++i) {
        const auto& o = plan.objects[i];
        const ObjectFate fate = i < fates.size() ? fates[i] : ObjectFate{};
        if (!fate.mayExist) {
            continue;
        }
        switch (o.kind) {
        case ObjectKind::Mailbox:
            unlinkQueue(o.mqName, calls);
            if (!o.mqAckName.empty()) {
                unlinkQueue(o.mqAckName, calls);
            }
            break;
        case ObjectKind::Segment:
            removeSegment(o.key, fate.sysvId, calls);
            break;
        case ObjectKind::Semaphore:
            removeSemaphore(o.key, fate.sysvId, calls);
            break;
        case ObjectKind::Link:
            break;
        }
    }
}

std::vector<std::string> cleanStaleRuns() {
    std::vector<std::string> report;
    const std::string dir = Registry::directory();
    DIR* d = opendir(dir.c_str());
    if (d == nullptr) {
        return report;
    }
    std::vector<std::string> files;
    while (const dirent* entry = readdir(d)) {
        const std::string name = entry->d_name;
        if (name.rfind("ipclab.", 0) == 0 && name.size() > 16 &&
            name.compare(name.size() - 9, 9, ".registry") == 0) {
            files.push_back(dir + "/" + name);
        }
    }
    closedir(d);
    for (const auto& path : files) {
        std::ifstream in(path);
        std::string line;
        if (!std::getline(in, line) || line != kMagic) {
            continue;
        }
        std::string word;
        pid_t pid = 0;
        std::uint64_t start = 0;
        in >> word >> pid >> word >> start;
        if (pid <= 0 || (processStartTime(pid) == start && start != 0)) {
            continue; // its runner is alive: not ours to touch
        }
        CallCounts calls;
        int removed = 0;
        std::string kind;
        std::string value;
        while (in >> kind >> value) {
            if (kind == "mq") {
                removed += unlinkQueue(value, calls) ? 1 : 0;
            } else if (kind == "shm") {
                removed +=
                    removeSegment(static_cast<key_t>(std::strtol(value.c_str(), nullptr, 10)), -1,
                                  calls)
                        ? 1
                        : 0;
            } else if (kind == "sem") {
                removed +=
                    removeSemaphore(static_cast<key_t>(std::strtol(value.c_str(), nullptr, 10)), -1,
                                    calls)
                        ? 1
                        : 0;
            }
        }
        unlink(path.c_str());
        report.push_back("removed " + std::to_string(removed) + " objects left by run " +
                         std::to_string(pid));
    }
    return report;
}

} // namespace ipclab::real
