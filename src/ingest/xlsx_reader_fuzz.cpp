// libFuzzer target for the .xlsx reader core: arbitrary bytes as a package.
// Built by cmake/ReaderChecks.cmake (clang, METODMON_FUZZ=ON) and run by
// scripts/fuzz.sh. It drives read_xlsx() rather than read_workbook():
// clang 14 cannot compile libstdc++ 12's <expected> (it needs
// __cpp_concepts >= 202002L), and the core below workbook.cpp uses none.
#include <cstddef>
#include <cstdint>
#include <span>

#include "ingest/read_error.h"
#include "ingest/workbook_model.h"
#include "ingest/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ingest::ReadLimits limits;
  // Tighter than the defaults so that one input stays fast and small.
  limits.max_uncompressed_bytes = 64u << 20;
  limits.max_cells = 200'000;
  limits.max_text_bytes = 16u << 20;
  limits.max_seconds = 5;
  ingest::ReadBudget budget(limits);
  ingest::Workbook book;
  const auto status = ingest::read_xlsx(std::span<const unsigned char>(data, size), budget, book);
  if (!status) {
    for (const auto& name : book.names) (void)book.resolve_name(name.name);
    for (const auto& sheet : book.sheets)
      for (const auto& cell : sheet.cells) (void)sheet.find(cell.ref);
  }
  return 0;
}
