#include "store/history_store.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "store/dynamics_periods.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using store::HistoryStore;
using store::ValueRow;

ValueRow row(std::string period, std::string school, std::string indicator,
             std::optional<double> num, std::optional<double> den, std::string missing = {}) {
  std::optional<double> value;
  if (num && den && *den != 0) value = *num / *den;
  return {std::move(period), std::move(school), std::move(indicator), num, den, value, std::move(missing)};
}

HistoryStore open_store(const test::TempDir& dir) {
  auto s = HistoryStore::open(dir / "state/history.sqlite");
  EXPECT_TRUE(s) << model::to_string(s.error());
  return std::move(*s);
}

TEST(HistoryStoreTest, CreatesSchemaAndReopensExistingFile) {
  test::TempDir dir;
  {
    auto store = open_store(dir);
    ASSERT_TRUE(store.begin_run("2026-11", "2026-12-01 07:00:00", "metodmon 0.1.0"));
  }
  EXPECT_TRUE(fs::exists(dir / "state/history.sqlite"));
  auto again = open_store(dir);
  const auto runs = again.list_runs(10);
  ASSERT_TRUE(runs);
  ASSERT_EQ(runs->size(), 1u);
  EXPECT_EQ((*runs)[0].period, "2026-11");
}

TEST(HistoryStoreTest, RunIsUnfinishedUntilFinishRun) {
  test::TempDir dir;
  auto store = open_store(dir);
  const auto id = store.begin_run("2026-11", "2026-12-01 07:00:00", "metodmon 0.1.0");
  ASSERT_TRUE(id);
  auto runs = store.list_runs(5);
  ASSERT_TRUE(runs);
  EXPECT_EQ((*runs)[0].id, *id);
  EXPECT_FALSE((*runs)[0].finished);  // a killed run looks exactly like this
  EXPECT_FALSE((*runs)[0].exit_code);

  const store::RunCounts counts{7, 4, 1, 1, 1, 0, 3, 1};
  ASSERT_TRUE(store.finish_run(*id, 3, counts, "2026-12-01 07:02:10"));
  runs = store.list_runs(5);
  ASSERT_TRUE(runs);
  const auto& r = (*runs)[0];
  EXPECT_EQ(r.finished, "2026-12-01 07:02:10");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.counts, counts);
  EXPECT_EQ(r.tool_version, "metodmon 0.1.0");
  EXPECT_FALSE(store.finish_run(*id + 100, 0, counts, "x"));
}

TEST(HistoryStoreTest, ListsRunsNewestFirstAndPeriodsInOrder) {
  test::TempDir dir;
  auto store = open_store(dir);
  ASSERT_TRUE(store.begin_run("2026-11", "2026-12-01 07:00:00", "v"));
  ASSERT_TRUE(store.begin_run("2026-10", "2026-12-01 08:00:00", "v"));
  ASSERT_TRUE(store.begin_run("2026-11", "2026-12-02 07:00:00", "v"));
  const auto runs = store.list_runs(2);
  ASSERT_TRUE(runs);
  ASSERT_EQ(runs->size(), 2u);
  EXPECT_EQ((*runs)[0].started, "2026-12-02 07:00:00");
  EXPECT_EQ((*runs)[1].period, "2026-10");
  EXPECT_EQ(store.list_periods(), (std::vector<std::string>{"2026-10", "2026-11"}));
}

TEST(HistoryStoreTest, RecordsFilesWithOutcomeAndCounts) {
  test::TempDir dir;
  auto store = open_store(dir);
  const auto id = store.begin_run("2026-11", "2026-12-01 07:00:00", "v");
  ASSERT_TRUE(id);
  model::FileOutcome ok{{"/in/a.xlsx", "a.xlsx", std::string(64, 'a'), 100, 1795132800},
                        model::Outcome::accepted, "sch01", {}};
  model::FileOutcome bad{{"/in/b.xlsx", "b.xlsx", std::string(64, 'b'), 200, 1795132801},
                         model::Outcome::rejected, "sch02", {}};
  bad.file.sender = "stranger@mail.example";
  bad.file.sender_accepted = true;  // held apart, taken in by the methodist
  bad.diagnostics.push_back(model::Diagnostic::error({"b.xlsx", {}, {}, {}, {}}, "e1"));
  bad.diagnostics.push_back(model::Diagnostic::error({"b.xlsx", {}, {}, {}, {}}, "e2"));
  bad.diagnostics.push_back(model::Diagnostic::warning({"b.xlsx", {}, {}, {}, {}}, "w"));
  const std::vector<model::FileOutcome> files = {ok, bad};
  ASSERT_TRUE(store.record_files(*id, files));
  const auto seen = store.files_of_run(*id);
  ASSERT_TRUE(seen);
  ASSERT_EQ(seen->size(), 2u);
  EXPECT_EQ((*seen)[0].name, "a.xlsx");
  EXPECT_EQ((*seen)[0].outcome, model::Outcome::accepted);
  EXPECT_EQ((*seen)[0].size, 100);
  EXPECT_EQ((*seen)[0].mtime, 1795132800);
  EXPECT_EQ((*seen)[1].outcome, model::Outcome::rejected);
  EXPECT_EQ((*seen)[1].school_id, "sch02");
  EXPECT_EQ((*seen)[1].error_count, 2);
  EXPECT_EQ((*seen)[1].warning_count, 1);
  EXPECT_EQ((*seen)[0].sender, "");
  EXPECT_EQ((*seen)[1].sender, "stranger@mail.example (принята методистом)");
  EXPECT_TRUE(store.log(*id, "info", "прочитано 2 файла"));
  EXPECT_TRUE(store.log(*id, "warning", "одна форма отклонена"));
  EXPECT_FALSE(store.record_files(9999, files));  // no such run: foreign key
}

