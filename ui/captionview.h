#pragma once
// Captions: the scenario's title and description, and the latest `say` line shown large,
// with the running totals the lecture is about (system calls, messages, bytes copied).
// Every text wraps and the whole scrolls, so nothing is ever cut mid-sentence however
// small the dock; the sizes follow the window's zoom.
// Lesson texts are shown in the window's language when the lesson gives one.

#include "traceview.h"

#include <QScrollArea>

class QLabel;

namespace ipclab::ui {

class CaptionView : public QScrollArea, public TraceView {
    Q_OBJECT
public:
    explicit CaptionView(QWidget* parent = nullptr);

    void setRun(std::shared_ptr<const Scenario> scenario,
                std::shared_ptr<const Trace> trace) override;
    void setCursor(std::size_t index, const SystemState& state) override;

    QString title() const;
    QString description() const;
    QString caption() const;
    QString totals() const;
    QLabel* captionLabel() const { return m_caption; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyFonts();

    QLabel* m_title;
    QLabel* m_description;
    QLabel* m_caption;
    QLabel* m_totals;
    std::shared_ptr<const Scenario> m_scenario;
    std::shared_ptr<const Trace> m_trace;
};

} // namespace ipclab::ui
