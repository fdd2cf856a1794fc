#include "cli/run_inputs.h"

#include <cstdio>

namespace cli {

void print_diagnostics(const std::vector<model::Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) {
    std::fprintf(stderr, "%s: %s\n", model::severity_name(d.severity).c_str(), model::to_string(d).c_str());
  }
}

std::optional<RunInputs> load_run_inputs(const Config& config) {
  auto loaded = definition::load_definition(config.definition);
  auto registry = definition::load_registry(config.schools);
  const auto period = model::parse_period(config.period);
  if (!loaded) print_diagnostics(loaded.error());
  if (!registry) print_diagnostics(registry.error());
  if (!period) {
    std::fprintf(stderr, "ошибка: неверный отчётный период «%s»; ожидается ГГГГ-ММ, ГГГГ-H1/H2 или ГГГГ\n",
                 config.period.c_str());
  }
  if (!loaded || !registry || !period) return std::nullopt;
  return RunInputs{std::move(*loaded), std::move(*registry), *period};
}

}  // namespace cli
