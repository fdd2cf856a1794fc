#include "survey/export_file.h"

#include <gtest/gtest.h>

#include <fstream>

#include "survey_fixture.h"

namespace fs = std::filesystem;

namespace {

using Rows = std::vector<std::vector<std::string>>;

struct Read {
  Rows rows;
  std::vector<std::uint32_t> numbers;
  survey::ExportInfo info;
  std::string error;  // the refusal as to_string gives it; "" when read
};

Read read(const fs::path& path, const survey::ExportLimits& limits = {}) {
  Read out;
  auto info = survey::read_export(path, limits, [&](const survey::ExportRow& row) {
    out.rows.push_back(row.cells);
    out.numbers.push_back(row.number);
    return true;
  });
  if (info) {
    out.info = *info;
  } else {
    out.error = model::to_string(info.error());
  }
  return out;
}

const std::string k_text =
    "Отметка времени,Ваша образовательная организация,Ваши предложения\n"
    "14.05.2025 9:12:33,\"МБОУ «Кедровская СОШ»\",\"Больше семинаров,\nменьше отчётов\"\n"
    "15.05.2025 10:00:00,Приозёрная ООШ,\n";
const Rows k_rows = {{"Отметка времени", "Ваша образовательная организация", "Ваши предложения"},
                     {"14.05.2025 9:12:33", "МБОУ «Кедровская СОШ»", "Больше семинаров,\nменьше отчётов"},
                     {"15.05.2025 10:00:00", "Приозёрная ООШ", ""}};

TEST(ExportFileTest, ReadsUtf8CsvWithCommasAndQuotedLineBreaks) {
  test::TempDir dir;
  const auto r = read(dir.write("google.csv", k_text));
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.rows, k_rows);
  EXPECT_EQ(r.numbers, (std::vector<std::uint32_t>{1, 2, 3}));  // the answer over two lines is row 2
  EXPECT_EQ(survey::describe(r.info), "CSV, UTF-8, разделитель «,»");
}

TEST(ExportFileTest, ReadsUtf8WithBomAndSemicolons) {
  test::TempDir dir;
  std::string text = k_text;
  for (auto& c : text) c = c == ',' ? ';' : c;
  Rows rows = k_rows;
  rows[1][2] = "Больше семинаров;\nменьше отчётов";
  const auto r = read(dir.write("excel-utf8.csv", "\xEF\xBB\xBF" + text));
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.rows, rows);
  EXPECT_EQ(survey::describe(r.info), "CSV, UTF-8 с BOM, разделитель «;»");
}

TEST(ExportFileTest, ReadsWindows1251WithSemicolonsAndCrlf) {
  test::TempDir dir;
  std::string text;
  for (const char c : k_text) {
    if (c == '\n') text += "\r";
    text += c == ',' ? ';' : c;
  }
  test::write_cp1251(dir, text, dir / "excel-1251.csv");
  Rows rows = k_rows;
  rows[1][2] = "Больше семинаров;\nменьше отчётов";  // CRLF inside quotes read as one line break
  const auto r = read(dir / "excel-1251.csv");
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.rows, rows);
  EXPECT_EQ(survey::describe(r.info), "CSV, Windows-1251, разделитель «;»");
}

TEST(ExportFileTest, ReadsTabSeparatedText) {
  test::TempDir dir;
  const auto r = read(dir.write("tab.txt", "ID\tВремя создания\tШкола\n1187\t2025-05-14 09:12:33\t\"СОШ\t№ 1\"\n"));
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.rows, (Rows{{"ID", "Время создания", "Школа"}, {"1187", "2025-05-14 09:12:33", "СОШ\t№ 1"}}));
  EXPECT_EQ(survey::describe(r.info), "CSV, UTF-8, разделитель табуляция");
}

TEST(ExportFileTest, ReadsAnExportLongerThanItsReadingChunks) {
  // Rows that cross the 64 KB chunks, a Cyrillic letter split between two of them.
  test::TempDir dir;
  std::string text = "ID;Школа\n";
  Rows rows = {{"ID", "Школа"}};
  for (int i = 1; i <= 5000; ++i) {
    text += std::to_string(i) + ";\"Кедровская средняя\nшкола № " + std::to_string(i) + "\"\n";
    rows.push_back({std::to_string(i), "Кедровская средняя\nшкола № " + std::to_string(i)});
  }
  ASSERT_GT(text.size(), 3u * 64 * 1024);
  const auto r = read(dir.write("long.csv", text));
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.rows, rows);
  EXPECT_EQ(r.numbers.back(), 5001u);
}