TEST(HistoryStoreTest, StoresAndReadsValuesWithNulls) {
  test::TempDir dir;
  auto store = open_store(dir);
  const std::vector<ValueRow> rows = {
      row("2026-11", "sch02", "I1", 3, 4),
      row("2026-11", "sch01", "I2", std::nullopt, std::nullopt, "нет данных"),
      row("2026-11", "sch01", "I1", 1, 3),
  };
  ASSERT_TRUE(store.replace_period_values("2026-11", rows));
  const auto got = store.values_for("2026-11");
  ASSERT_TRUE(got);
  ASSERT_EQ(got->size(), 3u);
  EXPECT_EQ((*got)[0], rows[2]);  // sorted by school, then indicator
  EXPECT_EQ((*got)[1], rows[1]);
  EXPECT_EQ((*got)[2], rows[0]);
  EXPECT_FALSE((*got)[1].value);
  EXPECT_DOUBLE_EQ(*(*got)[2].value, 0.75);
  EXPECT_EQ(store.list_periods(), std::vector<std::string>{"2026-11"});
}

TEST(HistoryStoreTest, ReplacingValuesOfAPeriodLeavesOtherPeriodsAlone) {
  test::TempDir dir;
  auto store = open_store(dir);
  const std::vector<ValueRow> oct = {row("2026-10", "sch01", "I1", 1, 2)};
  const std::vector<ValueRow> nov1 = {row("2026-11", "sch01", "I1", 1, 4), row("2026-11", "sch02", "I1", 2, 4)};
  const std::vector<ValueRow> nov2 = {row("2026-11", "sch01", "I1", 3, 4)};
  ASSERT_TRUE(store.replace_period_values("2026-10", oct));
  ASSERT_TRUE(store.replace_period_values("2026-11", nov1));
  ASSERT_TRUE(store.replace_period_values("2026-11", nov2));  // a re-run of November
  EXPECT_EQ(store.values_for("2026-11"), nov2);
  EXPECT_EQ(store.values_for("2026-10"), oct);
}

TEST(HistoryStoreTest, FailedReplaceKeepsTheOldValues) {
  test::TempDir dir;
  auto store = open_store(dir);
  const std::vector<ValueRow> old = {row("2026-11", "sch01", "I1", 1, 4), row("2026-11", "sch02", "I1", 2, 4)};
  ASSERT_TRUE(store.replace_period_values("2026-11", old));
  // New rows whose LAST row repeats (school, indicator): the primary key fails
  // after the delete and two inserts have already happened inside the transaction.
  const std::vector<ValueRow> broken = {row("2026-11", "sch01", "I1", 9, 9), row("2026-11", "sch03", "I1", 9, 9),
                                        row("2026-11", "sch01", "I1", 8, 9)};
  const auto r = store.replace_period_values("2026-11", broken);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("UNIQUE constraint failed"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("прежние значения сохранены"), std::string::npos);
  EXPECT_EQ(r.error().where.file, (dir / "state/history.sqlite").string());
  EXPECT_EQ(store.values_for("2026-11"), old);
  // The store is still usable after the rollback.
  const std::vector<ValueRow> good = {row("2026-11", "sch03", "I1", 1, 1)};
  ASSERT_TRUE(store.replace_period_values("2026-11", good));
  EXPECT_EQ(store.values_for("2026-11"), good);
}

