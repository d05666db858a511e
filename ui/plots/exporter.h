#pragma once
// Export of what the user sees and of the data behind it: a view as PNG, SVG or PDF, the
// trace as JSON lines, and the syscall counts as CSV.

#include "scenario.h"
#include "trace.h"

#include <QString>
#include <cstddef>

class QWidget;

namespace ipclab::ui {

enum class ImageFormat { Png, Svg, Pdf };

/// The format a file name asks for by its suffix (case-insensitive), Png by default.
ImageFormat imageFormatForPath(const QString& path);

/// Renders `widget` into `path`. A QCustomPlot is drawn as vectors (SVG, PDF) through its
/// own painter path, a QGraphicsView through its scene, anything else with
/// QWidget::render. PNG uses the widget's size at its device pixel ratio. Returns false
/// and sets `error` (when given) if the file could not be written.
bool exportWidget(QWidget* widget, const QString& path, ImageFormat format,
                  QString* error = nullptr);
/// exportWidget with the format taken from the suffix.
bool exportWidget(QWidget* widget, const QString& path, QString* error = nullptr);

/// The trace as JSON lines (the same text as `ipclab run --trace`), into `path`.
bool exportTraceJsonLines(const Trace& trace, const QString& path, QString* error = nullptr);

/// Syscall counts of events [0, upTo) as CSV, one row per process, operation and kernel
/// call name: `process,operation,syscall,count`. Every IPC operation in a process's
/// program (from `scenario`, may be null) that made no call gets a row with an empty
/// syscall and 0 (so `read` and `write` show that shared memory costs nothing). Rows go
/// by process index, then operation (scenario order of OpKind), then call name. Fields
/// are quoted as RFC 4180 says when needed; lines end in "\n".
QString syscallCountsCsv(const Trace& trace, const Scenario* scenario, std::size_t upTo);
/// Totals by kernel call name: `syscall,count`, then `total,N`. Uses the kernel's own
/// measured counts for a real trace that has them (as the report does).
QString syscallNamesCsv(const Trace& trace);
/// Writes syscallCountsCsv(...) to `path`.
bool exportCountsCsv(const Trace& trace, const Scenario* scenario, std::size_t upTo,
                     const QString& path, QString* error = nullptr);
/// Writes syscallNamesCsv(...) to `path`.
bool exportSyscallNamesCsv(const Trace& trace, const QString& path, QString* error = nullptr);

} // namespace ipclab::ui
