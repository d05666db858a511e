#pragma once
// Colours and fonts of the views, derived from the application palette so that dark and
// light system themes both stay readable on a projector.

#include "event.h"

#include <QColor>
#include <QFont>
#include <QPalette>

namespace ipclab::ui {

struct Theme {
    bool dark = false;
    QColor background;
    QColor text;
    QColor mutedText;
    QColor nodeFill;
    QColor border;
    QColor mailbox;
    QColor link;
    QColor semaphore;
    QColor written; ///< a shared cell just written
    QColor read;    ///< a shared cell just read
    QColor waiting; ///< a blocked process's "waits for" arrow
    QColor deadlock;
    QColor selectable; ///< "you are the scheduler": a process you may pick
    QColor token;

    static Theme fromPalette(const QPalette& palette);
    QColor stateColor(ProcState state) const;
    /// A distinct colour per shared segment (by object index).
    QColor segmentColor(int index) const;
};

/// The scene's fonts, in scene units (the system view scales the scene to fit).
QFont sceneFont(int pixelSize, bool bold = false);

} // namespace ipclab::ui
