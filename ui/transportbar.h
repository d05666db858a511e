#pragma once
// The transport: play/pause, step, step back, start, end, speed, and a slider over the
// whole trace. Its actions carry the keyboard shortcuts (Space, Left/Right, Home/End).

#include <QToolBar>

class QAction;
class QComboBox;
class QLabel;
class QSlider;

namespace ipclab::ui {

class Player;
class RunSession;

class TransportBar : public QToolBar {
    Q_OBJECT
public:
    TransportBar(RunSession* session, Player* player, QWidget* parent = nullptr);

    QAction* playAction() const { return m_play; }
    QAction* stepAction() const { return m_step; }
    QAction* stepBackAction() const { return m_stepBack; }
    QAction* startAction() const { return m_start; }
    QAction* endAction() const { return m_end; }
    QList<QAction*> transportActions() const;
    QString positionText() const;
    int sliderValue() const;
    int sliderMaximum() const;

protected:
    /// The speeds' texts are made with their numbers: made again in a new language.
    void changeEvent(QEvent* event) override;

private:
    void nameSpeeds();
    void updateFromSession();
    void updatePlaying(bool playing);

    RunSession* m_session;
    Player* m_player;
    QAction* m_play;
    QAction* m_stepBack;
    QAction* m_step;
    QAction* m_start;
    QAction* m_end;
    QSlider* m_slider;
    QComboBox* m_speed;
    QLabel* m_position;
};

} // namespace ipclab::ui
