// The loader's fuzzing entry point: any bytes in, a scenario or diagnostics out, never a
// crash, a hang or an exception. libFuzzer calls it (IPCLAB_FUZZ=ON, clang); the replay
// test calls the same function on the corpus in every normal build.
#include "fuzz_loader.h"

#include "loader.h"
#include "opspec.h"

#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // loadScenarioFile refuses larger files before the text loader sees them.
    if (size > ipclab::kMaxFileBytes + 1) {
        return 0;
    }
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto result = ipclab::loadScenarioText(text, "fuzz.yaml");
    // The loader's contract: a scenario exactly when there is nothing to report.
    if (result.ok() != result.diagnostics.empty()) {
        std::abort();
    }
    for (const auto& d : result.diagnostics) {
        if (d.format().empty()) {
            std::abort();
        }
    }
    return 0;
}
