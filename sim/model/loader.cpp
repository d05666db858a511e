#include "loader.h"

#include "answerspec.h"
#include "diagnosticsink.h"
#include "fieldreader.h"
#include "opparser.h"
#include "opspec.h"
#include "prescan.h"
#include "suggest.h"
#include "validator.h"
#include "yamlnode.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <yaml-cpp/depthguard.h>

namespace ipclab {

namespace {

std::string posText(SourcePos pos) {
    return std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

/// The keys a map held. A misspelt key stands in for the key it resembles, so that no
/// "missing key" report follows the "did you mean" one.
struct PresentKeys {
    std::map<std::string, YAML::Node> nodes;
    std::set<std::string> standIns;
    bool has(const std::string& key) const {
        return nodes.count(key) != 0 || standIns.count(key) != 0;
    }
};

/// Walks the keys of a map: reports duplicates and unknown keys, calls `onKey` for the
/// known ones.
template <typename OnKey>
PresentKeys readKeys(const YAML::Node& map, const std::string& where,
                     const std::vector<FieldSpec>& keys, FieldReader& reader, OnKey onKey) {
    PresentKeys result;
    auto& present = result.nodes;
    const auto names = keyNames(keys);
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!it->first.IsScalar()) {
            reader.error(it->first, "expected a key name, got " + describeNode(it->first));
            continue;
        }
        const auto& key = it->first.Scalar();
        if (auto found = present.find(key); found != present.end()) {
            reader.error(it->first, "duplicate key " + quoteForMessage(key) + " (first at " +
                                        posText(posOf(found->second)) + ")");
            continue;
        }
        present.emplace(key, it->first);
        const FieldSpec* spec = nullptr;
        for (const auto& k : keys) {
            if (k.name == key) {
                spec = &k;
            }
        }
        if (spec == nullptr) {
            reader.error(it->first, "unknown " + where + "key " + quoteForMessage(key) +
                                        suggestionSuffix(key, names));
            if (auto match = closestMatch(key, names); !match.empty()) {
                result.standIns.insert(match);
            }
            continue;
        }
        const FieldReader::EmptyValueAtKey emptyAtKey(reader, it->first, it->second);
        onKey(*spec, it->second);
    }
    return result;
}

void requireKeys(const PresentKeys& present, const std::vector<FieldSpec>& keys, SourcePos at,
                 const std::string& where, FieldReader& reader) {
    for (const auto& k : keys) {
        if (k.required && !present.has(std::string(k.name))) {
            reader.error(at, "missing required " + where + "key '" + std::string(k.name) + "'");
        }
    }
}

void readKernel(const YAML::Node& node, KernelSettings& kernel, FieldReader& reader) {
    kernel.pos = posOf(node);
    if (!node.IsMap()) {
        reader.error(node, "kernel: expected a map of settings (" +
                               quotedList(keyNames(kernelKeys())) + "), got " + describeNode(node));
        return;
    }
    readKeys(node, "kernel ", kernelKeys(), reader, [&](const FieldSpec& k, const YAML::Node& v) {
        const std::string label = "kernel." + std::string(k.name);
        if (k.type == FieldType::Scheduler) {
            reader.readScheduler(v, label, kernel.scheduler);
            return;
        }
        std::int64_t value = 0;
        if (!reader.readInteger(v, label, k.min, k.max, value)) {
            return;
        }
        if (k.name == "cpus") {
            kernel.cpus = static_cast<int>(value);
        } else if (k.name == "quantum") {
            kernel.quantum = static_cast<int>(value);
        } else if (k.name == "seed") {
            kernel.seed = static_cast<std::uint64_t>(value);
        } else if (k.name == "syscall_cost") {
            kernel.syscallCost = static_cast<int>(value);
        } else if (k.name == "switch_cost") {
            kernel.switchCost = static_cast<int>(value);
        } else if (k.name == "time_limit") {
            kernel.timeLimit = value;
        }
    });
}

void readProcess(const YAML::Node& node, int index, Scenario& scenario, FieldReader& reader,
                 OperationParser& parser, std::map<std::string, SourcePos>& names) {
    ProcessSpec& proc = scenario.processes[static_cast<std::size_t>(index)];
    proc.pos = posOf(node);
    if (!node.IsMap()) {
        reader.error(node, "process: expected a map with 'name' and 'program', got " +
                               describeNode(node));
        return;
    }
    YAML::Node program;
    bool hasProgram = false;
    auto present = readKeys(node, "process ", processKeys(), reader,
                            [&](const FieldSpec& k, const YAML::Node& v) {
                                const std::string label = "process." + std::string(k.name);
                                std::int64_t value = 0;
                                if (k.name == "name") {
                                    reader.readName(v, label, proc.name);
                                } else if (k.name == "program") {
                                    program.reset(v);
                                    hasProgram = true;
                                } else if (reader.readInteger(v, label, k.min, k.max, value)) {
                                    if (k.name == "uid") {
                                        proc.uid = static_cast<int>(value);
                                    } else if (k.name == "priority") {
                                        proc.priority = static_cast<int>(value);
                                    } else {
                                        proc.start = value;
                                    }
                                }
                            });
    requireKeys(present, processKeys(), proc.pos, "process ", reader);
    if (!proc.name.empty()) {
        const SourcePos at = posOf(node["name"]);
        if (proc.name == "any") {
            reader.error(at, "process.name: 'any' is reserved for 'receive: {from: any}'; "
                             "choose another name");
        } else if (auto [where, fresh] = names.emplace(proc.name, at); !fresh) {
            reader.error(at, "process.name: duplicate process name '" + proc.name + "' (first at " +
                                 posText(where->second) + ")");
        }
    }
    if (hasProgram) {
        if (program.IsNull()) {
            reader.error(present.nodes.at("program"),
                         "process.program: expected a list of operations "
                         "('- compute: 1' ...), got nothing");
        } else {
            proc.program = parser.parseProgram(program, index);
        }
    }
}

void readScenario(const YAML::Node& root, Scenario& scenario, FieldReader& reader) {
    std::vector<NameUse> uses;
    OperationParser parser(reader, uses);
    YAML::Node processes;
    bool hasProcesses = false;
    auto present = readKeys(
        root, "top-level ", topLevelKeys(), reader, [&](const FieldSpec& k, const YAML::Node& v) {
            if (k.name == "scenario") {
                reader.readTranslated(v, "scenario", false, scenario.title,
                                      scenario.titleTranslations);
            } else if (k.name == "description") {
                reader.readTranslated(v, "description", false, scenario.description,
                                      scenario.descriptionTranslations);
            } else if (k.name == "kernel") {
                readKernel(v, scenario.kernel, reader);
            } else {
                processes.reset(v);
                hasProcesses = true;
            }
        });
    requireKeys(present, topLevelKeys(), posOf(root), "top-level ", reader);
    if (!hasProcesses) {
        return;
    }
    if (!processes.IsSequence() || processes.size() == 0) {
        reader.error(
            processes.IsNull() ? present.nodes.at("processes") : processes,
            "processes: expected a list of 1 to " + std::to_string(kMaxProcesses) +
                " processes, got " +
                (processes.IsSequence() ? std::string("an empty list") : describeNode(processes)));
        return;
    }
    if (processes.size() > static_cast<std::size_t>(kMaxProcesses)) {
        reader.error(processes[kMaxProcesses], "processes: " + std::to_string(processes.size()) +
                                                   " processes; a scenario may have at most " +
                                                   std::to_string(kMaxProcesses));
        return;
    }
    scenario.processes.resize(processes.size());
    std::map<std::string, SourcePos> names;
    // Names first, so that programs can refer to processes declared later.
    for (std::size_t i = 0; i < processes.size(); ++i) {
        readProcess(processes[i], static_cast<int>(i), scenario, reader, parser, names);
    }
    validateNames(scenario, uses, reader.sink());
    checkAnswers(scenario, reader.sink());
}

/// yaml-cpp's messages say what went wrong; these say what was expected instead.
std::string syntaxHint(const std::string& msg) {
    static const std::vector<std::pair<std::string, std::string>> hints = {
        {YAML::ErrorMsg::END_OF_MAP_FLOW, "expected a '}' closing the '{' map"},
        {YAML::ErrorMsg::END_OF_SEQ_FLOW, "expected a ']' closing the '[' list"},
        {YAML::ErrorMsg::END_OF_MAP, "expected the next key at the indentation of the map"},
        {YAML::ErrorMsg::END_OF_SEQ, "expected the next '- ' item at the indentation of the list"},
        {YAML::ErrorMsg::MAP_VALUE,
         "check the indentation, and quote text that contains ': ' or starts with '{'"},
        {YAML::ErrorMsg::BLOCK_ENTRY, "a '- ' item is not expected here: check the indentation"},
        {YAML::ErrorMsg::FLOW_END, "a closing ']' or '}' has no opening bracket"},
        {YAML::ErrorMsg::EOF_IN_SCALAR, "a quoted string is not closed"},
        {YAML::ErrorMsg::UNKNOWN_TOKEN, "quote text that starts with '@', '`' or '%'"},
        {YAML::ErrorMsg::UNKNOWN_ANCHOR, "define '&name' before '*name' refers to it"},
        {YAML::ErrorMsg::TAB_IN_INDENTATION, "indent with spaces"},
    };
    for (const auto& [text, hint] : hints) {
        if (msg.rfind(text, 0) == 0) {
            return msg + "; " + hint;
        }
    }
    if (msg.rfind(YAML::ErrorMsg::INVALID_ESCAPE, 0) == 0) {
        return msg + "; in double quotes write a backslash as \\\\, or use single quotes";
    }
    return msg;
}

} // namespace

