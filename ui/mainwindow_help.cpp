// MainWindow: the Help menu: the legend of colours and markers, the lessons in the
// lecture's order, and the first-run tour.

#include "lessonorder.h"
#include "mainwindow.h"
#include "scenariofiles.h"
#include "theme.h"
#include "tour.h"
#include "transportbar.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QScrollArea>
#include <QSettings>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace ipclab::ui {

namespace {

const char* const kTourKey = "tour/shown";

QString swatch(const QColor& color, const QString& what, const QString& meaning) {
    return QStringLiteral("<tr><td><span style='color:%1; font-size:x-large'>&#9632;</span>"
                          "</td><td><b>%2</b></td><td>%3</td></tr>")
        .arg(color.name(), what, meaning);
}

QString marker(const QString& glyph, const QString& what, const QString& meaning) {
    return QStringLiteral("<tr><td style='font-size:large'>%1</td><td><b>%2</b></td>"
                          "<td>%3</td></tr>")
        .arg(glyph, what, meaning);
}

QDialog* textDialog(QWidget* parent, const QString& title, QWidget* body) {
    auto* dialog = new QDialog(parent);
    dialog->setWindowTitle(title);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(body, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(buttons);
    // Fits a 1024x768 projector whatever the zoom; the content scrolls.
    dialog->resize(std::min(640, parent->width() - 40), std::min(560, parent->height() - 40));
    return dialog;
}

} // namespace

QString MainWindow::legendHtml() const {
    const Theme t = Theme::fromPalette(palette());
    QString html = tr("<h3>Processes</h3><p>A card per process, coloured by its state; the "
                      "timeline's lanes use the same colours.</p><table cellspacing=6>");
    html += swatch(t.stateColor(ProcState::New), tr("new"), tr("not started yet"));
    html += swatch(t.stateColor(ProcState::Ready), tr("ready"), tr("waits for a CPU"));
    html += swatch(t.stateColor(ProcState::Running), tr("running"), tr("on a CPU"));
    html += swatch(t.stateColor(ProcState::Blocked), tr("blocked"),
                   tr("waits for a message, a free slot or a semaphore; an arrow points at "
                      "what it waits for"));
    html += swatch(t.stateColor(ProcState::Terminated), tr("terminated"), tr("finished"));
    html += swatch(t.selectable, tr("green halo"),
                   tr("you are the scheduler: you may pick this process"));
    html += swatch(t.deadlock, tr("red"), tr("deadlock: the wait-for cycle"));
    html += tr("</table><h3>Objects</h3><table cellspacing=6>");
    html += swatch(t.mailbox, tr("mailbox"), tr("holds messages; its slots fill and empty"));
    html += swatch(t.link, tr("link"), tr("a direct link between two named processes"));
    html += swatch(t.segmentColor(0), tr("shared segment"),
                   tr("memory mapped by several processes; reading and writing it costs no "
                      "system call"));
    html += swatch(t.written, tr("cell just written"), QString());
    html += swatch(t.read, tr("cell just read"), QString());
    html += swatch(t.semaphore, tr("semaphore"), tr("its value; who holds it"));
    html += swatch(t.token, tr("moving token"), tr("a message on its way"));
    html += tr("</table><p>Deleted objects stay drawn, faded.</p><h3>Timeline markers</h3>"
               "<table cellspacing=6>");
    html += marker(QStringLiteral("&#9660;"), tr("system call"),
                   tr("a call into the kernel: what the lecture counts"));
    html += marker(QStringLiteral("&#9679;"), tr("sent"), tr("a message entered a mailbox"));
    html += marker(QStringLiteral("&#9675;"), tr("received"), tr("a message was taken out"));
    html += marker(QStringLiteral("&#9671;"), tr("shared memory"),
                   tr("a read or write of shared memory: no system call"));
    html += tr("</table><h3>Time</h3><p>A <b>tick</b> is the simulator's clock: a system "
               "call and each unit of <tt>compute</tt> take ticks. An <b>event</b> is one thing "
               "that happened (a state change, a call, a message); several can share a tick. "
               "The cursor stands between events; every view shows the system there.</p>");
    return html;
}

void MainWindow::showLegend() {
    auto* label = new QLabel(legendHtml());
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    label->setMargin(8);
    auto* scroll = new QScrollArea;
    scroll->setWidget(label);
    scroll->setWidgetResizable(true);
    QDialog* dialog = textDialog(this, tr("Legend"), scroll);
    dialog->setObjectName(QStringLiteral("legendDialog"));
    dialog->show();
}

void MainWindow::showLessons() {
    auto* tree = new QTreeWidget;
    tree->setHeaderHidden(true);
    tree->setRootIsDecorated(false);
    tree->setWordWrap(true);
    const QDir dir(bundledScenarioDir());
    QVector<LessonInfo> lessons = listLessons(dir.path());
    for (const LessonSection& section : lectureOrder()) {
        auto* heading = new QTreeWidgetItem(tree, {section.heading});
        QFont bold = heading->font(0);
        bold.setBold(true);
        heading->setFont(0, bold);
        heading->setFlags(Qt::ItemIsEnabled);
        for (const QString& name : section.lessons) {
            for (const LessonInfo& lesson : lessons) {
                if (QFileInfo(lesson.path).completeBaseName() == name) {
                    auto* item = new QTreeWidgetItem(heading, {lesson.title});
                    item->setData(0, Qt::UserRole, lesson.path);
                    item->setToolTip(0, lesson.description);
                }
            }
        }
    }
    tree->expandAll();
    QDialog* dialog = textDialog(this, tr("Lessons in the lecture's order"), tree);
    dialog->setObjectName(QStringLiteral("lessonsDialog"));
    auto* hint = new QLabel(tr("Double-click a lesson to open it."));
    static_cast<QVBoxLayout*>(dialog->layout())->insertWidget(0, hint);
    connect(tree, &QTreeWidget::itemActivated, dialog, [this, dialog](QTreeWidgetItem* item) {
        const QString path = item->data(0, Qt::UserRole).toString();
        if (!path.isEmpty()) {
            openFile(path);
            dialog->close();
        }
    });
    dialog->show();
}

Tour* MainWindow::startTour() {
    if (auto* running = findChild<Tour*>()) {
        return running;
    }
    auto* captions = findChild<QDockWidget*>(QStringLiteral("captions"));
    auto* timeline = findChild<QDockWidget*>(QStringLiteral("timeline"));
    std::vector<Tour::Step> steps = {
        {centralWidget(), tr("The system at the cursor"),
         tr("Processes, mailboxes, links, shared memory and semaphores as they are at the "
            "current event. Blocked processes point at what they wait for.")},
        {m_transport, tr("Play, step, jump"),
         tr("Space plays and pauses, Right and Left step one event, Page Down jumps to the "
            "next caption. The slider covers the whole run.")},
        {captions, tr("Captions and the count"),
         tr("What the lesson wants you to notice now, and the system calls so far: the "
            "number the lecture is about.")},
        {timeline, tr("Views, presentation and help"),
         tr("Timeline, system calls and the event log show only what has happened so far "
            "(View › Reveal as you go). F5 presents full screen; Help › Legend explains the "
            "colours.")},
    };
    auto* tour = new Tour(this, std::move(steps));
    if (m_persistent) {
        QSettings(QStringLiteral("IPCLab"), QStringLiteral("IPC Lab"))
            .setValue(QString::fromLatin1(kTourKey), true);
    }
    return tour;
}

bool MainWindow::tourShownBefore() const {
    return QSettings(QStringLiteral("IPCLab"), QStringLiteral("IPC Lab"))
        .value(QString::fromLatin1(kTourKey), false)
        .toBool();
}

void MainWindow::createHelpMenu() {
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* legend = help->addAction(tr("&Legend"), this, &MainWindow::showLegend);
    legend->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("Lessons in the lecture's &order"), this, &MainWindow::showLessons);
    help->addAction(tr("&Tour of the window"), this, [this] { startTour(); });
}

} // namespace ipclab::ui
