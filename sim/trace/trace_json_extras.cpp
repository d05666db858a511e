// The footer fields only real mode writes, each optional (see trace_json.h).

#include "trace_json_parse.h"

namespace ipclab::tracejson::parse {

void readRealExtras(const Json& j, Trace& trace) {
    if (field(j, "counting_fallback") != nullptr) {
        trace.countingFallback =
            enumField(j, "counting_fallback", countingFallbackFromName,
                      "\"none\", \"no_tracefs\", \"not_permitted\" or \"declined\"");
    }
    if (const Json* cleanup = field(j, "cleanup_syscalls")) {
        if (!cleanup->is_object()) {
            throw BadLine("expected \"cleanup_syscalls\" to be an object");
        }
        for (const auto& [name, n] : cleanup->items()) {
            trace.cleanupSyscalls[name] = integer(n, "cleanup_syscalls", 0, kI32Max);
        }
    }
    if (const Json* switches = field(j, "kernel_switches")) {
        if (!switches->is_array() || switches->size() > trace.processNames.size()) {
            throw BadLine("expected \"kernel_switches\" to be a list, one entry per process");
        }
        for (const Json& k : *switches) {
            if (k.is_null()) {
                trace.kernelSwitches.emplace_back();
                continue;
            }
            if (!k.is_array() || k.size() != 2) {
                throw BadLine("expected each \"kernel_switches\" entry as [voluntary, "
                              "involuntary] or null");
            }
            trace.kernelSwitches.push_back(
                KernelSwitches{integer(k[0], "kernel_switches", 0, kI32Max * 1024),
                               integer(k[1], "kernel_switches", 0, kI32Max * 1024)});
        }
    }
}

} // namespace ipclab::tracejson::parse
