#include "scenariolibrary.h"

#include "scenariofiles.h"

#include <QListWidget>
#include <QVBoxLayout>

namespace ipclab::ui {

namespace {
constexpr int kPathRole = Qt::UserRole + 1;
constexpr int kTitleRole = Qt::UserRole + 2;
} // namespace

ScenarioLibrary::ScenarioLibrary(QWidget* parent) : QWidget(parent), m_list(new QListWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setSpacing(2);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        emit openRequested(item->data(kPathRole).toString());
    });
}

void ScenarioLibrary::setDirectory(const QString& dir) {
    m_list->clear();
    for (const LessonInfo& lesson : listLessons(dir)) {
        QString text = lesson.title;
        const QString detail = lesson.error.isEmpty() ? lesson.description : lesson.error;
        if (!detail.isEmpty()) {
            text += QLatin1Char('\n') + detail;
        }
        auto* item = new QListWidgetItem(text, m_list);
        item->setData(kPathRole, lesson.path);
        item->setData(kTitleRole, lesson.title);
        item->setToolTip(lesson.path);
    }
}

int ScenarioLibrary::lessonCount() const {
    return m_list->count();
}

QString ScenarioLibrary::lessonTitle(int row) const {
    const QListWidgetItem* item = m_list->item(row);
    return item ? item->data(kTitleRole).toString() : QString();
}

QString ScenarioLibrary::lessonPath(int row) const {
    const QListWidgetItem* item = m_list->item(row);
    return item ? item->data(kPathRole).toString() : QString();
}

void ScenarioLibrary::activate(int row) {
    if (QListWidgetItem* item = m_list->item(row)) {
        emit m_list->itemActivated(item);
    }
}

} // namespace ipclab::ui
