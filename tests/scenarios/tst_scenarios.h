#pragma once
// Every bundled lesson: loads cleanly, runs on the simulator, matches its golden report,
// runs the same twice, and tells its lecture point in exact numbers.

#include <QObject>

class TestScenarios : public QObject {
    Q_OBJECT

private slots:
    // Over every scenarios/*.yaml (tst_scenarios.cpp).
    void goldenReport_data();
    void goldenReport();
    void deterministic_data();
    void deterministic();
    void everyLessonExplainsItself_data();
    void everyLessonExplainsItself();

    // One lesson each, its story in numbers (lesson_stories*.cpp).
    void welcome();
    void independentVsCooperating();
    void informationSharing();
    void speedup();
    void modularityPipeline();
    void shmProducerConsumer();
    void shmVsMessages();
    void shmVsMessagesPerItem();
    void shmSnooping();
    void shmSnoopingFixed();
    void lostUpdates();
    void lostUpdatesFixed();
    void directSymmetric();
    void directAsymmetric();
    void tooManyLinks();
    void mailboxSeveralReceivers();
    void rendezvous();
    void boundedBuffer();
    void unboundedAsync();
    void nonblockingReceive();
    void deadlock();
    void deadlockSemaphores();
    // lesson_stories_lang.cpp
    void busyWaiting();
    void convenience();
    void nonblockingSend();
};
