#pragma once
// Presentation mode's header: the current caption in large type and the system-call
// counter big, above the system view. The caption wraps and, when it is still too long
// for its lines, shrinks; it is never cut.

#include "traceview.h"

#include <QWidget>

class QLabel;

namespace ipclab::ui {

class PresenterStrip : public QWidget, public TraceView {
    Q_OBJECT
public:
    explicit PresenterStrip(QWidget* parent = nullptr);

    void setRun(std::shared_ptr<const Scenario> scenario,
                std::shared_ptr<const Trace> trace) override;
    void setCursor(std::size_t index, const SystemState& state) override;

    QString caption() const;
    QString counter() const;
    QLabel* captionLabel() const { return m_caption; }
    QLabel* counterLabel() const { return m_counter; }

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void fitCaption();

    QLabel* m_caption;
    QLabel* m_counter;
    QString m_title;
};

} // namespace ipclab::ui
