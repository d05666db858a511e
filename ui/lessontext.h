#pragma once
// A lesson's text in the window's language: `scenario`, `description` and `say` may be
// given per language in the file (`{ en: ..., zh: ... }`); reports and traces keep English.

#include "scenario.h"

#include <QString>

namespace ipclab::ui {

/// The text in the window's language (QLocale's default: "zh_CN", then "zh"), else English.
QString lessonText(const std::string& english, const Translations& translations);

/// A caption as the kernel expanded it in English (`round 3`), told in the window's
/// language: the values that filled the English template's placeholders fill the
/// translation's (`第 3 轮`). English when there is no translation or the text does not
/// fit the template.
QString lessonCaption(const Operation& say, const std::string& expandedEnglish);

} // namespace ipclab::ui
