#include "lessonorder.h"

#include <QCoreApplication>

namespace ipclab::ui {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("LessonOrder", text);
}
} // namespace

const std::vector<LessonSection>& lectureOrder() {
    static const std::vector<LessonSection> sections = {
        {tr("Start here"), {QStringLiteral("welcome")}},
        {tr("Why processes cooperate"),
         {QStringLiteral("independent-vs-cooperating"), QStringLiteral("information-sharing"),
          QStringLiteral("speedup-1cpu"), QStringLiteral("speedup-4cpu"),
          QStringLiteral("modularity-pipeline"), QStringLiteral("convenience")}},
        {tr("The two models: shared memory and message passing"),
         {QStringLiteral("shm-vs-messages")}},
        {tr("Shared memory"),
         {QStringLiteral("shm-producer-consumer"), QStringLiteral("busy-waiting"),
          QStringLiteral("busy-waiting-fixed"), QStringLiteral("shm-snooping"),
          QStringLiteral("shm-snooping-fixed"), QStringLiteral("lost-updates"),
          QStringLiteral("lost-updates-fixed")}},
        {tr("Message passing: direct communication"),
         {QStringLiteral("direct-symmetric"), QStringLiteral("direct-asymmetric"),
          QStringLiteral("too-many-links")}},
        {tr("Message passing: indirect communication (mailboxes)"),
         {QStringLiteral("mailbox-several-receivers")}},
        {tr("Synchronisation and buffering"),
         {QStringLiteral("rendezvous"), QStringLiteral("nonblocking-receive"),
          QStringLiteral("nonblocking-send"), QStringLiteral("bounded-buffer"),
          QStringLiteral("unbounded-async")}},
        {tr("When waiting goes wrong: deadlock"),
         {QStringLiteral("deadlock"), QStringLiteral("deadlock-semaphores")}},
    };
    return sections;
}

int lectureRank(const QString& baseName) {
    int rank = 0;
    for (const LessonSection& section : lectureOrder()) {
        for (const QString& lesson : section.lessons) {
            if (lesson == baseName) {
                return rank;
            }
            ++rank;
        }
    }
    return rank;
}

} // namespace ipclab::ui
