#pragma once
// Reads a process's `program:` list into Operations, checking each item's shape and
// field types; names are only recorded here, the validator cross-checks them.

#include "fieldreader.h"
#include "nameuse.h"
#include "opspec.h"
#include "scenario.h"

#include <vector>
#include <yaml-cpp/yaml.h>

namespace ipclab {

/// Parses programs of one file; owns the operation budget shared by all processes.
class OperationParser {
public:
    OperationParser(FieldReader& reader, std::vector<NameUse>& uses)
        : m_reader(reader), m_uses(uses) {}

    /// `process` is the index of the process whose program this is.
    std::vector<Operation> parseProgram(const YAML::Node& list, int process);

private:
    std::vector<Operation> parseList(const YAML::Node& list, int depth, const std::string& label);
    bool parseItem(const YAML::Node& item, int depth, Operation& op);
    void readShortForm(const OperationSpec& spec, const YAML::Node& value, Operation& op);
    void readMapForm(const OperationSpec& spec, const YAML::Node& value, Operation& op, int depth);
    bool readChoices(const YAML::Node& value, const std::string& label,
                     std::vector<std::string>& out);
    bool readField(const OperationSpec& spec, const FieldSpec& field, const YAML::Node& value,
                   Operation& op, int depth);
    void parseRepeat(const YAML::Node& item, const YAML::Node& keyNode, const YAML::Node& count,
                     int depth, Operation& op);
    /// while/if: the condition and the `do:` / `then:` / `else:` lists.
    void parseBranching(const YAML::Node& item, const YAML::Node& keyNode,
                        const YAML::Node& condition, int depth, Operation& op);
    /// A `do:`/`then:`/`else:` list one level deeper; false past kMaxNesting.
    std::vector<Operation> parseBody(const YAML::Node& list, const YAML::Node& keyNode, int depth,
                                     const std::string& label);
    /// A run-time number written as a template: `offset: "{16 + 8 * in}"`.
    bool readNumberTemplate(const YAML::Node& value, const std::string& label, int depth,
                            Operation& op);
    void note(NameKind kind, const std::string& name, const YAML::Node& at,
              const std::string& label, bool declares);
    void noteTemplate(const std::string& text, const YAML::Node& at, const std::string& label,
                      int depth);
    void noteExpression(const std::vector<std::string>& names, const YAML::Node& at,
                        const std::string& label, int depth);

    FieldReader& m_reader;
    std::vector<NameUse>& m_uses;
    int m_process = 0;
    int m_operations = 0;
    int m_nesting = 0; ///< enclosing repeat/while/if bodies of the list being parsed
    bool m_overBudget = false;
};

} // namespace ipclab
