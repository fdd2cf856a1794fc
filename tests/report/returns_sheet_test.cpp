// «Сдача форм»: the calendar's submission log in the results workbook.
#include <gtest/gtest.h>

#include <cstdlib>

#include "report/results_workbook.h"
#include "report/returns_sheet.h"
#include "report_fixture.h"
#include "support/openpyxl_check.h"
#include "support/temp_dir.h"

namespace {

model::SubmissionLog sample_log() {
  model::SubmissionLog log;
  log.period = "2026-11";
  log.opened = "2026-12-01";
  log.deadline = "2026-12-15";
  const model::SentLetter out{"form-out", "2026-12-01", "s@example.ru", "sent"};
  model::SchoolReturn s1{"s1", "МБОУ СОШ № 1", {out}, {}, {}, model::ReturnState::accepted};
  s1.files.push_back({"s1.xlsx", 1796000000, "2026-12-05", model::Outcome::accepted, "", "s1@example.ru"});
  model::SchoolReturn s2{"s2", test::k_formula_name, {out}, {}, {}, model::ReturnState::accepted_late};
  s2.files.push_back({"s2.xlsx", 1797000000, "2026-12-17", model::Outcome::accepted, "",
                      "stranger@mail.example (принята методистом)"});
  s2.reminders = {{"reminder", "2026-12-12", "s2@example.ru", "sent"},
                  {"reminder-after", "2026-12-18", "s2@example.ru", "pending"}};
  model::SchoolReturn s6{"s6", "Школа без формы", {{"form-out", "2026-12-01", "", "no-address"}}, {}, {},
                         model::ReturnState::rejected};
  s6.files.push_back({"s6.xlsx", 1796100000, "2026-12-06", model::Outcome::rejected, "C7: ожидалось целое число"});
  model::SchoolReturn s4{"s4", test::k_long_a, {out}, {}, {}, model::ReturnState::missing};
  log.schools = {s1, s2, s4, s6};
  return log;
}

// A school that sent in time and corrected after the deadline: both facts.
TEST(ReturnsSheetTest, ACorrectionAfterTheDeadlineKeepsTheFormInTime) {
  ::setenv("TZ", "Europe/Moscow", 1);
  ::tzset();  // localtime_r does not read TZ again by itself
  model::SchoolReturn s{"s1", "МБОУ СОШ № 1", {}, {}, {}, model::ReturnState::accepted};
  EXPECT_EQ(report::return_state_text(s), "принята");
  s.corrected_late = 1758528000;  // 22.09.2025 11:00 in Moscow
  EXPECT_EQ(report::return_state_text(s), "принята в срок; исправлена после срока (22.09.2025)");
  s.state = model::ReturnState::accepted_late;
  s.sent_in_time = true;
  EXPECT_EQ(report::return_state_text(s), "прислана в срок с ошибками; исправлена после срока (22.09.2025)");
  s.sent_in_time = false;
  EXPECT_EQ(report::return_state_text(s), "прислана после срока");
  model::SubmissionLog log;
  log.opened = "2025-09-01";
  log.deadline = "2025-09-20";
  model::SchoolReturn t{"s1", "МБОУ СОШ № 1", {}, {}, {}, model::ReturnState::accepted};
  t.corrected_late = 1758528000;
  log.schools = {t, {"s2", "СОШ № 2", {}, {}, {}, model::ReturnState::missing}};
  EXPECT_EQ(report::returns_counts_line(log),
            "Формы разосланы 01.09.2025; срок сдачи — 20.09.2025. Школ: 2; принята: 1 (из них исправлена после "
            "срока: 1); прислана после срока: 0; отклонена: 0; не прислана: 1.");
  ::unsetenv("TZ");
  ::tzset();
}

TEST(ReturnsSheetTest, OneRowPerSchoolWithFilesRemindersAndState) {
  ::setenv("TZ", "Europe/Moscow", 1);
  ::tzset();  // localtime_r does not read TZ again by itself
  test::ReportFixture data;
  test::TempDir dir;
  const auto log = sample_log();
  auto input = data.input();
  input.returns = &log;
  ASSERT_TRUE(report::write_results_workbook(input, dir / "results.xlsx"));
  const auto out = test::openpyxl_eval(dir / "results.xlsx", R"(
print(wb.sheetnames[:5])
ws = wb['Сдача форм']
print(ws['A1'].value)
print(ws['A3'].value)
for r in range(5, 10):
    print([ws.cell(row=r, column=c).value for c in range(1, 6)])
print(ws['E6'].fill.fgColor.rgb, ws['E9'].fill.fgColor.rgb, ws.auto_filter.ref)
)");
  EXPECT_EQ(out,
            "['Сводка', 'Диаграммы', 'Ошибки', 'Сдача форм', 'Методика']\n"
            "Сдача форм\n"
            "Формы разосланы 01.12.2026; срок сдачи — 15.12.2026. Школ: 4; принята: 1; прислана после срока: 1; "
            "отклонена: 1; не прислана: 1.\n"
            "['ОО', 'Форма разослана', 'Полученные файлы: когда прислан, файл, итог', 'Напоминания и ответы', 'Состояние']\n"
            "['МБОУ СОШ № 1', '01.12.2026', '30.11.2026 03:53 — s1.xlsx (от s1@example.ru) — принят', None, "
            "'принята']\n"
            "['=HYPERLINK(\"http://evil.example\",\"x\")', '01.12.2026', '11.12.2026 17:40 — s2.xlsx (от "
            "stranger@mail.example (принята методистом)) — принят', "
            "'12.12.2026\\n18.12.2026 (после срока, копия методисту) — ждёт отправки', 'прислана после срока']\n"
            "['" + std::string(test::k_long_a) + "', '01.12.2026', '—', None, 'не прислана']\n"
            "['Школа без формы', '01.12.2026 — нет адреса в реестре', "
            "'01.12.2026 07:40 — s6.xlsx — отклонён: C7: ожидалось целое число', None, 'отклонена']\n"
            "FFC6EFCE FFFFC7CE A5:E9\n");
  ::unsetenv("TZ");
  ::tzset();
}

TEST(ReturnsSheetTest, NoLogNoSheet) {
  test::ReportFixture data;
  test::TempDir dir;
  ASSERT_TRUE(report::write_results_workbook(data.input(), dir / "results.xlsx"));
  EXPECT_EQ(test::openpyxl_eval(dir / "results.xlsx", "print('Сдача форм' in wb.sheetnames)"), "False\n");
}

}  // namespace
