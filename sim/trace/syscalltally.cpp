#include "syscalltally.h"

#include <algorithm>

namespace ipclab {

void SyscallTally::add(const Trace& trace, const Event& e) {
    if (!isCountedSyscall(e)) {
        return;
    }
    const std::string& name = trace.str(e.text);
    ++total;
    ++byOp[e.op];
    ++byName[name];
    if (e.proc == kNoProcess) {
        ++unowned;
        return;
    }
    if (e.proc >= byProcess.size()) {
        byProcess.resize(e.proc + 1u);
    }
    ++byProcess[e.proc][e.op][name];
}

std::map<OpKind, std::int64_t> SyscallTally::processByOp(std::size_t p) const {
    std::map<OpKind, std::int64_t> out;
    if (p < byProcess.size()) {
        for (const auto& [op, names] : byProcess[p]) {
            for (const auto& [name, n] : names) {
                out[op] += n;
            }
        }
    }
    return out;
}

std::int64_t SyscallTally::processTotal(std::size_t p) const {
    std::int64_t n = 0;
    for (const auto& [op, count] : processByOp(p)) {
        n += count;
    }
    return n;
}

SyscallTally tallySyscalls(const Trace& trace, std::size_t upTo) {
    SyscallTally tally;
    tally.byProcess.resize(trace.processNames.size());
    const std::size_t end = std::min(upTo, trace.events.size());
    for (std::size_t i = 0; i < end; ++i) {
        tally.add(trace, trace.events[i]);
    }
    return tally;
}

} // namespace ipclab
