#include "lessontext.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>

namespace ipclab::ui {

namespace {

const std::string* translationFor(const Translations& translations) {
    if (translations.empty()) {
        return nullptr;
    }
    const QString name = QLocale().name(); // "zh_CN"
    for (const QString& code : {name, name.section(QLatin1Char('_'), 0, 0)}) {
        const auto found = translations.find(code.toStdString());
        if (found != translations.end()) {
            return &found->second;
        }
    }
    return nullptr;
}

const QRegularExpression& placeholder() {
    static const QRegularExpression re(QStringLiteral("\\{([\\p{L}_][\\p{L}\\p{N}_]*)\\}"));
    return re;
}

} // namespace

QString lessonText(const std::string& english, const Translations& translations) {
    const std::string* text = translationFor(translations);
    return QString::fromStdString(text != nullptr ? *text : english);
}

QString lessonCaption(const Operation& say, const std::string& expandedEnglish) {
    const QString english = QString::fromStdString(expandedEnglish);
    const std::string* translated = translationFor(say.translations);
    if (translated == nullptr) {
        return english;
    }
    // The English template as a pattern: literal parts escaped, each placeholder a group
    // (a repeated one must hold the same value again).
    const QString tmpl = QString::fromStdString(say.text);
    QString pattern = QStringLiteral("^");
    QHash<QString, int> group; // placeholder -> capture group number
    qsizetype from = 0;
    for (auto it = placeholder().globalMatch(tmpl); it.hasNext();) {
        const auto m = it.next();
        pattern += QRegularExpression::escape(tmpl.mid(from, m.capturedStart() - from));
        const QString name = m.captured(1);
        if (group.contains(name)) {
            pattern += QStringLiteral("\\%1").arg(group.value(name));
        } else {
            group.insert(name, static_cast<int>(group.size()) + 1);
            pattern += QStringLiteral("(.*?)");
        }
        from = m.capturedEnd();
    }
    pattern += QRegularExpression::escape(tmpl.mid(from)) + QStringLiteral("$");
    const auto values =
        QRegularExpression(pattern, QRegularExpression::DotMatchesEverythingOption).match(english);
    if (!values.hasMatch()) {
        return english;
    }
    QString out;
    const QString target = QString::fromStdString(*translated);
    from = 0;
    for (auto it = placeholder().globalMatch(target); it.hasNext();) {
        const auto m = it.next();
        out += target.mid(from, m.capturedStart() - from) +
               values.captured(group.value(m.captured(1)));
        from = m.capturedEnd();
    }
    return out + target.mid(from);
}

} // namespace ipclab::ui
