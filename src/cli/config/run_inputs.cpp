#include "cli/config/run_inputs.h"

#include <cstdio>
#include <filesystem>
#include <mutex>
#include <set>

#include "util/console_text.h"

namespace cli {

namespace {

// The period kind a method collects, in words and as typed, with an example
// in the year asked for: "ежемесячная", "ГГГГ-ММ, например 2026-11".
std::optional<std::string> period_kind_problem(const model::Period& period, model::Periodicity periodicity) {
  const auto year = std::to_string(period.year);
  switch (periodicity) {
    case model::Periodicity::month:
      if (period.month > 0) return std::nullopt;
      return "методика ежемесячная: период указывается как ГГГГ-ММ, например " + year + "-11";
    case model::Periodicity::half_year:
      if (period.half > 0) return std::nullopt;
      return "методика полугодовая: период указывается как ГГГГ-H1 или ГГГГ-H2, например " + year + "-H1";
    case model::Periodicity::year:
      if (period.kind() == model::PeriodKind::year) return std::nullopt;
      return "методика годовая: период указывается как ГГГГ, например " + year;
    case model::Periodicity::school_year:
      if (period.school_year) return std::nullopt;
      return "методика по учебным годам: период указывается как ГГГГ-ГГГГ или ГГГГ/ГГ, например " +
             model::school_year_period(period.year).id + " (" + model::display_name(model::school_year_period(period.year)) + ")";
  }
  return std::nullopt;
}

}  // namespace

void print_diagnostics(const std::vector<model::Diagnostic>& diagnostics) {
  static std::mutex mutex;
  static std::set<std::string> printed;
  const std::lock_guard lock(mutex);
  for (const auto& d : diagnostics) {
    auto line = model::severity_name(d.severity) + ": " + util::console_text(model::to_string(d));
    if (!printed.insert(line).second) continue;
    std::fprintf(stderr, "%s\n", line.c_str());
  }
}

model::ExpectedAll<definition::LoadedDefinition> load_configured_definition(const Config& config) {
  std::error_code ec;
  const bool folder = std::filesystem::is_directory(config.definition, ec);
  if ((folder || !std::filesystem::exists(config.definition, ec)) && !config.definition_where.file.empty()) {
    auto where = config.definition_where;
    if (!config.file.empty()) where.file = config.file.filename().string();
    return std::unexpected(std::vector{model::Diagnostic{
        model::Severity::error, std::move(where),
        folder ? "путь к методике ведёт к папке, а не к файлу: " + config.definition.string()
               : "нет файла методики " + config.definition.string(),
        {},
        "исправьте путь в этой строке (относительный путь считается от папки файла конфигурации) "
        "или положите файл методики на место"}});
  }
  return definition::load_definition(config.definition);
}

std::optional<RunInputs> load_run_inputs(const Config& config) {
  auto loaded = load_configured_definition(config);
  auto registry = definition::load_registry(config.schools);
  const auto period = model::parse_period(config.period);
  if (!loaded) print_diagnostics(loaded.error());
  if (!registry) print_diagnostics(registry.error());
  // What the registry's warnings say (a school without an address, two
  // schools at one address) changes who gets which letter: said on the
  // console, once per process, not only on the «Методика» sheet.
  if (registry) print_diagnostics(registry->warnings);
  if (!period) {
    std::fprintf(stderr, "ошибка: неверный отчётный период «%s»; ожидается ГГГГ-ММ, ГГГГ-H1/H2, ГГГГ или учебный год ГГГГ-ГГГГ\n",
                 config.period.c_str());
  }
  if (!loaded || !registry || !period) return std::nullopt;
  // A period of another kind would reject every form and still enter the
  // history: refuse it before anything is read.
  if (const auto problem = period_kind_problem(*period, loaded->definition.periodicity)) {
    std::fprintf(stderr, "ошибка: период «%s» не подходит для методики «%s»: %s\n", config.period.c_str(),
                 loaded->definition.title.c_str(), problem->c_str());
    return std::nullopt;
  }
  return RunInputs{std::move(*loaded), std::move(*registry), *period};
}

}  // namespace cli
