#include "cli_args.h"

#include <cerrno>
#include <cstdlib>

namespace ipclab::app {

ArgReader::ArgReader(std::string command, std::vector<std::string> args)
    : m_command(std::move(command)), m_args(std::move(args)) {
}

bool ArgReader::nextIsOption() const {
    return !atEnd() && m_args[m_pos].size() > 2 && m_args[m_pos].rfind("--", 0) == 0;
}

std::string ArgReader::optionName() const {
    const std::string& a = m_args[m_pos];
    return a.substr(0, a.find('='));
}

std::optional<std::string> ArgReader::optionValue() {
    const std::string a = m_args[m_pos++];
    const auto eq = a.find('=');
    if (eq != std::string::npos) {
        return a.substr(eq + 1);
    }
    if (atEnd()) {
        fail(a + " expects a value");
        return std::nullopt;
    }
    return m_args[m_pos++];
}

void ArgReader::fail(const std::string& message) {
    m_error = "ipclab " + m_command + ": " + message;
}

std::optional<unsigned long long> parseUnsigned(const std::string& text) {
    if (text.empty() || text.size() > 20 ||
        text.find_first_not_of("0123456789") != std::string::npos) {
        return std::nullopt;
    }
    errno = 0;
    char* end = nullptr;
    const unsigned long long value = std::strtoull(text.c_str(), &end, 10);
    if (errno == ERANGE || end != text.c_str() + text.size()) {
        return std::nullopt;
    }
    return value;
}

bool ArgReader::takeOneFile(std::string& file) {
    if (!file.empty()) {
        fail("unexpected argument \"" + takePositional() + "\"; expected one scenario FILE");
        return false;
    }
    file = takePositional();
    return true;
}

std::optional<double> parseSeconds(const std::string& text) {
    // Plain decimal only: strtod would also take "0x10", "inf" and "1e3".
    if (text.find_first_not_of("0123456789.") != std::string::npos) {
        return std::nullopt;
    }
    char* end = nullptr;
    const double seconds = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !(seconds > 0) || seconds > 3600) {
        return std::nullopt;
    }
    return seconds;
}

} // namespace ipclab::app
