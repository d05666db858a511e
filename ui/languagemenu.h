#pragma once
// View › Language: the system's language or one of the installed translations.

class QMenu;

namespace ipclab::ui {

/// Adds the Language submenu to `menu`. Choosing switches at once and is remembered.
void addLanguageMenu(QMenu* menu);

} // namespace ipclab::ui