TEST(HistoryStoreTest, CheckConstraintFailureAlsoRollsBack) {
  test::TempDir dir;
  auto store = open_store(dir);
  const std::vector<ValueRow> old = {row("2026-11", "sch01", "I1", 1, 4)};
  ASSERT_TRUE(store.replace_period_values("2026-11", old));
  const std::vector<ValueRow> broken = {row("2026-11", "sch02", "I1", 1, 1), row("2026-11", "", "I1", 1, 1)};
  EXPECT_FALSE(store.replace_period_values("2026-11", broken));
  EXPECT_EQ(store.values_for("2026-11"), old);
}

TEST(HistoryStoreTest, RefusesRowsOfAnotherPeriod) {
  test::TempDir dir;
  auto store = open_store(dir);
  const std::vector<ValueRow> rows = {row("2026-10", "sch01", "I1", 1, 4)};
  EXPECT_FALSE(store.replace_period_values("2026-11", rows));
  EXPECT_TRUE(store.values_for("2026-10")->empty());
}

TEST(HistoryStoreTest, ValuesForIndicatorGiveDynamics) {
  test::TempDir dir;
  auto store = open_store(dir);
  for (const auto* p : {"2024-11", "2025-11", "2026-10", "2026-11"}) {
    const std::vector<ValueRow> rows = {row(p, "sch01", "I1", 1, 2), row(p, "sch01", "I2", 1, 3),
                                        row(p, "sch02", "I1", 1, 4)};
    ASSERT_TRUE(store.replace_period_values(p, rows));
  }
  const auto periods = store::dynamics_periods(*model::parse_period("2026-11"), 3);
  ASSERT_EQ(periods, (std::vector<std::string>{"2026-10", "2025-11", "2024-11", "2023-11"}));
  const auto got = store.values_for_indicator("I1", periods);
  ASSERT_TRUE(got);
  ASSERT_EQ(got->size(), 6u);  // 3 periods present × 2 schools; 2023-11 absent
  EXPECT_EQ((*got)[0].period, "2024-11");
  EXPECT_EQ((*got)[0].school_id, "sch01");
  EXPECT_EQ((*got)[5].period, "2026-10");
  EXPECT_EQ((*got)[5].school_id, "sch02");
  for (const auto& r : *got) EXPECT_EQ(r.indicator_id, "I1");
  EXPECT_TRUE(store.values_for_indicator("I1", {})->empty());
}

TEST(HistoryStoreTest, RefusesAFileThatIsNotADatabase) {
  test::TempDir dir;
  dir.write("history.sqlite", std::string(4096, 'x'));
  const auto s = HistoryStore::open(dir / "history.sqlite");
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("ошибка базы истории"), std::string::npos);
  // What SQLite means, in Russian first; its own words stay in brackets.
  EXPECT_NE(s.error().message.find("файл повреждён или не является базой SQLite [SQLite: file is not a database]"),
            std::string::npos)
      << s.error().message;
  EXPECT_NE(s.error().hint.find("переименуйте"), std::string::npos) << model::to_string(s.error());
}

TEST(HistoryStoreTest, RefusesASchemaFromTheFuture) {
  test::TempDir dir;
  { auto store = open_store(dir); }
  // Bump the version with another SQLite client, as a newer metodmon would.
  const auto path = dir / "state/history.sqlite";
  ASSERT_EQ(std::system(("/usr/bin/python3 -c \"import sqlite3; c=sqlite3.connect('" + path.string() +
                         "'); c.execute('UPDATE schema_version SET version=99'); c.commit()\"")
                            .c_str()),
            0);
  const auto s = HistoryStore::open(path);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("более новой версией metodmon (схема 99)"), std::string::npos);
}

TEST(DynamicsPeriodsTest, PreviousPeriodThenSamePeriodOfEarlierYears) {
  using store::dynamics_periods;
  using model::parse_period;
  EXPECT_EQ(dynamics_periods(*parse_period("2026-01"), 1), (std::vector<std::string>{"2025-12", "2025-01"}));
  EXPECT_EQ(dynamics_periods(*parse_period("2026-H1"), 1), (std::vector<std::string>{"2025-H2", "2025-H1"}));
  EXPECT_EQ(dynamics_periods(*parse_period("2026-H2"), 0), (std::vector<std::string>{"2026-H1"}));
  EXPECT_EQ(dynamics_periods(*parse_period("2026"), 2), (std::vector<std::string>{"2025", "2024"}));
  // A school year's previous period is the school year before; never a calendar year.
  EXPECT_EQ(dynamics_periods(*parse_period("2025-2026"), 2), (std::vector<std::string>{"2024-2025", "2023-2024"}));
  EXPECT_EQ(dynamics_periods(*parse_period("2025-2026"), 0), (std::vector<std::string>{"2024-2025"}));
}

}  // namespace
