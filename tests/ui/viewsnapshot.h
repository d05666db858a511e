#pragma once
// Everything the window's views show, as comparable text: step back must restore it
// exactly.

#include "captionview.h"
#include "eventlogview.h"
#include "mainwindow.h"
#include "programview.h"
#include "runsession.h"
#include "systemview.h"
#include "transportbar.h"

#include <QStringList>

inline QStringList viewSnapshot(const ipclab::ui::MainWindow& w) {
    using namespace ipclab;
    QStringList out;
    const Trace* trace = w.session()->trace();
    for (std::size_t p = 0; p < trace->processNames.size(); ++p) {
        const int i = static_cast<int>(p);
        out << w.systemView()->processStateText(i) << w.systemView()->processOpText(i)
            << w.systemView()->processVariables(i) << w.systemView()->waitTarget(i)
            << w.systemView()->mappedSegments(i).join(QLatin1Char(','))
            << QString::number(w.programView()->highlightedLine(i));
    }
    for (const ObjectInfo& o : trace->objects) {
        const QString name = QString::fromStdString(o.name);
        switch (o.kind) {
        case ObjectKind::Mailbox:
            out << w.systemView()->mailboxMessages(name).join(QLatin1Char('|'));
            break;
        case ObjectKind::Link:
            out << QString::number(w.systemView()->linkVisible(name))
                << QString::number(w.systemView()->linkQueued(name));
            break;
        case ObjectKind::Semaphore:
            out << QString::number(w.systemView()->semaphoreValue(name));
            break;
        case ObjectKind::Segment:
            for (int offset = 0; offset < 256; offset += 8) {
                out << w.systemView()->segmentCell(name, offset)
                    << w.systemView()->segmentCellHighlight(name, offset);
            }
            break;
        }
    }
    out << w.captions()->caption() << w.captions()->totals()
        << QString::number(w.eventLog()->currentEvent()) << w.transport()->positionText()
        << w.systemView()->banner();
    return out;
}
