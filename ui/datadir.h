#pragma once
// Where the program's data is: found next to the executable, never at a path fixed when it
// was compiled, so an installed or relocated copy works without its source tree.

#include <QString>

namespace ipclab::ui {

/// share/ipclab as seen from the executable (bin/../share/ipclab installed,
/// build/app/../share/ipclab in the build tree), or from one of the two folders above it
/// (test executables); "" when it is not there.
QString dataDir();

} // namespace ipclab::ui
