// The analysis sheets of the results workbook, read back with openpyxl.
// Figures: see analysis_report_fixture.h (points, ranks) and
// report_fixture.h (values, targets).
#include "report/results_workbook.h"

#include <gtest/gtest.h>

#include "analysis_report_fixture.h"
#include "support/openpyxl_check.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

// Prints "coordinate value" of the non-empty cells of `rows` of sheet `name`.
std::string dump_rows(const std::string& name, int first, int last) {
  return "ws = wb['" + name + "']\n" +
         "for row in ws.iter_rows(min_row=" + std::to_string(first) +
         ", max_row=" + std::to_string(last) + "):\n"
         "    print(' | '.join(repr(c.value) for c in row if c.value is not None))\n";
}

class AnalysisSheetsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(report::write_results_workbook(m_data.input(), m_path).has_value());
  }

  test::AnalysisReportFixture m_data;
  test::TempDir m_dir;
  fs::path m_path = m_dir / "results.xlsx";
};

TEST_F(AnalysisSheetsTest, SheetsInOrder) {
  EXPECT_EQ(test::openpyxl_eval(m_path, "print(wb.sheetnames)"),
            "['Сводка', 'Справка', 'Рейтинг', 'Дорожная карта', 'Динамика', 'Группы ОО', "
            "'Рекомендации', 'Диаграммы', 'Ошибки', 'Методика', 'МБОУ СОШ № 1', "
            "'=HYPERLINK(\"http___evil.example', '+79991234567', "
            "'Муниципальное бюджетное общеобр', 'Муниципальное бюджетное общ (2)']\n");
}

TEST_F(AnalysisSheetsTest, RatingSortsByPointsWithMunicipalityAndMedian) {
  const auto out = test::openpyxl_eval(m_path, dump_rows("Рейтинг", 5, 13) + R"(
print(ws.freeze_panes, ws.auto_filter.ref, ws.print_title_rows)
print(ws['C6'].number_format, '|', ws['F6'].number_format)
)");
  EXPECT_EQ(out,
            "'Место' | 'Образовательная организация' | 'Показатели (макс. 4)' | "
            "'Документы (макс. 1; в методике 2)' | 'Итого баллов (макс. 5; в методике 6)' | "
            "'Доля максимума' | 'Уровень' | 'Группа по профилю показателей'\n"
            "1 | 'МБОУ СОШ № 1' | 3 | 1 | 4 | 0.8 | 'высокий' | 'группа А'\n"
            "1 | 'Муниципальное бюджетное общеобразовательное учреждение СОШ № 4 (корпус А)' | "
            "3 | 1 | 4 | 0.8 | 'высокий' | 'группа А'\n"
            // Four schools grouped, k = 3: no grouping without a group of one; the
            // two schools alone in theirs have a profile of their own, not a group.
            "1 | 'Муниципальное бюджетное общеобразовательное учреждение СОШ № 4 (корпус Б)' | "
            "4 | 0 | 4 | 0.8 | 'высокий' | 'особый профиль'\n"
            "4 | '=HYPERLINK(\"http://evil.example\",\"x\")' | 3 | 0 | 3 | 0.6 | 'средний' | "
            "'особый профиль'\n"
            "4 | '+79991234567' | 2 | 1 | 3 | 0.6 | 'средний' | '—'\n"
            "\n"
            // 80 % by points, but no direction is satisfactory (1.1 and 1.3 miss their
            // targets; 2.1 is worse than the median): the level says so.
            "'Округ (по муниципальным значениям)' | 3 | 1 | 4 | 0.8 | 'средний' | '—'\n"
            "'Медиана баллов ОО' | 3 | 1 | 4 | 0.8 | '—' | '—'\n"
            "C6 A5:H10 $5:$5\n"
            "[$-419]0;\"−\"0;0 | [$-419]0.0%\n");
}

TEST_F(AnalysisSheetsTest, RatingHasPointsChartFromTheTable) {
  // The chart's series: names from column B, totals from column E, rows 6-10.
  const auto out = test::openpyxl_eval(m_path, R"(
import re
z = zipfile.ZipFile(path)
found = []
for n in sorted(z.namelist()):
    if n.startswith('xl/charts/chart'):
        xml = z.read(n).decode('utf-8')
        if 'Баллы по ОО' in xml:
            found.append(re.findall(r'<c:f>(.*?)</c:f>', xml))
print(found)
)");
  EXPECT_EQ(out, "[[\"'Рейтинг'!$B$6:$B$10\", \"'Рейтинг'!$E$6:$E$10\"]]\n");
}

