#include "errorpanel.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace ipclab::ui {

ErrorPanel::ErrorPanel(QWidget* parent)
    : QFrame(parent), m_headline(new QLabel(this)), m_list(new QListWidget(this)) {
    setObjectName(QStringLiteral("errorPanel"));
    setStyleSheet(QStringLiteral("#errorPanel { background: #b3261e; border-radius: 6px; }"
                                 "#errorPanel QLabel { color: white; }"
                                 "#errorPanel QListWidget { background: #fff4f2; color: #3a0b08;"
                                 " font-family: monospace; }"));
    QFont bold = m_headline->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_headline->setFont(bold);
    m_headline->setWordWrap(true);
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Hide these messages"));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, this, &ErrorPanel::hide);
    auto* top = new QHBoxLayout();
    top->addWidget(m_headline, 1);
    top->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_list);
    m_list->setMaximumHeight(140);
    hide();
}

void ErrorPanel::showErrors(const QString& file, const QStringList& messages,
                            const QString& keptTitle) {
    m_messages = messages;
    const QString name = QFileInfo(file).fileName();
    m_headline->setText(keptTitle.isEmpty()
                            ? tr("%1 could not be loaded:").arg(name)
                            : tr("%1 could not be loaded — still showing “%2”. Fix the file and "
                                 "save: it reloads by itself.")
                                  .arg(name, keptTitle));
    m_list->clear();
    m_list->addItems(messages);
    show();
}

void ErrorPanel::clearErrors() {
    m_messages.clear();
    m_list->clear();
    hide();
}

QString ErrorPanel::headline() const {
    return m_headline->text();
}

} // namespace ipclab::ui
