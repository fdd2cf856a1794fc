#include "cli/text_table.h"

#include <algorithm>

#include "report/cell_text.h"

namespace cli {

std::string format_table(const std::vector<TableColumn>& columns, const std::vector<std::vector<std::string>>& rows) {
  // Characters of the Basic Multilingual Plane are one column wide in a terminal (Cyrillic, digits, "—").
  const auto width = [](const std::string& s) { return report::utf16_length(s); };
  std::vector<std::size_t> widths;
  for (const auto& c : columns) widths.push_back(width(c.header));
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) widths[i] = std::max(widths[i], width(row[i]));
  }
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const auto& cell = i < cells.size() ? cells[i] : std::string();
      const std::string pad(widths[i] - std::min(widths[i], width(cell)), ' ');
      if (i > 0) out += "  ";
      const bool last = i + 1 == columns.size();
      out += columns[i].right ? pad + cell : last ? cell : cell + pad;
    }
    return out + "\n";
  };
  std::vector<std::string> headers;
  for (const auto& c : columns) headers.push_back(c.header);
  std::string out = line(headers);
  for (const auto& row : rows) out += line(row);
  return out;
}

}  // namespace cli
