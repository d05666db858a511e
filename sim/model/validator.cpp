#include "validator.h"

#include "suggest.h"

#include <map>
#include <set>

namespace ipclab {

namespace {

std::string_view kindName(NameKind kind) {
    switch (kind) {
    case NameKind::Process:
        return "process";
    case NameKind::Mailbox:
        return "mailbox";
    case NameKind::Segment:
        return "segment";
    case NameKind::Semaphore:
        return "semaphore";
    case NameKind::Variable:
        return "variable";
    }
    return "name";
}

std::string_view creatorOf(NameKind kind) {
    switch (kind) {
    case NameKind::Mailbox:
        return "mailbox_create";
    case NameKind::Segment:
        return "shm_create";
    default:
        return "sem_create";
    }
}

std::string posText(SourcePos pos) {
    return std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

void checkProcessUse(const Scenario& scenario, const NameUse& use, DiagnosticSink& sink) {
    const int target = scenario.processIndex(use.name);
    if (target < 0) {
        std::vector<std::string_view> names;
        for (const auto& p : scenario.processes) {
            names.push_back(p.name);
        }
        std::string message = use.label + ": no process named '" + use.name + "'";
        const auto match = sink.wantsDetail() ? closestMatch(use.name, names) : std::string();
        if (!match.empty()) {
            message += "; did you mean '" + match + "'?";
        } else if (!names.empty() && names.size() <= 8) {
            message += "; expected " + quotedList(names);
        }
        sink.add(use.pos, message);
    } else if (target == use.process) {
        sink.add(use.pos, use.label + ": process '" + use.name +
                              "' cannot talk to itself; name another process");
    }
}

} // namespace

void validateNames(const Scenario& scenario, const std::vector<NameUse>& uses,
                   DiagnosticSink& sink) {
    // Objects are global: the first declaration of each (kind, name) wins.
    std::map<std::pair<NameKind, std::string>, SourcePos> objects;
    // Variables are local to a process.
    std::set<std::pair<int, std::string>> variables;
    for (const auto& use : uses) {
        if (!use.declares) {
            continue;
        }
        if (use.kind == NameKind::Variable) {
            variables.emplace(use.process, use.name);
            continue;
        }
        auto [where, fresh] = objects.emplace(std::make_pair(use.kind, use.name), use.pos);
        if (!fresh) {
            sink.add(use.pos, use.label + ": " + std::string(kindName(use.kind)) + " '" + use.name +
                                  "' is created twice (first at " + posText(where->second) + ")");
        }
    }
    for (const auto& use : uses) {
        if (use.declares) {
            continue;
        }
        switch (use.kind) {
        case NameKind::Process:
            checkProcessUse(scenario, use, sink);
            break;
        case NameKind::Variable:
            if (variables.count({use.process, use.name}) == 0) {
                std::vector<std::string_view> own;
                for (const auto& [process, name] : variables) {
                    if (process == use.process && sink.wantsDetail()) {
                        own.push_back(name);
                    }
                }
                const auto match = closestMatch(use.name, own);
                sink.add(use.pos,
                         use.label + ": variable '" + use.name +
                             "' is never assigned in process '" +
                             scenario.processes.at(static_cast<std::size_t>(use.process)).name +
                             (match.empty() ? "'; assign it with set, add, or 'into' of "
                                              "receive/read"
                                            : "'; did you mean '" + match + "'?"));
            }
            break;
        default:
            if (objects.count({use.kind, use.name}) == 0) {
                std::string message = use.label + ": no " + std::string(kindName(use.kind)) +
                                      " named '" + use.name + "' is created by any " +
                                      std::string(creatorOf(use.kind));
                if (sink.wantsDetail()) {
                    std::vector<std::string_view> sameKind;
                    for (const auto& [key, pos] : objects) {
                        if (key.first == use.kind) {
                            sameKind.push_back(key.second);
                        }
                    }
                    if (auto match = closestMatch(use.name, sameKind); !match.empty()) {
                        message += "; did you mean '" + match + "'?";
                    }
                }
                for (auto other : {NameKind::Mailbox, NameKind::Segment, NameKind::Semaphore}) {
                    if (other != use.kind && objects.count({other, use.name}) != 0) {
                        message +=
                            " ('" + use.name + "' is a " + std::string(kindName(other)) + ")";
                    }
                }
                sink.add(use.pos, message);
            }
            break;
        }
    }
}

} // namespace ipclab
