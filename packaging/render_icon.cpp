// Renders the SVG icon into the PNG sizes a desktop's icon theme looks for (build time),
// so only the SVG is a source: render_icon IN.svg OUTDIR SIZE...
// writes OUTDIR/SIZExSIZE.png for each size.

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char* argv[]) {
    QGuiApplication app(argc, argv);
    const QStringList args = QGuiApplication::arguments();
    QTextStream err(stderr);
    if (args.size() < 4) {
        err << "usage: render_icon IN.svg OUTDIR SIZE...\n";
        return 2;
    }
    QSvgRenderer svg(args[1]);
    if (!svg.isValid()) {
        err << "render_icon: cannot read " << args[1] << '\n';
        return 1;
    }
    for (qsizetype i = 3; i < args.size(); ++i) {
        const int size = args[i].toInt();
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        svg.render(&painter);
        painter.end();
        const QString out = QStringLiteral("%1/%2x%2.png").arg(args[2]).arg(size);
        if (!image.save(out, "PNG")) {
            err << "render_icon: cannot write " << out << '\n';
            return 1;
        }
    }
    return 0;
}
