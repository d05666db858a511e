#include "opspec.h"

namespace ipclab {

namespace {

FieldSpec req(std::string_view name, FieldType type) {
    return {name, type, true, 0, 0};
}
FieldSpec opt(std::string_view name, FieldType type) {
    return {name, type, false, 0, 0};
}
FieldSpec integer(std::string_view name, bool required, std::int64_t min, std::int64_t max) {
    return {name, FieldType::Integer, required, min, max};
}

OperationSpec spec(OpKind kind, std::string_view name, std::vector<FieldSpec> fields,
                   std::string_view shortField, std::vector<std::string_view> exactlyOneOf = {}) {
    OperationSpec s;
    s.kind = kind;
    s.name = name;
    s.fields = std::move(fields);
    s.shortField = shortField;
    s.exactlyOneOf = std::move(exactlyOneOf);
    return s;
}

OperationSpec objectOp(OpKind kind, std::string_view name) {
    return spec(kind, name, {req("name", FieldType::Name)}, "name");
}

std::vector<OperationSpec> buildSpecs() {
    using F = FieldType;
    std::vector<OperationSpec> s;
    s.push_back(spec(OpKind::Compute, "compute", {integer("ticks", true, 1, kMaxTicks)}, "ticks"));
    s.push_back(spec(OpKind::Send, "send",
                     {opt("to", F::Name), opt("mailbox", F::Name), req("message", F::Template),
                      opt("blocking", F::Boolean), opt("ok", F::Variable)},
                     "", {"to", "mailbox"}));
    s.push_back(spec(OpKind::Receive, "receive",
                     {opt("from", F::Peer), opt("mailbox", F::Name), opt("into", F::Variable),
                      opt("blocking", F::Boolean), opt("ok", F::Variable)},
                     "", {"from", "mailbox"}));
    s.push_back(spec(OpKind::Connect, "connect", {req("peer", F::Name)}, "peer"));
    s.push_back(spec(OpKind::Disconnect, "disconnect", {req("peer", F::Name)}, "peer"));
    s.push_back(spec(OpKind::MailboxCreate, "mailbox_create",
                     {req("name", F::Name), opt("capacity", F::Capacity), opt("owner", F::Owner)},
                     "name"));
    s.push_back(objectOp(OpKind::MailboxDelete, "mailbox_delete"));
    s.push_back(spec(OpKind::ShmCreate, "shm_create",
                     {req("name", F::Name), opt("key", F::Key),
                      integer("size", true, 1, kMaxSegmentSize), opt("mode", F::Mode)},
                     ""));
    s.push_back(objectOp(OpKind::ShmAttach, "shm_attach"));
    s.push_back(objectOp(OpKind::ShmDetach, "shm_detach"));
    s.push_back(objectOp(OpKind::ShmRemove, "shm_remove"));
    s.push_back(spec(OpKind::Read, "read",
                     {req("segment", F::Name), integer("offset", false, 0, kMaxSegmentSize - 1),
                      req("into", F::Variable)},
                     ""));
    s.push_back(spec(OpKind::Write, "write",
                     {req("segment", F::Name), integer("offset", false, 0, kMaxSegmentSize - 1),
                      req("value", F::Template)},
                     ""));
    s.push_back(spec(OpKind::SemCreate, "sem_create",
                     {req("name", F::Name), integer("value", false, 0, kMaxSemValue)}, "name"));
    s.push_back(objectOp(OpKind::SemWait, "sem_wait"));
    s.push_back(objectOp(OpKind::SemPost, "sem_post"));
    s.push_back(spec(OpKind::Set, "set", {req("var", F::Variable), req("value", F::Template)}, ""));
    s.push_back(
        spec(OpKind::Add, "add", {req("var", F::Variable), opt("value", F::Template)}, "var"));
    OperationSpec repeat = spec(OpKind::Repeat, "repeat", {}, "count");
    repeat.mapForm = false;
    repeat.siblings = {"do"};
    s.push_back(repeat);
    s.push_back(spec(OpKind::Say, "say", {req("text", F::LocalTemplate)}, "text"));
    s.push_back(spec(
        OpKind::Ask, "ask",
        {req("question", F::LocalText), req("answer", F::Answer), opt("choices", F::Choices)}, ""));
    OperationSpec loop = spec(OpKind::While, "while", {}, "condition");
    loop.mapForm = false;
    loop.siblings = {"do"};
    s.push_back(loop);
    OperationSpec branch = spec(OpKind::If, "if", {}, "condition");
    branch.mapForm = false;
    branch.siblings = {"then", "else"};
    s.push_back(branch);
    return s;
}

} // namespace

const FieldSpec* OperationSpec::field(std::string_view fieldName) const {
    for (const auto& f : fields) {
        if (f.name == fieldName) {
            return &f;
        }
    }
    return nullptr;
}

std::vector<std::string_view> OperationSpec::fieldNames() const {
    return keyNames(fields);
}

std::vector<std::string_view> OperationSpec::requiredFields() const {
    std::vector<std::string_view> out;
    for (const auto& f : fields) {
        if (f.required) {
            out.push_back(f.name);
        }
    }
    return out;
}

const std::vector<OperationSpec>& operationSpecs() {
    static const std::vector<OperationSpec> specs = buildSpecs();
    return specs;
}

const OperationSpec& operationSpec(OpKind kind) {
    return operationSpecs().at(static_cast<std::size_t>(kind));
}

std::vector<std::string_view> operationNames() {
    std::vector<std::string_view> out;
    for (const auto& s : operationSpecs()) {
        out.push_back(s.name);
    }
    return out;
}

const std::vector<FieldSpec>& topLevelKeys() {
    static const std::vector<FieldSpec> keys = {
        req("scenario", FieldType::LocalText), opt("description", FieldType::LocalText),
        opt("kernel", FieldType::Text), req("processes", FieldType::Text)};
    return keys;
}

const std::vector<FieldSpec>& kernelKeys() {
    static const std::vector<FieldSpec> keys = {
        integer("cpus", false, 1, kMaxCpus),           opt("scheduler", FieldType::Scheduler),
        integer("quantum", false, 1, kMaxTicks),       integer("seed", false, 0, INT64_MAX),
        integer("syscall_cost", false, 0, kMaxTicks),  integer("switch_cost", false, 0, kMaxTicks),
        integer("time_limit", false, 1, kMaxTimeLimit)};
    return keys;
}

const std::vector<FieldSpec>& processKeys() {
    static const std::vector<FieldSpec> keys = {
        req("name", FieldType::Name), integer("uid", false, 0, kMaxUid),
        integer("priority", false, -kMaxPriority, kMaxPriority),
        integer("start", false, 0, kMaxTimeLimit), req("program", FieldType::Text)};
    return keys;
}

std::vector<std::string_view> keyNames(const std::vector<FieldSpec>& keys) {
    std::vector<std::string_view> out;
    for (const auto& k : keys) {
        out.push_back(k.name);
    }
    return out;
}

} // namespace ipclab
