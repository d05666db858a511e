#include "scenariofiles.h"

#include "datadir.h"
#include "lessonorder.h"
#include "lessontext.h"
#include "loader.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>

namespace ipclab::ui {

QString bundledScenarioDir() {
    QStringList candidates;
    const QString env = qEnvironmentVariable("IPCLAB_SCENARIOS");
    if (!env.isEmpty()) {
        candidates << env;
    }
    const QString data = dataDir();
    if (!data.isEmpty()) {
        candidates << data + QStringLiteral("/scenarios");
    }
    for (const QString& dir : candidates) {
        if (QFileInfo::exists(dir + QStringLiteral("/welcome.yaml"))) {
            return QDir(dir).canonicalPath();
        }
    }
    return {};
}

QString welcomeScenarioPath() {
    const QString dir = bundledScenarioDir();
    return dir.isEmpty() ? QString() : dir + QStringLiteral("/welcome.yaml");
}

QVector<LessonInfo> listLessons(const QString& dir) {
    QVector<LessonInfo> lessons;
    QFileInfoList files = QDir(dir).entryInfoList(
        {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files, QDir::Name);
    std::stable_sort(files.begin(), files.end(), [](const QFileInfo& a, const QFileInfo& b) {
        return lectureRank(a.completeBaseName()) < lectureRank(b.completeBaseName());
    });
    for (const QFileInfo& file : files) {
        LessonInfo info;
        info.path = file.absoluteFilePath();
        const LoadResult result = loadScenarioFile(info.path.toStdString());
        if (result.ok()) {
            const Scenario& lesson = *result.scenario;
            info.title = lessonText(lesson.title, lesson.titleTranslations);
            info.description =
                lessonText(lesson.description, lesson.descriptionTranslations).trimmed();
        } else {
            info.title = file.completeBaseName();
            if (!result.diagnostics.empty()) {
                info.error = QString::fromStdString(result.diagnostics.front().format());
            }
        }
        lessons.push_back(info);
    }
    return lessons;
}

} // namespace ipclab::ui
