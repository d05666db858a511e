#pragma once
// Captions: the scenario's title and description, and the latest `say` line shown large,
// with the running totals the lecture is about (system calls, messages, bytes copied).

#include "traceview.h"

#include <QWidget>

class QLabel;

namespace ipclab::ui {

class CaptionView : public QWidget, public TraceView {
    Q_OBJECT
public:
    explicit CaptionView(QWidget* parent = nullptr);

    void setRun(std::shared_ptr<const Scenario> scenario,
                std::shared_ptr<const Trace> trace) override;
    void setCursor(std::size_t index, const SystemState& state) override;

    QString title() const;
    QString caption() const;
    QString totals() const;

private:
    QLabel* m_title;
    QLabel* m_description;
    QLabel* m_caption;
    QLabel* m_totals;
    std::shared_ptr<const Trace> m_trace;
};

} // namespace ipclab::ui
