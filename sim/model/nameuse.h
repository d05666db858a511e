#pragma once
// What the operation parser learns about names, for the validator's cross-checks.

#include "scenario.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ipclab {

enum class NameKind : std::uint8_t { Process, Mailbox, Segment, Semaphore, Variable };

/// One mention of a name in the file: a declaration (mailbox_create, set, ...) or a use
/// (send to, sem_wait, {x} in a template). `process` is the mentioning process's index.
struct NameUse {
    NameKind kind = NameKind::Process;
    std::string name;
    SourcePos pos;
    int process = -1;
    std::string label; ///< the field, e.g. "send.to"
    bool declares = false;
};

} // namespace ipclab
