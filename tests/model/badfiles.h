#pragma once
// The loader's bad-file table: each row a malformed scenario and the exact diagnostics
// (formatted `file:line:column: message`, one per line) it must produce.

#include <string>
#include <vector>

struct BadFile {
    std::string name;
    std::string text;
    std::string expected;
};

/// Every row is loaded as "t.yaml".
const std::vector<BadFile>& badFiles();
