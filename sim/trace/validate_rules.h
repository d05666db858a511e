#pragma once
// Internal to validateTrace: the problem list both halves of the check append to.

#include "validate.h"

#include <string>
#include <vector>

namespace ipclab::validation {

/// Collects problems up to a limit, so a badly broken trace does not produce millions.
class Problems {
public:
    static constexpr std::size_t kLimit = 100;
    void add(std::size_t event, std::string what) {
        if (m_list.size() < kLimit) {
            m_list.push_back(TraceProblem{event, std::move(what)});
        }
    }
    bool full() const { return m_list.size() >= kLimit; }
    std::vector<TraceProblem> take() { return std::move(m_list); }

private:
    std::vector<TraceProblem> m_list;
};

/// Header, tables, framing, indices and per-kind fields (validate.cpp).
void checkStructure(const Trace& trace, Problems& out);
/// Per-process states, calls, attachments, messages, counts and the end (validate_flow.cpp).
/// Assumes checkStructure found nothing: every index is valid.
void checkFlow(const Trace& trace, Problems& out);

} // namespace ipclab::validation
