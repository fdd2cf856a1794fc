#include "cli/check_command.h"

#include <cstdio>
#include <filesystem>

#include "cli/exit_codes.h"
#include "definition/definition_loader.h"
#include "definition/registry_loader.h"
#include "ingest/form_reader.h"
#include "ingest/workbook.h"
#include "util/sha256.h"

namespace cli {

namespace fs = std::filesystem;

int check_command(const Config& config, const std::vector<std::string>& files) {
  auto loaded = definition::load_definition(config.definition);
  auto registry = definition::load_registry(config.schools);
  const auto period = model::parse_period(config.period);
  if (!loaded || !registry || !period) {
    if (!loaded) for (const auto& d : loaded.error()) std::fprintf(stderr, "ошибка: %s\n", model::to_string(d).c_str());
    if (!registry) for (const auto& d : registry.error()) std::fprintf(stderr, "ошибка: %s\n", model::to_string(d).c_str());
    if (!period) std::fprintf(stderr, "ошибка: неверный отчётный период «%s»\n", config.period.c_str());
    return k_exit_failure;
  }
  int bad = 0;
  for (const auto& name : files) {
    const fs::path path(name);
    std::error_code ec;
    model::SourceFile source{path, path.filename().string(), util::sha256_file(path).value_or(""),
                             fs::file_size(path, ec), 0};
    auto workbook = ingest::read_workbook(path, config.limits);
    if (!workbook) {
      ++bad;
      auto d = workbook.error();
      d.where.file = source.name;
      std::printf("%s: %s\n", model::severity_name(d.severity).c_str(), model::to_string(d).c_str());
      continue;
    }
    const auto r = ingest::read_form(*workbook, loaded->definition, registry->registry, *period, source);
    for (const auto& d : r.diagnostics) {
      std::printf("%s: %s\n", model::severity_name(d.severity).c_str(), model::to_string(d).c_str());
    }
    if (r.submission) {
      std::printf("%s: форма школы %s за %s принята, полей: %zu\n", source.name.c_str(), r.school_id.c_str(),
                  period->id.c_str(), r.submission->values.size());
    } else {
      ++bad;
    }
  }
  return bad > 0 ? k_exit_forms_rejected : k_exit_ok;
}

}  // namespace cli
