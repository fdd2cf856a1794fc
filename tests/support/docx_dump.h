// A .docx file as python-docx (Debian's python3-docx, an independent reader)
// sees it: paragraphs with their style names, tables cell by cell (with the
// header rows marked to repeat), highlighted runs and the page setup. For
// tests of the documents we write.
//
//   const auto d = test::dump_docx(dir / "Справка.docx");
//   EXPECT_EQ(d.headings(1).front(), "Основание и цель");
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace test {

struct DocxDump {
  struct Paragraph {
    std::string style;  // «Heading 1», «Normal», «Title», …
    std::string text;
  };
  std::vector<Paragraph> paragraphs;
  std::vector<std::vector<std::vector<std::string>>> tables;  // table -> row -> cell text
  std::vector<int> header_rows;        // per table: rows marked w:tblHeader
  std::vector<std::string> highlighted;  // text of highlighted runs (placeholders)
  std::string page;                    // "210x297 Times New Roman 28": mm, font, half-points

  std::vector<std::string> headings(int level) const;
  // Every paragraph and table cell, one per line.
  std::string all_text() const;
  // The first paragraph starting with `prefix` ("" when none).
  std::string paragraph_starting(const std::string& prefix) const;
  // The row of `table` whose first cell is `first` (empty when none).
  std::vector<std::string> row(std::size_t table, const std::string& first) const;
};

// Fails the test (and returns an empty dump) when python-docx cannot read it.
DocxDump dump_docx(const std::filesystem::path& file);

}  // namespace test
