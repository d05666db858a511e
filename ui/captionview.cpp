#include "captionview.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ipclab::ui {

namespace {
QLabel* makeLabel(QWidget* parent, qreal scale, bool bold) {
    auto* label = new QLabel(parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(bold);
    label->setFont(font);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

CaptionView::CaptionView(QWidget* parent)
    : QWidget(parent), m_title(makeLabel(this, 1.35, true)),
      m_description(makeLabel(this, 1.0, false)), m_caption(makeLabel(this, 1.6, true)),
      m_totals(makeLabel(this, 1.15, false)) {
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
    layout->addWidget(m_caption);
    layout->addWidget(m_totals);
    layout->addStretch(1);
    m_caption->setStyleSheet(QStringLiteral("color: palette(highlight);"));
}

void CaptionView::setRun(std::shared_ptr<const Scenario> scenario,
                         std::shared_ptr<const Trace> trace) {
    m_trace = std::move(trace);
    QString title = scenario ? QString::fromStdString(scenario->title) : QString();
    if (m_trace && m_trace->engine == Engine::Real) {
        title += tr("  (real Linux run)");
    }
    m_title->setText(title);
    m_description->setText(scenario ? QString::fromStdString(scenario->description).trimmed()
                                    : QString());
    m_caption->clear();
}

void CaptionView::setCursor(std::size_t, const SystemState& state) {
    m_caption->setText(QString::fromStdString(state.lastCaption));
    QString totals = tr("System calls: <b>%1</b> &nbsp;·&nbsp; messages sent <b>%2</b>, "
                        "received <b>%3</b> &nbsp;·&nbsp; bytes copied by the kernel <b>%4</b>")
                         .arg(state.syscallsTotal)
                         .arg(state.messagesSent)
                         .arg(state.messagesReceived)
                         .arg(state.bytesCopied);
    m_totals->setText(totals);
}

QString CaptionView::title() const {
    return m_title->text();
}

QString CaptionView::caption() const {
    return m_caption->text();
}

QString CaptionView::totals() const {
    return m_totals->text();
}

} // namespace ipclab::ui
