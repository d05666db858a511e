#pragma once
// A bundled lesson simulated and handed to one view, with the cursor placed at an event:
// the widget tests ask the view what it shows there.

#include "lesson_run.h"
#include "state.h"
#include "traceview.h"

#include <QtTest>
#include <memory>

struct LessonAtCursor {
    std::shared_ptr<ipclab::Scenario> scenario;
    std::shared_ptr<ipclab::Trace> trace;
    std::unique_ptr<ipclab::StateCursor> cursor;

    /// Loads and runs `stem`; QVERIFY-style failure leaves `trace` null.
    explicit LessonAtCursor(const char* stem) {
        std::string error;
        auto run = ipclab::test::runLesson(stem, error);
        if (!run) {
            qWarning("%s: %s", stem, error.c_str());
            return;
        }
        scenario = std::make_shared<ipclab::Scenario>(run->scenario);
        trace = std::make_shared<ipclab::Trace>(std::move(run->trace));
        cursor = std::make_unique<ipclab::StateCursor>(trace);
    }
    std::size_t length() const { return trace->events.size(); }
    void show(ipclab::ui::TraceView& view) const { view.setRun(scenario, trace); }
    void at(ipclab::ui::TraceView& view, std::size_t k) const { view.setCursor(k, cursor->at(k)); }
    /// Index of the first event matching `pred`, or -1.
    template <class Pred> int first(Pred pred) const {
        for (std::size_t i = 0; i < trace->events.size(); ++i) {
            if (pred(trace->events[i])) {
                return static_cast<int>(i);
            }
        }
        return -1;
    }
};
