// Reads the [[source]] tables of a yearly rubric definition: the monitorings
// whose results of the year its rubric is computed over
// (analysis/year_rubric.h). Internal to src/definition/: the public API is
// definition_loader.h.
//
//   [[source]]
//   id = "krymsk-m1-deficits"          # the monitoring definition's own id
//   definition = "m1_deficits.toml"    # relative to this file's folder
//
// Checks, each a located Russian error appended to `out`:
// - keys id and definition, both required; no id twice;
// - the file loads (its own errors are appended too, located in that file);
// - the loaded definition's id is `id`; it is yearly; it has no sources of
//   its own (one level only);
// - the definition that has sources is yearly and declares no [[indicator]]
//   of its own (its indicators are the sources').
#pragma once

#include <string>
#include <toml++/toml.h>
#include <vector>

#include "definition/definition_loader.h"
#include "definition/toml_fields.h"
#include "model/definition.h"
#include "model/diagnostic.h"

namespace definition {

// Appends the sources to `def.sources`. `resolve` may be empty: a [[source]]
// is then an error (the text was not read from a file, or sources are nested).
// A source that failed is appended without its definition (nullptr) so that
// later references to it are not reported again; the parse fails anyway.
void read_sources(const toml::table& root, const std::string& file_name, SourceMap& lines,
                  const SourceResolver& resolve, model::Definition& def,
                  std::vector<model::Diagnostic>& out);

}  // namespace definition
