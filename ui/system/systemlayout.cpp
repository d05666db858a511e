#include "systemlayout.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ipclab::ui {

namespace {

double ellipsePerimeter(double a, double b) {
    // Ramanujan's approximation: close enough to space the nodes evenly.
    return std::numbers::pi * (3 * (a + b) - std::sqrt((3 * a + b) * (a + 3 * b)));
}

} // namespace

SystemLayout layoutSystem(std::size_t processCount, QSizeF node,
                          const std::vector<QSizeF>& objectSizes) {
    SystemLayout out;
    const std::size_t m = objectSizes.size();
    const auto columns = static_cast<std::size_t>(
        m <= 3 ? std::max<std::size_t>(m, 1) : std::ceil(std::sqrt(static_cast<double>(m) * 1.5)));
    const std::size_t rows = m == 0 ? 0 : (m + columns - 1) / columns;
    std::vector<double> colWidth(columns, 0.0);
    std::vector<double> rowHeight(rows, 0.0);
    for (std::size_t i = 0; i < m; ++i) {
        colWidth[i % columns] = std::max(colWidth[i % columns], objectSizes[i].width() + 50);
        rowHeight[i / columns] = std::max(rowHeight[i / columns], objectSizes[i].height() + 50);
    }
    double gridW = 0;
    double gridH = 0;
    for (double w : colWidth) {
        gridW += w;
    }
    for (double h : rowHeight) {
        gridH += h;
    }
    double y = -gridH / 2;
    for (std::size_t r = 0; r < rows; ++r) {
        double x = -gridW / 2;
        for (std::size_t c = 0; c < columns && r * columns + c < m; ++c) {
            out.objects.emplace_back(x + colWidth[c] / 2, y + rowHeight[r] / 2);
            x += colWidth[c];
        }
        y += rowHeight[r];
    }

    double a = std::max(gridW / 2 + node.width() / 2 + 90, 380.0);
    double b = std::max(gridH / 2 + node.height() / 2 + 70, 260.0);
    const auto n = static_cast<double>(processCount);
    const double needed = n * ((node.width() + node.height()) / 2 + 60);
    if (processCount > 2) {
        a = std::max(a, b * 1.3);
        // Neighbours at the ends of the axes sit side by side (top, bottom) or on top of
        // each other (left, right): keep them a card apart.
        const double step = std::sin(std::min(std::numbers::pi / 2, 2 * std::numbers::pi / n));
        a = std::max(a, (node.width() + 30) / step);
        b = std::max(b, (node.height() + 30) / step);
        const double perimeter = ellipsePerimeter(a, b);
        if (perimeter < needed) {
            a *= needed / perimeter;
            b *= needed / perimeter;
        }
    }
    const auto place = [&] {
        out.processes.clear();
        for (std::size_t i = 0; i < processCount; ++i) {
            // Start on the left so a producer/consumer pair reads left to right.
            const double angle =
                std::numbers::pi + 2 * std::numbers::pi * static_cast<double>(i) / n;
            out.processes.emplace_back(a * std::cos(angle), b * std::sin(angle));
        }
    };
    const auto neighboursOverlap = [&] {
        for (std::size_t i = 0; i + 1 < out.processes.size(); ++i) {
            const QPointF d = out.processes[i + 1] - out.processes[i];
            if (std::abs(d.x()) < node.width() + 20 && std::abs(d.y()) < node.height() + 20) {
                return true;
            }
        }
        return false;
    };
    place();
    for (int round = 0; round < 30 && processCount > 2 && neighboursOverlap(); ++round) {
        a *= 1.08;
        b *= 1.08;
        place();
    }
    if (processCount == 1) {
        out.processes.back() = QPointF(-a, 0);
    }
    QRectF bounds(-gridW / 2, -gridH / 2, gridW, gridH);
    for (const QPointF& p : out.processes) {
        bounds |= QRectF(p.x() - node.width() / 2, p.y() - node.height() / 2, node.width(),
                         node.height());
    }
    out.bounds = bounds.adjusted(-40, -70, 40, 40);
    return out;
}

} // namespace ipclab::ui
