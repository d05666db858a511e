#include "languagemenu.h"

#include "language.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QLocale>
#include <QMenu>

namespace ipclab::ui {

void addLanguageMenu(QMenu* menu) {
    QMenu* languages =
        menu->addMenu(QCoreApplication::translate("ipclab::ui::MainWindow", "&Language"));
    languages->setObjectName(QStringLiteral("languageMenu"));
    auto* group = new QActionGroup(languages);
    const auto add = [&](const QString& text, const QString& code) {
        QAction* action = languages->addAction(text);
        action->setCheckable(true);
        action->setData(code);
        action->setChecked(chosenLanguage() == code);
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, languages,
                         [code] { setLanguage(code, true); });
    };
    add(QCoreApplication::translate("ipclab::ui::MainWindow", "System language"), QString());
    // Each language by its own name: someone who cannot read the current one finds theirs.
    for (const QString& code : availableLanguages()) {
        const QLocale locale(code);
        QString name =
            code == QStringLiteral("en") ? QStringLiteral("English") : locale.nativeLanguageName();
        if (code.contains(QLatin1Char('_'))) {
            name += QStringLiteral(" (%1)").arg(locale.nativeTerritoryName());
        }
        add(name, code);
    }
}

} // namespace ipclab::ui
