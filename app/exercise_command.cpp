// `ipclab exercise TOPIC --seed N [--difficulty D] [--answers]` writes a generated
// exercise to stdout; `ipclab exercise --list` lists the topics.

#include "cli_args.h"
#include "commands.h"
#include "exercise.h"

#include <algorithm>
#include <ostream>

namespace ipclab::app {

namespace {

void listTopics(std::ostream& out) {
    for (const auto& t : exerciseTopics()) {
        out << t.name << std::string(12 - std::min<std::size_t>(t.name.size(), 11), ' ')
            << t.summary << "\n";
    }
}

std::string topicNames() {
    std::string out;
    for (const auto& t : exerciseTopics()) {
        out += (out.empty() ? "" : ", ") + std::string(t.name);
    }
    return out;
}

} // namespace

int exerciseCommand(const Args& args, std::ostream& out, std::ostream& err) {
    ArgReader reader("exercise", args);
    std::string topic;
    std::optional<unsigned long long> seed;
    unsigned long long difficulty = kMinDifficulty;
    bool answers = false;
    const std::string usage = "ipclab exercise TOPIC --seed N [--difficulty 1-3] [--answers]";
    while (!reader.atEnd()) {
        if (!reader.nextIsOption()) {
            if (!topic.empty()) {
                err << "ipclab exercise: one TOPIC only (" << usage << ")\n";
                return kExitUsage;
            }
            topic = reader.takePositional();
            continue;
        }
        const std::string name = reader.optionName();
        if (name == "--list") {
            listTopics(out);
            return kExitOk;
        }
        if (name == "--answers") {
            answers = true;
            reader.takePositional();
            continue;
        }
        if (name != "--seed" && name != "--difficulty") {
            err << "ipclab exercise: unknown option \"" << name << "\" (" << usage << ")\n";
            return kExitUsage;
        }
        const auto value = reader.optionValue();
        const auto number = value ? parseUnsigned(*value) : std::nullopt;
        if (!number ||
            (name == "--difficulty" && (*number < kMinDifficulty || *number > kMaxDifficulty))) {
            err << "ipclab exercise: " << name
                << (name == "--seed" ? " expects a non-negative integer\n"
                                     : " expects 1, 2 or 3\n");
            return kExitUsage;
        }
        if (name == "--seed") {
            seed = *number;
        } else {
            difficulty = *number;
        }
    }
    if (topic.empty() || !seed) {
        err << "ipclab exercise: expected a TOPIC and --seed N (" << usage
            << "); topics: " << topicNames() << "\n";
        return kExitUsage;
    }
    const auto ex = generateExercise(topic, *seed, static_cast<int>(difficulty));
    if (!ex) {
        err << "ipclab exercise: unknown topic \"" << topic << "\"; topics: " << topicNames()
            << " (ipclab exercise --list)\n";
        return kExitUsage;
    }
    out << (answers ? ex->yamlWithAnswers : ex->yaml);
    return kExitOk;
}

} // namespace ipclab::app
