#pragma once
// A small, strict parser for `--flag VALUE` / `--flag=VALUE` arguments, so that every
// mistake is reported with the flag's name and what was expected.

#include <optional>
#include <string>
#include <vector>

namespace ipclab::app {

/// One subcommand's arguments, consumed front to back.
class ArgReader {
public:
    ArgReader(std::string command, std::vector<std::string> args);
    bool atEnd() const { return m_pos >= m_args.size(); }
    /// The next argument is an option (starts with "--"); its name without "=value".
    bool nextIsOption() const;
    std::string optionName() const;
    /// Consumes the option and its value ("--x V" or "--x=V"); nothing when it lacks one
    /// (then error() says so).
    std::optional<std::string> optionValue();
    std::string takePositional() { return m_args[m_pos++]; }
    /// Takes the next argument as the command's one scenario FILE into `file`; false
    /// (with error()) when `file` is already set.
    bool takeOneFile(std::string& file);
    /// "ipclab run: " + message, set by the last failing call or by fail().
    const std::string& error() const { return m_error; }
    void fail(const std::string& message);

private:
    std::string m_command;
    std::vector<std::string> m_args;
    std::size_t m_pos = 0;
    std::string m_error;
};

/// Seconds for a watchdog: a decimal number in (0, 3600], or nothing.
std::optional<double> parseSeconds(const std::string& text);

/// A non-negative decimal integer that fits 64 bits, or nothing.
std::optional<unsigned long long> parseUnsigned(const std::string& text);

} // namespace ipclab::app
