#include "definition/csv_reader.h"

#include <gtest/gtest.h>

#include <optional>

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
  EXPECT_EQ(r.table.records[2].number, 4);  // and a spreadsheet shows it as row 4
}

TEST(CsvReaderTest, ReadsQuotedFieldsWithEscapesDelimitersAndLineBreaks) {
  const auto r = read_csv("a,b,c\n\"x, y\",\"he said \"\"hi\"\"\",\"two\r\nlines\"\nnext,1,2\n");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(fields_of(r),
            (Rows{{"a", "b", "c"}, {"x, y", "he said \"hi\"", "two\nlines"}, {"next", "1", "2"}}));
  EXPECT_EQ(r.table.records[1].line, 2);
  EXPECT_EQ(r.table.records[2].line, 4);  // after the record that spans lines 2-3
  EXPECT_EQ(r.table.records[2].number, 3);  // the third row of a spreadsheet
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

// Feeds `text` in chunks of `step` bytes and collects the records.
Rows parse_in_chunks(std::string_view text, std::size_t step, std::vector<int>* lines = nullptr,
                     std::optional<definition::CsvError>* error = nullptr) {
  definition::CsvParser parser(definition::detect_delimiter(text));
  Rows rows;
  const auto keep = [&](definition::CsvRecord&& r) {
    if (lines != nullptr) lines->push_back(r.line);
    rows.push_back(std::move(r.fields));
    return true;
  };
  bool ok = true;
  for (std::size_t at = 0; ok && at < text.size(); at += step) ok = parser.feed(text.substr(at, step), keep);
  if (ok) parser.finish(keep);
  if (error != nullptr) *error = parser.error();
  return rows;
}

TEST(CsvParserTest, ChunksSplitAnywhereGiveTheSameRecords) {
  // Every split point: inside quotes, between "" of an escape, between CR and LF.
  const std::string text =
      "a,b,c\r\n\"x, y\",\"he said \"\"hi\"\"\",\"two\r\nlines\"\r\nnext,1,\"\"\r\n\r\nlast,\"q\"\"\",z";
  const auto whole = read_csv(text);
  ASSERT_FALSE(whole.error);
  for (std::size_t step = 1; step <= text.size(); ++step) {
    std::vector<int> lines;
    EXPECT_EQ(parse_in_chunks(text, step, &lines), fields_of(whole)) << "step " << step;
    EXPECT_EQ(lines, (std::vector<int>{1, 2, 4, 6})) << "step " << step;
  }
}

TEST(CsvParserTest, KeepsALoneCarriageReturnInsideQuotes) {
  EXPECT_EQ(parse_in_chunks("a\n\"x\ry\"\n", 1), (Rows{{"a"}, {"x\ry"}}));
  EXPECT_EQ(parse_in_chunks("a\n\"x\r\"\n", 1), (Rows{{"a"}, {"x\r"}}));
}

TEST(CsvParserTest, RefusesARecordLongerThanTheLimitNamingWhereItStarts) {
  definition::CsvParser parser(',', 32);
  int records = 0;
  const auto count = [&](definition::CsvRecord&&) { return ++records, true; };
  ASSERT_TRUE(parser.feed("a,b\n1,2\n\"never closed, ", count));
  EXPECT_FALSE(parser.feed(std::string(100, 'x'), count));
  ASSERT_TRUE(parser.error());
  EXPECT_EQ(parser.error()->line, 3);
  EXPECT_NE(parser.error()->message.find("не закрыта кавычка"), std::string::npos) << parser.error()->message;
  EXPECT_EQ(records, 2);
}

TEST(CsvParserTest, ASinkThatSaysStopStopsTheParse) {
  definition::CsvParser parser(';');
  int records = 0;
  const auto first_only = [&](definition::CsvRecord&&) { return ++records < 1; };
  EXPECT_FALSE(parser.feed("a;b\n1;2\n3;4\n", first_only));
  EXPECT_FALSE(parser.error());
  EXPECT_EQ(records, 1);
}

TEST(CsvParserTest, ReportsAQuoteOpenAtTheEnd) {
  std::optional<definition::CsvError> error;
  parse_in_chunks("a;b\n1;\"open\n", 3, nullptr, &error);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->line, 2);
}

}  // namespace
