#include "scenariofiles.h"

#include "lessonorder.h"
#include "loader.h"

#include <QCoreApplication>
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
    const QString exe = QCoreApplication::applicationDirPath();
    candidates << exe + QStringLiteral("/scenarios") << exe + QStringLiteral("/../scenarios")
               << exe + QStringLiteral("/../share/ipclab/scenarios")
               << exe + QStringLiteral("/../../scenarios");
#ifdef IPCLAB_SCENARIO_DIR
    candidates << QStringLiteral(IPCLAB_SCENARIO_DIR);
#endif
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
            info.title = QString::fromStdString(result.scenario->title);
            info.description = QString::fromStdString(result.scenario->description).trimmed();
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
