// Reading a workbook file into the cell model (see workbook_model.h).
// Readers never throw on bad input; they return a Diagnostic in Russian that
// names the file, says what is wrong and how to fix it.
//
//   auto book = ingest::read_workbook(inbox / "школа_03.xlsx");
//   if (!book) return std::unexpected(book.error());  // "школа_03.xlsx: файл защищён паролем…"
//   if (auto at = book->resolve_name("in_teachers_total"))
//     if (const auto* cell = at->first->find(at->second)) use(cell->number);
#pragma once

#include <filesystem>

#include "ingest/workbook_model.h"
#include "model/diagnostic.h"

namespace ingest {

// Reads an .xlsx/.xlsm/.xls file, recognising it by content, not by name.
// Refuses (with a Diagnostic whose where.file is the file name) encrypted,
// corrupt, foreign-format and over-limit files.
model::Expected<Workbook> read_workbook(const std::filesystem::path& path,
                                        const ReadLimits& limits = {});

}  // namespace ingest
