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

// "ошибка: <file:line: message. Как исправить: …>", one per line, to stderr.
void print_diagnostics(const std::vector<model::Diagnostic>& diagnostics);

}  // namespace cli
