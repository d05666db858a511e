#pragma once
// The scenario library dock: the bundled lessons with their descriptions; a double-click
// (or Enter) opens one.

#include <QWidget>

class QListWidget;

namespace ipclab::ui {

class ScenarioLibrary : public QWidget {
    Q_OBJECT
public:
    explicit ScenarioLibrary(QWidget* parent = nullptr);
    /// List the lessons of `dir` (the bundled folder by default).
    void setDirectory(const QString& dir);
    int lessonCount() const;
    QString lessonTitle(int row) const;
    QString lessonPath(int row) const;
    /// Open the lesson at `row` as a double-click would.
    void activate(int row);

signals:
    void openRequested(const QString& path);

private:
    QListWidget* m_list;
};

} // namespace ipclab::ui
