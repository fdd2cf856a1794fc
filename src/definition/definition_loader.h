// Loads a monitoring definition (templates/*.toml) into model::Definition and
// validates it. The format is shown by example in templates/demo.toml:
// [definition], [[direction]], [[input]], [[indicator]]. A method workbook
// (definition/method_book_reader.h) is the same definition in sheets a
// methodist fills in; load_definition() tells the two apart by the file's
// content, so every command that takes a definition takes either.
// Questionnaires are [[survey]] (definition/survey_loader.h).
//
// Contract:
// - Never throws on bad input. On success returns the definition and the
//   warnings (gaps the source itself has: indicators without targets, shares
//   whose part is not bounded by the whole); the warnings belong on the
//   "Методика" sheet.
// - On failure returns every error found (not just the first), in file order,
//   each located by file name, line and key ("indicator[3].numerator", items
//   counted from 1), worded in Russian with a hint on how to fix it. Warnings
//   are not included in the error list.
// - Checks: TOML syntax; required and unknown keys (typo protection with a
//   "did you mean"); value types and allowed values; id rules (inputs and
//   indicators: [a-z][a-z0-9_]*, <= 250 chars, since the form names their
//   cells "in_<id>"); duplicate ids; references (numerator / denominator /
//   input / not_more_than / direction) and their kinds; not_more_than cycles;
//   target years 2000..2100 and values (shares and yes/no 0..100, counts >= 0);
//   min <= max; at least one input and one indicator (none of its own when
//   the definition has [[source]]; no [[input]] needed when it has [[survey]]);
//   [schedule] (definition/schedule_loader.h); [[source]]
//   (definition/source_loader.h); [[survey]] (definition/survey_loader.h).
//
// Example:
//   auto loaded = definition::load_definition("templates/lk_roadmap.toml");
//   if (!loaded) { for (const auto& d : loaded.error()) log(model::to_string(d)); return 2; }
//   const model::Definition& def = loaded->definition;
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/definition.h"
#include "model/diagnostic.h"

namespace definition {

struct LoadedDefinition {
  model::Definition definition;
  std::vector<model::Diagnostic> warnings;
};

// Loads the definition a [[source]] names (`file` as written there). Given
// by load_definition (relative to the rubric file's folder) or by a test.
using SourceResolver = std::function<model::ExpectedAll<LoadedDefinition>(const std::string& file)>;

// Reads `file` (UTF-8 TOML, BOM allowed, or a method workbook: .xlsx/.xls,
// recognised by its first bytes) and parses it; locations name the file by
// its file name without folder (a workbook's: with sheet, row and column
// header). Sets definition.file to `file`. Sources
// ([[source]], model::SourceDef) are loaded relative to the file's folder,
// one level deep (a source with sources of its own is an error).
model::ExpectedAll<LoadedDefinition> load_definition(const std::filesystem::path& file);

// Parses TOML text; `file_name` is used in locations only. `resolve_source`
// loads the files [[source]] names; empty: a [[source]] is an error.
model::ExpectedAll<LoadedDefinition> parse_definition(std::string_view toml_text,
                                                      const std::string& file_name,
                                                      const SourceResolver& resolve_source = {});

}  // namespace definition
