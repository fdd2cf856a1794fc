#include "definition/csv_reader.h"

#include <gtest/gtest.h>

using definition::read_csv;

namespace {

std::vector<std::vector<std::string>> fields_of(const definition::CsvResult& r) {
  std::vector<std::vector<std::string>> out;
  for (const auto& rec : r.table.records) out.push_back(rec.fields);
  return out;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvReaderTest, DetectsDelimiterFromHeader) {
  EXPECT_EQ(definition::detect_delimiter("id;short_name\n1,2,3,4\n"), ';');
  EXPECT_EQ(definition::detect_delimiter("id,short_name,email\n"), ',');
  EXPECT_EQ(definition::detect_delimiter("id\tshort_name\n"), '\t');
  EXPECT_EQ(definition::detect_delimiter("\"a;b\",c\n"), ',');  // ';' inside quotes does not count
  EXPECT_EQ(definition::detect_delimiter("id\n"), ';');
}

TEST(CsvReaderTest, SplitsPlainRecordsWithLfAndCrlf) {
  const auto r = read_csv("a;b\r\n1;2\r\n\r\n3;\n");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(fields_of(r), (Rows{{"a", "b"}, {"1", "2"}, {"3", ""}}));
  EXPECT_EQ(r.table.records[2].line, 4);  // the blank line 3 is skipped but counted
}

TEST(CsvReaderTest, ReadsQuotedFieldsWithEscapesDelimitersAndLineBreaks) {
  const auto r = read_csv("a,b,c\n\"x, y\",\"he said \"\"hi\"\"\",\"two\r\nlines\"\nnext,1,2\n");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(fields_of(r),
            (Rows{{"a", "b", "c"}, {"x, y", "he said \"hi\"", "two\nlines"}, {"next", "1", "2"}}));
  EXPECT_EQ(r.table.records[1].line, 2);
  EXPECT_EQ(r.table.records[2].line, 4);  // after the record that spans lines 2-3
}

TEST(CsvReaderTest, KeepsQuoteInsideUnquotedFieldLiterally) {
  const auto r = read_csv("a;b\nМБОУ \"СОШ\";2");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(fields_of(r), (Rows{{"a", "b"}, {"МБОУ \"СОШ\"", "2"}}));
}

TEST(CsvReaderTest, ReportsUnclosedQuoteAtItsLine) {
  const auto r = read_csv("a;b\n1;2\n3;\"open\n4;5\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->line, 3);
}

}  // namespace
