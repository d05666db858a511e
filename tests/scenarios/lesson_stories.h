#pragma once
// Shared by the lesson-story test files: load and run a lesson or fail the test.

#include "lesson_run.h"

#include <QTest>

/// Declares `const LessonRun& var` for scenarios/<stem>.yaml, failing the test (with the
/// loader's diagnostics) when the file does not load.
#define IPCLAB_RUN_LESSON(var, stem)                                                               \
    std::string var##Error;                                                                        \
    const auto var##Opt = ipclab::test::runLesson(stem, var##Error);                               \
    QVERIFY2(var##Opt.has_value(), var##Error.c_str());                                            \
    const ipclab::test::LessonRun& var = *var##Opt
