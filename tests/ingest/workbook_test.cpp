// read_workbook(): files on disk, written by libxlsxwriter or assembled by
// hand, and the Russian messages users see for files that are refused.
#include "ingest/workbook.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/temp_dir.h"
#include "support/zip_builder.h"
#include "util/xlsx_file.h"

namespace ingest {
namespace {

using ::testing::HasSubstr;

// A small form as the forms stage writes it: values, a percent, a date, a
// formula, names, a hidden sheet.
std::filesystem::path write_form(const test::TempDir& dir, std::string_view name) {
  auto file = util::XlsxFile::create(dir / name);
  EXPECT_TRUE(file);
  lxw_workbook* wb = file->book();
  lxw_worksheet* form = workbook_add_worksheet(wb, "Форма");
  lxw_worksheet* meta = workbook_add_worksheet(wb, "_meta");
  worksheet_hide(meta);
  lxw_format* percent = workbook_add_format(wb);
  format_set_num_format(percent, "0.0%");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd.mm.yyyy");
  worksheet_write_string(form, 0, 0, "Показатель", nullptr);
  worksheet_write_number(form, 6, 2, 37, nullptr);                 // C7
  worksheet_write_number(form, 7, 2, 0.125, percent);              // C8
  lxw_datetime dt = {2024, 9, 1, 0, 0, 0};
  worksheet_write_datetime(form, 8, 2, &dt, date);                 // C9
  worksheet_write_formula_num(form, 9, 2, "=C7*2", nullptr, 74);   // C10
  worksheet_write_boolean(form, 10, 2, 1, nullptr);                // C11
  worksheet_write_string(meta, 0, 0, "form_version", nullptr);
  worksheet_write_number(meta, 0, 1, 3, nullptr);
  workbook_define_name(wb, "in_teachers_total", "='Форма'!$C$7");
  workbook_define_name(wb, "in_share", "=Форма!$C$8");
  workbook_define_name(wb, "_meta!local_one", "=_meta!$B$1");
  EXPECT_TRUE(file->commit());
  return dir / name;
}

TEST(WorkbookTest, ReadsWorkbookWrittenByLibxlsxwriter) {
  test::TempDir dir;
  const auto book = read_workbook(write_form(dir, "школа_03.xlsx"));
  ASSERT_TRUE(book) << model::to_string(book.error());
  EXPECT_EQ(book->format, "xlsx");
  ASSERT_EQ(book->sheets.size(), 2u);
  EXPECT_EQ(book->sheets[1].state, SheetState::hidden);
  const Sheet* form = book->sheet("форма");
  ASSERT_NE(form, nullptr);
  EXPECT_EQ(form->find({0, 0})->text, "Показатель");
  EXPECT_EQ(form->find({6, 2})->number, 37);
  EXPECT_TRUE(form->find({7, 2})->is_percent);
  EXPECT_EQ(form->find({7, 2})->number, 0.125);
  EXPECT_TRUE(form->find({8, 2})->is_date);
  EXPECT_EQ(form->find({8, 2})->number, 45536);  // 2024-09-01
  EXPECT_TRUE(form->find({9, 2})->from_formula);
  EXPECT_EQ(form->find({9, 2})->number, 74);
  EXPECT_EQ(form->find({10, 2})->type, CellType::boolean);

  const auto total = book->resolve_name("in_teachers_total");
  ASSERT_TRUE(total);
  EXPECT_EQ(total->first, form);
  EXPECT_EQ(model::to_string(total->second), "C7");
  const auto share = book->resolve_name("IN_SHARE");
  ASSERT_TRUE(share);
  EXPECT_EQ(model::to_string(share->second), "C8");
  const auto local = book->resolve_name("local_one");
  ASSERT_TRUE(local);
  EXPECT_EQ(local->first->name, "_meta");
  EXPECT_EQ(local->first->find(local->second)->number, 3);
  EXPECT_FALSE(book->resolve_name("missing"));
}

TEST(WorkbookTest, RecognisesByContentNotByName) {
  test::TempDir dir;
  const auto xlsx = write_form(dir, "a.xlsx");
  const auto renamed = dir.write("форма.xls", test::read_file(xlsx));
  const auto book = read_workbook(renamed);
  ASSERT_TRUE(book);
  EXPECT_EQ(book->format, "xlsx");
}

std::string refusal(const test::TempDir& dir, std::string_view name, std::string_view bytes) {
  const auto book = read_workbook(dir.write(name, bytes));
  EXPECT_FALSE(book) << name;
  return book ? std::string() : model::to_string(book.error());
}

TEST(WorkbookTest, RefusesWithFileNameWhatAndHowToFix) {
  test::TempDir dir;
  std::string cfb("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  for (char c : std::string("EncryptedPackage")) cfb += std::string{c, '\0'};
  EXPECT_EQ(refusal(dir, "школа.xlsx", cfb),
            "школа.xlsx: файл защищён паролем на открытие. Как исправить: Снимите пароль: в Excel "
            "«Файл → Сведения → Защита книги → Зашифровать с использованием пароля», очистите поле "
            "пароля, сохраните файл и отправьте его снова");
  EXPECT_EQ(refusal(dir, "пусто.xlsx", ""),
            "пусто.xlsx: файл пустой (0 байт). Как исправить: Сохраните заполненную форму ещё раз и "
            "отправьте файл снова");
  EXPECT_THAT(refusal(dir, "отчёт.xlsx", "%PDF-1.4\n%âãÏÓ\n"),
              HasSubstr("отчёт.xlsx: это документ PDF, а не книга Excel. Как исправить:"));
  EXPECT_THAT(refusal(dir, "t.xls", "{\\rtf1\\ansi hello}"), HasSubstr("t.xls: это документ RTF"));
  EXPECT_THAT(refusal(dir, "w.xls", "<html><table><tr><td>1</td></tr></table></html>"),
              HasSubstr("w.xls: это веб-страница (HTML)"));
  EXPECT_THAT(refusal(dir, "c.xlsx", "Школа;Учителей\n1;2\n"), HasSubstr("c.xlsx: это текстовый файл"));
}

TEST(WorkbookTest, RefusesTruncatedAndCorruptFiles) {
  test::TempDir dir;
  const auto good = test::read_file(write_form(dir, "good.xlsx"));
  for (std::size_t cut : {good.size() / 3, good.size() / 2, good.size() - 1}) {
    const auto msg = refusal(dir, "обрезан.xlsx", good.substr(0, cut));
    EXPECT_THAT(msg, HasSubstr("обрезан.xlsx: ")) << cut;
    EXPECT_THAT(msg, HasSubstr("Как исправить:")) << cut;
  }
  // Flip bytes in the middle: a CRC or inflate error, never a crash.
  auto corrupt = good;
  for (std::size_t i = corrupt.size() / 4; i < corrupt.size() / 4 + 64; ++i) corrupt[i] ^= 0x5A;
  EXPECT_THAT(refusal(dir, "порча.xlsx", corrupt), HasSubstr("порча.xlsx:"));
}

TEST(WorkbookTest, RefusesMissingAndOversizedFiles) {
  test::TempDir dir;
  const auto missing = read_workbook(dir / "нет.xlsx");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().where.file, "нет.xlsx");
  EXPECT_THAT(missing.error().message, HasSubstr("не найден"));

  ReadLimits limits;
  limits.max_file_bytes = 1000;
  const auto big = read_workbook(write_form(dir, "big.xlsx"), limits);
  ASSERT_FALSE(big);
  EXPECT_THAT(big.error().message, HasSubstr("файл больше 0 МБ"));
}

TEST(WorkbookTest, ErrorsCarrySheetAndCell) {
  test::TempDir dir;
  const auto bytes = test::XlsxPackage()
                         .shared_strings("<si><t>a</t></si>")
                         .sheet("Форма", "<row r=\"7\"><c r=\"C7\" t=\"s\"><v>9</v></c></row>")
                         .zip()
                         .bytes();
  const auto book = read_workbook(dir.write("ш.xlsx", bytes));
  ASSERT_FALSE(book);
  EXPECT_THAT(model::to_string(book.error()),
              HasSubstr("ш.xlsx:Форма!C7: ячейка ссылается на несуществующую общую строку №9"));
}

}  // namespace
}  // namespace ingest
