#pragma once
// Practice › New exercise: pick a topic, a difficulty and a seed (shown, so a class can
// share one), and IPC Lab generates the scenario with its questions.

#include <QDialog>
#include <cstdint>

class QComboBox;
class QLabel;
class QSpinBox;

namespace ipclab::ui {

class ExerciseDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExerciseDialog(QWidget* parent = nullptr);

    QString topic() const;
    int difficulty() const;
    std::uint64_t seed() const;
    void setTopic(const QString& topic);
    void setSeed(int seed);
    QComboBox* topicBox() const { return m_topic; }

private:
    void describe();

    QComboBox* m_topic;
    QSpinBox* m_difficulty;
    QSpinBox* m_seed;
    QLabel* m_summary;
};

} // namespace ipclab::ui
