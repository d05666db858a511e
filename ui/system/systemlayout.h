#pragma once
// Automatic layout of the system view: processes on an ellipse (wider than tall, like a
// projector), the kernel's objects on a grid inside it. Readable from 2 to 32 processes.

#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <vector>

namespace ipclab::ui {

struct SystemLayout {
    std::vector<QPointF> processes; ///< centres
    std::vector<QPointF> objects;   ///< centres, in the order of the sizes given
    QRectF bounds;                  ///< everything, with a margin
};

SystemLayout layoutSystem(std::size_t processCount, QSizeF nodeSize,
                          const std::vector<QSizeF>& objectSizes);

} // namespace ipclab::ui
