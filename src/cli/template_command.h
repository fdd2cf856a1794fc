// `metodmon template`: one protected input form per school of the registry
// (or only the schools named), for the configured period.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "cli/config/config.h"

namespace cli {

struct TemplateOptions {
  std::filesystem::path out_dir;          // default: <output>/<period>/forms
  std::vector<std::string> school_ids;    // empty: every school
  bool quiet = false;                     // no summary line on stdout
};

int template_command(const Config& config, const TemplateOptions& options);

}  // namespace cli
