// Reads a method workbook (sheets and columns: method_book_layout.h) into a
// model::Definition. The workbook is first read as a person filled it in,
// cell by cell: empty required cells, unreadable values, values outside a
// drop-down's list, codes that break the id rules or repeat, and references
// to codes another sheet does not have are located errors in the workbook's
// own words:
//   «Методика.xlsx, лист «Показатели», строка 7, «Числитель»: поля
//    «teachers_x» нет на листе «Поля формы»»
// Then its content is turned into the TOML document a definition file would
// hold and goes through the very checks a TOML definition does
// (definition_table.h); what those find is moved to the cell it came from
// (method_book_places.h). So a workbook and a TOML file of one method load
// to the same definition (model/definition_compare.h), warnings included.
//
// A workbook saved by Excel, LibreOffice or R7 reads the same: ingest reads
// shared and inline strings alike, and a cell is read by what it means, not
// how it is stored (a number typed as text, "12,5", 70 % in a percent cell,
// TRUE for «Да», a month by name or number).
//
// Usually reached through definition::load_definition(), which tells a
// workbook from a TOML file by its first bytes.
#pragma once

#include <filesystem>
#include <string>

#include "definition/definition_loader.h"
#include "ingest/workbook_model.h"

namespace definition {

// Whether `file` starts as a workbook does (.xlsx/.xlsm zip, .xls OLE2).
bool is_method_book(const std::filesystem::path& file);

// Reads and loads `file`; locations name its file name. [[source]] files
// («Источники») are loaded through `resolve_source`.
model::ExpectedAll<LoadedDefinition> load_method_book(const std::filesystem::path& file,
                                                      const SourceResolver& resolve_source);

// The same for a workbook already read into cells.
model::ExpectedAll<LoadedDefinition> read_method_book(const ingest::Workbook& book,
                                                      const std::string& file_name,
                                                      const SourceResolver& resolve_source);

}  // namespace definition
