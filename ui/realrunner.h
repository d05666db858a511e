#pragma once
// Runs a scenario on real Linux without forking the GUI: it starts
// `ipclab run FILE --engine real --trace -` as a child process and reads its JSON-lines
// trace as it streams in. (Forking a multi-threaded Qt process is unsafe.)

#include "trace.h"
#include "trace_json.h"

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <memory>

namespace ipclab::ui {

class RealRunner : public QObject {
    Q_OBJECT
public:
    explicit RealRunner(QObject* parent = nullptr);
    ~RealRunner() override;

    /// The ipclab executable to start (default: this program when it is ipclab).
    void setProgram(const QString& program) { m_program = program; }
    QString program() const;
    bool start(const QString& scenarioPath);
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    void cancel();

signals:
    void finished(std::shared_ptr<const Trace> trace, const QString& reportJson);
    void failed(const QString& message);

private:
    void readOutput();
    void onFinished(int exitCode, QProcess::ExitStatus status);

    QProcess m_process;
    QString m_program;
    QByteArray m_pending;
    std::unique_ptr<TraceJsonReader> m_reader;
};

} // namespace ipclab::ui
