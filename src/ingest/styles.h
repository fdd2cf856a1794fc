// What the reader needs from xl/styles.xml: for each cell format (<xf> of
// <cellXfs>, indexed by a cell's s="…"), whether its number format shows a
// percentage or a date/time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/read_error.h"
#include "ingest/zip_archive.h"

namespace ingest {

// date: a calendar date, maybe with a time ("dd.mm.yyyy", "d mmm", "mmmm");
// time: a time of day or a duration without a date ("hh:mm", "[h]:mm").
// Both set Cell::is_date; only dates move when a 1904 workbook is converted.
enum class NumberKind : std::uint8_t { plain, percent, date, time };

// Classifies a number format code: "0.0%" -> percent, "dd.mm.yyyy" -> date,
// "[h]:mm" -> time; text in quotes, [colours]/[$-419] and \-escapes ignored.
NumberKind classify_format_code(std::string_view code);

// Built-in format ids: 9, 10 percent; 14-17 and 22 dates; 18-21, 45-47 times.
NumberKind classify_builtin_format(std::uint32_t id);

class CellStyles {
 public:
  // Kind of the cell format with index `xf`; plain when out of range.
  NumberKind kind(std::uint32_t xf) const {
    return xf < m_kinds.size() ? m_kinds[xf] : NumberKind::plain;
  }
  std::vector<NumberKind>& kinds() { return m_kinds; }

 private:
  std::vector<NumberKind> m_kinds;
};

Status read_styles(const ZipArchive& zip, const std::string& entry, ReadBudget& budget,
                   CellStyles& out);

}  // namespace ingest
