#include "plotstyle.h"

#include "palette.h"

#include <algorithm>
#include <array>
#include <qcustomplot.h>

namespace ipclab::ui {

QColor stateColor(ProcState state) {
    return palette::stateColor(state);
}

QColor opColor(OpKind op) {
    // Message passing in warm colours, shared memory and semaphores in cool ones, so that
    // the two families read apart at a glance.
    switch (op) {
    case OpKind::Send:
        return QColor(0xD5, 0x5E, 0x00);
    case OpKind::Receive:
        return QColor(0xE6, 0x9F, 0x00);
    case OpKind::Connect:
        return QColor(0xCC, 0x79, 0xA7);
    case OpKind::Disconnect:
        return QColor(0x88, 0x44, 0x77);
    case OpKind::MailboxCreate:
        return QColor(0xB2, 0x22, 0x22);
    case OpKind::MailboxDelete:
        return QColor(0x7F, 0x3C, 0x1F);
    case OpKind::ShmCreate:
        return QColor(0x00, 0x72, 0xB2);
    case OpKind::ShmAttach:
        return QColor(0x56, 0xB4, 0xE9);
    case OpKind::ShmDetach:
        return QColor(0x33, 0x55, 0x99);
    case OpKind::ShmRemove:
        return QColor(0x1F, 0x3A, 0x5F);
    case OpKind::Read:
        return QColor(0x00, 0x9E, 0x73);
    case OpKind::Write:
        return QColor(0x44, 0xAA, 0x44);
    case OpKind::SemCreate:
        return QColor(0x66, 0x66, 0xCC);
    case OpKind::SemWait:
        return QColor(0x88, 0x88, 0xEE);
    case OpKind::SemPost:
        return QColor(0x44, 0x44, 0xAA);
    default:
        return QColor(0x99, 0x99, 0x99);
    }
}

QColor processColor(int proc) {
    return palette::processColor(proc);
}

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

namespace {
double g_fontScale = 1.0;
} // namespace

void setPlotFontScale(double scale) {
    g_fontScale = scale;
}

int plotPt(int pt) {
    return std::max(6, static_cast<int>(pt * g_fontScale + 0.5));
}

namespace {
QFont fontOfSize(int pt, bool bold = false) {
    QFont font;
    font.setPointSize(plotPt(pt));
    font.setBold(bold);
    return font;
}

void styleAxis(QCPAxis* axis, const QPalette& palette) {
    const QColor text = palette.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(45);
    axis->setBasePen(QPen(text, 1.5));
    axis->setTickPen(QPen(text, 1.5));
    axis->setSubTickPen(QPen(text, 1));
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
    axis->setTickLabelFont(fontOfSize(kTickFontPt));
    axis->setLabelFont(fontOfSize(kLabelFontPt, true));
    axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    axis->grid()->setZeroLinePen(QPen(grid, 1));
}
} // namespace

void styleAxisRect(QCPAxisRect* rect, const QPalette& palette) {
    for (QCPAxis* axis : rect->axes()) {
        styleAxis(axis, palette);
    }
    rect->setBackground(QBrush(palette.color(QPalette::Base)));
}

void applyPlotStyle(QCustomPlot* plot, const QPalette& palette) {
    plot->setBackground(QBrush(palette.color(QPalette::Window)));
    for (QCPAxisRect* rect : plot->axisRects()) {
        styleAxisRect(rect, palette);
    }
    const QColor text = palette.color(QPalette::WindowText);
    const auto titles = plot->findChildren<QCPTextElement*>();
    for (QCPTextElement* title : titles) {
        title->setTextColor(text);
        title->setFont(fontOfSize(kTitleFontPt, true));
    }
    const auto legends = plot->findChildren<QCPLegend*>();
    for (QCPLegend* legend : legends) {
        legend->setFont(fontOfSize(kTickFontPt));
        legend->setTextColor(text);
        QColor back = palette.color(QPalette::Base);
        back.setAlpha(220);
        legend->setBrush(QBrush(back));
        legend->setBorderPen(QPen(text, 1));
    }
}

} // namespace ipclab::ui
