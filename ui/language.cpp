#include "language.h"

#include "datadir.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QMetaProperty>
#include <QMutex>
#include <QSettings>
#include <QTabBar>
#include <QTranslator>
#include <QTreeWidget>
#include <QWidget>
#include <memory>

namespace ipclab::ui {

namespace {

const QString kSettingsKey = QStringLiteral("language");

/// Where a text came from: enough to ask tr() again in another language.
struct Source {
    QByteArray context;
    QByteArray text;
    QByteArray disambiguation;
};

/// The translator Qt asks for every tr(): it answers from the current language's .qm and
/// remembers which source each answer came from, so that a text already on screen can be
/// found again and replaced when the language changes.
class RecordingTranslator : public QTranslator {
public:
    bool isEmpty() const override { return false; }

    QString translate(const char* context, const char* source, const char* disambiguation,
                      int n) const override {
        if (source == nullptr || context == nullptr) {
            return {};
        }
        QString out = m_program->translate(context, source, disambiguation, n);
        if (out.isEmpty()) {
            out = m_qt->translate(context, source, disambiguation, n);
        }
        const QString shown = out.isEmpty() ? QString::fromUtf8(source) : out;
        const QMutexLocker lock(&m_mutex);
        m_sources.insert(shown, Source{context, source, disambiguation});
        return out;
    }

    /// The source of a text shown on screen, if tr() made it.
    const Source* sourceOf(const QString& shown) const {
        const QMutexLocker lock(&m_mutex);
        const auto found = m_sources.constFind(shown);
        return found == m_sources.cend() ? nullptr : &found.value();
    }

    /// Loads `locale`'s translations; false when the program has none for it (English).
    bool load(const QLocale& locale) {
        m_program = std::make_unique<QTranslator>();
        m_qt = std::make_unique<QTranslator>();
        const QString dir = dataDir() + QStringLiteral("/translations");
        const bool program =
            m_program->load(locale, QStringLiteral("ipclab"), QStringLiteral("_"), dir);
        // Qt's own strings (standard buttons, file dialogs) when Debian's package has them;
        // without it they stay in English.
        static_cast<void>(m_qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
        return program;
    }

private:
    std::unique_ptr<QTranslator> m_program = std::make_unique<QTranslator>();
    std::unique_ptr<QTranslator> m_qt = std::make_unique<QTranslator>();
    mutable QMutex m_mutex;
    mutable QHash<QString, Source> m_sources;
};

RecordingTranslator* translator() {
    static auto* t = new RecordingTranslator;
    return t;
}

QString g_current = QStringLiteral("en");

QString retranslated(const QString& shown) {
    const Source* source = translator()->sourceOf(shown);
    if (source == nullptr) {
        return shown;
    }
    return QCoreApplication::translate(
        source->context.constData(), source->text.constData(),
        source->disambiguation.isEmpty() ? nullptr : source->disambiguation.constData());
}

void retranslateProperties(QObject* object) {
    static const QList<QByteArray> names = {
        "text",      "title",     "windowTitle",     "toolTip",
        "statusTip", "whatsThis", "placeholderText", "iconText"};
    const QMetaObject* meta = object->metaObject();
    for (const QByteArray& name : names) {
        const int index = meta->indexOfProperty(name.constData());
        if (index < 0) {
            continue;
        }
        const QMetaProperty property = meta->property(index);
        if (!property.isWritable() || property.metaType().id() != QMetaType::QString) {
            continue;
        }
        const QString shown = property.read(object).toString();
        const QString now = retranslated(shown);
        if (now != shown) {
            property.write(object, now);
        }
    }
}

} // namespace

QString chosenLanguage() {
    return QSettings().value(kSettingsKey).toString();
}

void setLanguage(const QString& language, bool remember) {
    if (remember) {
        QSettings().setValue(kSettingsKey, language);
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    RecordingTranslator* t = translator();
    g_current = t->load(locale) ? locale.name() : QStringLiteral("en");
    QLocale::setDefault(g_current == QStringLiteral("en") ? QLocale(QLocale::English) : locale);
    // Installing again is how Qt tells every widget that the language changed.
    QCoreApplication::removeTranslator(t);
    QCoreApplication::installTranslator(t);
}

QString currentLanguage() {
    return g_current;
}

QStringList availableLanguages() {
    QStringList languages{QStringLiteral("en")};
    const QDir dir(dataDir() + QStringLiteral("/translations"));
    for (const QString& file : dir.entryList({QStringLiteral("ipclab_*.qm")}, QDir::Files)) {
        languages << file.mid(7, file.size() - 7 - 3); // ipclab_zh_CN.qm -> zh_CN
    }
    return languages;
}

void retranslateWidgets(QWidget* root) {
    QList<QObject*> objects = root->findChildren<QObject*>();
    objects.prepend(root);
    for (QObject* object : objects) {
        retranslateProperties(object);
        if (auto* tabs = qobject_cast<QTabBar*>(object)) {
            for (int i = 0; i < tabs->count(); ++i) {
                tabs->setTabText(i, retranslated(tabs->tabText(i)));
                tabs->setTabToolTip(i, retranslated(tabs->tabToolTip(i)));
            }
        } else if (auto* combo = qobject_cast<QComboBox*>(object)) {
            for (int i = 0; i < combo->count(); ++i) {
                combo->setItemText(i, retranslated(combo->itemText(i)));
            }
        } else if (auto* tree = qobject_cast<QTreeWidget*>(object)) {
            QTreeWidgetItem* header = tree->headerItem();
            for (int i = 0; header != nullptr && i < header->columnCount(); ++i) {
                header->setText(i, retranslated(header->text(i)));
            }
        } else if (auto* menu = qobject_cast<QMenu*>(object)) {
            // A menu's actions may be shared (tool bars) or owned elsewhere.
            for (QAction* action : menu->actions()) {
                retranslateProperties(action);
            }
        }
    }
}

} // namespace ipclab::ui
