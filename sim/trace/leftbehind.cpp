#include "leftbehind.h"

namespace ipclab {

LeftBehind leftBehind(const Trace& trace, const SystemState& end) {
    LeftBehind out;
    for (std::size_t i = 0; i < trace.objects.size() && i < end.objects.size(); ++i) {
        const ObjectInfo& info = trace.objects[i];
        const ObjectStatus& status = end.objects[i];
        if (!status.exists || info.kind == ObjectKind::Link || status.markedForRemoval) {
            continue;
        }
        out.objects.push_back(static_cast<int>(i));
        switch (info.kind) {
        case ObjectKind::Mailbox:
            out.cleanupCalls["mq_unlink"] += info.capacity == 0 ? 2 : 1;
            break;
        case ObjectKind::Segment:
            ++out.cleanupCalls["shmctl"];
            break;
        case ObjectKind::Semaphore:
            ++out.cleanupCalls["semctl"];
            break;
        case ObjectKind::Link:
            break;
        }
    }
    return out;
}

} // namespace ipclab
