#pragma once
// Cross-checks of names once the whole file is read: every name refers to something
// declared, nothing is created twice, no process talks to itself.

#include "diagnosticsink.h"
#include "nameuse.h"
#include "scenario.h"

#include <vector>

namespace ipclab {

/// Adds a diagnostic for every dangling, duplicated or self-referring name.
void validateNames(const Scenario& scenario, const std::vector<NameUse>& uses,
                   DiagnosticSink& sink);

} // namespace ipclab
