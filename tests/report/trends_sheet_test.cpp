// «Тренды»: the municipal value and the median across the history's periods,
// a table and a line chart per indicator, only with three periods or more.
#include "report/trends_sheet.h"

#include <gtest/gtest.h>

#include "analysis/trends.h"
#include "analysis_report_fixture.h"
#include "support/openpyxl_check.h"
#include "support/print_layout.h"
#include "support/temp_dir.h"

TEST(TrendsSheetTest, TableAndLineChartPerIndicatorAfterTheDynamics) {
  test::AnalysisReportFixture data;
  // 2025-11 and 2026-10 from the history, 2026-11 now: three periods.
  const auto trends =
      analysis::compute_trends(data.definition, data.summary, data.history);
  auto input = data.input();
  input.trends = &trends;
  test::TempDir dir;
  const auto path = dir / "r.xlsx";
  ASSERT_TRUE(report::write_results_workbook(input, path).has_value());
  const auto out = test::openpyxl_eval(path, R"(
names = wb.sheetnames
print(names.index('Тренды') == names.index('Динамика') + 1)
ws = wb['Тренды']
rows = [[c.value for c in r] for r in ws.iter_rows(min_col=1, max_col=3)]
i = next(k for k, r in enumerate(rows) if r[0] and str(r[0]).startswith('Показатель 1.1'))
print(rows[i + 1])
for r in rows[i + 2:i + 5]:
    print(r)
print(ws.cell(i + 3, 2).number_format)
charts = [n for n in zipfile.ZipFile(path).namelist() if n.startswith('xl/charts/')]
line = sum(b'lineChart' in zipfile.ZipFile(path).read(n) for n in charts)
print(line)
)");
  EXPECT_EQ(out, "True\n"
                 "['Период', 'Муниципалитет', 'Медиана по ОО']\n"
                 "['ноябрь 2025', 0.6, '—']\n"
                 "['октябрь 2026', 0.7, 0.75]\n"
                 "['ноябрь 2026', 0.7297297297297297, 0.8]\n"
                 "[$-419]0.0%\n"
                 "5\n");
  for (const auto &c : test::printed_charts(path)) {
    EXPECT_FALSE(c.crosses_break)
        << c.sheet << " " << c.first_row << ".." << c.last_row;
  }
}

TEST(TrendsSheetTest, NoSheetWithTwoPeriods) {
  test::AnalysisReportFixture data;
  const auto trends = analysis::compute_trends(data.definition, data.summary,
                                               {data.history[1]});
  EXPECT_FALSE(trends.shown());
  auto input = data.input();
  input.trends = &trends;
  test::TempDir dir;
  ASSERT_TRUE(
      report::write_results_workbook(input, dir / "r.xlsx").has_value());
  EXPECT_EQ(
      test::openpyxl_eval(dir / "r.xlsx", "print('Тренды' in wb.sheetnames)"),
      "False\n");
}
