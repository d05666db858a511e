#include "framebench.h"

#include "mainwindow.h"
#include "runsession.h"
#include "systemview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <vector>

namespace ipclab::ui {

int runFrameBench(MainWindow& window, int frames, QTextStream& out) {
    RunSession* session = window.session();
    if (!session->hasRun() || session->length() == 0 || frames <= 0) {
        out << "bench: nothing to animate\n";
        return 1;
    }
    std::vector<double> times;
    times.reserve(static_cast<std::size_t>(frames));
    QElapsedTimer clock;
    for (int i = 0; i < frames; ++i) {
        clock.start();
        if (session->atEnd()) {
            session->setPosition(0);
        } else {
            session->step(1);
        }
        QApplication::processEvents(); // the token's animation frame, replot limiters
        window.repaint();
        times.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    const auto at = [&](double q) {
        return times[std::min(times.size() - 1, static_cast<std::size_t>(q * times.size()))];
    };
    out << "frames " << frames << ", processes " << session->trace()->processNames.size()
        << ", window " << window.width() << "x" << window.height() << "\n";
    out << "frame ms: min " << times.front() << "  median " << at(0.5) << "  p95 " << at(0.95)
        << "  max " << times.back() << "\n";
    return 0;
}

} // namespace ipclab::ui
