#pragma once
// libFuzzer's entry point, shared by the fuzzer and the corpus replay.

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
