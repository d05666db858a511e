#pragma once
// The GUI's entry point. app/main.cpp calls it for everything that is not a CLI
// subcommand: `ipclab`, `ipclab FILE`, `ipclab FILE --goto N --screenshot OUT.png`.

namespace ipclab::ui {

/// Builds the QApplication and the main window, runs the event loop, returns the exit code.
int runGui(int argc, char* argv[]);

} // namespace ipclab::ui
