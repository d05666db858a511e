#pragma once
// The one palette with meaning, used by every view and chart: process states in one set of
// colours (the system view's cards, the program view's current line, the timeline's
// bars), and a separate set for "which process" (CPU lanes) that never reuses a state's
// colour, so a worker on CPU 0 never reads as blocked. Header-only so that the charts'
// target and the views' target draw from the same source.

#include "event.h"

#include <QColor>
#include <array>
#include <cstddef>

namespace ipclab::ui::palette {

/// A process state's colour (Okabe–Ito, colour-blind safe), the same in light and dark
/// themes so the legend means the same thing on every screen and projector.
inline QColor stateColor(ProcState state) {
    switch (state) {
    case ProcState::New:
        return QColor(0xC8, 0xC8, 0xC8); // light grey
    case ProcState::Ready:
        return QColor(0x56, 0xB4, 0xE9); // sky blue
    case ProcState::Running:
        return QColor(0x00, 0x9E, 0x73); // bluish green
    case ProcState::Blocked:
        return QColor(0xD5, 0x5E, 0x00); // vermillion
    case ProcState::Terminated:
        return QColor(0x99, 0x99, 0x99); // grey
    }
    return QColor(0x99, 0x99, 0x99);
}

/// Colours that tell processes apart (who ran on which CPU), chosen far from every state
/// colour above (tests/ui/tst_palette checks the distance).
inline constexpr std::array<unsigned, 8> kProcessRgb = {
    0x332288, // indigo
    0xDDCC77, // sand
    0xAA4499, // purple
    0x882255, // wine
    0x999933, // olive
    0xF0A8D0, // light pink
    0x5A3A1A, // dark brown
    0x9A7FD0, // lavender
};

/// Process `proc`'s colour; grey for "nobody" (an idle CPU).
inline QColor processColor(int proc) {
    if (proc < 0) {
        return QColor(0xE8, 0xE8, 0xE8);
    }
    return QColor::fromRgb(
        static_cast<QRgb>(kProcessRgb[static_cast<std::size_t>(proc) % kProcessRgb.size()]));
}

/// Text that reads on `fill` (dark on light fills, light on dark ones).
inline QColor textOn(const QColor& fill) {
    return fill.lightness() > 140 ? QColor(20, 20, 25) : QColor(250, 250, 250);
}

} // namespace ipclab::ui::palette
