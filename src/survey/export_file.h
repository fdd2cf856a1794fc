// An answers export of Yandex Forms or Google Forms, row by row: XLSX (the
// first visible sheet) or CSV (UTF-8 with or without BOM, or Windows-1251 as
// Excel saves it on a Russian Windows; ',', ';' or TAB, found from the
// header; quoted fields with delimiters and line breaks). The file is never
// held whole: CSV is decoded and split a chunk at a time (its encoding found
// by a first pass over the bytes), XLSX rows are streamed from the package
// (ingest::read_xlsx_rows), so memory does not grow with the number of rows.
//
//   survey::ExportLimits limits;
//   auto info = survey::read_export(path, limits, [&](const survey::ExportRow& row) {
//     use(row.number, row.cells);   // row 1 is the header
//     return true;                  // false stops the reading
//   });
//   if (!info) report(info.error());  // "ответы.csv: файл больше 100 МБ …"
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace survey {

struct ExportLimits {
  std::uintmax_t max_file_bytes = 100ull << 20;  // on disk
  // XLSX: the unpacked sheet and strings (an export's XML is 5-15 times its file).
  std::uintmax_t max_uncompressed_bytes = 2ull << 30;
  double max_seconds = 300;                     // per file
  std::size_t max_columns = 1000;
};

enum class ExportFormat { csv, xlsx };

// How the file was read, for `metodmon check` and messages.
struct ExportInfo {
  ExportFormat format = ExportFormat::csv;
  std::string encoding;  // CSV: "UTF-8", "UTF-8 с BOM", "Windows-1251"
  char delimiter = ',';  // CSV
  std::string sheet;     // XLSX: the sheet read
};

// "CSV, UTF-8, разделитель «;»", "XLSX, лист «Ответы»".
std::string describe(const ExportInfo& info);

struct ExportRow {
  // The row as a spreadsheet shows it: 1 is the first (header) row. CSV rows
  // spanning several lines (a quoted answer with line breaks) are one row.
  std::uint32_t number = 0;
  // Each column's text: numbers as digits ("1187423569", "4", "12.5"), dates
  // and times as "YYYY-MM-DD HH:MM:SS"; empty cells are empty strings. Never
  // wider than the header unless the row itself is wider.
  std::vector<std::string> cells;
};

// Return false to stop reading (the result is then still the file's info).
using ExportSink = std::function<bool(const ExportRow& row)>;

// Reads the file at `path` (recognised by its content, not its name) into
// `sink`. A file that is not a regular file, over the size limit, empty,
// in UTF-16, a workbook of another kind (.xls, .ods, a Word document), not
// text, or broken is refused with a Russian diagnostic naming the file (its
// name without folder) and saying what to do; rows already given stay given.
model::Expected<ExportInfo> read_export(const std::filesystem::path& path, const ExportLimits& limits,
                                        const ExportSink& sink);

// Whether a file of the inbox is read as a questionnaire export rather than
// a school's form: a .csv/.tsv/.txt is, empty or not (the export reader says
// what is wrong with it); by content, text is; a workbook is unless it has
// the hidden sheet a metodmon form carries (model/form_layout.h); anything
// else (.xls, PDF, unreadable) goes to the form reader, which says what it is.
bool looks_like_export(const std::filesystem::path& path);

}  // namespace survey
