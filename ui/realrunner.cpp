#include "realrunner.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace ipclab::ui {

RealRunner::RealRunner(QObject* parent) : QObject(parent) {
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &RealRunner::readOutput);
    connect(&m_process, &QProcess::finished, this, &RealRunner::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            emit failed(tr("Could not start %1: %2").arg(program(), m_process.errorString()));
        }
    });
}

RealRunner::~RealRunner() {
    cancel();
}

QString RealRunner::program() const {
    if (!m_program.isEmpty()) {
        return m_program;
    }
    return QCoreApplication::applicationFilePath();
}

bool RealRunner::start(const QString& scenarioPath) {
    if (isRunning()) {
        return false;
    }
    m_pending.clear();
    m_reader = std::make_unique<TraceJsonReader>();
    m_process.setProgram(program());
    m_process.setArguments({QStringLiteral("run"), QFileInfo(scenarioPath).absoluteFilePath(),
                            QStringLiteral("--engine"), QStringLiteral("real"),
                            QStringLiteral("--trace"), QStringLiteral("-")});
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start();
    return true;
}

void RealRunner::cancel() {
    if (isRunning()) {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
}

void RealRunner::readOutput() {
    m_pending += m_process.readAllStandardOutput();
    qsizetype newline = 0;
    while ((newline = m_pending.indexOf('\n')) >= 0) {
        const QByteArray line = m_pending.left(newline);
        m_pending.remove(0, newline + 1);
        m_reader->readLine(
            std::string_view(line.constData(), static_cast<std::size_t>(line.size())));
    }
}

void RealRunner::onFinished(int exitCode, QProcess::ExitStatus status) {
    readOutput();
    if (!m_pending.isEmpty()) {
        m_reader->readLine(
            std::string_view(m_pending.constData(), static_cast<std::size_t>(m_pending.size())));
        m_pending.clear();
    }
    const QString stderrText = QString::fromLocal8Bit(m_process.readAllStandardError()).trimmed();
    if (status != QProcess::NormalExit) {
        emit failed(tr("The real run crashed. %1").arg(stderrText));
        return;
    }
    if (!m_reader->finish() || m_reader->failed()) {
        const QString why = m_reader->failed() ? QString::fromStdString(m_reader->error())
                                               : tr("the trace ended early");
        emit failed(tr("The real run (exit code %1) gave no usable trace: %2\n%3")
                        .arg(exitCode)
                        .arg(why, stderrText));
        return;
    }
    const QString report = QString::fromStdString(m_reader->reportJson());
    emit finished(std::make_shared<const Trace>(m_reader->takeTrace()), report);
}

} // namespace ipclab::ui
