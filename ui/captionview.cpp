#include "captionview.h"

#include "lessontext.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace ipclab::ui {

namespace {
constexpr double kTitleScale = 1.35;
constexpr double kCaptionScale = 1.5;
constexpr double kTotalsScale = 1.1;

QLabel* makeLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Wrapped labels may shrink to any width; their height follows (height-for-width).
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    label->setMinimumWidth(1);
    return label;
}

/// The `say` at `line` of a program, inside repeats too; null when there is none.
const Operation* sayAt(const std::vector<Operation>& program, int line) {
    for (const Operation& op : program) {
        if (op.kind == OpKind::Say && op.pos.line == line) {
            return &op;
        }
        if (const Operation* inner = sayAt(op.body, line); inner != nullptr) {
            return inner;
        }
    }
    return nullptr;
}
} // namespace

CaptionView::CaptionView(QWidget* parent)
    : QScrollArea(parent), m_title(nullptr), m_description(nullptr), m_caption(nullptr),
      m_totals(nullptr) {
    auto* page = new QWidget(this);
    m_title = makeLabel(page);
    m_description = makeLabel(page);
    m_caption = makeLabel(page);
    m_totals = makeLabel(page);
    auto* layout = new QVBoxLayout(page);
    // The caption first: it is what changes and what a room reads.
    layout->addWidget(m_caption);
    layout->addWidget(m_totals);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
    layout->addStretch(1);
    m_caption->setStyleSheet(QStringLiteral("color: palette(highlight);"));
    m_description->setTextFormat(Qt::PlainText);
    m_caption->setTextFormat(Qt::PlainText);
    setWidget(page);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setMinimumSize(160, 80);
    applyFonts();
}

void CaptionView::applyFonts() {
    const auto scaled = [this](QLabel* label, double scale, bool bold) {
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * scale);
        f.setBold(bold);
        label->setFont(f);
    };
    scaled(m_title, kTitleScale, true);
    scaled(m_description, 1.0, false);
    scaled(m_caption, kCaptionScale, true);
    scaled(m_totals, kTotalsScale, false);
}

void CaptionView::changeEvent(QEvent* event) {
    QScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        applyFonts();
    }
}

void CaptionView::setRun(std::shared_ptr<const Scenario> scenario,
                         std::shared_ptr<const Trace> trace) {
    m_trace = std::move(trace);
    m_scenario = std::move(scenario);
    QString title =
        m_scenario ? lessonText(m_scenario->title, m_scenario->titleTranslations) : QString();
    if (m_trace && m_trace->engine == Engine::Real) {
        title += tr("  (real Linux run)");
    }
    m_title->setText(title);
    m_description->setText(
        m_scenario
            ? lessonText(m_scenario->description, m_scenario->descriptionTranslations).trimmed()
            : QString());
    m_caption->clear();
}

void CaptionView::setCursor(std::size_t, const SystemState& state) {
    QString caption = QString::fromStdString(state.lastCaption);
    if (m_scenario && m_trace && state.lastCaptionEvent >= 0) {
        const Event& said = m_trace->events.at(static_cast<std::size_t>(state.lastCaptionEvent));
        if (said.proc < m_scenario->processes.size()) {
            if (const Operation* say = sayAt(m_scenario->processes[said.proc].program, said.line)) {
                caption = lessonCaption(*say, state.lastCaption);
            }
        }
    }
    m_caption->setText(caption);
    m_caption->setVisible(!state.lastCaption.empty());
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

QString CaptionView::description() const {
    return m_description->text();
}

QString CaptionView::caption() const {
    return m_caption->text();
}

QString CaptionView::totals() const {
    return m_totals->text();
}

} // namespace ipclab::ui
