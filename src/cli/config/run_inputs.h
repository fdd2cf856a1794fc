// What every command that touches forms needs first: the configured
// definition, the schools registry and the period, each checked. Problems are
// printed in Russian to stderr, every one of them, and nullopt is returned.
#pragma once

#include <optional>
#include <vector>

#include "cli/config/config.h"
#include "definition/definition_loader.h"
#include "definition/registry_loader.h"
#include "model/diagnostic.h"
#include "model/period.h"

namespace cli {

struct RunInputs {
  definition::LoadedDefinition definition;  // with its warnings (method sheet)
  definition::LoadedRegistry registry;      // with its warnings
  model::Period period;
};

std::optional<RunInputs> load_run_inputs(const Config& config);

// The configured definition (config.definition). A file that is not there
// (or is a folder) is named at the configuration line that refers to it
// ("metodmon.toml:37 [monitoring[3].definition]: нет файла методики …"),
// not only by its own name.
model::ExpectedAll<definition::LoadedDefinition> load_configured_definition(const Config& config);

// "ошибка: <file:line: message. Как исправить: …>", one per line, to stderr,
// control characters escaped (util::console_text). A diagnostic printed
// once by this process is not printed again: a problem of the shared
// registry or of [calendar] met by every monitoring of a `daily` is said once.
void print_diagnostics(const std::vector<model::Diagnostic>& diagnostics);

}  // namespace cli
