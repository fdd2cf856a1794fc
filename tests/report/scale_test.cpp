// A few hundred schools: the results workbook stays quick to write, and past
// ReportOptions::max_school_sheets the school sheets move to their own files.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>

#include "report/charts_sheet.h"
#include "report/results_workbook.h"
#include "report_fixture.h"
#include "support/openpyxl_check.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

// The fixture's definition with `n` schools; school i has diag i % 50 of 50
// teachers, so values spread over 0..98 %.
test::ReportFixture big_fixture(int n) {
  test::ReportFixture data;
  data.registry.schools.clear();
  data.summary.school_ids.clear();
  data.summary.missing_school_ids.clear();
  data.summary.values.clear();
  for (int i = 0; i < n; ++i) {
    const std::string id = "sch" + std::to_string(i);
    data.registry.schools.push_back(
        {id, "МБОУ СОШ № " + std::to_string(i + 1), "", "", id + "@example.ru"});
    data.summary.school_ids.push_back(id);
    for (const auto& ind : data.definition.indicators) {
      aggregate::SchoolValue v;
      v.numerator = i % 50;
      v.denominator = 50;
      v.value = ind.kind == model::IndicatorKind::yesno ? (i % 2) * 100.0 : (i % 50) * 2.0;
      v.rank = 1 + i % 50;
      v.deviation = *v.value - 50;
      v.status = *v.value >= 80 ? aggregate::TargetStatus::met : aggregate::TargetStatus::not_met;
      data.summary.values[id][ind.id] = v;
    }
  }
  return data;
}

TEST(ReportScaleTest, ThreeHundredSchoolSheetsInOneWorkbook) {
  const auto data = big_fixture(300);
  test::TempDir dir;
  const auto path = dir / "results.xlsx";
  const auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(report::write_results_workbook(data.input(), path).has_value());
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  std::cout << "[ measure  ] 300 schools: " << ms << " ms, " << fs::file_size(path) / 1024
            << " KiB\n";
  EXPECT_LT(ms, 30'000);
  const auto out = test::openpyxl_eval(path, R"(
print(len(wb.sheetnames), wb.sheetnames[-1])
ws = wb['Сводка']
print(ws['A306'].value, ws['C306'].value, ws.auto_filter.ref)
)");
  EXPECT_EQ(out, "304 МБОУ СОШ № 300\nМБОУ СОШ № 300 0.98 A6:G306\n");
}

TEST(ReportScaleTest, PastTheLimitSchoolsGetTheirOwnWorkbooks) {
  const auto data = big_fixture(301);
  test::TempDir dir;
  const auto path = dir / "results.xlsx";
  ASSERT_TRUE(report::write_results_workbook(data.input(), path).has_value());
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir / "results_ОО")) {
    files += e.path().extension() == ".xlsx" ? 1 : 0;
  }
  EXPECT_EQ(files, 301u);
  const auto out = test::openpyxl_eval(path, "print(len(wb.sheetnames))");
  EXPECT_EQ(out, "4\n");
}

// Past k_max_listed_schools schools with a value, each share's block on
// «Диаграммы» counts the schools per 5-point band (values on a boundary in
// the upper band) instead of a table row and a bar per school. The counts
// are checked against the values the fixture gave the schools.
TEST(ReportScaleTest, PastTheListLimitTheChartsCountSchoolsPerBand) {
  const int n = static_cast<int>(report::k_max_listed_schools) + 1;
  const auto data = big_fixture(n);
  report::ReportOptions options;
  for (const auto& id : data.summary.school_ids) options.school_books[id] = "directors/" + id + ".xlsx";
  test::TempDir dir;
  const auto path = dir / "results.xlsx";
  ASSERT_TRUE(report::write_results_workbook(data.input(), path, options).has_value());
  const auto out = test::openpyxl_eval(path, R"(
from collections import Counter
n = )" + std::to_string(n) + R"(
expected = Counter(min(int((i % 50) * 2 // 5), 19) for i in range(n))
ws = wb['Диаграммы']
blocks, counts, notes = [], None, 0
for row in ws.iter_rows(min_row=1, max_col=3, values_only=True):
    a, b, c = row
    if isinstance(a, str) and 'больше 1000' in a and 'интервале шириной 5 п.п.' in a:
        notes += 1
    if b == 'Значение' and c == 'Число ОО':
        counts = []
        blocks.append(counts)
    elif counts is not None and isinstance(b, str) and b.startswith('от '):
        counts.append(c)
print(len(blocks), notes, ws.max_row < 200)
print(all(Counter({i: c for i, c in enumerate(b) if c}) == expected for b in blocks), [len(b) for b in blocks])
print(blocks[0][0], blocks[0][-1], sum(blocks[0]))
)");
  // Three share indicators in the fixture; 20 bands each. Band 0 holds
  // 0, 2 and 4 %, band 19 holds 96 and 98 %.
  int first_band = 0, last_band = 0;
  for (int i = 0; i < n; ++i) {
    first_band += (i % 50) * 2 < 5 ? 1 : 0;
    last_band += (i % 50) * 2 >= 95 ? 1 : 0;
  }
  EXPECT_EQ(out, "3 3 True\nTrue [20, 20, 20]\n" + std::to_string(first_band) + " " +
                     std::to_string(last_band) + " " + std::to_string(n) + "\n");
}

}  // namespace
