#pragma once
// The bundled lessons in the lecture's order (the seed notes: why processes cooperate,
// the two IPC models, shared memory and its risks, message passing: direct, indirect,
// synchronisation and buffering, then deadlock), grouped under the lecture's headings.

#include <QString>
#include <QStringList>
#include <vector>

namespace ipclab::ui {

struct LessonSection {
    QString heading;
    QStringList lessons; ///< file base names, in order
};

/// The lecture's sections with their lessons.
const std::vector<LessonSection>& lectureOrder();
/// The place of lesson `baseName` in the lecture (a lesson not listed comes after all).
int lectureRank(const QString& baseName);

} // namespace ipclab::ui
