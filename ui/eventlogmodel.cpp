#include "eventlogmodel.h"

#include "opformat.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <algorithm>

namespace ipclab::ui {

namespace {
QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}
} // namespace

EventLogModel::EventLogModel(QObject* parent) : QAbstractTableModel(parent) {
}

void EventLogModel::setTrace(std::shared_ptr<const Trace> trace) {
    beginResetModel();
    m_trace = std::move(trace);
    m_position = 0;
    endResetModel();
}

void EventLogModel::setPosition(std::size_t position) {
    if (position == m_position || !m_trace) {
        return;
    }
    const auto lo = static_cast<int>(std::min(position, m_position));
    const auto hi = static_cast<int>(std::max(position, m_position));
    if (m_reveal) {
        // Rows appear as the cursor passes them and go as it steps back.
        const int before = rowCount();
        const int after = static_cast<int>(std::min(position, m_trace->events.size()));
        if (after > before) {
            beginInsertRows({}, before, after - 1);
            m_position = position;
            endInsertRows();
        } else if (after < before) {
            beginRemoveRows({}, after, before - 1);
            m_position = position;
            endRemoveRows();
        }
    }
    m_position = position;
    // Only the rows between the old and the new cursor change their look.
    if (rowCount() == 0) {
        return;
    }
    emit dataChanged(index(std::max(0, lo - 1), 0),
                     index(std::min(rowCount() - 1, hi), ColumnCount - 1));
}

void EventLogModel::setRevealed(bool on) {
    if (on == m_reveal) {
        return;
    }
    beginResetModel();
    m_reveal = on;
    endResetModel();
}

int EventLogModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_trace) {
        return 0;
    }
    const std::size_t n = m_trace->events.size();
    return static_cast<int>(m_reveal ? std::min(m_position, n) : n);
}

int EventLogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventLogModel::text(const Event& e, int column) const {
    const Trace& trace = *m_trace;
    switch (column) {
    case Time:
        return QString::number(e.time);
    case Process:
        return e.proc == kNoProcess ? QString() : processName(trace, e.proc);
    case Kind:
        return qs(eventKindName(e.kind));
    case Object:
        return e.object == kNoObject ? QString() : ui::objectName(trace, e.object);
    case Syscall:
        if (e.kind != EventKind::Syscall) {
            return {};
        }
        return (e.flags & kFlagCompletes) != 0
                   ? tr("%1 (returns)").arg(QString::fromStdString(trace.str(e.text)))
                   : QString::fromStdString(trace.str(e.text));
    case Result:
        return e.kind == EventKind::Syscall ? qs(resultName(static_cast<CallResult>(e.b)))
                                            : QString();
    case Detail:
        return e.kind == EventKind::Syscall ? QString() : eventDetail(trace, e);
    default:
        return {};
    }
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const {
    if (!m_trace || !index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const auto row = static_cast<std::size_t>(index.row());
    const Event& e = m_trace->events[row];
    if (role == Qt::DisplayRole) {
        return index.column() == Index ? QString::number(row + 1) : text(e, index.column());
    }
    if (role == Qt::ForegroundRole && row >= m_position) {
        return QBrush(QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
    }
    if (role == Qt::FontRole && row + 1 == m_position) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Index || index.column() == Time)) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Index:
        return tr("#");
    case Time:
        return m_trace && m_trace->timeUnit == TimeUnit::Nanosecond ? tr("Time (ns)") : tr("Time");
    case Process:
        return tr("Process");
    case Kind:
        return tr("Event");
    case Object:
        return tr("Object");
    case Syscall:
        return tr("Syscall");
    case Result:
        return tr("Result");
    case Detail:
        return tr("Detail");
    default:
        return {};
    }
}

} // namespace ipclab::ui