TEST_F(AnalysisSheetsTest, RoadmapShowsPlanAgainstFact) {
  const auto out = test::openpyxl_eval(m_path, dump_rows("Дорожная карта", 4, 12) + R"(
print(ws['D7'].number_format, '|', ws['F7'].number_format, '|', ws['C12'].number_format)
print(ws['G12'].comment.text)
)");
  EXPECT_EQ(out,
            "'Код' | 'Показатель' | 'Цель 2026 года' | 'Факт: по округу' | 'Статус' | "
            "'Отклонение от цели' | 'ОО достигли цели' | 'Цели дорожной карты по годам'\n"
            "'2025' | '2026 (год периода)'\n"
            "'Выявление профессиональных дефицитов'\n"
            "'1.1' | 'Доля педагогов, прошедших диагностику' | 0.8 | 0.7297297297297297 | "
            "'не достигнуто' | -7.027027027027032 | '3 из 4' | 0.7 | 0.8\n"
            "'1.2' | 'Доля педагогов с дефицитами' | 0.3 | 0.2956521739130435 | 'достигнуто' | "
            "-0.4347826086956523 | '2 из 3' | '—' | 0.3\n"
            "'1.3' | 'Наличие локального акта' | 1 | 0.6 | 'не достигнуто' | -40 | '3 из 5' | '—' "
            "| 1\n"
            "'Молодые педагоги и наставничество'\n"
            "'2.1' | 'Доля молодых педагогов с наставником' | '—' | 0.5833333333333334 | "
            "'цель не задана' | '—' | '—' | '—' | '—'\n"
            "'2.2' | 'Число сетевых мероприятий' | 20 | 17 | 'не достигнуто' | -3 | '—' | '—' | 20\n"
            "[$-419]0.0% | [$-419]+0.0\" п.п.\";-0.0\" п.п.\";0.0\" п.п.\" | [$-419]#,##0\n"
            "Цель задана для округа в целом, а не для каждой ОО.\n");
}

TEST_F(AnalysisSheetsTest, DynamicsShowsChangesWithArrowsAndColours) {
  // Municipal 1.1: 72.97 % now (printed 73,0 %), 70 % in 2026-10 (+3,0 p.p.), 60 % in
  // 2025-11 (+13,0). 1.2 (lower is better): 29.57 % (29,6 %) against 35 %: −5,4 p.p., an
  // improvement. 2.1: 58.3 % (58,3 %) against 60 %: −1,7 p.p., a worsening. s1: 1.2 20 -> 25 %
  // worse. Changes are the differences of the printed values.
  const auto out = test::openpyxl_eval(m_path, dump_rows("Динамика", 6, 9) + R"(
for c in ('E8', 'E9', 'E11', 'C16', 'D16'):
    print(c, round(ws[c].value, 2), ws[c].fill.fgColor.rgb, ws[c].number_format)
print(ws['C17'].value, ws.auto_filter.ref)
)");
  EXPECT_EQ(out,
            "'Код' | 'Показатель' | 'Сейчас (ноябрь 2026 г.)' | 'к октябрю 2026 г.' | "
            "'к ноябрю 2025 г.'\n"
            "'Значение' | 'Изменение' | 'Значение' | 'Изменение'\n"
            "'1.1' | 'Доля педагогов, прошедших диагностику' | 0.7297297297297297 | 0.7 | "
            "3 | 0.6 | 13\n"
            "'1.2' | 'Доля педагогов с дефицитами' | 0.2956521739130435 | 0.35 | "
            "-5.399999999999999 | '—' | '—'\n"
            "E8 3 FFC6EFCE [$-419]\"↑ +\"0.0\" п.п.\";\"↓ −\"0.0\" п.п.\";\"→ \"0.0\" п.п.\"\n"
            "E9 -5.4 FFC6EFCE [$-419]\"↑ +\"0.0\" п.п.\";\"↓ −\"0.0\" п.п.\";\"→ \"0.0\" п.п.\"\n"
            "E11 -1.7 FFFFC7CE [$-419]\"↑ +\"0.0\" п.п.\";\"↓ −\"0.0\" п.п.\";\"→ \"0.0\" п.п.\"\n"
            "C16 5 FFC6EFCE [$-419]\"↑ +\"0.0\" п.п.\";\"↓ −\"0.0\" п.п.\";\"→ \"0.0\" п.п.\"\n"
            "D16 5 FFFFC7CE [$-419]\"↑ +\"0.0\" п.п.\";\"↓ −\"0.0\" п.п.\";\"→ \"0.0\" п.п.\"\n"
            "— A15:G20\n");
  // The sign of a change is its arrow; green/red say whether it is good for
  // the indicator (1.2: lower is better, so its fall is green).
}

