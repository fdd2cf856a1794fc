#include "cli/check_command.h"

#include <cstdio>
#include <filesystem>
#include <optional>

#include "cli/config/run_inputs.h"
#include "cli/phases/exit_codes.h"
#include "ingest/form_file.h"
#include "survey/export_reader.h"
#include "survey/export_summary.h"
#include "util/console_text.h"

namespace cli {

namespace fs = std::filesystem;

namespace {

void print_to_stdout(const std::vector<model::Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) {
    std::printf("%s: %s\n", model::severity_name(d.severity).c_str(), util::console_text(model::to_string(d)).c_str());
  }
}

// A questionnaire export: what was taken from where, then what was not
// counted and why. Bad when it is refused or some answers are not counted.
bool check_export(const model::SourceFile& source, const model::Registry& registry, survey::ExportReader& reader) {
  const auto read = reader.read(source);
  for (const auto& line : survey::describe_export(read, registry)) {
    std::printf("%s\n", util::console_text(line).c_str());
  }
  print_to_stdout(read.outcome.diagnostics);
  return read.outcome.outcome != model::Outcome::accepted || model::has_errors(read.outcome.diagnostics);
}

}  // namespace

int check_command(const Config& config, const std::vector<std::string>& files) {
  const auto inputs = load_run_inputs(config);
  if (!inputs) return k_exit_failure;
  const auto& definition = inputs->definition.definition;
  // One reader for all the files: answers given twice across them are told.
  std::optional<survey::ExportReader> exports;
  if (!definition.surveys.empty()) {
    exports.emplace(definition, inputs->registry.registry, inputs->period, config.export_limits);
  }
  int bad = 0;
  for (const auto& name : files) {
    const fs::path path(name);
    std::error_code ec;
    // Not hashed: `check` keeps nothing, and the reader refuses a FIFO, a
    // device or an oversized file by looking at it, before reading a byte.
    const model::SourceFile source{path, path.filename().string(), {}, fs::file_size(path, ec), 0};
    if (exports && survey::looks_like_export(path)) {
      bad += check_export(source, inputs->registry.registry, *exports) ? 1 : 0;
      continue;
    }
    const auto checked = ingest::check_form_file(source, config.limits, inputs->definition.definition,
                                                 inputs->registry.registry, inputs->period);
    print_to_stdout(checked.outcome.diagnostics);
    if (checked.submission) {
      std::printf("%s: форма школы %s за %s принята, полей: %zu\n", util::console_text(source.name).c_str(),
                  checked.outcome.school_id.c_str(), inputs->period.id.c_str(),
                  checked.submission->values.size());
    } else {
      ++bad;
    }
  }
  return bad > 0 ? k_exit_forms_rejected : k_exit_ok;
}

}  // namespace cli