TEST(ExportFileTest, ReadsTheFirstSheetOfAWorkbookWithNumbersAndDates) {
  test::TempDir dir;
  const lxw_datetime when = {2025, 5, 14, 9, 12, 33};
  test::write_xlsx(dir / "yandex.xlsx", {{std::string("ID"), std::string("Время создания"), std::string("Оценка")},
                                         {1187423569.0, when, 4.0},
                                         {1187423570.0, when, std::string("")},
                                         {},
                                         {std::string("x"), std::string(""), 4.5}});
  const auto r = read(dir / "yandex.xlsx");
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.rows, (Rows{{"ID", "Время создания", "Оценка"},
                          {"1187423569", "2025-05-14 09:12:33", "4"},
                          {"1187423570", "2025-05-14 09:12:33"},
                          {"x", "", "4.5"}}));
  EXPECT_EQ(r.numbers, (std::vector<std::uint32_t>{1, 2, 3, 5}));  // row 4 is empty
  EXPECT_EQ(survey::describe(r.info), "XLSX, лист «Ответы»");
}

TEST(ExportFileTest, StopsWhenTheSinkSaysSo) {
  test::TempDir dir;
  int seen = 0;
  const auto info = survey::read_export(dir.write("a.csv", k_text), {}, [&](const survey::ExportRow&) {
    return ++seen < 2;
  });
  EXPECT_TRUE(info);
  EXPECT_EQ(seen, 2);
}

TEST(ExportFileTest, RefusesWhatIsNotAnExportSayingWhatItIs) {
  test::TempDir dir;
  EXPECT_TRUE(read(dir.write("empty.csv", "")).error.starts_with("empty.csv: файл пустой (0 байт)"));
  EXPECT_NE(read(dir.write("u16.csv", std::string("\xFF\xFEI\0D\0", 6))).error.find("UTF-16"), std::string::npos);
  EXPECT_NE(read(dir.write("scan.csv", "%PDF-1.4 ...")).error.find("это документ PDF, а не выгрузка ответов"),
            std::string::npos);
  EXPECT_NE(read(dir.write("old.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0')))
                .error.find("книга Excel 97-2003"),
            std::string::npos);
  EXPECT_NE(read(dir.write("binary.csv", std::string("\x01\x02\x03\x04\x05\x06\x07\x08", 8))).error.find("не текстового"),
            std::string::npos);
  EXPECT_NE(read(dir / "missing.csv").error.find("missing.csv: файл не найден"), std::string::npos);
}

TEST(ExportFileTest, RefusesAFileOverTheLimitBeforeReadingIt) {
  // A 200 MB CSV: a header, then (sparse) the rest of the size.
  test::TempDir dir;
  const auto big = dir.write("big.csv", "ID;Школа\n1;СОШ 1\n");
  fs::resize_file(big, 200ull << 20);
  const auto r = read(big);
  EXPECT_EQ(r.rows.size(), 0u);
  EXPECT_NE(r.error.find("big.csv: файл больше 100 МБ (200 МБ)"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("max_export_mb"), std::string::npos) << r.error;
}

TEST(ExportFileTest, RefusesACsvWhoseQuoteNeverCloses) {
  test::TempDir dir;
  const auto r = read(dir.write("cut.csv", "ID;Школа\n1;\"СОШ 1\n2;СОШ 2\n"));
  EXPECT_NE(r.error.find("cut.csv:2: кавычка, открытая в этой строке, не закрыта"), std::string::npos) << r.error;
}

TEST(ExportFileTest, RefusesAWordDocumentNamedLikeAWorkbook) {
  test::TempDir dir;
  // A zip that holds a Word document, not a workbook.
  const std::string cmd = "cd '" + dir.path().string() +
                          "' && /usr/bin/python3 -c \"import zipfile; z = zipfile.ZipFile('doc.xlsx', 'w'); "
                          "z.writestr('word/document.xml', '<w/>'); z.close()\"";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  const auto r = read(dir / "doc.xlsx");
  EXPECT_NE(r.error.find("документ Word"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("Скачайте ответы анкеты заново"), std::string::npos) << r.error;
}

}  // namespace
