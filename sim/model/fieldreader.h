#pragma once
// Typed reading of one YAML value with a diagnostic on failure. Each reader names the
// field ("compute.ticks"), what was expected and what the file holds.

#include "diagnosticsink.h"
#include "scenario.h"

#include <cstdint>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace ipclab {

/// "en", "zh", "zh_CN": two or three lower-case letters, optionally '_' and a region.
bool isLanguageCode(const std::string& code);

/// Reads typed scalars into the model; every failure adds exactly one diagnostic.
class FieldReader {
public:
    explicit FieldReader(DiagnosticSink& sink) : m_sink(sink) {}

    bool readInteger(const YAML::Node& node, const std::string& label, std::int64_t min,
                     std::int64_t max, std::int64_t& out);
    bool readBool(const YAML::Node& node, const std::string& label, bool& out);
    /// Any scalar, taken as written.
    bool readText(const YAML::Node& node, const std::string& label, std::string& out);
    /// A process or object name: a letter or '_' first, then letters, digits, '_', '-', '.'.
    bool readName(const YAML::Node& node, const std::string& label, std::string& out);
    /// A local variable: a letter or '_' first, then letters, digits and '_'; not `i`.
    bool readVariable(const YAML::Node& node, const std::string& label, std::string& out);
    /// A string or integer; integers set textIsNumber and number.
    bool readTemplate(const YAML::Node& node, const std::string& label, std::string& text,
                      bool& isNumber, std::int64_t& number);
    /// Text for the student in English, or in several languages as a map of language
    /// codes (`{ en: ..., zh: ... }`, en required): English into `text`, the others into
    /// `translations`. As a template, each translation may use only en's placeholders.
    bool readTranslated(const YAML::Node& node, const std::string& label, bool asTemplate,
                        std::string& text, Translations& translations);
    /// An expression (a `while:`/`if:` condition): parsed here so that a syntax error is
    /// reported at its column inside the string.
    bool readExpression(const YAML::Node& node, const std::string& label, std::string& out);
    bool readCapacity(const YAML::Node& node, const std::string& label, std::int64_t& out);
    bool readMode(const YAML::Node& node, const std::string& label, int& out);
    bool readKey(const YAML::Node& node, const std::string& label, std::string& out);
    bool readOwner(const YAML::Node& node, const std::string& label, bool& ownedByProcess);
    bool readScheduler(const YAML::Node& node, const std::string& label, SchedulerPolicy& out);

    /// While alive, problems of an empty value are reported at its key: yaml-cpp marks an
    /// empty value where the next token starts, often on a later line.
    class EmptyValueAtKey {
    public:
        EmptyValueAtKey(FieldReader& reader, const YAML::Node& key, const YAML::Node& value);
        ~EmptyValueAtKey();
        EmptyValueAtKey(const EmptyValueAtKey&) = delete;
        EmptyValueAtKey& operator=(const EmptyValueAtKey&) = delete;

    private:
        FieldReader& m_reader;
        bool m_active = false;
    };

    void error(const YAML::Node& at, const std::string& message);
    void error(SourcePos at, const std::string& message);
    DiagnosticSink& sink() { return m_sink; }

private:
    void expected(const YAML::Node& node, const std::string& label, const std::string& what);
    DiagnosticSink& m_sink;
    bool m_atKey = false;
    SourcePos m_keyPos;
};

/// A valid process/object name (see FieldReader::readName).
bool isValidName(const std::string& name);
bool isValidVariable(const std::string& name);

/// The variables a template's `{...}` placeholders read, in order (`i` included), or
/// an error text for a malformed one (an unclosed '{', an empty placeholder, a syntax
/// error in an expression) at `errorOffset` in the text.
struct TemplateParts {
    std::vector<std::string> names;
    std::string error;
    int errorOffset = 0;
    bool callsFunction = false; ///< a placeholder calls a function, e.g. {syscalls(P)}
};
TemplateParts templatePlaceholders(const std::string& text);
/// The same for a bare expression (a condition).
TemplateParts expressionVariables(const std::string& text);

} // namespace ipclab
