// MainWindow in another language: the texts tr() made, then the views' own texts.

#include "language.h"
#include "lessontext.h"
#include "mainwindow.h"
#include "runsession.h"
#include "scenariofiles.h"
#include "scenariolibrary.h"

#include <QEvent>

namespace ipclab::ui {

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    if (event->type() != QEvent::LanguageChange) {
        return;
    }
    retranslateWidgets(this);
    // Texts composed with values (captions, cards, axes, the title) are made by the views
    // when shown a run: show them the same run at the same place again.
    m_session->retell();
    m_library->setDirectory(bundledScenarioDir()); // the lessons' titles, in the new language
    if (const Scenario* scenario = m_session->scenario()) {
        setWindowTitle(
            tr("IPC Lab — %1").arg(lessonText(scenario->title, scenario->titleTranslations)));
    }
}

} // namespace ipclab::ui
