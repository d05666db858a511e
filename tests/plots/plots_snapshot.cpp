// Not a test: renders each chart of a scenario at an event to PNG, to look at them.
//   plots_snapshot SCENARIO.yaml OUTDIR [EVENT|end] [dark]

#include "comparisonchartview.h"
#include "exporter.h"
#include "kernel.h"
#include "loader.h"
#include "state.h"
#include "syscallchartview.h"
#include "timelineview.h"

#include <QApplication>
#include <QDir>
#include <QStyleFactory>
#include <cstdio>
#include <memory>

using namespace ipclab;

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: plots_snapshot SCENARIO.yaml OUTDIR [EVENT|end] [dark]\n");
        return 2;
    }
    const LoadResult loaded = loadScenarioFile(argv[1]);
    if (!loaded.ok()) {
        for (const Diagnostic& d : loaded.diagnostics) {
            std::fprintf(stderr, "%s\n", d.format().c_str());
        }
        return 1;
    }
    if (argc > 4 && QString::fromLocal8Bit(argv[4]) == QLatin1String("dark")) {
        app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
        dark.setColor(QPalette::Base, QColor(0x16, 0x18, 0x1A));
        dark.setColor(QPalette::WindowText, QColor(0xEE, 0xEE, 0xEE));
        dark.setColor(QPalette::Text, QColor(0xEE, 0xEE, 0xEE));
        app.setPalette(dark);
    }
    auto scenario = std::make_shared<const Scenario>(*loaded.scenario);
    auto trace = std::make_shared<const Trace>(simulate(*scenario).trace);
    StateCursor cursor(trace);
    std::size_t index = trace->events.size();
    if (argc > 3 && QString::fromLocal8Bit(argv[3]) != QLatin1String("end")) {
        index = std::min<std::size_t>(QString::fromLocal8Bit(argv[3]).toULongLong(), index);
    }
    const QDir out(QString::fromLocal8Bit(argv[2]));
    ui::TimelineView timeline;
    timeline.resize(1280, 640);
    timeline.setRun(scenario, trace);
    timeline.setCursor(index, cursor.at(index));
    ui::SyscallChartView syscalls;
    syscalls.resize(1280, 900);
    syscalls.setRun(scenario, trace);
    syscalls.setCursor(index, cursor.at(index));
    ui::ComparisonChartView comparison;
    comparison.resize(1280, 640);
    comparison.setRuns(trace, trace);
    for (auto [widget, name] : {std::pair<QWidget*, const char*>{&timeline, "timeline"},
                                {&syscalls, "syscalls"},
                                {&comparison, "comparison"}}) {
        QString error;
        const QString path = out.filePath(QStringLiteral("%1.png").arg(name));
        if (!ui::exportWidget(widget, path, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        std::printf("%s\n", qPrintable(path));
    }
    return 0;
}
