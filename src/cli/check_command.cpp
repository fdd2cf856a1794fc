#include "cli/check_command.h"

#include <cstdio>
#include <filesystem>

#include "cli/config/run_inputs.h"
#include "cli/phases/exit_codes.h"
#include "ingest/form_file.h"
#include "util/console_text.h"

namespace cli {

namespace fs = std::filesystem;

int check_command(const Config& config, const std::vector<std::string>& files) {
  const auto inputs = load_run_inputs(config);
  if (!inputs) return k_exit_failure;
  int bad = 0;
  for (const auto& name : files) {
    const fs::path path(name);
    std::error_code ec;
    // Not hashed: `check` keeps nothing, and the reader refuses a FIFO, a
    // device or an oversized file by looking at it, before reading a byte.
    const model::SourceFile source{path, path.filename().string(), {}, fs::file_size(path, ec), 0};
    const auto checked = ingest::check_form_file(source, config.limits, inputs->definition.definition,
                                                 inputs->registry.registry, inputs->period);
    for (const auto& d : checked.outcome.diagnostics) {
      std::printf("%s: %s\n", model::severity_name(d.severity).c_str(), util::console_text(model::to_string(d)).c_str());
    }
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
