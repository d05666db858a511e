#include "theme.h"

#include "palette.h"

#include <array>

namespace ipclab::ui {

Theme Theme::fromPalette(const QPalette& palette) {
    Theme t;
    t.background = palette.color(QPalette::Base);
    t.text = palette.color(QPalette::Text);
    t.dark = t.background.lightness() < 128;
    t.mutedText = t.dark ? QColor(170, 170, 180) : QColor(90, 90, 100);
    t.nodeFill = t.dark ? QColor(48, 52, 60) : QColor(250, 250, 252);
    t.border = t.dark ? QColor(150, 155, 165) : QColor(70, 75, 85);
    t.mailbox = t.dark ? QColor(70, 90, 130) : QColor(220, 230, 250);
    t.link = t.dark ? QColor(120, 200, 255) : QColor(20, 110, 190);
    t.semaphore = t.dark ? QColor(110, 80, 140) : QColor(235, 220, 250);
    t.written = QColor(255, 150, 40);
    t.read = QColor(60, 160, 255);
    t.waiting = t.dark ? QColor(255, 120, 120) : QColor(200, 40, 40);
    t.deadlock = QColor(230, 30, 30);
    t.selectable = QColor(40, 200, 120);
    t.token = QColor(255, 200, 0);
    return t;
}

QColor Theme::stateColor(ProcState state) const {
    return palette::stateColor(state);
}

QColor Theme::segmentColor(int index) const {
    static constexpr std::array<int, 6> hues = {280, 180, 30, 330, 90, 220};
    const int hue = hues[static_cast<std::size_t>(index) % hues.size()];
    return QColor::fromHsv(hue, dark ? 150 : 110, dark ? 200 : 245);
}

QFont sceneFont(int pixelSize, bool bold) {
    QFont font;
    font.setPixelSize(pixelSize);
    font.setBold(bold);
    return font;
}

} // namespace ipclab::ui
