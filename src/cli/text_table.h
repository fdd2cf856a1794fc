// Plain-text tables for the console (`metodmon history`): columns as wide as
// their widest cell, counted in characters rather than bytes, so Russian
// headers line up with the data in a UTF-8 terminal.
//
//   std::fputs(format_table({{"№", true}, {"период"}}, {{"1", "2026-11"}}).c_str(), stdout);
//   //  №  период
//   //  1  2026-11
#pragma once

#include <string>
#include <vector>

namespace cli {

struct TableColumn {
  std::string header;
  bool right = false;  // numbers: aligned to the right
};

// Columns separated by two spaces; the last column is not padded; '\n' after each line.
std::string format_table(const std::vector<TableColumn>& columns, const std::vector<std::vector<std::string>>& rows);

}  // namespace cli
