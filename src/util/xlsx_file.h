// RAII owner of a libxlsxwriter workbook that is published atomically.
// Worksheets, formats and charts are borrowed from the workbook and live
// until commit() or destruction.
//
//   auto file = util::XlsxFile::create(out / "results.xlsx");
//   if (!file) return std::unexpected(file.error());
//   lxw_worksheet* ws = workbook_add_worksheet(file->book(), "Сводка");
//   ...
//   if (auto done = file->commit(); !done) return done;
#pragma once

#include <filesystem>
#include <functional>

#include <xlsxwriter.h>

#include "model/diagnostic.h"
#include "util/publish_batch.h"

namespace util {

class XlsxFile {
 public:
  // Opens a workbook that writes to a temporary file beside `final_path`.
  // constant_memory: libxlsxwriter flushes each row as it is written (rows
  // must then be written in order; no rich layout across rows).
  static model::Expected<XlsxFile> create(const std::filesystem::path& final_path,
                                          bool constant_memory = false);

  XlsxFile(XlsxFile&& other) noexcept;
  XlsxFile& operator=(XlsxFile&&) = delete;
  XlsxFile(const XlsxFile&) = delete;
  XlsxFile& operator=(const XlsxFile&) = delete;
  // Without commit(): frees the workbook and deletes the temporary file.
  ~XlsxFile();

  lxw_workbook* book() const { return m_book; }
  const std::filesystem::path& final_path() const { return m_final; }

  // workbook_close() to the temporary file, then rename to final_path.
  // `finish`, when given, edits the closed temporary file first (what the
  // library cannot write); its failure publishes nothing. With a `batch`, the
  // temporary file is handed to it and published by its commit() (one sync
  // for many workbooks, see publish_batch.h).
  using Finish = std::function<model::Expected<void>(const std::filesystem::path& temp)>;
  model::Expected<void> commit(const Finish& finish = {}, PublishBatch* batch = nullptr);

 private:
  XlsxFile(lxw_workbook* book, std::filesystem::path temp, std::filesystem::path final_path);
  lxw_workbook* m_book = nullptr;
  std::filesystem::path m_temp;
  std::filesystem::path m_final;
};

// libxlsxwriter's error text, in the form "lxw: <text>".
std::string lxw_error_text(lxw_error err);

}  // namespace util
