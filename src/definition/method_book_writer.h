// Writes a definition as a method workbook (sheets and columns:
// method_book_layout.h), for a methodist to read and change in Excel,
// LibreOffice or R7, and for method_book_reader.h to load back to the same
// definition (model/definition_compare.h).
//
// Every sheet: a header row that is protected (the rest of the sheet is not;
// rows may be inserted, deleted, sorted), columns sized to their content, a
// note on every header cell saying what to write there, drop-down lists for
// kinds, yes/no and months, and for codes of other sheets (fields,
// indicators, directions, blocks) lists that follow those sheets' first
// columns by a formula (defined names method_fields, method_indicators …).
// «Цели» shows each indicator's name beside its code by a formula, and
// leaves spare year columns open for the years to come.
//
//   auto done = definition::write_method_book(loaded->definition, "Методика.xlsx");
//   if (!done) log(model::to_string(done.error()));
#pragma once

#include <filesystem>

#include "model/definition.h"
#include "model/diagnostic.h"

namespace definition {

// Writes `definition` to `out_file` atomically; refuses a definition with
// [[survey]] (the workbook has no sheets for questionnaires). [[source]] files
// («Источники») are written relative to `out_file`'s folder, so the
// workbook loads them from wherever it is written.
model::Expected<void> write_method_book(const model::Definition& definition,
                                        const std::filesystem::path& out_file);

// The method `metodmon method new` writes: one example row on every sheet
// (two on «Поля формы»: a share needs a part and its whole), a valid method
// a methodist overwrites with her own. Targets from `first_year` on, three years.
model::Definition example_method(int first_year);

}  // namespace definition
