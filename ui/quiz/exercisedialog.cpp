#include "exercisedialog.h"

#include "exercise.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>

namespace ipclab::ui {

ExerciseDialog::ExerciseDialog(QWidget* parent)
    : QDialog(parent), m_topic(new QComboBox), m_difficulty(new QSpinBox), m_seed(new QSpinBox),
      m_summary(new QLabel) {
    setWindowTitle(tr("New exercise"));
    for (const auto& t : exerciseTopics()) {
        m_topic->addItem(QString::fromUtf8(t.name.data(), static_cast<int>(t.name.size())));
    }
    m_difficulty->setRange(kMinDifficulty, kMaxDifficulty);
    m_seed->setRange(1, 999999);
    m_seed->setValue(1);
    m_summary->setWordWrap(true);
    auto* randomSeed = new QPushButton(tr("Another seed"));
    auto* seedRow = new QHBoxLayout;
    seedRow->addWidget(m_seed, 1);
    seedRow->addWidget(randomSeed);
    auto* form = new QFormLayout;
    form->addRow(tr("Topic"), m_topic);
    form->addRow(QString(), m_summary);
    form->addRow(tr("Difficulty"), m_difficulty);
    form->addRow(tr("Seed"), seedRow);
    auto* hint = new QLabel(tr("The same topic, difficulty and seed give the same exercise: "
                               "share the seed with a class. The same file from the command "
                               "line: ipclab exercise TOPIC --seed N."));
    hint->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Generate"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(randomSeed, &QPushButton::clicked, this, [this] {
        m_seed->setValue(static_cast<int>(QRandomGenerator::global()->bounded(1, 1000000)));
    });
    connect(m_topic, &QComboBox::currentIndexChanged, this, &ExerciseDialog::describe);
    describe();
    setMinimumWidth(480);
}

void ExerciseDialog::describe() {
    const auto& topics = exerciseTopics();
    const int i = m_topic->currentIndex();
    if (i >= 0 && i < static_cast<int>(topics.size())) {
        const auto s = topics[static_cast<std::size_t>(i)].summary;
        m_summary->setText(QString::fromUtf8(s.data(), static_cast<int>(s.size())));
    }
}

QString ExerciseDialog::topic() const {
    return m_topic->currentText();
}

int ExerciseDialog::difficulty() const {
    return m_difficulty->value();
}

std::uint64_t ExerciseDialog::seed() const {
    return static_cast<std::uint64_t>(m_seed->value());
}

void ExerciseDialog::setTopic(const QString& topic) {
    m_topic->setCurrentText(topic);
}

void ExerciseDialog::setSeed(int seed) {
    m_seed->setValue(seed);
}

} // namespace ipclab::ui
