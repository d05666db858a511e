#pragma once
// The first-run tour: four short steps, each a note beside the part of the window it is
// about, with Next and Skip. Shown once on a first start (remembered in the settings),
// again from Help › Tour; never in tests or screenshots unless asked (`--tour`).

#include <QFrame>
#include <QPointer>
#include <vector>

class QLabel;
class QPushButton;

namespace ipclab::ui {

class Tour : public QFrame {
    Q_OBJECT
public:
    struct Step {
        QPointer<QWidget> target; ///< what the step points at (the note sits beside it)
        QString title;
        QString text;
    };

    Tour(QWidget* window, std::vector<Step> steps);

    int step() const { return m_step; }
    int stepCount() const { return static_cast<int>(m_steps.size()); }
    QString stepTitle() const;
    void next();
    void skip();

signals:
    void finished();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showStep();
    void place();

    std::vector<Step> m_steps;
    int m_step = 0;
    QLabel* m_title;
    QLabel* m_text;
    QLabel* m_counter;
    QPushButton* m_next;
    QPushButton* m_skip;
};

} // namespace ipclab::ui
