// `metodmon history`: the table of runs lines up on a terminal, with Russian
// (two-byte) headers over ASCII data.
#include <gtest/gtest.h>

#include "support/mail_run.h"
#include "support/temp_dir.h"

namespace {

// The terminal column where `part` starts in `line` (UTF-8: characters, not bytes).
std::size_t column_of(const std::string& line, const std::string& part) {
  const auto byte = line.find(part);
  if (byte == std::string::npos) return std::string::npos;
  std::size_t column = 0;
  for (std::size_t i = 0; i < byte; ++i) column += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
  return column;
}

std::size_t end_column(const std::string& line, const std::string& part) {
  const auto start = column_of(line, part);
  if (start == std::string::npos) return start;
  std::size_t width = 0;
  for (const char c : part) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return start + width;
}

}  // namespace

TEST(HistoryCommandTest, ColumnHeadersLineUpWithTheData) {
  test::TempDir dir;
  const auto common = " --config " + (test::source_dir() / "scripts/demo.toml").string() + " --output " +
                      (dir / "out").string() + " --state " + (dir / "state").string();
  ASSERT_EQ(test::metodmon("run -q" + common).exit_code, 2);
  const auto r = test::metodmon("history --config " + (test::source_dir() / "scripts/demo.toml").string() + " --state " +
                                (dir / "state").string());
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto lines = test::split_lines(r.out);
  std::size_t header = 0;
  while (header < lines.size() && lines[header].find("период") == std::string::npos) ++header;
  ASSERT_LT(header + 1, lines.size()) << r.out;
  const auto& head = lines[header];
  const auto& row = lines[header + 1];
  // Text columns start where their headers start.
  EXPECT_EQ(column_of(head, "период"), column_of(row, "2026-11")) << head << "\n" << row;
  EXPECT_EQ(column_of(head, "итог"), column_of(row, "часть форм отклонена")) << head << "\n" << row;
  const auto started = row.substr(row.find("2026-11 ") + 8);
  EXPECT_EQ(column_of(head, "начат"), column_of(row, started.substr(started.find_first_not_of(' '), 19)))
      << head << "\n" << row;
  // Numbers end where their headers end: 17 files, 12 accepted, 4 rejected.
  EXPECT_EQ(end_column(head, "файлов"), end_column(row, " 17 ")  - 1) << head << "\n" << row;
  EXPECT_EQ(end_column(head, "принято"), end_column(row, " 12 ") - 1) << head << "\n" << row;
  EXPECT_EQ(end_column(head, "откл."), end_column(row, " 4 ") - 1) << head << "\n" << row;
}
