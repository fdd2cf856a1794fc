#include "collect/file_naming.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

namespace {

collect::MailPart part(std::string name, std::string type = "application/octet-stream") {
  collect::MailPart p;
  p.file_name = std::move(name);
  p.content_type = std::move(type);
  return p;
}

TEST(FileNamingTest, KindsByExtensionThenType) {
  using collect::PartKind;
  EXPECT_EQ(collect::classify_part(part("Форма.XLSX")), PartKind::workbook);
  EXPECT_EQ(collect::classify_part(part("форма.xlsm")), PartKind::workbook);
  EXPECT_EQ(collect::classify_part(part("old.xls")), PartKind::workbook);
  EXPECT_EQ(collect::classify_part(part("Анкета.csv")), PartKind::questionnaire);
  EXPECT_EQ(collect::classify_part(part("WINMAIL.DAT")), PartKind::tnef);
  EXPECT_EQ(collect::classify_part(part("", "application/ms-tnef")), PartKind::tnef);
  EXPECT_EQ(collect::classify_part(part("скан.pdf", "application/pdf")), PartKind::other);
  EXPECT_EQ(collect::classify_part(part("форма.ods")), PartKind::other);
  // A named .pdf is not a form whatever its type claims; an unnamed sheet is.
  EXPECT_EQ(collect::classify_part(part("x.pdf", "application/vnd.ms-excel")), PartKind::other);
  EXPECT_EQ(collect::classify_part(part("", "application/vnd.ms-excel")), PartKind::workbook);
  EXPECT_EQ(collect::classify_part(part("Форма", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
            PartKind::workbook);
}

TEST(FileNamingTest, UnnamedSheetsGetAnExtension) {
  EXPECT_EQ(collect::attachment_name(part("", "application/vnd.ms-excel")), "form.xls");
  EXPECT_EQ(collect::attachment_name(part("Форма", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
            "Форма.xlsx");
  EXPECT_EQ(collect::attachment_name(part("Форма.xlsx", "application/octet-stream")), "Форма.xlsx");
}

TEST(FileNamingTest, SafeNamesHaveNoSeparatorsOrControls) {
  EXPECT_EQ(collect::safe_file_name("../../etc/passwd.xlsx"), "_.._etc_passwd.xlsx");
  EXPECT_EQ(collect::safe_file_name("a\\b:c*d?e\"f<g>h|i\n\tj.xlsx"), "a_b_c_d_e_f_g_h_i__j.xlsx");
  EXPECT_EQ(collect::safe_file_name(".hidden.xlsx"), "hidden.xlsx");
  EXPECT_EQ(collect::safe_file_name("  форма .  "), "форма");
  EXPECT_EQ(collect::safe_file_name(""), "вложение");
  EXPECT_EQ(collect::safe_file_name("\xff\xfe.xlsx"), "\xEF\xBF\xBD\xEF\xBF\xBD.xlsx");  // U+FFFD twice
}

TEST(FileNamingTest, LongCyrillicNamesStopAt255BytesKeepingTheExtension) {
  std::string long_name;
  for (int i = 0; i < 200; ++i) long_name += "ж";  // 2 bytes each: 400 bytes
  const auto safe = collect::safe_file_name(long_name + ".xlsx");
  EXPECT_LE(safe.size(), 255u);
  EXPECT_GE(safe.size(), 254u);
  EXPECT_TRUE(safe.ends_with("ж.xlsx")) << safe;  // cut between characters, never inside one
  const auto second = collect::with_suffix(safe, 2);
  EXPECT_LE(second.size(), 255u);
  EXPECT_TRUE(second.ends_with("ж (2).xlsx")) << second;
  EXPECT_EQ(collect::with_suffix("Форма.xlsx", 12), "Форма (12).xlsx");
}

TEST(FileNamingTest, SavedNameSaysDateAndSender) {
  setenv("TZ", "Europe/Moscow", 1);
  tzset();
  // 2026-11-05 11:32 UTC is 14:32 in Moscow.
  const std::int64_t date = 1793878320;
  EXPECT_EQ(collect::saved_file_name("school3@ensk.example.ru", date, "Форма СОШ № 3.xlsx"),
            "2026-11-05_14-32_school3@ensk.example.ru_Форма СОШ № 3.xlsx");
  EXPECT_EQ(collect::saved_file_name("sch03 МБОУ/СОШ", date, "a/b.xls"), "2026-11-05_14-32_sch03 МБОУ_СОШ_a_b.xls");
  unsetenv("TZ");
  tzset();
}

}  // namespace
