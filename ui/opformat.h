#pragma once
// Words for what the views show: an operation as one short line, a process's state as the
// lecture says it ("blocked: receive on M"), an event as a log row.

#include "scenario.h"
#include "state.h"
#include "trace.h"

#include <QString>

namespace ipclab::ui {

/// One operation as a short, YAML-like line: `send: {mailbox: M, message: "item {i}"}`.
QString opSummary(const Operation& op);
/// An operation in a few words for a process card: `send "item {i}" → M`.
QString opShort(const Operation& op);
/// Name of an object of the trace, or an empty string for kNoObject / out of range.
QString objectName(const Trace& trace, int object);
/// "ready", "running on CPU 0", "blocked: receive on M", "terminated".
QString processStateText(const ProcessStatus& status, const Trace& trace);
/// The process's name in the trace or the scenario, or "kernel" for kNoProcess.
QString processName(const Trace& trace, int proc);
/// A one-line description of what an event did, for the event log's detail column.
QString eventDetail(const Trace& trace, const Event& event);

} // namespace ipclab::ui
