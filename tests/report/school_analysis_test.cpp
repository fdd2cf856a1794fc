// The analysis parts of a school's sheet, in the results workbook and in the
// director's workbook (which must hold nothing about any other school).
// Figures: analysis_report_fixture.h.
#include "report/results_workbook.h"

#include <gtest/gtest.h>

#include "analysis_report_fixture.h"
#include "support/openpyxl_check.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

// From the row whose column A starts with `heading`: that row and the next
// `count`, non-empty values joined with " | ".
std::string rows_from(const std::string& sheet, const std::string& heading, int count) {
  return "ws = wb['" + sheet + "']\n" +
         "start = next(r for r in range(1, ws.max_row + 1)\n"
         "             if str(ws.cell(row=r, column=1).value or '').startswith('" + heading +
         "'))\n"
         "for row in ws.iter_rows(min_row=start, max_row=start + " + std::to_string(count) +
         "):\n"
         "    print(' | '.join(repr(c.value) for c in row if c.value is not None))\n";
}

TEST(SchoolAnalysisTest, RubricBreakdownBlockPositionParameter) {
  test::AnalysisReportFixture data;
  test::TempDir dir;
  const auto path = dir / "results.xlsx";
  ASSERT_TRUE(report::write_results_workbook(data.input(), path).has_value());
  // s2 (named like a formula): M1 1 (diag and a bad indicator), M2 2, D1 0 («Нет»).
  const auto out = test::openpyxl_eval(
      path, rows_from("=HYPERLINK(\"http___evil.example", "Оценка по рубрике", 16) + R"(
print(ws.print_title_rows, len(ws.row_breaks.brk))
)");
  EXPECT_EQ(out,
            "'Оценка по рубрике «Оценка методической работы (тест)»'\n"
            // s2's profile is like no group's: said as such, with what sets it apart.
            "'Итого: 3 из 5 баллов (60,0 %), уровень «средний». Место по баллам: 4 из 5. Профиль "
            "показателей особый, ни на одну группу не похож (выше, чем по округу: доля педагогов с "
            "дефицитами; ниже: доля педагогов, прошедших диагностику; реже есть: наличие локального "
            "акта). Округ: 4 из 5; медиана баллов ОО: 4.'\n"
            "'Баллы рубрики оценивают, как устроена методическая работа ОО: есть ли показатели, "
            "мониторинг, анализ, рекомендации и меры и отвечают ли они цели, — а не достигнутые "
            "значения. Поэтому балл за «Соответствие обоснованной цели» ставится и тогда, когда "
            "значения показателей позиции ниже цели (красные в таблице выше).'\n"
            "'Блок / позиция / параметр' | 'Баллы' | 'Максимум' | 'Доля максимума' | "
            "'Пояснение'\n"
            "'Показатели' | 3 | 4 | 0.75\n"
            "'выявление дефицитов' | 1 | 2 | 'показателей: 2 (неэффективных или с "
            "негативными последствиями: 1); соответствуют обоснованной цели: 1 + 1 − 1 = 1'\n"
            "'Наличие показателей' | 1 | 1\n"
            "'Соответствие обоснованной цели' | 1 | 1\n"
            "'Неэффективные показатели / с негативными последствиями' | -1 | 0\n"
            "'наставничество' | 2 | 2 | 'показателей: 1; соответствуют обоснованной цели: "
            "1 + 1 + 0 = 2'\n"
            "'Наличие показателей' | 1 | 1\n"
            "'Соответствие обоснованной цели' | 1 | 1\n"
            "'Неэффективные показатели / с негативными последствиями' | 0 | 0\n"
            "'Документы' | 0 | 1 | 0 | 'В методике заявлен максимум 2, по строкам блока — 1; "
            "используется сумма по строкам.'\n"
            "'локальный акт' | 0 | 1\n"
            "'Наличие локального акта' | 0 | 1 | '«Нет»'\n"
            "'Итого' | 3 | 5 | 0.6 | 'уровень «средний»'\n"
            "None 2\n");  // pages break before the chart block and before the analysis
}

