// read_workbook(): the only part of the reader that speaks model::Expected;
// it sniffs the format, dispatches, and adds the file name to errors.
#include "ingest/workbook.h"

#include <fstream>
#include <vector>

#include "ingest/child_process.h"
#include "ingest/file_sniff.h"
#include "ingest/read_error.h"
#include "ingest/xls_reader.h"
#include "ingest/xlsx_reader.h"
#include "util/file_kind.h"

namespace ingest {

namespace {

model::Diagnostic to_diagnostic(ReadError e, const std::string& file) {
  model::Location where;
  where.file = file;
  where.sheet = std::move(e.sheet);
  where.cell = e.cell;
  return model::Diagnostic::error(std::move(where), std::move(e.message), std::move(e.hint),
                                  std::move(e.found));
}

Status read_bytes(const std::filesystem::path& path, const ReadLimits& limits,
                  std::vector<unsigned char>& out) {
  // Look before opening: a FIFO would block the open, /dev/zero never end.
  if (const auto why = util::not_a_regular_file(path)) {
    return make_error(*why, "Положите в папку саму книгу Excel (.xlsx или .xls)");
  }
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec)
    return make_error("файл не найден или не читается",
                      "Проверьте, что файл на месте и не открыт в другой программе");
  if (size > limits.max_file_bytes) return make_error(model::too_large_message(limits.max_file_bytes), model::k_too_large_hint);
  std::ifstream in(path, std::ios::binary);
  out.resize(static_cast<std::size_t>(size));
  if (!in.read(reinterpret_cast<char*>(out.data()), static_cast<std::streamsize>(size)))
    return make_error("файл не читается с диска",
                      "Проверьте, что файл не открыт в другой программе, и отправьте его снова");
  return std::nullopt;
}

}  // namespace

model::Expected<Workbook> read_workbook(const std::filesystem::path& path,
                                        const ReadLimits& limits) {
  const std::string file = path.filename().string();
  std::vector<unsigned char> bytes;
  if (auto err = read_bytes(path, limits, bytes)) return std::unexpected(to_diagnostic(*err, file));

  ReadBudget budget(limits);
  Workbook book;
  Status status;
  switch (const auto kind = sniff_file(bytes)) {
    case FileKind::zip:
      status = read_xlsx(bytes, budget, book);
      break;
    case FileKind::cfb:
    case FileKind::raw_biff:
      if (biff_has_filepass(bytes)) {
        status = make_error("файл защищён паролем (книга Excel 97-2003 зашифрована)",
                            k_hint_password);
        break;
      }
      bytes = {};  // FreeXL reads the file itself, in a child process
      status = run_in_child(budget, [&](Workbook& out) { return read_xls(path, budget, out); }, book);
      break;
    default:
      status = refusal_for(kind);
      break;
  }
  if (status) return std::unexpected(to_diagnostic(std::move(*status), file));
  return book;
}

}  // namespace ingest
