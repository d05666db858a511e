#include "presenterstrip.h"

#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextDocument>
#include <algorithm>

namespace ipclab::ui {

namespace {
constexpr double kCaptionScale = 2.0; ///< the caption's size, relative to the window font
constexpr double kCounterScale = 2.6;
constexpr int kCaptionLines = 3; ///< lines the caption may take before it shrinks
} // namespace

PresenterStrip::PresenterStrip(QWidget* parent)
    : QWidget(parent), m_caption(new QLabel(this)), m_counter(new QLabel(this)) {
    setObjectName(QStringLiteral("presenterStrip"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 6);
    m_caption->setWordWrap(true);
    m_caption->setTextFormat(Qt::PlainText);
    m_caption->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_caption->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_counter->setTextFormat(Qt::RichText);
    m_counter->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    layout->addWidget(m_caption, 1);
    layout->addWidget(m_counter, 0);
    fitCaption();
}

void PresenterStrip::setRun(std::shared_ptr<const Scenario> scenario,
                            std::shared_ptr<const Trace>) {
    m_title = scenario ? QString::fromStdString(scenario->title) : QString();
    m_caption->setText(m_title);
    fitCaption();
}

void PresenterStrip::setCursor(std::size_t, const SystemState& state) {
    // Before the first `say` the lesson's title stands in for a caption.
    const QString text =
        state.lastCaption.empty() ? m_title : QString::fromStdString(state.lastCaption);
    if (text != m_caption->text()) {
        m_caption->setText(text);
        fitCaption();
    }
    const int big = qRound(font().pointSizeF() * kCounterScale);
    m_counter->setText(tr("<div align=right>system calls<br><span style='font-size:%1pt; "
                          "font-weight:bold'>%2</span></div>")
                           .arg(big)
                           .arg(state.syscallsTotal));
}

QString PresenterStrip::caption() const {
    return m_caption->text();
}

QString PresenterStrip::counter() const {
    QTextDocument doc;
    doc.setHtml(m_counter->text());
    return doc.toPlainText();
}

void PresenterStrip::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitCaption();
}

void PresenterStrip::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        fitCaption();
    }
}

void PresenterStrip::fitCaption() {
    // The largest size, from kCaptionScale down to the window's own font, at which the
    // caption fits in kCaptionLines lines of the width it has; below that it wraps on.
    const int width = std::max(200, m_caption->width());
    const double base = font().pointSizeF();
    QFont f = font();
    f.setBold(true);
    for (double scale = kCaptionScale; scale >= 1.0; scale -= 0.1) {
        f.setPointSizeF(base * scale);
        const QFontMetrics fm(f);
        const QRect need =
            fm.boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap, m_caption->text());
        if (need.height() <= fm.lineSpacing() * kCaptionLines) {
            break;
        }
    }
    m_caption->setFont(f);
    m_caption->setMinimumHeight(QFontMetrics(f).lineSpacing() * kCaptionLines);
}

} // namespace ipclab::ui
