#include "eventlogview.h"

#include "eventlogmodel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace ipclab::ui {

EventLogView::EventLogView(QWidget* parent)
    : QWidget(parent), m_model(new EventLogModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_table(new QTableView(this)), m_filter(new QLineEdit(this)) {
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_filter->setPlaceholderText(tr("Filter events (process, syscall, object, …)"));
    m_filter->setClearButtonEnabled(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_table);
    connect(m_filter, &QLineEdit::textChanged, this, &EventLogView::setFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EventLogView::onCurrentChanged);
}

void EventLogView::setRun(std::shared_ptr<const Scenario>, std::shared_ptr<const Trace> trace) {
    m_model->setTrace(std::move(trace));
    const QFontMetrics fm(m_table->font());
    m_table->verticalHeader()->setDefaultSectionSize(fm.height() + 6);
    m_table->setColumnWidth(EventLogModel::Index, fm.horizontalAdvance(QStringLiteral("000000")));
    m_table->setColumnWidth(EventLogModel::Time, fm.horizontalAdvance(QStringLiteral("0000000")));
    m_table->setColumnWidth(EventLogModel::Process,
                            fm.horizontalAdvance(QStringLiteral("consumer12")));
    m_table->setColumnWidth(EventLogModel::Kind,
                            fm.horizontalAdvance(QStringLiteral("msg_received")));
    m_table->setColumnWidth(EventLogModel::Object,
                            fm.horizontalAdvance(QStringLiteral("producer<->con")));
    m_table->setColumnWidth(EventLogModel::Syscall,
                            fm.horizontalAdvance(QStringLiteral("mq_timedreceive")));
    m_table->setColumnWidth(EventLogModel::Result,
                            fm.horizontalAdvance(QStringLiteral("would_block")));
}

void EventLogView::setRevealAsYouGo(bool on) {
    TraceView::setRevealAsYouGo(on);
    m_model->setRevealed(on);
}

void EventLogView::setCursor(std::size_t index, const SystemState&) {
    m_model->setPosition(index);
    m_following = true;
    if (index == 0) {
        m_table->selectionModel()->clearSelection();
        m_table->selectionModel()->setCurrentIndex(QModelIndex(), QItemSelectionModel::Clear);
    } else {
        const QModelIndex source = m_model->index(static_cast<int>(index) - 1, 0);
        const QModelIndex row = m_proxy->mapFromSource(source);
        if (row.isValid()) {
            m_table->selectionModel()->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect |
                                                                QItemSelectionModel::Rows);
            m_table->scrollTo(row);
        }
    }
    m_following = false;
}

void EventLogView::setFilter(const QString& text) {
    if (m_filter->text() != text) {
        m_filter->setText(text);
    }
    m_proxy->setFilterFixedString(text);
}

int EventLogView::visibleRows() const {
    return m_proxy->rowCount();
}

QString EventLogView::cell(int visibleRow, int column) const {
    return m_proxy->index(visibleRow, column).data().toString();
}

int EventLogView::currentEvent() const {
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? m_proxy->mapToSource(current).row() : -1;
}

void EventLogView::selectVisibleRow(int row) {
    m_table->selectionModel()->setCurrentIndex(
        m_proxy->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void EventLogView::onCurrentChanged() {
    if (m_following) {
        return;
    }
    const int event = currentEvent();
    if (event >= 0) {
        emit positionRequested(static_cast<std::size_t>(event) + 1);
    }
}

} // namespace ipclab::ui
