#pragma once
// A student's progress per lesson, kept in QSettings: how many questions were answered
// right the last time and at best. Resettable per lesson or for all of them.

#include <QString>

namespace ipclab::ui {

struct QuizScore {
    int right = 0;
    int total = 0;
    int best = 0; ///< the most right answers in any attempt
    bool known() const { return total > 0; }
};

class QuizProgress {
public:
    /// Records one marked attempt of lesson `key`.
    static void record(const QString& key, int right, int total);
    static QuizScore score(const QString& key);
    static void reset(const QString& key);
    static void resetAll();
};

} // namespace ipclab::ui
