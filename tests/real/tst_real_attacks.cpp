// Real mode on a shared machine, probed as a hostile local user would: each test performs
// one attack as a second uid (`nobody`, forked from a root test) against a root runner,
// and checks that the run neither uses, reveals nor removes anything of the attacker's,
// and follows no planted link. Not root: skipped (a second uid needs root).
#include "loader.h"
#include "real_checks.h"
#include "real_engine.h"
#include "real_plan.h"
#include "scenario_builder.h"

#include <QtTest>
#include <algorithm>
#include <fcntl.h>
#include <fstream>
#include <functional>
#include <grp.h>
#include <mqueue.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace ipclab;
using namespace ipclab::test;

namespace {

constexpr uid_t kNobody = 65534;

/// Runs `attack` in a child that is uid/gid `nobody`; true when it returned true.
bool asNobody(const std::function<bool()>& attack) {
    const pid_t pid = fork();
    if (pid == 0) {
        if (setgroups(0, nullptr) != 0 || setresgid(kNobody, kNobody, kNobody) != 0 ||
            setresuid(kNobody, kNobody, kNobody) != 0) {
            _exit(2);
        }
        umask(0);
        _exit(attack() ? 0 : 1);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

bool hasNoteStarting(const Trace& trace, const std::string& prefix) {
    return std::any_of(trace.notes.begin(), trace.notes.end(),
                       [&](const std::string& n) { return n.rfind(prefix, 0) == 0; });
}

bool hasNoteContaining(const Trace& trace, const std::string& part) {
    return std::any_of(trace.notes.begin(), trace.notes.end(),
                       [&](const std::string& n) { return n.find(part) != std::string::npos; });
}

/// The keys the engine used before keys were random: readable from the runner's pid.
key_t oldPredictableKey(pid_t runner, int n) {
    return static_cast<key_t>((1u << 30) | ((static_cast<unsigned>(runner) & 0x3FFFFFu) << 8) |
                              static_cast<unsigned>(n));
}

/// A scratch directory like /dev/shm: world-writable and sticky.
struct StickyDir {
    QTemporaryDir dir;
    StickyDir() { chmod(path().c_str(), 01777); }
    std::string path() const { return dir.path().toStdString(); }
};

/// One mailbox, one segment, one semaphore, all used and removed by one process.
Scenario oneOfEach() {
    return scenarioOf("one of each",
                      {process("maker", {mailboxCreate("box", 2), sendTo("box", "hello"),
                                         receiveFrom("box", "got"), shmCreate("seg", 4096),
                                         op(OpKind::ShmAttach, "seg"), write("seg", 0, "secret"),
                                         semCreate("gate", 1), op(OpKind::SemWait, "gate")})});
}

} // namespace

class TestRealAttacks : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (geteuid() != 0) {
            QSKIP("the attacks need a second uid: run as root to fork one as nobody");
        }
        QVERIFY(queuesListable());
    }

    /// The outsider creates, world-readable, the segments at the keys the runner would
    /// have used when keys carried its pid, and reads them after the run.
    void squattingOnPredictableKeysSeesNothing() {
        const auto loaded = loadScenarioFile(IPCLAB_SCENARIO_DIR "/shm-snooping-fixed.yaml");
        QVERIFY(loaded.ok());
        const pid_t runner = getpid();
        QVERIFY(asNobody([&] {
            for (int n = 0; n < 2; ++n) {
                if (shmget(oldPredictableKey(runner, n), 65536, IPC_CREAT | 0666) < 0) {
                    return false;
                }
            }
            return true;
        }));
        const Trace trace = runReal(*loaded.scenario);
        QCOMPARE(outcomeName(trace.outcome), outcomeName(Outcome::Completed));
        // The attacker's segments were neither used nor removed: still there, still empty.
        QVERIFY(asNobody([&] {
            for (int n = 0; n < 2; ++n) {
                const int id = shmget(oldPredictableKey(runner, n), 0, 0);
                auto* p = static_cast<const char*>(shmat(id, nullptr, SHM_RDONLY));
                if (id < 0 || p == reinterpret_cast<const char*>(-1) ||
                    std::any_of(p, p + 65536, [](char c) { return c != 0; })) {
                    return false;
                }
                shmdt(p);
                shmctl(id, IPC_RMID, nullptr);
            }
            return true;
        }));
    }

