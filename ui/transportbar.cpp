#include "transportbar.h"

#include "player.h"
#include "runsession.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>

namespace ipclab::ui {

TransportBar::TransportBar(RunSession* session, Player* player, QWidget* parent)
    : QToolBar(tr("Transport"), parent), m_session(session), m_player(player) {
    setObjectName(QStringLiteral("transport"));
    setIconSize(QSize(28, 28));
    setToolButtonStyle(Qt::ToolButtonIconOnly);
    const auto icon = [this](QStyle::StandardPixmap p) { return style()->standardIcon(p); };
    m_start = addAction(icon(QStyle::SP_MediaSkipBackward), tr("Jump to start"));
    m_start->setShortcut(Qt::Key_Home);
    m_stepBack = addAction(icon(QStyle::SP_MediaSeekBackward), tr("Step back"));
    m_stepBack->setShortcut(Qt::Key_Left);
    m_stepBack->setAutoRepeat(true);
    m_play = addAction(icon(QStyle::SP_MediaPlay), tr("Play"));
    m_play->setShortcut(Qt::Key_Space);
    m_step = addAction(icon(QStyle::SP_MediaSeekForward), tr("Step"));
    m_step->setShortcut(Qt::Key_Right);
    m_step->setAutoRepeat(true);
    m_end = addAction(icon(QStyle::SP_MediaSkipForward), tr("Jump to end"));
    m_end->setShortcut(Qt::Key_End);
    for (QAction* a : transportActions()) {
        a->setToolTip(QStringLiteral("%1 (%2)").arg(
            a->text(), a->shortcut().toString(QKeySequence::NativeText)));
        a->setShortcutContext(Qt::WindowShortcut);
    }

    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setMinimumWidth(120);
    m_slider->setFocusPolicy(Qt::NoFocus);
    addWidget(m_slider);

    m_position = new QLabel(this);
    m_position->setAlignment(Qt::AlignCenter);
    addWidget(m_position);

    addWidget(new QLabel(tr(" Speed "), this));
    m_speed = new QComboBox(this);
    m_speed->setFocusPolicy(Qt::NoFocus);
    for (const double s : {1.0, 2.0, 4.0, 10.0, 30.0, 100.0, 1000.0, 10000.0}) {
        m_speed->addItem(QString(), s);
    }
    nameSpeeds();
    m_speed->setCurrentIndex(2);
    addWidget(m_speed);
    player->setSpeed(m_speed->currentData().toDouble());

    connect(m_start, &QAction::triggered, session, [session] { session->setPosition(0); });
    connect(m_end, &QAction::triggered, session,
            [session] { session->setPosition(session->length()); });
    connect(m_step, &QAction::triggered, session, [session] { session->step(1); });
    connect(m_stepBack, &QAction::triggered, session, [session] { session->step(-1); });
    connect(m_play, &QAction::triggered, player, &Player::toggle);
    connect(m_slider, &QSlider::valueChanged, session,
            [session](int v) { session->setPosition(static_cast<std::size_t>(v)); });
    connect(m_speed, &QComboBox::currentIndexChanged, player,
            [this] { m_player->setSpeed(m_speed->currentData().toDouble()); });
    connect(session, &RunSession::runChanged, this, &TransportBar::updateFromSession);
    connect(session, &RunSession::positionChanged, this, &TransportBar::updateFromSession);
    connect(player, &Player::playingChanged, this, &TransportBar::updatePlaying);
    updateFromSession();
}

QList<QAction*> TransportBar::transportActions() const {
    return {m_start, m_stepBack, m_play, m_step, m_end};
}

void TransportBar::updateFromSession() {
    const QSignalBlocker block(m_slider);
    const auto length = static_cast<int>(m_session->length());
    const auto position = static_cast<int>(m_session->position());
    m_slider->setRange(0, length);
    m_slider->setValue(position);
    m_slider->setPageStep(std::max(1, length / 20));
    QString text = tr("event %1 / %2").arg(position).arg(length);
    if (m_session->hasRun()) {
        const bool ns = m_session->trace()->timeUnit == TimeUnit::Nanosecond;
        text += ns ? tr("  ·  t = %1 µs")
                         .arg(static_cast<double>(m_session->state().time) / 1000.0, 0, 'f', 1)
                   : tr("  ·  t = %1").arg(m_session->state().time);
    }
    m_position->setText(text);
    const bool any = m_session->hasRun();
    m_stepBack->setEnabled(any && position > 0);
    m_start->setEnabled(any && position > 0);
    m_step->setEnabled(any && position < length);
    m_end->setEnabled(any && position < length);
    m_play->setEnabled(any);
}

void TransportBar::updatePlaying(bool playing) {
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setText(playing ? tr("Pause") : tr("Play"));
}

QString TransportBar::positionText() const {
    return m_position->text();
}

int TransportBar::sliderValue() const {
    return m_slider->value();
}

int TransportBar::sliderMaximum() const {
    return m_slider->maximum();
}

void TransportBar::nameSpeeds() {
    for (int i = 0; i < m_speed->count(); ++i) {
        m_speed->setItemText(i, tr("%1 events/s").arg(m_speed->itemData(i).toDouble()));
    }
}

void TransportBar::changeEvent(QEvent* event) {
    QToolBar::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        nameSpeeds();
        for (QAction* a : transportActions()) {
            a->setToolTip(QStringLiteral("%1 (%2)").arg(
                a->text(), a->shortcut().toString(QKeySequence::NativeText)));
        }
        updateFromSession();
        updatePlaying(m_player->isPlaying());
    }
}

} // namespace ipclab::ui
