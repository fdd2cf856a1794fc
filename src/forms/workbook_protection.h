// What libxlsxwriter 1.1.4 cannot write, added to a finished .xlsx package:
// a very hidden sheet (state="veryHidden": Excel's «Показать» does not list
// it, only a macro can show it) and a protected workbook structure
// (<workbookProtection lockStructure="1">: sheets cannot be added, deleted,
// renamed, moved, hidden or shown without the password).
//
// Edits xl/workbook.xml in place through libzip; every other part is kept
// as written. Call on the temporary file, before it is published:
//
//   file->commit([&](const auto& temp) { return forms::protect_package(temp, {{"_meta"}, password}); });
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace forms {

struct PackageProtection {
  std::vector<std::string> very_hidden_sheets;  // sheet names, as written; each must exist
  std::string password;                         // of the structure; empty: locked without one
};

model::Expected<void> protect_package(const std::filesystem::path& xlsx, const PackageProtection& protection);

}  // namespace forms
