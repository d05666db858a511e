#include "observe.h"

#include <cctype>
#include <charconv>
#include <vector>

namespace ipclab {

namespace {

/// `name(arg, arg)`: the function name and its trimmed arguments with their columns.
struct Call {
    std::string name;
    std::vector<std::pair<std::string, std::size_t>> args;
};

std::optional<Call> splitCall(std::string_view text, std::string& error) {
    const std::size_t open = text.find('(');
    const std::size_t close = text.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
        error = "column 1: expected segment(NAME, OFFSET) or final(PROCESS, VAR)";
        return std::nullopt;
    }
    for (std::size_t i = close + 1; i < text.size(); ++i) {
        if (!std::isspace(static_cast<unsigned char>(text[i]))) {
            error = "column " + std::to_string(i + 1) + ": unexpected text after ')'";
            return std::nullopt;
        }
    }
    Call call;
    std::size_t b = 0;
    std::size_t e = open;
    while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) {
        ++b;
    }
    while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) {
        --e;
    }
    call.name = std::string(text.substr(b, e - b));
    std::size_t start = open + 1;
    for (std::size_t i = open + 1; i <= close; ++i) {
        if (i == close || text[i] == ',') {
            std::size_t s = start;
            std::size_t t = i;
            while (s < t && std::isspace(static_cast<unsigned char>(text[s]))) {
                ++s;
            }
            while (t > s && std::isspace(static_cast<unsigned char>(text[t - 1]))) {
                --t;
            }
            std::string arg(text.substr(s, t - s));
            if (arg.size() >= 2 && (arg.front() == '"' || arg.front() == '\'') &&
                arg.back() == arg.front()) {
                arg = arg.substr(1, arg.size() - 2);
            }
            call.args.emplace_back(arg, s + 1);
            start = i + 1;
        }
    }
    return call;
}

} // namespace

std::optional<Observer> parseObserver(std::string_view text, const Scenario& scenario,
                                      std::string& error) {
    const auto call = splitCall(text, error);
    if (!call) {
        return std::nullopt;
    }
    Observer o;
    o.text = std::string(text);
    if (call->args.size() != 2 || (call->name != "segment" && call->name != "final")) {
        error = "column 1: expected segment(NAME, OFFSET) or final(PROCESS, VAR), got \"" +
                std::string(text) + "\"";
        return std::nullopt;
    }
    const auto& [first, firstColumn] = call->args[0];
    const auto& [second, secondColumn] = call->args[1];
    if (call->name == "segment") {
        o.kind = Observer::Kind::Segment;
        o.name = first;
        const auto* end = second.data() + second.size();
        const auto r = std::from_chars(second.data(), end, o.offset);
        if (second.empty() || r.ec != std::errc() || r.ptr != end || o.offset < 0) {
            error = "column " + std::to_string(secondColumn) +
                    ": expected a byte offset (a non-negative integer), got \"" + second + "\"";
            return std::nullopt;
        }
        return o;
    }
    o.kind = Observer::Kind::Final;
    o.name = second;
    for (std::size_t p = 0; p < scenario.processes.size(); ++p) {
        if (scenario.processes[p].name == first) {
            o.proc = static_cast<int>(p);
        }
    }
    if (o.proc < 0) {
        error = "column " + std::to_string(firstColumn) + ": no process \"" + first + "\"";
        return std::nullopt;
    }
    return o;
}

std::optional<std::string> observe(const Observer& observer, const Simulation& run) {
    if (observer.kind == Observer::Kind::Segment) {
        return run.segmentCell(observer.name, observer.offset);
    }
    return run.variable(observer.proc, observer.name);
}

} // namespace ipclab