TEST(SchoolAnalysisTest, RecommendationsAndDynamicsOfTheSchool) {
  test::AnalysisReportFixture data;
  test::TempDir dir;
  const auto path = dir / "results.xlsx";
  ASSERT_TRUE(report::write_results_workbook(data.input(), path).has_value());
  const auto recs = test::openpyxl_eval(
      path, rows_from("=HYPERLINK(\"http___evil.example", "Адресные рекомендации", 3));
  EXPECT_EQ(recs,
            "'Адресные рекомендации (4)'\n"
            "'№' | 'Рекомендация' | 'Основание' | 'Значение ОО' | 'Ориентир' | 'Отклонение'\n"
            "'Выявление профессиональных дефицитов'\n"
            "1 | 'Доля педагогов, прошедших диагностику — 50,0 % при целевом значении 2026 года "
            "80 % (отставание 30,0 п.п.). Включить в план методической работы ОО меры по "
            "достижению целевого значения.' | '1.1 — ниже цели 2026' | 0.5 | 0.8 | -30\n");
  // s1 has values of the previous period: 1.1 75 -> 80 (+5), 1.2 20 -> 25 (+5, worse).
  const auto dyn = test::openpyxl_eval(path, rows_from("МБОУ СОШ № 1", "Динамика показателей ОО", 4));
  EXPECT_EQ(dyn,
            "'Динамика показателей ОО'\n"
            "'Код' | 'Показатель' | 'Сейчас (ноябрь 2026 г.)' | 'к октябрю 2026 г.' | "
            "'к ноябрю 2025 г.'\n"
            "'Значение' | 'Изменение' | 'Значение' | 'Изменение'\n"
            "'1.1' | 'Доля педагогов, прошедших диагностику' | 0.8 | 0.75 | 5 | '—' | '—'\n"
            "'1.2' | 'Доля педагогов с дефицитами' | 0.25 | 0.2 | 5 | '—' | '—'\n");
}

TEST(SchoolAnalysisTest, DirectorWorkbookHasOwnPartsAndNoOtherSchool) {
  test::AnalysisReportFixture data;
  test::TempDir dir;
  const auto path = dir / "s1.xlsx";
  ASSERT_TRUE(report::write_director_workbook(data.input(), "s1", path).has_value());
  const auto out = test::openpyxl_eval(path, R"(
print(wb.sheetnames)
ws = wb['МБОУ СОШ № 1']
values = [str(c.value) for w in wb.worksheets for row in w.iter_rows() for c in row
          if c.value is not None]
print([v for v in values if v.startswith('Итого: ')])
print([v for v in values if v.startswith('Рекомендаций нет')])
print(any(v.startswith('• недостаточно данных для группировки') for v in values))
others = ['HYPERLINK', '+79991234567', 'корпус', 'Школа без формы']
print([o for o in others if any(o in v for v in values)])
)");
  EXPECT_EQ(out,
            "['МБОУ СОШ № 1', 'Ошибки', 'Методика']\n"
            "['Итого: 4 из 5 баллов (80,0 %), уровень «высокий». Место по баллам: 1 из 5. "
            "Группа по профилю показателей: группа А (выше, чем по округу: доля педагогов, прошедших "
            "диагностику; ниже: доля педагогов с дефицитами; чаще есть: наличие локального акта). "
            "Округ: 4 из 5; медиана баллов ОО: 4.']\n"
            "['Рекомендаций нет: недостатков по показателям не выявлено.']\n"
            "False\n"  // the analysis warnings are the methodist's, not on a director's «Методика»
            "[]\n");
}

// Cells are what a workbook costs to write: nothing bordered is written only
// to pad. The rubric table stands in B..H (no empty bordered column A, its
// explanations merged over F..H, not to the sheet's right edge), and a
// direction's band across the indicator or recommendations table stores its
// first and last cells only (the rows above and below draw its edges).
TEST(SchoolAnalysisTest, DirectorSheetStoresNoBorderedPadding) {
  test::AnalysisReportFixture data;
  test::TempDir dir;
  const auto path = dir / "s2.xlsx";
  ASSERT_TRUE(report::write_director_workbook(data.input(), "s2", path).has_value());
  const auto out = test::openpyxl_eval(path, R"py(
import re
xml = zipfile.ZipFile(path).read('xl/worksheets/sheet1.xml').decode()
stored = {}
for m in re.finditer(r'<c r="([A-Z]+)([0-9]+)"', xml):
    stored.setdefault(int(m[2]), []).append(m[1])
ws = wb.worksheets[0]
head = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == 'Блок / позиция / параметр')
total = next(r for r in range(head, ws.max_row + 1) if ws.cell(r, 2).value == 'Итого')
print(total - head, ''.join(sorted({c for r in range(head, total + 1) for c in stored.get(r, [])})))
for rng in sorted(ws.merged_cells.ranges, key=lambda m: m.min_row):
    first = ws.cell(rng.min_row, rng.min_col)
    if rng.min_row == rng.max_row and rng.min_col == 1 and first.border.left.style:
        print(rng.coord, repr(first.value), ''.join(stored[rng.min_row]))
)py");
  EXPECT_EQ(out,
            "13 BCDEFGH\n"
            "A15:M15 'Выявление профессиональных дефицитов' AM\n"
            "A19:M19 'Молодые педагоги и наставничество' AM\n"
            "A64:J64 'Выявление профессиональных дефицитов' AJ\n"
            "A67:J67 'Молодые педагоги и наставничество' AJ\n"
            "A69:J69 'Прочее' AJ\n");
}