namespace {

/// Where the last line starting with "---" is (1:1 when there is none).
SourcePos lastDocumentMarker(std::string_view text) {
    SourcePos at{1, 1};
    int line = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((i == 0 || text[i - 1] == '\n') && text.substr(i, 3) == "---") {
            at = {line, 1};
        }
        line += text[i] == '\n' ? 1 : 0;
    }
    return at;
}

} // namespace

LoadResult loadScenarioText(std::string_view text, const std::string& fileName) {
    LoadResult result;
    DiagnosticSink sink(fileName);
    if (!prescanText(text, sink)) {
        result.diagnostics = sink.report();
        return result;
    }
    YAML::Node root;
    try {
        std::vector<YAML::Node> documents = YAML::LoadAll(std::string(text));
        if (documents.size() > 1) {
            // Silently running only the first would hide the rest of the file.
            SourcePos at = posOf(documents[1]);
            if (at.line <= 0) {
                at = lastDocumentMarker(text); // an empty document has no place of its own
            }
            sink.add(at, "a second YAML document (after ---); a scenario file holds one");
        } else if (!documents.empty()) {
            root = documents.front();
        }
    } catch (const YAML::DeepRecursion& e) {
        sink.add(toSourcePos(e.mark), "nesting too deep for the YAML parser; a scenario needs "
                                      "only a few levels");
    } catch (const YAML::ParserException& e) {
        sink.add(toSourcePos(e.mark), "YAML syntax error: " + syntaxHint(e.msg));
    } catch (const std::exception& e) {
        sink.add({}, std::string("cannot read YAML: ") + e.what());
    }
    if (sink.empty()) {
        Scenario scenario;
        scenario.file = fileName;
        FieldReader reader(sink);
        try {
            if (root.IsNull()) {
                sink.add({1, 1}, "file is empty; expected a map with 'scenario' and 'processes'");
            } else if (!root.IsMap()) {
                reader.error(root, "expected a map with 'scenario' and 'processes' at the top "
                                   "level, got " +
                                       describeNode(root));
            } else {
                readScenario(root, scenario, reader);
            }
        } catch (const std::exception& e) {
            // yaml-cpp may throw on malformed nodes; a bad file must never escape as one.
            sink.add({}, std::string("cannot read the scenario: ") + e.what());
        }
        if (sink.empty()) {
            result.scenario = std::move(scenario);
            return result;
        }
    }
    result.diagnostics = sink.report();
    return result;
}

