#pragma once
// The banner that shows a scenario file's problems in place (file:line:column: message)
// while the last good scenario stays open underneath.

#include <QFrame>
#include <QStringList>

class QLabel;
class QListWidget;

namespace ipclab::ui {

class ErrorPanel : public QFrame {
    Q_OBJECT
public:
    explicit ErrorPanel(QWidget* parent = nullptr);
    /// Show `messages` about `file`; `keptTitle` names the scenario still on show ("" none).
    void showErrors(const QString& file, const QStringList& messages, const QString& keptTitle);
    void clearErrors();
    QStringList messages() const { return m_messages; }
    QString headline() const;

private:
    QLabel* m_headline;
    QListWidget* m_list;
    QStringList m_messages;
};

} // namespace ipclab::ui
