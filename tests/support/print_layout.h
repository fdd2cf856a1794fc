// How a workbook we wrote will print, read from the file itself (the sheet
// XML and its drawings, with Python's zipfile as an independent reader):
// the manual page breaks and where each chart sits.
//
//   for (const auto& c : test::charts(xlsx)) EXPECT_FALSE(c.crosses_break) << c.sheet;
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace test {

struct PrintedChart {
  std::string sheet;
  int first_row = 0;  // 0-based row of the chart's top edge
  int last_row = 0;   // 0-based row of its bottom edge
  bool crosses_break = false;  // a manual page break falls inside (first, last]
};

// Every chart of every worksheet of `xlsx`, in sheet order.
std::vector<PrintedChart> printed_charts(const std::filesystem::path& xlsx);

}  // namespace test
