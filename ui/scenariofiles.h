#pragma once
// Where the bundled lessons are, and one lesson's title and description for the library.

#include <QString>
#include <QVector>

namespace ipclab::ui {

/// The bundled scenarios folder: $IPCLAB_SCENARIOS, else share/ipclab/scenarios beside the
/// executable (installed, or the build tree's link to the sources). Empty when none is found.
QString bundledScenarioDir();
/// The welcome lesson's path ("" when the folder is missing).
QString welcomeScenarioPath();

struct LessonInfo {
    QString path;
    QString title;
    QString description;
    QString error; ///< a lesson that does not load is listed with its first problem
};

/// Every *.yaml of `dir`: the bundled lessons in the lecture's order, then any others by
/// file name.
QVector<LessonInfo> listLessons(const QString& dir);

} // namespace ipclab::ui
