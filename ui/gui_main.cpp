#include "gui_main.h"

#include <QApplication>

namespace ipclab::ui {

int runGui(int argc, char* argv[]) {
    QApplication app(argc, argv);
    return 0;
}

} // namespace ipclab::ui
