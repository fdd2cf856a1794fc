// A period in the words of a sentence, never as a machine code ("2026-12").
// Pure.
//
//   period_accusative("2026-12") -> "декабрь 2026 г."      («за декабрь 2026 г.»)
//   period_dative("2026-12")     -> "декабрю 2026 г."      («к декабрю 2026 г.»)
//   period_prepositional("2025-H1") -> "1-м полугодии 2025 г."  («в 1-м полугодии 2025 г.»)
//   period_dative("2021")        -> "2021 году"
//   period_prepositional("2025-2026") -> "2025/26 учебном году"
#pragma once

#include <string>

#include "model/period.h"

namespace analysis {

std::string period_accusative(const model::Period& p);
std::string period_dative(const model::Period& p);
std::string period_prepositional(const model::Period& p);
// The same for a period id; an id that is not a period is returned as it is.
std::string period_accusative(const std::string& id);
std::string period_dative(const std::string& id);
std::string period_prepositional(const std::string& id);

}  // namespace analysis
