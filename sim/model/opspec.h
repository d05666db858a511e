#pragma once
// The accepted keys of a scenario file as data: every operation's fields, the kernel
// settings, the process fields and the top-level keys. The loader reads files through
// these tables, and the schema test holds assets/scenario.schema.json to them.

#include "scenario.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace ipclab {

/// What a field's value must be.
enum class FieldType : std::uint8_t {
    Integer,       ///< an integer within [min, max]
    Boolean,       ///< true or false
    Text,          ///< any string
    Template,      ///< a string or integer that may hold {i} and {var}
    LocalText,     ///< Text, or one per language: `{ en: ..., zh: ... }` (en required)
    LocalTemplate, ///< Template, or one per language; translations use en's placeholders
    Name,          ///< an object name (mailbox, segment, semaphore) or process name
    Peer,          ///< a process name or `any`
    Variable,      ///< a local variable's name
    Capacity,      ///< 0, a positive integer, or `unbounded`
    Mode,          ///< octal permission bits, written "0600"
    Key,           ///< a System V key: a positive integer
    Owner,         ///< `kernel` or `process`
    Scheduler,     ///< a scheduling policy's name
    Answer,        ///< an answer expression over the run: `syscalls(consumer)`
    Choices        ///< a list of scalars: the answers a student picks from
};

/// One key of a map in the file.
struct FieldSpec {
    std::string_view name;
    FieldType type = FieldType::Text;
    bool required = false;
    std::int64_t min = 0; ///< Integer only
    std::int64_t max = 0; ///< Integer only
};

/// One operation: how it may be written. The invariant: shortField, when set, names an
/// entry of `fields` (or `count` for repeat, which has no map form).
struct OperationSpec {
    OpKind kind = OpKind::Compute;
    std::string_view name;
    std::vector<FieldSpec> fields; ///< keys of the map form `op: {field: ...}`
    std::string_view shortField;   ///< the field a scalar `op: value` fills; empty = none
    bool mapForm = true;           ///< false: only the scalar form (repeat)
    std::vector<std::string_view> exactlyOneOf; ///< exactly one of these fields must appear
    std::vector<std::string_view> siblings;     ///< keys beside the op key in the item (do)

    const FieldSpec* field(std::string_view fieldName) const;
    std::vector<std::string_view> fieldNames() const;
    std::vector<std::string_view> requiredFields() const;
};

/// Every operation, in OpKind order.
const std::vector<OperationSpec>& operationSpecs();
const OperationSpec& operationSpec(OpKind kind);
std::vector<std::string_view> operationNames();

/// Keys of the top level, of `kernel:` and of each process.
const std::vector<FieldSpec>& topLevelKeys();
const std::vector<FieldSpec>& kernelKeys();
const std::vector<FieldSpec>& processKeys();
std::vector<std::string_view> keyNames(const std::vector<FieldSpec>& keys);

/// Upper bounds the loader applies beyond scenario.h's limits.
inline constexpr std::int64_t kMaxTicks = 1000000000;
inline constexpr std::int64_t kMaxTimeLimit = 1000000000000;
inline constexpr std::int64_t kMaxSemValue = 32767; ///< SEMVMX on Linux
inline constexpr std::int64_t kMaxUid = 65535;
inline constexpr std::int64_t kMaxPriority = 1000;
inline constexpr std::int64_t kMaxKey = 2147483647;
inline constexpr std::size_t kMaxNameLength = 64;
inline constexpr std::size_t kMaxFileBytes = 1 << 20;
/// Program items in the whole scenario, counting each alias use: keeps anchors and
/// aliases from multiplying a small file into a huge scenario.
inline constexpr int kMaxOperations = 100000;
/// Answers one `ask:` may offer.
inline constexpr std::size_t kMaxChoices = 10;

} // namespace ipclab
