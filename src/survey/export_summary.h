// What `metodmon check` prints about a questionnaire export: how the file
// was read, each column and what it was taken for, the schools its rows went
// to (with the names teachers wrote) and the answers of other periods. The
// rows not counted and the duplicates are the read's diagnostics, printed
// after these lines.
//
//   for (const auto& line : survey::describe_export(read, registry)) std::printf("%s\n", line.c_str());
#pragma once

#include <string>
#include <vector>

#include "model/school.h"
#include "survey/export_reader.h"

namespace survey {

// Lines without a trailing newline; nested items start with two spaces.
// Empty for a file no survey was recognised in (its diagnostic says why).
std::vector<std::string> describe_export(const ExportRead& read, const model::Registry& registry);

}  // namespace survey
