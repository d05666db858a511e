#pragma once
// `ipclab FILE --bench-frames N`: steps the open run N times, letting each message token
// animate, repaints the whole window synchronously each frame and prints frame times.
// A measurement for the report, not a test.

#include <QTextStream>

namespace ipclab::ui {

class MainWindow;

/// Returns 0 after printing min / median / p95 / max frame time in milliseconds.
int runFrameBench(MainWindow& window, int frames, QTextStream& out);

} // namespace ipclab::ui
