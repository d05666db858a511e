#pragma once
// The window's language. It follows the system locale unless the user chose one in
// View › Language (remembered in QSettings). Switching takes effect at once: every tr()
// text already on screen is looked up again (see retranslateWidgets), and the views
// render the run again in the new language.

#include <QString>
#include <QStringList>

class QWidget;

namespace ipclab::ui {

/// "" follows the system; otherwise a locale name such as "en" or "zh_CN".
QString chosenLanguage();
/// Installs the translation for `language` ("" = the system's), makes it QLocale's default
/// (lesson texts follow it) and remembers the choice when `remember` is set. Qt then sends
/// every widget a LanguageChange event.
void setLanguage(const QString& language, bool remember);
/// The locale name now in use: "en" or one with a translation, e.g. "zh_CN".
QString currentLanguage();
/// "en" and every language a translation is installed for.
QStringList availableLanguages();

/// Sets every text tr() once produced in `root` and its children (titles, labels, menus,
/// actions, tool tips, tabs, combo items) to the current language. Texts composed with
/// arguments are not found this way: the views render those again themselves.
void retranslateWidgets(QWidget* root);

} // namespace ipclab::ui
