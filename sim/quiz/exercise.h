#pragma once
// Generated exercises, OSTEP's idea for IPC: a small random scenario with questions,
// the same file for the same topic and seed (so an instructor can hand a class seed 7),
// with answers computed by the simulator, never typed.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab {

/// One topic `ipclab exercise` knows.
struct ExerciseTopic {
    std::string_view name;    ///< "blocking"
    std::string_view summary; ///< one line for --list
};
const std::vector<ExerciseTopic>& exerciseTopics();

inline constexpr int kMinDifficulty = 1;
inline constexpr int kMaxDifficulty = 3;

/// A generated exercise: the scenario file, and the answers the simulator gives.
struct Exercise {
    std::string yaml; ///< a complete scenario file with its `ask:` questions
    /// With answers: the same file plus a comment block at its end listing each answer
    /// (it still loads: comments are ignored).
    std::string yamlWithAnswers;
    std::vector<std::string> questions;
    std::vector<std::string> answers; ///< as a student would write them: "12", "producer"
};

/// Generates `topic` for `seed` at `difficulty` (clamped to 1..3); nothing for an unknown
/// topic. Deterministic: no clock, no global random state.
std::optional<Exercise> generateExercise(std::string_view topic, std::uint64_t seed,
                                         int difficulty = kMinDifficulty);

} // namespace ipclab
