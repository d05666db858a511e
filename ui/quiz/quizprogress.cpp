#include "quizprogress.h"

#include <QSettings>
#include <QUrl>

namespace ipclab::ui {

namespace {

const QString kGroup = QStringLiteral("quiz");

/// A lesson's path as one settings key (a '/' would open a subgroup).
QString keyFor(const QString& lesson) {
    return kGroup + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(lesson));
}

} // namespace

void QuizProgress::record(const QString& key, int right, int total) {
    QSettings settings;
    settings.beginGroup(keyFor(key));
    settings.setValue(QStringLiteral("right"), right);
    settings.setValue(QStringLiteral("total"), total);
    settings.setValue(QStringLiteral("best"),
                      std::max(right, settings.value(QStringLiteral("best"), 0).toInt()));
    settings.endGroup();
}

QuizScore QuizProgress::score(const QString& key) {
    QSettings settings;
    settings.beginGroup(keyFor(key));
    QuizScore s;
    s.right = settings.value(QStringLiteral("right"), 0).toInt();
    s.total = settings.value(QStringLiteral("total"), 0).toInt();
    s.best = settings.value(QStringLiteral("best"), 0).toInt();
    return s;
}

void QuizProgress::reset(const QString& key) {
    QSettings().remove(keyFor(key));
}

void QuizProgress::resetAll() {
    QSettings().remove(kGroup);
}

} // namespace ipclab::ui
