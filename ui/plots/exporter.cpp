#include "exporter.h"

#include "countsfold.h"
#include "trace_json.h"

#include <QFile>
#include <QFileInfo>
#include <QGraphicsView>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTextStream>
#include <qcustomplot.h>

namespace ipclab::ui {

namespace {

bool fail(QString* error, const QString& message) {
    if (error) {
        *error = message;
    }
    return false;
}

bool writeText(const QString& path, const QByteArray& bytes, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(error, QObject::tr("cannot write %1: %2").arg(path, file.errorString()));
    }
    file.write(bytes);
    if (!file.commit()) {
        return fail(error, QObject::tr("cannot write %1: %2").arg(path, file.errorString()));
    }
    return true;
}

/// Paints `widget` onto `device`, its `size` pixels scaled onto the device's page, as
/// vectors where the widget allows it.
bool paintWidget(QWidget* widget, QPaintDevice* device, const QSize& size) {
    QCPPainter painter; // a QPainter that QCustomPlot can also draw vectors with
    if (!painter.begin(device)) {
        return false;
    }
    painter.setWindow(QRect(QPoint(0, 0), size));
    if (auto* plot = qobject_cast<QCustomPlot*>(widget)) {
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        painter.fillRect(QRect(QPoint(0, 0), size), plot->palette().color(QPalette::Window));
        plot->toPainter(&painter, size.width(), size.height());
    } else if (auto* view = qobject_cast<QGraphicsView*>(widget); view && view->scene()) {
        view->render(&painter, QRectF(QPointF(0, 0), size), view->viewport()->rect());
    } else {
        widget->render(&painter);
    }
    return painter.end();
}

QString csvField(const QString& field) {
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) &&
        !field.contains(QLatin1Char('\n')) && !field.contains(QLatin1Char('\r'))) {
        return field;
    }
    QString quoted = field;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString fromView(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace

ImageFormat imageFormatForPath(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("svg")) {
        return ImageFormat::Svg;
    }
    if (suffix == QLatin1String("pdf")) {
        return ImageFormat::Pdf;
    }
    return ImageFormat::Png;
}

bool exportWidget(QWidget* widget, const QString& path, ImageFormat format, QString* error) {
    if (!widget) {
        return fail(error, QObject::tr("nothing to export"));
    }
    const QSize size = widget->size().expandedTo(QSize(1, 1));
    // Charts replot at a capped rate: bring every chart in the widget up to date first, so
    // that an export right after a cursor move shows that move.
    auto plots = widget->findChildren<QCustomPlot*>();
    if (auto* plot = qobject_cast<QCustomPlot*>(widget)) {
        plots.append(plot);
    }
    for (QCustomPlot* plot : plots) {
        plot->replot(QCustomPlot::rpImmediateRefresh);
    }
    switch (format) {
    case ImageFormat::Png: {
        const QPixmap pixmap = widget->grab();
        if (pixmap.isNull() || !pixmap.save(path, "PNG")) {
            return fail(error, QObject::tr("cannot write %1").arg(path));
        }
        return true;
    }
    case ImageFormat::Svg: {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setTitle(widget->windowTitle());
        generator.setDescription(QObject::tr("Exported from IPC Lab"));
        if (!paintWidget(widget, &generator, size)) {
            return fail(error, QObject::tr("cannot write %1").arg(path));
        }
        break;
    }
    case ImageFormat::Pdf: {
        QPdfWriter writer(path);
        writer.setCreator(QStringLiteral("IPC Lab"));
        writer.setResolution(96);
        writer.setPageSize(QPageSize(QSizeF(size), QPageSize::Point));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        if (!paintWidget(widget, &writer, size)) {
            return fail(error, QObject::tr("cannot write %1").arg(path));
        }
        break;
    }
    }
    const QFileInfo written(path);
    if (!written.exists() || written.size() == 0) {
        return fail(error, QObject::tr("cannot write %1").arg(path));
    }
    return true;
}

bool exportWidget(QWidget* widget, const QString& path, QString* error) {
    return exportWidget(widget, path, imageFormatForPath(path), error);
}

bool exportTraceJsonLines(const Trace& trace, const QString& path, QString* error) {
    return writeText(path, QByteArray::fromStdString(traceToJsonLines(trace)), error);
}

QString syscallCountsCsv(const Trace& trace, const Scenario* scenario, std::size_t upTo) {
    const SyscallCounts counts = countSyscalls(trace, upTo);
    std::size_t procs = counts.size();
    if (scenario) {
        procs = std::max(procs, scenario->processes.size());
    }
    QString out = QStringLiteral("process,operation,syscall,count\n");
    for (std::size_t p = 0; p < procs; ++p) {
        const QString name = p < trace.processNames.size()
                                 ? QString::fromStdString(trace.processNames[p])
                                 : QString::fromStdString(scenario->processes[p].name);
        std::map<OpKind, std::map<std::string, std::int64_t>> rows;
        if (p < counts.size()) {
            rows = counts[p];
        }
        if (scenario && p < scenario->processes.size()) {
            for (OpKind op : ipcOpsOf(scenario->processes[p])) {
                rows[op]; // an operation that made no call still gets its 0
            }
        }
        for (const auto& [op, byName] : rows) {
            if (byName.empty()) {
                out += csvField(name) + QLatin1Char(',') + fromView(opName(op)) +
                       QStringLiteral(",,0\n");
                continue;
            }
            for (const auto& [syscall, n] : byName) {
                out += csvField(name) + QLatin1Char(',') + fromView(opName(op)) + QLatin1Char(',') +
                       csvField(QString::fromStdString(syscall)) + QLatin1Char(',') +
                       QString::number(n) + QLatin1Char('\n');
            }
        }
    }
    return out;
}

QString syscallNamesCsv(const Trace& trace) {
    QString out = QStringLiteral("syscall,count\n");
    std::int64_t total = 0;
    for (const auto& [name, n] : syscallsByName(trace)) {
        out += csvField(QString::fromStdString(name)) + QLatin1Char(',') + QString::number(n) +
               QLatin1Char('\n');
        total += n;
    }
    out += QStringLiteral("total,") + QString::number(total) + QLatin1Char('\n');
    return out;
}

bool exportCountsCsv(const Trace& trace, const Scenario* scenario, std::size_t upTo,
                     const QString& path, QString* error) {
    return writeText(path, syscallCountsCsv(trace, scenario, upTo).toUtf8(), error);
}

bool exportSyscallNamesCsv(const Trace& trace, const QString& path, QString* error) {
    return writeText(path, syscallNamesCsv(trace).toUtf8(), error);
}

} // namespace ipclab::ui
