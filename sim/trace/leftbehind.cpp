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
        case ObjectKind::Mailbox: {
            // A rendezvous mailbox is two queues. A careful clean-up opens each queue to
            // check its owner on the descriptor before it unlinks the name.
            const int queues = info.capacity == 0 ? 2 : 1;
            out.cleanupCalls["mq_open"] += queues;
            out.cleanupCalls["mq_unlink"] += queues;
            break;
        }
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
