#pragma once
// Colours and fonts shared by every chart: readable from the back of a lecture hall, and
// following the widget's QPalette so that light and dark themes both work.

#include "event.h"
#include "scenario.h"

#include <QColor>
#include <QFont>
#include <QPalette>

class QCustomPlot;
class QCPAxisRect;

namespace ipclab::ui {

/// Point sizes for projector-friendly charts.
inline constexpr int kTickFontPt = 13;
inline constexpr int kLabelFontPt = 15;
inline constexpr int kTitleFontPt = 18;

/// The window's zoom (View › Zoom in/out) applied to the charts' point sizes; charts
/// restyle on QEvent::FontChange, which the window's zoom sends to every widget.
void setPlotFontScale(double scale);
/// `pt` at the current zoom.
int plotPt(int pt);

/// The fill colour of a process state in the timeline (colour-blind safe, same in both
/// themes so that the legend means the same thing on every screen).
QColor stateColor(ProcState state);
/// A distinct colour for each operation (bars, stacks).
QColor opColor(OpKind op);
/// A distinct colour for each process (who ran on which CPU).
QColor processColor(int proc);
/// True when the palette's window is dark.
bool isDark(const QPalette& palette);

/// Applies background, axis, grid and font settings from `palette` to every axis rect and
/// legend of `plot` (call again on QEvent::PaletteChange).
void applyPlotStyle(QCustomPlot* plot, const QPalette& palette);
/// Styles one axis rect (its four axes) like applyPlotStyle does.
void styleAxisRect(QCPAxisRect* rect, const QPalette& palette);

} // namespace ipclab::ui