TEST_F(AnalysisSheetsTest, GroupsListMembersFactorsAndSchoolsWithoutData) {
  const auto out = test::openpyxl_eval(m_path, R"(
ws = wb['Группы ОО']
rows = [[c.value for c in row if c.value is not None] for row in ws.iter_rows()]
for r in rows:
    if r and isinstance(r[0], str) and (r[0].startswith('Группа') or r[0].startswith('Особый')
                                        or r[0].startswith('Недостаточно') or r[0].startswith('Выше')
                                        or r[0].startswith('Ниже') or r[0].startswith('Чаще')
                                        or r[0].startswith('Реже')):
        print(r[0])
i = [r[:1] for r in rows].index(['Недостаточно данных для группировки — 1 ОО'])
print(rows[i + 2])
print([r[0] for r in rows if r and str(r[0]).startswith('• ')])
print(any('Уровень' in str(v) for r in rows for v in r))
)");
  // mentored_share has no denominator of 5 or more (4, 2, 2, 3, 1): left out
  // of the profiles, so three indicators group the schools.
  EXPECT_EQ(out,
            // s1 and s4: 1.1 80 and 90 (median 85 against 80), 1.2 25 and 20 (22,5 against 25),
            // the act at both (2 of 2 against 3 of 5).
            "Группа А — 2 ОО\n"
            "Выше, чем по округу: доля педагогов, прошедших диагностику; ниже: доля педагогов с "
            "дефицитами; чаще есть: наличие локального акта.\n"
            "Особый профиль: =HYPERLINK(\"http://evil.example\",\"x\")\n"
            "Выше, чем по округу: доля педагогов с дефицитами; ниже: доля педагогов, прошедших "
            "диагностику; реже есть: наличие локального акта.\n"
            "Особый профиль: Муниципальное бюджетное общеобразовательное учреждение СОШ № 4 (корпус Б)\n"
            "Реже есть, чем по округу: наличие локального акта.\n"
            "Недостаточно данных для группировки — 1 ОО\n"
            "[1, '+79991234567', 'недостаточно данных для группировки: значения есть по 1 из 3 "
            "показателей группировки, а нужно не менее 60 %']\n"
            "['• недостаточно данных для группировки (меньше 60 % показателей): 1 ОО.', "
            "'• ОО с особым профилем (не входят ни в одну группу): 2.']\n"
            "False\n");
}

TEST_F(AnalysisSheetsTest, RecommendationsCarryTheirFigures) {
  const auto out = test::openpyxl_eval(m_path, dump_rows("Рекомендации", 4, 6) + R"(
print(ws['D6'].number_format, '|', ws['F6'].number_format, '|', ws['G6'].alignment.wrap_text)
print([ws.cell(row=9, column=c).value for c in range(3, 7)])
print([ws.cell(row=r, column=1).value for r in range(5, 13)].count('=HYPERLINK("http://evil.example","x")'))
print(ws.auto_filter.ref, ws.freeze_panes, ws.row_dimensions[6].height >= 45)
)");
  EXPECT_EQ(out,
            "'ОО' | 'Направление' | 'Основание' | 'Значение ОО' | 'Ориентир' | 'Отклонение' | "
            "'Рекомендация'\n"
            "'МБОУ СОШ № 1' | 'Рекомендаций нет: недостатков по показателям не выявлено.'\n"
            "'=HYPERLINK(\"http://evil.example\",\"x\")' | 'Выявление профессиональных дефицитов' "
            "| '1.1 — ниже цели 2026' | 0.5 | 0.8 | -30 | 'Доля педагогов, прошедших диагностику "
            "— 50,0 % при целевом значении 2026 года 80 % (отставание 30,0 п.п.). Включить в "
            "план методической работы ОО меры по достижению целевого значения.'\n"
            "[$-419]0.0% | [$-419]+0.0\" п.п.\";-0.0\" п.п.\";0.0\" п.п.\" | True\n"
            "['нет документа: Локальный акт', 'Нет', 'Да', '—']\n"
            "4\n"
            "A4:G12 B5 True\n");
}

