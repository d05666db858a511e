#include "gui_main.h"

#include "framebench.h"
#include "language.h"
#include "mainwindow.h"
#include "runsession.h"
#include "scenariodocument.h"
#include "scenariofiles.h"
#include "systemview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QImage>
#include <QTextStream>
#include <cstring>

namespace ipclab::ui {

namespace {

bool wantsOffscreen(int argc, char* argv[]) {
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--screenshot") == 0 ||
            std::strcmp(argv[i], "--bench-frames") == 0) {
            return true;
        }
    }
    return false;
}

QSize parseSize(const QString& text) {
    const QStringList parts = text.split(QLatin1Char('x'));
    if (parts.size() != 2) {
        return {};
    }
    return {parts[0].toInt(), parts[1].toInt()};
}

void settle() {
    for (int i = 0; i < 5; ++i) {
        QApplication::processEvents();
    }
}

} // namespace

int runGui(int argc, char* argv[]) {
    // Screenshots and the frame bench render without a display.
    if (wantsOffscreen(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("IPC Lab"));
    QApplication::setOrganizationName(QStringLiteral("IPCLab"));
    // The saved choice of View › Language, else the system's (LANG, LC_ALL, LANGUAGE).
    setLanguage(chosenLanguage(), false);
    QFont font = QApplication::font();
    if (font.pointSizeF() < 11) {
        font.setPointSizeF(11); // a projector at the back of the room
        QApplication::setFont(font);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "ipclab", "IPC Lab: an animated simulator of inter-process communication."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QApplication::translate("ipclab", "Scenario file to open."));
    const QCommandLineOption gotoOption(
        QStringLiteral("goto"), QApplication::translate("ipclab", "Move to event N (or 'end')."),
        QStringLiteral("N"));
    const QCommandLineOption shotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("ipclab", "Save the window as a PNG image and exit."),
        QStringLiteral("OUT.png"));
    const QCommandLineOption sizeOption(
        QStringLiteral("size"),
        QApplication::translate("ipclab", "Window size (default 1600x1000)."),
        QStringLiteral("WxH"), QStringLiteral("1600x1000"));
    const QCommandLineOption manualOption(
        QStringLiteral("manual"), QApplication::translate("ipclab", "Start as the scheduler."));
    const QCommandLineOption presentOption(
        QStringLiteral("present"),
        QApplication::translate("ipclab", "Start in presentation mode (F5 in the window)."));
    const QCommandLineOption tourOption(
        QStringLiteral("tour"), QApplication::translate("ipclab", "Show the tour of the window."));
    const QCommandLineOption benchOption(
        QStringLiteral("bench-frames"),
        QApplication::translate("ipclab", "Render N animation frames, print frame times, exit."),
        QStringLiteral("N"));
    parser.addOptions(
        {gotoOption, shotOption, sizeOption, manualOption, presentOption, tourOption, benchOption});
    parser.process(app);

    QString file = parser.positionalArguments().value(0);
    if (file.isEmpty()) {
        file = welcomeScenarioPath();
    }
    const bool batch = parser.isSet(shotOption) || parser.isSet(benchOption);
    MainWindow window(!batch);
    QTextStream err(stderr);
    if (batch || parser.isSet(sizeOption)) {
        const QSize size = parseSize(parser.value(sizeOption));
        window.resize(size.isValid() ? size : QSize(1600, 1000));
    }
    if (batch) {
        window.systemView()->setAnimationEnabled(parser.isSet(benchOption));
    }
    window.show();
    if (file.isEmpty()) {
        err << QApplication::translate("ipclab", "ipclab: no bundled scenarios found\n");
    } else if (!window.openFile(file) && batch) {
        for (const QString& line : window.document()->errors()) {
            err << line << '\n';
        }
        return 1;
    }
    if (parser.isSet(manualOption)) {
        window.setManualScheduling(true);
    }
    if (parser.isSet(gotoOption)) {
        const QString where = parser.value(gotoOption);
        if (where == QStringLiteral("end")) {
            window.gotoEnd();
        } else {
            window.gotoEvent(static_cast<std::size_t>(std::max(0LL, where.toLongLong())));
        }
    }
    if (parser.isSet(presentOption)) {
        // A screenshot keeps the asked size instead of the screen's.
        window.setPresentation(true, !batch);
    }
    // The tour greets a first start; tests and screenshots see it only when asked.
    if (parser.isSet(tourOption) || (!batch && !window.tourShownBefore())) {
        window.startTour();
    }
    if (parser.isSet(benchOption)) {
        settle();
        QTextStream out(stdout);
        return runFrameBench(window, parser.value(benchOption).toInt(), out);
    }
    if (parser.isSet(shotOption)) {
        settle();
        const QImage image = window.grab().toImage();
        if (!image.save(parser.value(shotOption), "PNG")) {
            err << QApplication::translate("ipclab", "ipclab: could not write %1\n")
                       .arg(parser.value(shotOption));
            return 1;
        }
        return 0;
    }
    return QApplication::exec();
}

} // namespace ipclab::ui
