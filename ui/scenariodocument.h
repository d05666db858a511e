#pragma once
// The scenario file on show: loads it, watches it on disk (instructors edit in their own
// editor) and reloads it when it changes. A file that fails to load never replaces the
// last good scenario: the document reports its problems and keeps what it had.

#include "scenario.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <memory>

namespace ipclab::ui {

class ScenarioDocument : public QObject {
    Q_OBJECT
public:
    explicit ScenarioDocument(QObject* parent = nullptr);

    /// Load `path` and watch it. Returns true when it loaded.
    bool open(const QString& path);
    /// Load the watched file again (what a change on disk triggers).
    bool reload();
    QString path() const { return m_path; }
    std::shared_ptr<const Scenario> scenario() const { return m_scenario; }
    QStringList errors() const { return m_errors; }

signals:
    void loaded(std::shared_ptr<const Scenario> scenario);
    /// `messages` are "file:line:column: what was expected", one per problem.
    void failed(const QString& path, const QStringList& messages);

private:
    void watch(const QString& path);

    QString m_path;
    std::shared_ptr<const Scenario> m_scenario;
    QStringList m_errors;
    QFileSystemWatcher m_watcher;
    QTimer m_settle; ///< single shot: editors write a file in several steps
};

} // namespace ipclab::ui