// «Справка» is the first page of the аналитическая справка: the same four
// parts, the same figures (the run's one count of who took part).
TEST_F(AnalysisSheetsTest, BriefingIsTheSpravkasFirstPageAndTallEnough) {
  const auto out = test::openpyxl_eval(m_path, R"(
ws = wb['Справка']
texts = [(r, ws.cell(row=r, column=2).value) for r in range(5, ws.max_row + 1) if ws.cell(row=r, column=2).value]
print([t for _, t in texts if t in ('Что изучено', 'Основные результаты', 'Основные проблемы', 'Предлагаемые решения')])
print(texts[1][1])
import math
print(all((ws.row_dimensions[r].height or 15) >= 15 * math.ceil(len(t) / 110) for r, t in texts))
print(ws.column_dimensions['B'].width, ws['B6'].alignment.wrap_text)
print([ws.cell(row=r, column=2).hyperlink.location for r in range(1, ws.max_row + 1)
       if ws.cell(row=r, column=2).hyperlink])
)");
  EXPECT_EQ(out,
            "['Что изучено', 'Основные результаты', 'Основные проблемы', 'Предлагаемые решения']\n"
            // Six schools; s6 sent a form with errors: five accepted.
            "Формы мониторинга за ноябрь 2026 г. направлены в 6 ОО; представили формы 6 из 6 ОО, "
            "приняты к обработке формы 5 ОО. Изучены 5 показателей по 2 направлениям.\n"
            "True\n"
            "118.7109375 True\n"
            "[\"'Рейтинг'!A1\", \"'Дорожная карта'!A1\", \"'Динамика'!A1\", \"'Группы ОО'!A1\", "
            "\"'Рекомендации'!A1\"]\n");
}

TEST_F(AnalysisSheetsTest, MethodSheetGainsAnalysisNotesRubricAndWarnings) {
  const auto out = test::openpyxl_eval(m_path, R"(
ws = wb['Методика']
rows = [[c.value for c in row if c.value is not None] for row in ws.iter_rows()]
flat = [r for r in rows if r]
for r in flat:
    if r[0] in ('Документы', 'Итого') or str(r[0]).startswith('• ') or str(r[0]).startswith('Рубрика «'):
        print(r)
)");
  EXPECT_EQ(out,
            "['Рубрика «Оценка методической работы (тест)»: максимум 5 баллов — сумма баллов по "
            "строкам блоков («Показатели» — 4; «Документы» — 1 (в методике заявлено 2)); "
            "заявленный в методике итог 6 не совпадает с суммой и не используется.']\n"
            "['Рубрика «Оценка методической работы (тест)»: блоки и максимальные баллы']\n"
            "['Документы', 'локальный акт', 'да/нет', 'Наличие локального акта (1)', '1', "
            "'2 — не совпадает, используется 1']\n"
            "['Итого', '5', '6 — не совпадает, используется 5']\n"
            "['• недостаточно данных для группировки (меньше 60 % показателей): 1 ОО.']\n"
            "['• ОО с особым профилем (не входят ни в одну группу): 2.']\n");
}

TEST_F(AnalysisSheetsTest, NoCellIsAFormulaAndEverySheetIsProtectedAndPrintable) {
  const auto out = test::openpyxl_eval(m_path, R"(
for ws in wb.worksheets:
    formulas = [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == 'f']
    ps = ws.page_setup
    print(ws.title, formulas, ws.protection.sheet, ps.orientation, ps.paperSize,
          ws.sheet_properties.pageSetUpPr.fitToPage, ps.fitToWidth, ws.oddFooter.center.text)
)");
  for (const auto& line : test::split_lines(out)) {
    EXPECT_NE(line.find(" [] True landscape 9 True None Страница &P из &N"),
              std::string::npos)
        << line;
  }
  EXPECT_EQ(test::split_lines(out).size(), 15u);
}

TEST(AnalysisSheetsPartsTest, NoRubricNoHistoryMeansNoRatingNoDynamics) {
  test::AnalysisReportFixture data;
  data.definition.rubric.reset();
  data.history.clear();
  data.result = analysis::analyze(data.definition, data.registry, data.summary, data.forms, {});
  test::TempDir dir;
  const auto path = dir / "results.xlsx";
  ASSERT_TRUE(report::write_results_workbook(data.input(), path).has_value());
  const auto out = test::openpyxl_eval(path, R"(
print(wb.sheetnames[:8])
ws = wb['МБОУ СОШ № 1']
print([c.value for row in ws.iter_rows() for c in row
       if isinstance(c.value, str) and (c.value.startswith('Оценка по рубрике')
                                        or c.value.startswith('Динамика')
                                        or c.value.startswith('Адресные'))])
)");
  EXPECT_EQ(out,
            "['Сводка', 'Справка', 'Дорожная карта', 'Группы ОО', 'Рекомендации', 'Диаграммы', "
            "'Ошибки', 'Методика']\n"
            "['Адресные рекомендации']\n");
}

TEST(AnalysisSheetsPartsTest, SchoolNamedLikeANewSheetGetsAnotherName) {
  test::AnalysisReportFixture data;
  data.registry.schools[0].short_name = "Рейтинг";
  test::TempDir dir;
  const auto path = dir / "results.xlsx";
  ASSERT_TRUE(report::write_results_workbook(data.input(), path).has_value());
  EXPECT_EQ(test::openpyxl_eval(path, "print(wb.sheetnames[2], wb.sheetnames[10])"),
            "Рейтинг Рейтинг (2)\n");
}

}  // namespace