TEST(SchoolAnalysisTest, DirectorOfSchoolWithoutFormIsToldSo) {
  test::AnalysisReportFixture data;
  test::TempDir dir;
  const auto path = dir / "s6.xlsx";
  ASSERT_TRUE(report::write_director_workbook(data.input(), "s6", path).has_value());
  const auto out = test::openpyxl_eval(path, R"(
ws = wb['Школа без формы']
print([c.value for row in ws.iter_rows() for c in row
       if isinstance(c.value, str) and ('не приня' in c.value or c.value.startswith('Баллы'))])
)");
  EXPECT_EQ(out,
            "['Форма за ноябрь 2026 не принята: значений ОО нет. Причины — на листе «Ошибки»; "
            "исправленную форму можно прислать снова.', 'Баллы не начислялись: форма ОО за этот "
            "период не принята.', 'Рекомендаций нет: форма ОО за этот период не принята.']\n");
}

TEST(SchoolAnalysisTest, WithoutAnalysisTheSchoolSheetIsUnchanged) {
  // The same fixture without ReportInput::analysis: no analysis part, and the
  // indicator header repeats on printed pages as before.
  test::AnalysisReportFixture data;
  report::ReportInput plain{data.definition, data.registry, data.summary, data.run};
  test::TempDir dir;
  const auto path = dir / "results.xlsx";
  ASSERT_TRUE(report::write_results_workbook(plain, path).has_value());
  const auto out = test::openpyxl_eval(path, R"(
print(len(wb.sheetnames))
ws = wb['МБОУ СОШ № 1']
print(ws.max_row, ws.print_title_rows, len(ws.row_breaks.brk))
)");
  // The indicator header (row 9, under the title block and the school's
  // headline) repeats on every printed page; no page break is needed.
  EXPECT_EQ(out, "9\n25 $9:$9 0\n");
}

}  // namespace

// A school's yes/no changes in words: «Нет → Да», never «↑ +100,0 п.п.».
TEST(SchoolAnalysisTest, YesNoChangeOfASchoolIsSaidInWords) {
  test::AnalysisReportFixture data;
  data.history[1].values["s1"]["act"] = 0;  // October: «Нет»; now «Да»
  data.history[1].values["s2"]["act"] = 0;  // «Нет» then and now
  data.result = analysis::analyze(data.definition, data.registry, data.summary, data.forms, data.history);
  test::TempDir dir;
  const auto path = dir / "results.xlsx";
  ASSERT_TRUE(report::write_results_workbook(data.input(), path).has_value());
  const auto out = test::openpyxl_eval(path, R"(
ws = wb['Динамика']
cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and ('→' in c.value or 'без изменений' in c.value)]
print([(c.value, c.fill.fgColor.rgb) for c in cells])
print([c.value for row in ws.iter_rows() for c in row if c.value == 100])
)");
  EXPECT_EQ(out,
            "[('Нет → Да', 'FFC6EFCE'), ('без изменений (Нет)', '00000000')]\n"
            "[]\n");
}

// The headline a director reads first: form accepted, targets reached N of M,
// where the school stands among the schools, and the main recommendations.
TEST(SchoolAnalysisTest, HeadlineSaysTargetsStandingAndMainRecommendations) {
  test::AnalysisReportFixture data;
  test::TempDir dir;
  const auto path = dir / "s2.xlsx";
  ASSERT_TRUE(report::write_director_workbook(data.input(), "s2", path).has_value());
  const auto out = test::openpyxl_eval(path, R"(
ws = wb.worksheets[0]
head = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == 'Код')
for r in range(5, head):
    if ws.cell(r, 1).value:
        print(ws.cell(r, 1).value)
)");
  // s2: 1.1 50 % (target 80), 1.2 50 % (target 30, less is better), 2.1 50 %
  // (median 75), no local act; 3 of 5 rubric points, 4th of 5. Recommendations
  // most important first: below target (larger gap first), then documents.
  EXPECT_EQ(out,
            "Форма за ноябрь 2026 принята.\n"
            "Цели 2026 года достигнуты по 0 из 3 показателей с целью.\n"
            "Место по баллам рубрики «Оценка методической работы (тест)»: 4 из 5, уровень "
            "«средний».\n"
            "Среди 5 ОО по 2 долевым показателям: в нижней четверти — 2.\n"
            "Главные рекомендации:\n"
            "1. Доля педагогов, прошедших диагностику — 50,0 % при целевом значении 2026 года 80 % "
            "(отставание 30,0 п.п.). Включить в план методической работы ОО меры по достижению "
            "целевого значения.\n"
            // Lower is better: 50 % against «не более 30 %» is an excess, not a lag.
            "2. Доля педагогов с дефицитами — 50,0 % при целевом значении 2026 года не более 30 % "
            "(превышение 20,0 п.п.). Включить в план методической работы ОО меры по снижению "
            "значения до целевого.\n"
            "3. В форме ОО не подтверждено: «Наличие локального акта». Разработать и утвердить "
            "необходимый документ (организовать работу) и представить подтверждение в методическую "
            "службу.\n");
}
