// Reads the analysis sections of a definition file into model::Rubric: the
// scoring rubric, the clustering settings and the recommendation rules.
//
// Top-level keys consumed (the definition loader must allow them):
//   [rubric]            id, title, source, declared_total, levels = { high, medium },
//                       municipal_yes_share
//   [positions]         named position sets: core = [ { id = "M1", name = "…" }, … ]
//   [[block]]           id, title, kind = "indicator_set" | "checklist" | "binary",
//                       positions = "core" | [ { id, name }, … ], declared_max,
//                       params = [ "Наличие", … ] | [ { id, title, points }, … ],
//                       requires, bad_gate (checklist); points (binary);
//                       match_points, nomatch_points, bad_deduction,
//                       lone_bad_counts_presence (indicator_set)
//   [[evidence]]        block, position, and per parameter id:
//                       <param> = { input = "yes_no_input" }
//                             | { indicator = "id", test = "meets_target"
//                                 | "at_least_median" | "positive_dynamics" }
//   [clusters]          k (default 3), min_values (percent, default 60)
//   [[recommendation]]  when = "below_target" | "below_median" | "document_missing"
//                       | "no_positive_dynamics", indicator | input, text
// See the rubric sections of templates/krymsk.toml and templates/demo.toml for complete examples.
//
// Contract:
// - Never throws. Reads only the keys above from an already parsed table, so
//   the caller (definition_loader) parses once and calls this after the
//   inputs and indicators are read: references are checked against `def`.
// - On success: `rubric` is nullopt when the file has none of the sections,
//   and `warnings` lists the method's own inconsistencies, located by file,
//   line and key: a declared block maximum or total that disagrees with the
//   computed one (the computed value is used), parameters without a source of
//   evidence (they score 0), positions without indicators, rules about
//   indicators without targets.
// - On failure: every error found, located and in Russian, with a hint.
//
// Example (inside the definition loader):
//   auto rubric = definition::parse_rubric(root, file_name, st.def);
//   if (!rubric) append(errors, rubric.error());
//   else { st.def.rubric = std::move(rubric->rubric); append(warnings, rubric->warnings); }
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <vector>

#include "model/definition.h"
#include "model/diagnostic.h"
#include "model/rubric.h"

namespace definition {

// The top-level keys parse_rubric() reads; everything else is left to the caller.
inline constexpr std::string_view k_rubric_top_keys[] = {
    "rubric", "positions", "block", "evidence", "clusters", "recommendation", "recommendations"};

struct LoadedRubric {
  std::optional<model::Rubric> rubric;
  std::vector<model::Diagnostic> warnings;
};

model::ExpectedAll<LoadedRubric> parse_rubric(const toml::table& root, const std::string& file_name,
                                              const model::Definition& def);

}  // namespace definition
