// Reads the evidence of one rubric parameter, the value of `<param> = { … }`
// in an [[evidence]] table. Internal to src/definition/ (used by
// rubric_loader.cpp).
//
//   { input = "yes_no_field" }                          a Да/Нет field of this form
//   { indicator = "id", test = "meets_target" }          a condition on this definition's indicator
//   { monitoring = "src", indicator = "id", test = … }   … on an indicator of the [[source]] "src"
//   test = "meets_target" | "at_least_median" | "positive_dynamics"
//
// Errors (located, Russian, appended to `out`): not a table; unknown keys;
// neither or both of input / indicator; unknown field, source or indicator
// (with "did you mean"); a field that is not yes/no; monitoring with input
// (monitorings' form fields are not kept in the history, their indicators
// are); an indicator of a source definition named without `monitoring`.
// Warning: meets_target on an indicator without targets (always 0).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "definition/toml_fields.h"
#include "model/definition.h"
#include "model/diagnostic.h"
#include "model/rubric.h"

namespace definition {

// `r` reads the [[evidence]] table; `key` is the parameter id there.
std::optional<model::Evidence> read_evidence_value(TableReader& r, const std::string& key,
                                                   const model::Definition& def,
                                                   const std::string& file_name, SourceMap& lines,
                                                   std::vector<model::Diagnostic>& out);

}  // namespace definition
