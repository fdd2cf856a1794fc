#include "ingest/form_file.h"

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace {

model::Definition one_input_definition() {
  model::Definition d;
  d.id = "t";
  d.version = "1";
  model::InputDef in;
  in.id = "teachers_total";
  in.label = "Всего педагогов";
  d.inputs.push_back(in);
  return d;
}

}  // namespace

TEST(FormFileTest, UnreadableFileIsRejectedWithItsNameOnTheError) {
  test::TempDir dir;
  const auto path = dir.write("школа.xlsx", "%PDF-1.4 not a workbook");
  const model::SourceFile source{path, "школа.xlsx", "", 24, 0};
  const auto checked = ingest::check_form_file(source, {}, one_input_definition(), {},
                                               *model::parse_period("2026-11"));
  EXPECT_FALSE(checked.submission);
  EXPECT_EQ(checked.outcome.outcome, model::Outcome::rejected);
  EXPECT_EQ(checked.outcome.file.name, "школа.xlsx");
  ASSERT_EQ(checked.outcome.diagnostics.size(), 1u);
  EXPECT_EQ(checked.outcome.diagnostics[0].where.file, "школа.xlsx");
  EXPECT_EQ(checked.outcome.diagnostics[0].severity, model::Severity::error);
}
