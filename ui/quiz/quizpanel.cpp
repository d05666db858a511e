#include "quizpanel.h"

#include "quizflow.h"
#include "runsession.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ipclab::ui {

namespace {

QLabel* wrapped(const QString& text = {}) {
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    return label;
}

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

/// The question in the user's language when the lesson gives it ("zh_CN", then "zh").
QString localized(const Question& q) {
    const std::string name = QLocale().name().toStdString();
    for (const std::string& code : {name, name.substr(0, name.find('_'))}) {
        if (auto it = q.translations.find(code); it != q.translations.end()) {
            return qs(it->second);
        }
    }
    return qs(q.text);
}

} // namespace

QuizPanel::QuizPanel(QuizFlow* flow, RunSession* session, QWidget* parent)
    : QWidget(parent), m_flow(flow), m_session(session), m_header(wrapped()), m_progress(wrapped()),
      m_pages(new QStackedWidget), m_idle(wrapped()), m_question(wrapped()), m_where(wrapped()),
      m_choiceBox(new QWidget), m_choiceLayout(new QVBoxLayout(m_choiceBox)),
      m_choices(new QButtonGroup(this)), m_answerBox(new QLineEdit),
      m_answerButton(new QPushButton(tr("Answer"))), m_results(new QTreeWidget), m_score(wrapped()),
      m_detail(wrapped()), m_evidence(new QPushButton(tr("Show the evidence"))),
      m_showNow(new QPushButton(tr("Show me now"))), m_again(new QPushButton(tr("Ask again"))) {
    QFont big = m_question->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_question->setFont(big);
    m_header->setFont(big);
    m_choiceLayout->setContentsMargins(0, 0, 0, 0);
    m_answerBox->setPlaceholderText(tr("Your answer"));
    m_answerButton->setDefault(true);
    m_idle->setText(tr("Play the run: it stops at each question for your prediction."));

    auto* questionPage = new QWidget;
    auto* q = new QVBoxLayout(questionPage);
    q->addWidget(m_question);
    q->addWidget(m_where);
    q->addWidget(m_choiceBox);
    q->addWidget(m_answerBox);
    q->addWidget(m_answerButton, 0, Qt::AlignLeft);
    q->addStretch();

    auto* resultPage = new QWidget;
    auto* r = new QVBoxLayout(resultPage);
    r->setContentsMargins(0, 0, 0, 0);
    m_results->setHeaderLabels({tr("Question"), tr("Yours"), tr("Answer"), QString()});
    m_results->setRootIsDecorated(false);
    m_results->setWordWrap(true);
    m_results->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 4; ++c) {
        m_results->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    }
    r->addWidget(m_score);
    r->addWidget(m_results, 1);
    r->addWidget(m_detail);
    r->addWidget(m_evidence, 0, Qt::AlignLeft);

    m_pages->addWidget(m_idle);
    m_pages->addWidget(questionPage);
    m_pages->addWidget(resultPage);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_showNow);
    buttons->addWidget(m_again);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_progress);
    layout->addWidget(m_pages, 1);
    layout->addLayout(buttons);

    connect(m_answerButton, &QPushButton::clicked, this, &QuizPanel::submit);
    connect(m_answerBox, &QLineEdit::returnPressed, this, &QuizPanel::submit);
    connect(m_showNow, &QPushButton::clicked, m_flow, &QuizFlow::showNow);
    connect(m_again, &QPushButton::clicked, m_flow, &QuizFlow::restart);
    connect(m_evidence, &QPushButton::clicked, this, &QuizPanel::jumpToEvidence);
    connect(m_results, &QTreeWidget::currentItemChanged, this, [this] {
        m_evidenceStep = 0;
        refresh();
    });
    connect(m_flow, &QuizFlow::questionDue, this, &QuizPanel::showQuestion);
    connect(m_flow, &QuizFlow::changed, this, &QuizPanel::refresh);
    connect(m_flow, &QuizFlow::revealedChanged, this, &QuizPanel::fillResults);
    refresh();
}

void QuizPanel::setProgressText(const QString& text) {
    m_progress->setText(text);
    m_progress->setVisible(!text.isEmpty());
}

