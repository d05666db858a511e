#include "opformat.h"

#include <QCoreApplication>

namespace ipclab::ui {

namespace {

// The context is the one lupdate gives a free tr() in this namespace.
QString tr(const char* text, int n = -1) {
    return QCoreApplication::translate("ipclab::ui", text, nullptr, n);
}

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString quoted(const std::string& text) {
    return QStringLiteral("\"%1\"").arg(QString::fromStdString(text));
}

QString capacityText(std::int64_t capacity) {
    return capacity == kUnbounded ? QStringLiteral("unbounded") : QString::number(capacity);
}

QString peerText(const Operation& op, bool sending) {
    switch (op.peerKind) {
    case PeerKind::Mailbox:
        return QStringLiteral("mailbox: %1").arg(QString::fromStdString(op.object));
    case PeerKind::Any:
        return QStringLiteral("from: any");
    default:
        return QStringLiteral("%1: %2").arg(sending ? QStringLiteral("to") : QStringLiteral("from"),
                                            QString::fromStdString(op.object));
    }
}

} // namespace

QString opSummary(const Operation& op) {
    const QString name = qs(opName(op.kind));
    const QString object = QString::fromStdString(op.object);
    switch (op.kind) {
    case OpKind::Compute:
        return QStringLiteral("compute: %1").arg(op.ticks);
    case OpKind::Send: {
        QString s =
            QStringLiteral("send: {%1, message: %2").arg(peerText(op, true), quoted(op.text));
        if (!op.blocking) {
            s += QStringLiteral(", blocking: false");
        }
        return s + QLatin1Char('}');
    }
    case OpKind::Receive: {
        QString s = QStringLiteral("receive: {%1").arg(peerText(op, false));
        if (!op.into.empty()) {
            s += QStringLiteral(", into: %1").arg(QString::fromStdString(op.into));
        }
        if (!op.blocking) {
            s += QStringLiteral(", blocking: false");
        }
        return s + QLatin1Char('}');
    }
    case OpKind::MailboxCreate:
        return QStringLiteral("mailbox_create: {name: %1, capacity: %2}")
            .arg(object, capacityText(op.capacity));
    case OpKind::ShmCreate:
        return QStringLiteral("shm_create: {name: %1, size: %2, mode: \"0%3\"}")
            .arg(object)
            .arg(op.size)
            .arg(op.mode, 0, 8);
    case OpKind::Read:
        return QStringLiteral("read: {segment: %1, offset: %2, into: %3}")
            .arg(object)
            .arg(op.offset)
            .arg(QString::fromStdString(op.into));
    case OpKind::Write:
        return QStringLiteral("write: {segment: %1, offset: %2, value: %3}")
            .arg(object)
            .arg(op.offset)
            .arg(op.textIsNumber ? QString::fromStdString(op.text) : quoted(op.text));
    case OpKind::SemCreate:
        return QStringLiteral("sem_create: {name: %1, value: %2}").arg(object).arg(op.value);
    case OpKind::Set:
    case OpKind::Add:
        return QStringLiteral("%1: {var: %2, value: %3}")
            .arg(name, object, op.textIsNumber ? QString::fromStdString(op.text) : quoted(op.text));
    case OpKind::Repeat:
        return QStringLiteral("repeat: %1").arg(op.count);
    case OpKind::Say:
        return QStringLiteral("say: %1").arg(quoted(op.text));
    case OpKind::Ask:
        return QStringLiteral("ask: %1").arg(quoted(op.text));
    case OpKind::While:
    case OpKind::If:
        return QStringLiteral("%1: %2").arg(name, quoted(op.condition));
    default:
        return QStringLiteral("%1: %2").arg(name, object);
    }
}

QString opShort(const Operation& op) {
    const QString object = QString::fromStdString(op.object);
    const QString into =
        op.into.empty() ? QString() : QStringLiteral(" → %1").arg(QString::fromStdString(op.into));
    switch (op.kind) {
    case OpKind::Compute:
        return QStringLiteral("compute %1").arg(op.ticks);
    case OpKind::Send:
        return QStringLiteral("send %1 → %2").arg(quoted(op.text), object);
    case OpKind::Receive:
        return QStringLiteral("receive ← %1%2")
            .arg(op.peerKind == PeerKind::Any ? QStringLiteral("any") : object, into);
    case OpKind::Read:
        return QStringLiteral("read %1@%2%3").arg(object).arg(op.offset).arg(into);
    case OpKind::Write:
        return QStringLiteral("write %1 → %2@%3")
            .arg(op.textIsNumber ? QString::fromStdString(op.text) : quoted(op.text), object)
            .arg(op.offset);
    case OpKind::Say:
        return QStringLiteral("say %1").arg(quoted(op.text));
    case OpKind::Ask:
        return QStringLiteral("ask %1").arg(quoted(op.text));
    case OpKind::Set:
    case OpKind::Add:
        return QStringLiteral("%1 %2 %3")
            .arg(qs(opName(op.kind)), object, QString::fromStdString(op.text));
    case OpKind::Repeat:
        return QStringLiteral("repeat %1").arg(op.count);
    case OpKind::While:
    case OpKind::If:
        return QStringLiteral("%1 %2").arg(qs(opName(op.kind)),
                                           QString::fromStdString(op.condition));
    default:
        return QStringLiteral("%1 %2").arg(qs(opName(op.kind)), object);
    }
}

QString objectName(const Trace& trace, int object) {
    if (object < 0 || object >= static_cast<int>(trace.objects.size())) {
        return {};
    }
    return QString::fromStdString(trace.objects[static_cast<std::size_t>(object)].name);
}

QString processName(const Trace& trace, int proc) {
    if (proc >= 0 && proc < static_cast<int>(trace.processNames.size())) {
        return QString::fromStdString(trace.processNames[static_cast<std::size_t>(proc)]);
    }
    return tr("kernel");
}

QString processStateText(const ProcessStatus& status, const Trace& trace) {
    switch (status.state) {
    case ProcState::New:
        return tr("new");
    case ProcState::Ready:
        return tr("ready");
    case ProcState::Running:
        return status.cpu >= 0 ? tr("running on CPU %1").arg(status.cpu) : tr("running");
    case ProcState::Blocked: {
        const QString op = qs(opName(status.blockedOp));
        const QString object = objectName(trace, status.blockedObject);
        return object.isEmpty() ? tr("blocked: %1").arg(op)
                                : tr("blocked: %1 on %2").arg(op, object);
    }
    case ProcState::Terminated:
        return tr("terminated");
    }
    return {};
}

QString eventDetail(const Trace& trace, const Event& e) {
    const QString text = QString::fromStdString(trace.str(e.text));
    switch (e.kind) {
    case EventKind::State:
        return qs(stateName(static_cast<ProcState>(e.a)));
    case EventKind::Dispatch:
        return tr("CPU %1, chosen among %2 ready").arg(e.cpu).arg(e.a);
    case EventKind::Syscall:
        return e.a > 0 ? tr("%1 bytes copied").arg(e.a) : QString();
    case EventKind::Compute:
        return tr("%n tick(s)", e.a);
    case EventKind::MsgSent:
        return tr("\"%1\", %2 queued").arg(text).arg(e.b);
    case EventKind::MsgReceived:
        return tr("\"%1\" from %2").arg(text, processName(trace, e.b));
    case EventKind::ShmWrite:
        return tr("wrote \"%1\" at offset %2").arg(text).arg(e.a);
    case EventKind::ShmRead:
        return tr("read \"%1\" at offset %2").arg(text).arg(e.a);
    case EventKind::VarSet:
        return QStringLiteral("%1 = %2").arg(
            QString::fromStdString(trace.str(static_cast<StringId>(e.b))), text);
    case EventKind::Caption:
        return text;
    case EventKind::SemChanged:
        return tr("value %1").arg(e.a);
    case EventKind::RunEnd:
        return qs(outcomeName(static_cast<Outcome>(e.a)));
    default:
        return text;
    }
}

} // namespace ipclab::ui
