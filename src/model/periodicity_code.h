// A method's periodicity as the TOML format writes it: "month", "half_year",
// "year", "school_year" (the definition's `periodicity` key).
#pragma once

#include <string_view>

#include "model/schedule.h"

namespace model {

std::string_view periodicity_code(Periodicity p);

}  // namespace model
