#include "model/diagnostic.h"

#include <gtest/gtest.h>

using model::Diagnostic;

TEST(DiagnosticTest, PrintsFileSheetCellValueAndHint) {
  const auto d = Diagnostic::error({"школа_03.xlsx", "Форма", model::CellRef{6, 2}, {}, {}},
                                   "ожидалось целое число", "введите число без дробной части",
                                   "12,5");
  EXPECT_EQ(model::to_string(d),
            "школа_03.xlsx:Форма!C7: ожидалось целое число, найдено «12,5». "
            "Как исправить: введите число без дробной части");
}

TEST(DiagnosticTest, PrintsFileAndLineForTextFiles) {
  const auto d = Diagnostic::error({"demo.toml", {}, {}, 12, "indicator.numerator"},
                                   "неизвестный показатель");
  EXPECT_EQ(model::to_string(d), "demo.toml:12 [indicator.numerator]: неизвестный показатель");
}

TEST(DiagnosticTest, HasErrorsIgnoresWarnings) {
  std::vector<Diagnostic> ds{Diagnostic::warning({}, "w")};
  EXPECT_FALSE(model::has_errors(ds));
  ds.push_back(Diagnostic::error({}, "e"));
  EXPECT_TRUE(model::has_errors(ds));
}

#include "model/run.h"

TEST(RunInfoTest, CountsOutcomes) {
  std::vector<model::FileOutcome> files(5);
  files[0].outcome = model::Outcome::accepted;
  files[1].outcome = model::Outcome::accepted;
  files[2].outcome = model::Outcome::superseded;  // the rest stay rejected
  EXPECT_EQ(model::count_outcome(files, model::Outcome::accepted), 2);
  EXPECT_EQ(model::count_outcome(files, model::Outcome::rejected), 2);
  EXPECT_EQ(model::count_outcome(files, model::Outcome::duplicate), 0);
}
