#pragma once
// The pieces every exercise topic builds from: a seeded generator that gives the same
// numbers on every machine, and a draft of a scenario that renders to YAML.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab {

/// splitmix64: small, fast and fully specified, so seed 7 is seed 7 with every compiler
/// and standard library (std::uniform_int_distribution is not).
class ExerciseRng {
public:
    explicit ExerciseRng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next();
    /// An integer in [lo, hi].
    int range(int lo, int hi);
    bool coin() { return (next() & 1) != 0; }

private:
    std::uint64_t m_state;
};

/// A question before its answer is known: the expression, and for text answers the
/// plausible wrong ones to offer beside the right one.
struct DraftQuestion {
    std::string text;
    std::string answer;
    std::vector<std::string> textChoices;
};

struct DraftProcess {
    std::string name;
    std::int64_t start = 0;
    std::vector<std::string> program; ///< YAML list items, nested lines indented by 2
};

/// A scenario under construction. Questions are asked first thing by the first process,
/// before anything happens: the student predicts, then watches.
struct Draft {
    std::string title;
    std::string description;
    std::string kernel = "{ cpus: 1, scheduler: round-robin, quantum: 2, seed: 1 }";
    std::vector<DraftProcess> processes;
    std::vector<DraftQuestion> questions;
};

/// The file; `choices[q]` are question q's choices as YAML scalars (empty: none).
std::string renderDraft(const Draft& draft, std::string_view header,
                        const std::vector<std::vector<std::string>>& choices);

/// Builds one topic's draft for a seed and difficulty (1..3).
using TopicBuilder = Draft (*)(ExerciseRng& rng, int difficulty);
Draft syscallsExercise(ExerciseRng& rng, int difficulty);
Draft blockingExercise(ExerciseRng& rng, int difficulty);
Draft rendezvousExercise(ExerciseRng& rng, int difficulty);
Draft linksExercise(ExerciseRng& rng, int difficulty);
Draft deadlockExercise(ExerciseRng& rng, int difficulty);
Draft racesExercise(ExerciseRng& rng, int difficulty);

} // namespace ipclab
