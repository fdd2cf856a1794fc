// Cross-checks of a definition read from TOML: ids, references between
// indicators, inputs and directions, not_more_than chains, and the warnings
// the source's own gaps justify. Internal to src/definition/.
#pragma once

#include <string>
#include <vector>

#include "definition/toml_fields.h"
#include "model/definition.h"
#include "model/diagnostic.h"

namespace definition {

struct CheckInput {
  const model::Definition& definition;
  const std::string& file_name;
  const SourceMap& lines;
  // Parallel to definition.inputs / .indicators: false where the "kind" value
  // was missing or invalid (already reported), so kind-dependent checks are
  // skipped instead of piling up follow-on errors.
  std::vector<bool> input_kind_known;
  std::vector<bool> indicator_kind_known;
};

// Appends errors and warnings to `out`; never clears it.
void check_definition(const CheckInput& in, std::vector<model::Diagnostic>& out);

// Location paths used in messages: "input[2]", "indicator[3]" (1-based).
std::string item_path(std::string_view section, std::size_t index);

}  // namespace definition
