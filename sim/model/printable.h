#pragma once
// User text (a scenario's title, a file name, a value) on its way to a terminal: control
// characters shown as escapes, so that no file can move the cursor, clear the screen or
// split a diagnostic line.

#include <string>
#include <string_view>

namespace ipclab {

/// `text` with C0 controls, DEL and C1 controls (U+0080..U+009F) as \n, \t, \r or \xHH;
/// other UTF-8 unchanged, and any byte that is not valid UTF-8 as \xHH.
std::string printable(std::string_view text);

} // namespace ipclab
