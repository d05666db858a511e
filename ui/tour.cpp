#include "tour.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

namespace ipclab::ui {

Tour::Tour(QWidget* window, std::vector<Step> steps)
    : QFrame(window), m_steps(std::move(steps)), m_title(new QLabel(this)),
      m_text(new QLabel(this)), m_counter(new QLabel(this)),
      m_next(new QPushButton(tr("Next"), this)), m_skip(new QPushButton(tr("Skip tour"), this)) {
    setObjectName(QStringLiteral("tour"));
    setFrameShape(QFrame::Box);
    setLineWidth(2);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    setForegroundRole(QPalette::ToolTipText);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_title->setFont(bold);
    m_text->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_counter);
    buttons->addStretch(1);
    buttons->addWidget(m_skip);
    buttons->addWidget(m_next);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_text);
    layout->addLayout(buttons);
    m_next->setDefault(true);
    connect(m_next, &QPushButton::clicked, this, &Tour::next);
    connect(m_skip, &QPushButton::clicked, this, &Tour::skip);
    window->installEventFilter(this);
    showStep();
}

QString Tour::stepTitle() const {
    return m_title->text();
}

void Tour::next() {
    if (m_step + 1 >= stepCount()) {
        skip();
        return;
    }
    ++m_step;
    showStep();
}

void Tour::skip() {
    hide();
    emit finished();
    deleteLater();
}

void Tour::showStep() {
    if (m_steps.empty()) {
        return;
    }
    const Step& s = m_steps[static_cast<std::size_t>(m_step)];
    m_title->setText(s.title);
    m_text->setText(s.text);
    m_counter->setText(tr("%1 of %2").arg(m_step + 1).arg(stepCount()));
    m_next->setText(m_step + 1 == stepCount() ? tr("Done") : tr("Next"));
    place();
    show();
    raise();
    m_next->setFocus();
}

void Tour::place() {
    auto* window = parentWidget();
    const int width = std::min(420, window->width() - 40);
    setFixedWidth(width);
    adjustSize();
    QRect area = window->rect();
    const Step& s = m_steps[static_cast<std::size_t>(m_step)];
    if (s.target && s.target->isVisible()) {
        area = QRect(s.target->mapTo(window, QPoint(0, 0)), s.target->size());
    }
    // Inside the target, near its top left, but always wholly inside the window.
    QPoint at = area.topLeft() + QPoint(24, 24);
    at.setX(std::clamp(at.x(), 8, std::max(8, window->width() - width - 8)));
    at.setY(std::clamp(at.y(), 8, std::max(8, window->height() - height() - 8)));
    move(at);
}

bool Tour::eventFilter(QObject* watched, QEvent* event) {
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible()) {
        place();
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace ipclab::ui
