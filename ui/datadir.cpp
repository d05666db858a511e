#include "datadir.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace ipclab::ui {

QString dataDir() {
    // IPCLAB_DATA_FROM_BIN is relative ("../share/ipclab"): the same binary works wherever
    // its prefix is unpacked. A test executable sits deeper in the build tree
    // (build/tests/ui), so the folders above are tried too.
    QDir from(QCoreApplication::applicationDirPath());
    for (int level = 0; level < 3; ++level) {
        const QString dir = from.filePath(QStringLiteral(IPCLAB_DATA_FROM_BIN));
        if (QFileInfo(dir).isDir()) {
            return QDir(dir).canonicalPath();
        }
        if (!from.cdUp()) {
            break;
        }
    }
    return {};
}

} // namespace ipclab::ui
