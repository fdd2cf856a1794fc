// The notes for the «Методика» sheet: how the rubric is scored for a school
// and for the municipality, how missing values, groups of schools and
// recommendations are handled. Russian, deterministic. Pure.
#pragma once

#include <string>
#include <vector>

#include "analysis/analysis.h"

namespace analysis {

std::vector<std::string> write_method_notes(const model::Definition& definition,
                                            const Analysis& analysis);

}  // namespace analysis