LoadResult loadScenarioFile(const std::string& path) {
    std::error_code dirError;
    if (std::filesystem::is_directory(path, dirError)) {
        LoadResult result;
        result.diagnostics.push_back(
            Diagnostic{path, 0, 0, "is a directory; expected a scenario file (.yaml)"});
        return result;
    }
    // A FIFO or a device would block the open or the read forever (or never end).
    const auto status = std::filesystem::status(path, dirError);
    if (!dirError && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
        LoadResult result;
        result.diagnostics.push_back(
            Diagnostic{path, 0, 0,
                       "is not a regular file (a FIFO, device or socket); expected a scenario "
                       "file (.yaml)"});
        return result;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        LoadResult result;
        result.diagnostics.push_back(
            Diagnostic{path, 0, 0, "cannot open the file (it does not exist or is not readable)"});
        return result;
    }
    // A huge file is refused without loading it.
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(path, ec);
    if (!ec && bytes > kMaxFileBytes) {
        LoadResult result;
        result.diagnostics.push_back(
            Diagnostic{path, 0, 0, tooLargeMessage(static_cast<std::size_t>(bytes))});
        return result;
    }
    // Read at most one byte past the limit (the size of a pipe or device is unknown).
    std::string text(kMaxFileBytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) {
        LoadResult result;
        result.diagnostics.push_back(Diagnostic{path, 0, 0, "cannot read the file"});
        return result;
    }
    return loadScenarioText(text, path);
}

} // namespace ipclab
