// Protected input forms: one workbook per school and period, generated from a
// definition. Only input cells are unlocked (and tinted); each has data
// validation with a Russian prompt; school and period are pre-filled and
// locked; a very hidden "_meta" sheet identifies the form (see model/form_layout.h).
// The deadline, how to return the form and whom to ask stand under the title
// and again below the table (FormOptions).
// The workbook structure is protected with the same password: a school cannot
// delete, rename, add or show sheets.
//
//   forms::FormOptions opt{.password = cfg.form_password, .generated_at = now};
//   auto done = forms::write_form(def, school, period, out / forms::form_file_name(school, period), opt);
#pragma once

#include <filesystem>
#include <string>

#include "model/definition.h"
#include "model/diagnostic.h"
#include "model/period.h"
#include "model/school.h"

namespace forms {

struct FormOptions {
  std::string password;      // sheet and structure protection password; empty = protected without one
  std::string generated_at;  // "2026-11-23 09:00", written to _meta
  // What the school needs to return the form, printed under its title and
  // below its table (from the configuration and the calendar):
  std::string deadline;   // «20 ноября 2026 г.»; empty: not printed
  std::string return_to;  // an address («imc@example.ru») or how to hand it in; empty: «в методическую службу»
  std::string contact;    // whom to ask: «МКУ ИМЦ, metodist@example.ru, 8 (86131) 0-00-00»; empty: not printed
};

// "<school id>_<period>.xlsx", safe on every file system.
std::string form_file_name(const model::School& school, const model::Period& period);

// Writes the form atomically to `out_file`. Errors only for I/O or a
// definition libxlsxwriter cannot express (reported, never a crash).
model::Expected<void> write_form(const model::Definition& definition, const model::School& school,
                                 const model::Period& period, const std::filesystem::path& out_file,
                                 const FormOptions& options);

}  // namespace forms