    /// The outsider learns the run's random keys and names (as if guessed) and creates
    /// them first: the run refuses without using them and leaves them alone.
    void squattedObjectsAreRefusedAndLeftAlone() {
        std::vector<std::string> planned;
        RealOptions options;
        options.afterPlan = [&](const std::vector<std::string>& lines) {
            planned = lines;
            asNobody([&] {
                for (const auto& line : lines) {
                    const auto value = line.substr(4);
                    if (line.rfind("shm ", 0) == 0) {
                        shmget(std::stoi(value), 65536, IPC_CREAT | IPC_EXCL | 0666);
                    } else if (line.rfind("sem ", 0) == 0) {
                        semget(std::stoi(value), 1, IPC_CREAT | IPC_EXCL | 0666);
                    } else {
                        mq_attr attr{};
                        attr.mq_maxmsg = 10;
                        attr.mq_msgsize = 64;
                        mq_close(mq_open(value.c_str(), O_RDWR | O_CREAT | O_EXCL, 0666, &attr));
                    }
                }
                return true;
            });
        };
        const Trace trace = runReal(oneOfEach(), options);
        QCOMPARE(outcomeName(trace.outcome), outcomeName(Outcome::Error));
        std::string notes;
        for (const auto& n : trace.notes) {
            notes += n + " | ";
        }
        // The first object the run reached that the outsider held stopped it.
        QVERIFY2(hasNoteContaining(trace, " was made by someone else; the run stopped"),
                 notes.c_str());
        QVERIFY(childrenOf(getpid()).empty());
        QCOMPARE(planned.size(), std::size_t(3));
        // Every squatted object is still the attacker's, untouched.
        for (const auto& line : planned) {
            const auto value = line.substr(4);
            if (line.rfind("shm ", 0) == 0) {
                const int id = shmget(std::stoi(value), 0, 0);
                QVERIFY(id >= 0);
                shmid_ds ds{};
                QCOMPARE(shmctl(id, IPC_STAT, &ds), 0);
                QCOMPARE(ds.shm_perm.cuid, kNobody);
                QCOMPARE(ds.shm_nattch, shmatt_t(0));
                shmctl(id, IPC_RMID, nullptr);
            } else if (line.rfind("sem ", 0) == 0) {
                const int id = semget(std::stoi(value), 0, 0);
                QVERIFY(id >= 0);
                semctl(id, 0, IPC_RMID);
            } else {
                // A queue that exists now is the outsider's (the run removed its own).
                struct stat st {};
                if (stat(("/dev/mqueue" + value).c_str(), &st) == 0) {
                    QCOMPARE(st.st_uid, kNobody);
                    mq_unlink(value.c_str());
                }
            }
        }
    }

    /// A registry planted by the outsider where registries used to live, naming the
    /// outsider's own objects as a dead run's: nothing of it is touched.
    void plantedRegistryIsIgnored() {
        // The outsider's segment, with a key like a run's.
        const key_t runLike = static_cast<key_t>(real::kRunKeyMark | 0x123457);
        QVERIFY(asNobody([&] { return shmget(runLike, 4096, IPC_CREAT | 0600) >= 0; }));
        const std::string planted = "/dev/shm/ipclab.999999.registry";
        QVERIFY(asNobody([&] {
            std::ofstream out(planted);
            out << "ipclab-registry 1\npid 999999 start 1\nshm " << runLike << "\n";
            return bool(out);
        }));
        const Trace trace = runReal(oneOfEach());
        QCOMPARE(outcomeName(trace.outcome), outcomeName(Outcome::Completed));
        QVERIFY(shmget(runLike, 0, 0) >= 0);
        shmctl(shmget(runLike, 0, 0), IPC_RMID, nullptr);
        unlink(planted.c_str());
    }

