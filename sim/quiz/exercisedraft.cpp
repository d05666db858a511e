#include "exercisedraft.h"

namespace ipclab {

std::uint64_t ExerciseRng::next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

int ExerciseRng::range(int lo, int hi) {
    const auto span = static_cast<std::uint64_t>(hi - lo + 1);
    return lo + static_cast<int>(next() % span);
}

namespace {

std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + "\"";
}

std::string list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += (i == 0 ? "" : ", ") + items[i];
    }
    return out + "]";
}

} // namespace

std::string renderDraft(const Draft& draft, std::string_view header,
                        const std::vector<std::vector<std::string>>& choices) {
    std::string out;
    out += header;
    out += "scenario: " + quoted(draft.title) + "\n";
    out += "description: " + quoted(draft.description) + "\n";
    out += "kernel: " + draft.kernel + "\n";
    out += "processes:\n";
    for (std::size_t p = 0; p < draft.processes.size(); ++p) {
        const DraftProcess& proc = draft.processes[p];
        out += "  - name: " + proc.name + "\n";
        if (proc.start > 0) {
            out += "    start: " + std::to_string(proc.start) + "\n";
        }
        out += "    program:\n";
        if (p == 0) {
            for (std::size_t q = 0; q < draft.questions.size(); ++q) {
                const DraftQuestion& dq = draft.questions[q];
                out += "      - ask:\n";
                out += "          question: " + quoted(dq.text) + "\n";
                out += "          answer: " + quoted(dq.answer) + "\n";
                if (q < choices.size() && !choices[q].empty()) {
                    out += "          choices: " + list(choices[q]) + "\n";
                }
            }
        }
        for (const std::string& line : proc.program) {
            out += "      " + line + "\n";
        }
    }
    return out;
}

} // namespace ipclab
