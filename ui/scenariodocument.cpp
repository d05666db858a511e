#include "scenariodocument.h"

#include "loader.h"

#include <QFileInfo>

namespace ipclab::ui {

ScenarioDocument::ScenarioDocument(QObject* parent) : QObject(parent) {
    m_settle.setSingleShot(true);
    m_settle.setInterval(150);
    connect(&m_settle, &QTimer::timeout, this, &ScenarioDocument::reload);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString& file) {
        // Editors that save by renaming drop the watch: take it up again.
        if (!m_watcher.files().contains(file) && QFileInfo::exists(file)) {
            m_watcher.addPath(file);
        }
        m_settle.start();
    });
}

void ScenarioDocument::watch(const QString& path) {
    if (!m_watcher.files().isEmpty()) {
        m_watcher.removePaths(m_watcher.files());
    }
    if (QFileInfo::exists(path)) {
        m_watcher.addPath(path);
    }
}

bool ScenarioDocument::open(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const LoadResult result = loadScenarioFile(absolute.toStdString());
    if (!result.ok()) {
        m_errors.clear();
        for (const Diagnostic& d : result.diagnostics) {
            m_errors << QString::fromStdString(d.format());
        }
        if (m_errors.isEmpty()) {
            m_errors << tr("%1: could not be loaded").arg(absolute);
        }
        // A broken new file is still watched when nothing else is open, so fixing it
        // loads it; otherwise the good file stays the one on show.
        if (!m_scenario) {
            m_path = absolute;
            watch(absolute);
        } else if (absolute == m_path) {
            watch(absolute);
        }
        emit failed(absolute, m_errors);
        return false;
    }
    m_errors.clear();
    m_path = absolute;
    m_scenario = std::make_shared<const Scenario>(*result.scenario);
    watch(absolute);
    emit loaded(m_scenario);
    return true;
}

bool ScenarioDocument::reload() {
    return m_path.isEmpty() ? false : open(m_path);
}

} // namespace ipclab::ui