    /// A stale registry of this user (a run that died) whose keys and names another user
    /// has since taken: the objects are not the run's, so they are left alone, and said.
    void staleRegistryNamingOthersObjectsLeavesThemAlone() {
        StickyDir base;
        const key_t taken = static_cast<key_t>(real::kRunKeyMark | 0x2468ac);
        const std::string queue = "/ipclab.999998.attack.0";
        QVERIFY(asNobody([&] {
            mq_attr attr{};
            attr.mq_maxmsg = 1;
            attr.mq_msgsize = 16;
            const mqd_t q = mq_open(queue.c_str(), O_RDWR | O_CREAT | O_EXCL, 0600, &attr);
            return shmget(taken, 4096, IPC_CREAT | IPC_EXCL | 0600) >= 0 &&
                   q != static_cast<mqd_t>(-1);
        }));
        const std::string dir = base.path() + "/ipclab-0";
        QCOMPARE(mkdir(dir.c_str(), 0700), 0);
        {
            std::ofstream out(dir + "/run.999998.registry");
            out << "ipclab-registry 2\npid 999998 start 1\nowners 0 0\nshm " << taken << "\nmq "
                << queue << "\n";
        }
        chmod((dir + "/run.999998.registry").c_str(), 0600);
        RealOptions options;
        options.registryBase = base.path();
        const Trace trace = runReal(oneOfEach(), options);
        QCOMPARE(outcomeName(trace.outcome), outcomeName(Outcome::Completed));
        QVERIFY(hasNoteContaining(trace, "made by uid 65534"));
        QVERIFY(hasNoteContaining(trace, "queue " + queue + " (owner uid 65534)"));
        QVERIFY(shmget(taken, 0, 0) >= 0);
        struct stat st {};
        QCOMPARE(stat(("/dev/mqueue" + queue).c_str(), &st), 0);
        shmctl(shmget(taken, 0, 0), IPC_RMID, nullptr);
        mq_unlink(queue.c_str());
    }

    /// The outsider makes the runner's directory name a symlink to a root-owned place,
    /// or a directory of their own: the run refuses and writes nothing there.
    void plantedDirectoryOrSymlinkIsRefused_data() {
        QTest::addColumn<bool>("symlinkIt");
        QTest::newRow("symlink") << true;
        QTest::newRow("outsider's directory") << false;
    }
    void plantedDirectoryOrSymlinkIsRefused() {
        QFETCH(bool, symlinkIt);
        StickyDir base;
        QTemporaryDir target; // root's: a file there must stay as it is
        const std::string precious = target.path().toStdString() + "/precious";
        { std::ofstream(precious) << "root's data\n"; }
        const std::string dir = base.path() + "/ipclab-0";
        QVERIFY(asNobody([&] {
            return symlinkIt ? symlink(target.path().toStdString().c_str(), dir.c_str()) == 0
                             : mkdir(dir.c_str(), 0777) == 0;
        }));
        RealOptions options;
        options.registryBase = base.path();
        const Trace trace = runReal(oneOfEach(), options);
        QCOMPARE(outcomeName(trace.outcome), outcomeName(Outcome::Error));
        QVERIFY(hasNoteStarting(trace, "refused: the run registry directory"));
        QVERIFY(trace.events.empty());
        QCOMPARE(QDir(target.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
                 QStringList{"precious"});
        std::ifstream in(precious);
        std::string text;
        std::getline(in, text);
        QCOMPARE(text, std::string("root's data"));
        QVERIFY(leftovers(getpid()).empty());
    }

    /// Queues get exactly the mode the engine gives them whatever the umask (the README's
    /// 0660 when uids are enforced), so a mailbox between two scenario uids works.
    void queueModesIgnoreTheUmask() {
        const mode_t old = umask(077);
        const Trace trace = runReal(scenarioOf(
            "two uids", {process("a", {mailboxCreate("box", 1), sendTo("box", "hi")}, 1000),
                         process("b", {receiveFrom("box", "got")}, 1001)}));
        umask(old);
        QCOMPARE(outcomeName(trace.outcome), outcomeName(Outcome::Completed));
        QVERIFY(!hasNoteContaining(trace, "permission"));
    }
};

QTEST_GUILESS_MAIN(TestRealAttacks)
#include "tst_real_attacks.moc"