void QuizPanel::showQuestion(int index) {
    const QuizFlow::Item& item = m_flow->items().at(static_cast<std::size_t>(index));
    m_question->setText(tr("Question %1 of %2: %3")
                            .arg(index + 1)
                            .arg(m_flow->items().size())
                            .arg(localized(item.question)));
    const Trace* trace = m_session->trace();
    const auto who = trace != nullptr && item.question.process >= 0
                         ? qs(trace->processNames[static_cast<std::size_t>(item.question.process)])
                         : QString();
    m_where->setText(tr("Asked by %1 at line %2. Predict, then watch the run prove it.")
                         .arg(who)
                         .arg(item.question.line));
    for (QAbstractButton* b : m_choices->buttons()) {
        m_choices->removeButton(b);
        delete b;
    }
    for (const std::string& choice : item.question.choices) {
        auto* button = new QRadioButton(qs(choice));
        m_choices->addButton(button);
        m_choiceLayout->addWidget(button);
    }
    const bool hasChoices = !item.question.choices.empty();
    m_choiceBox->setVisible(hasChoices);
    m_answerBox->setVisible(!hasChoices);
    m_answerBox->clear();
    m_pages->setCurrentIndex(1);
    if (!hasChoices) {
        m_answerBox->setFocus();
    }
}

void QuizPanel::submit() {
    if (m_flow->pending() < 0) {
        return;
    }
    QString given;
    if (QAbstractButton* b = m_choices->checkedButton(); b != nullptr && m_choiceBox->isVisible()) {
        given = b->text();
    } else {
        given = m_answerBox->text();
    }
    if (given.trimmed().isEmpty()) {
        return; // nothing chosen yet
    }
    m_flow->answer(given);
}

void QuizPanel::refresh() {
    const auto& items = m_flow->items();
    m_header->setText(items.empty() ? tr("No questions in this scenario")
                                    : tr("Questions (%1)").arg(items.size()));
    m_showNow->setEnabled(!items.empty() && !m_flow->revealed());
    m_again->setEnabled(!items.empty());
    if (m_flow->revealed()) {
        m_pages->setCurrentIndex(2);
    } else if (m_flow->pending() < 0) {
        int answered = 0;
        for (const auto& item : items) {
            answered += item.given ? 1 : 0;
        }
        m_idle->setText(items.empty()
                            ? tr("Lessons with ask: questions and generated exercises "
                                 "(Practice › New exercise) stop here to ask you.")
                            : tr("Play the run: it stops at each question for your prediction. "
                                 "Answered %1 of %2.")
                                  .arg(answered)
                                  .arg(items.size()));
        m_pages->setCurrentIndex(0);
    }
    const int row = m_results->currentIndex().row();
    if (!m_flow->revealed() || row < 0 || row >= static_cast<int>(items.size())) {
        m_detail->clear();
        m_evidence->setEnabled(false);
        return;
    }
    const QuizFlow::Item& item = items[static_cast<std::size_t>(row)];
    const auto& evidence = item.answer.evidence;
    m_detail->setText(
        tr("%1\nIPC Lab computed %2 = %3 from %4 event(s) of the run.")
            .arg(localized(item.question), qs(item.question.answer),
                 item.answer.ok ? qs(item.answer.value.display()) : qs(item.answer.error))
            .arg(evidence.size()));
    m_evidence->setEnabled(!evidence.empty());
    m_evidence->setText(evidence.empty() ? tr("No events decide it")
                                         : tr("Show the evidence (%1 of %2)")
                                               .arg(m_evidenceStep % evidence.size() + 1)
                                               .arg(evidence.size()));
}

void QuizPanel::fillResults() {
    m_results->clear();
    const auto& items = m_flow->items();
    for (const auto& item : items) {
        auto* row = new QTreeWidgetItem(m_results);
        row->setText(0, localized(item.question));
        row->setText(1, item.given ? *item.given : tr("(not answered)"));
        row->setText(2, item.answer.ok ? qs(item.answer.value.display()) : tr("(none)"));
        row->setText(3, item.right() ? tr("✓ right") : tr("✗ wrong"));
        row->setForeground(3, item.right() ? QColor(0x1b, 0x7f, 0x3a) : QColor(0xb3, 0x1d, 0x1d));
    }
    m_score->setText(tr("%1 of %2 right").arg(m_flow->rightCount()).arg(items.size()));
    if (!items.empty()) {
        selectResult(0);
    }
    refresh();
}

void QuizPanel::selectResult(int index) {
    m_results->setCurrentItem(m_results->topLevelItem(index));
}

void QuizPanel::jumpToEvidence() {
    const int row = m_results->currentIndex().row();
    if (row < 0 || row >= static_cast<int>(m_flow->items().size())) {
        return;
    }
    const auto& evidence = m_flow->items()[static_cast<std::size_t>(row)].answer.evidence;
    if (evidence.empty()) {
        return;
    }
    // The state right after the event: what it changed is on show.
    m_session->setPosition(evidence[m_evidenceStep % evidence.size()] + 1);
    ++m_evidenceStep;
    refresh();
}

} // namespace ipclab::ui
