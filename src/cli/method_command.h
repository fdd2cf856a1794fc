// `metodmon method`: the method as a workbook a methodist writes and changes
// herself (definition/method_book_writer.h, definition/method_book_reader.h).
// None of them needs a configuration.
//
//   metodmon method new --out Методика.xlsx                       empty, one example row per sheet
//   metodmon method export templates/demo.toml --out Методика.xlsx  any definition as a workbook
//   metodmon method check Методика.xlsx                           validate, print a summary
//
// Exit codes: 0 done (check: no errors; warnings allowed), 1 the definition
// has errors, cannot be read or the workbook cannot be written (an existing
// file is not overwritten without --force), 64 an unknown action or a
// missing argument.
#pragma once

#include <string>

#include "model/definition.h"

namespace cli {

struct MethodOptions {
  std::string definition;  // export, check: the definition (TOML or workbook)
  std::string out;         // export, new: the workbook to write
  bool force = false;      // export, new: overwrite `out` when it exists
};

// `action`: "new", "export" or "check"; another action, or an argument the
// action needs and does not have, is a usage error (exit 64, said in Russian).
int method_command(const std::string& action, const MethodOptions& options);

int method_new_command(const MethodOptions& options);
int method_export_command(const MethodOptions& options);
int method_check_command(const MethodOptions& options);

// What `method check` says about a loaded definition, after its first line:
// fields and indicators by kind, directions, targets per year, the rubric's
// blocks with their maximum points, recommendations, the calendar.
std::string method_summary(const model::Definition& definition);

}  // namespace cli
