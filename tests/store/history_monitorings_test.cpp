// One history for several monitorings (schema 2): rows kept apart by
// monitoring, an older file migrated in place, and the calendar's records.
#include <gtest/gtest.h>

#include <cstdlib>

#include "store/history_store.h"
#include "support/openpyxl_check.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using store::HistoryStore;
using store::ValueRow;

HistoryStore open_store(const fs::path& file) {
  auto s = HistoryStore::open(file);
  EXPECT_TRUE(s) << model::to_string(s.error());
  return std::move(*s);
}

std::vector<ValueRow> rows(const std::string& period, double value) {
  return {{period, "sch01", "I1", value, 100.0, value, ""}};
}

TEST(HistoryMonitoringsTest, ValuesAndRunsOfOneMonitoringNeverMixWithAnothers) {
  test::TempDir dir;
  auto store = open_store(dir / "history.sqlite");
  store.set_monitoring("m1");
  ASSERT_TRUE(store.begin_run("2026", "2026-09-21 07:00:00", "metodmon"));
  ASSERT_TRUE(store.replace_period_values("2026", rows("2026", 40)));
  store.set_monitoring("m2");
  ASSERT_TRUE(store.begin_run("2026", "2026-10-21 07:00:00", "metodmon"));
  ASSERT_TRUE(store.replace_period_values("2026", rows("2026", 70)));

  // m2 replacing its 2026 values leaves m1's alone.
  store.set_monitoring("m1");
  EXPECT_EQ(store.monitoring(), "m1");
  EXPECT_EQ(*store.values_for("2026"), rows("2026", 40));
  const std::vector<std::string> periods{"2026"};
  EXPECT_EQ(store.values_for_indicator("I1", periods)->size(), 1u);
  EXPECT_EQ(store.list_runs(10)->size(), 1u);
  EXPECT_EQ(*store.list_periods(), std::vector<std::string>{"2026"});
  store.set_monitoring("m3");
  EXPECT_TRUE(store.values_for("2026")->empty());
  EXPECT_TRUE(store.list_runs(10)->empty());
  EXPECT_TRUE(store.list_periods()->empty());
}

TEST(HistoryMonitoringsTest, AnOlderHistoryFileIsMigratedWithItsRowsKept) {
  test::TempDir dir;
  const auto file = dir / "history.sqlite";
  const auto script = test::source_dir() / "tests/data/store/history_v1.sql";
  ASSERT_EQ(std::system(("/usr/bin/python3 -c \"import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
                         "c.executescript(open(sys.argv[2]).read()); c.commit()\" " +
                         test::shell_quote(file.string()) + " " + test::shell_quote(script.string()))
                            .c_str()),
            0);
  {
    auto store = open_store(file);  // the one monitoring of an older configuration: ""
    const auto values = store.values_for("2026-10");
    ASSERT_TRUE(values);
    ASSERT_EQ(values->size(), 3u);
    EXPECT_EQ((*values)[1].school_id, "sch01");
    EXPECT_EQ((*values)[1].numerator, 5.0);
    const auto runs = store.list_runs(10);
    ASSERT_TRUE(runs);
    ASSERT_EQ(runs->size(), 1u);
    EXPECT_EQ((*runs)[0].exit_code, 2);
    EXPECT_EQ(store.files_of_run((*runs)[0].id)->size(), 3u);
    EXPECT_EQ(store.files_of_run((*runs)[0].id)->front().sender, "");  // version 3's column, empty for old rows
    // And it goes on: a new run of the next period, a calendar step.
    ASSERT_TRUE(store.begin_run("2026-11", "2026-12-01 07:00:00", "metodmon"));
    ASSERT_TRUE(store.replace_period_values("2026-11", rows("2026-11", 55)));
    ASSERT_TRUE(store.record_step({"2026-11", "results", "2026-12-16", "2026-12-16", "done", ""}));
    store.set_monitoring("m1");
    EXPECT_TRUE(store.values_for("2026-10")->empty());
  }
  // Reopening does not migrate twice.
  auto again = open_store(file);
  EXPECT_EQ(*again.list_periods(), (std::vector<std::string>{"2026-10", "2026-11"}));
  ASSERT_EQ(again.steps_of("2026-11")->size(), 1u);
}

TEST(HistoryMonitoringsTest, CalendarStartIsTheFirstDayEverSeen) {
  test::TempDir dir;
  auto store = open_store(dir / "history.sqlite");
  store.set_monitoring("m1");
  EXPECT_EQ(*store.calendar_start("2026-01-10"), "2026-01-10");
  EXPECT_EQ(*store.calendar_start("2026-01-11"), "2026-01-10");
  store.set_monitoring("m2");
  EXPECT_EQ(*store.calendar_start("2026-03-01"), "2026-03-01");
}

TEST(HistoryMonitoringsTest, StepsAreRecordedOnceAndUpdated) {
  test::TempDir dir;
  auto store = open_store(dir / "history.sqlite");
  store.set_monitoring("m1");
  const store::CalendarStepRecord results{"2026", "results", "2026-09-21", "2026-09-21", "done", "fp1"};
  ASSERT_TRUE(store.record_step({"2026", "open", "2026-09-01", "2026-09-01", "done", ""}));
  ASSERT_TRUE(store.record_step(results));
  auto again = results;
  again.note = "fp2";
  ASSERT_TRUE(store.record_step(again));
  const auto steps = store.steps_of("2026");
  ASSERT_TRUE(steps);
  ASSERT_EQ(steps->size(), 2u);
  EXPECT_EQ((*steps)[0].step, "open");
  EXPECT_EQ((*steps)[1], again);
  store.set_monitoring("m2");
  EXPECT_TRUE(store.steps_of("2026")->empty());
}

TEST(HistoryMonitoringsTest, LettersAndReceivedFilesPerPeriod) {
  test::TempDir dir;
  auto store = open_store(dir / "history.sqlite");
  store.set_monitoring("m1");
  const std::vector<store::SchoolLetterRecord> letters = {
      {"2026", "sch01", "form-out", "2026-09-01", "dir1@example.ru", "sent"},
      {"2026", "sch02", "form-out", "2026-09-01", "", "no-address"},
      {"2026", "sch01", "reminder", "2026-09-15", "dir1@example.ru", "sent"},
  };
  ASSERT_TRUE(store.record_letters(letters));
  const auto back = store.letters_of("2026");
  ASSERT_TRUE(back);
  ASSERT_EQ(back->size(), 3u);
  EXPECT_EQ((*back)[0], letters[0]);
  EXPECT_EQ((*back)[1], letters[2]);  // by school, then day
  EXPECT_EQ((*back)[2], letters[1]);

  model::FileOutcome bad;
  bad.file.name = "sch01_2026.xlsx";
  bad.file.sha256 = "aa";
  bad.file.mtime = 200;
  bad.school_id = "sch01";
  bad.outcome = model::Outcome::rejected;
  bad.diagnostics.push_back(model::Diagnostic::error({"sch01_2026.xlsx", "Форма", {}, {}, {}}, "пустая ячейка"));
  ASSERT_TRUE(store.record_received("2026", std::vector{bad}, "2026-09-10"));
  auto good = bad;
  good.file.name = "sch01_2026 (1).xlsx";
  good.file.sha256 = "bb";
  good.file.mtime = 100;
  good.outcome = model::Outcome::accepted;
  good.diagnostics.clear();
  good.file.sender = "school1@ensk.example.ru";  // collected from the mailbox
  // The next read sees both; the first keeps the day it was first seen.
  ASSERT_TRUE(store.record_received("2026", std::vector{bad, good}, "2026-09-12"));
  const auto files = store.received_of("2026");
  ASSERT_TRUE(files);
  ASSERT_EQ(files->size(), 2u);
  EXPECT_EQ((*files)[0].name, "sch01_2026 (1).xlsx");  // by mtime
  EXPECT_EQ((*files)[0].outcome, model::Outcome::accepted);
  EXPECT_EQ((*files)[0].sender, "school1@ensk.example.ru");
  EXPECT_EQ((*files)[1].sender, "");  // put into the inbox by hand
  EXPECT_EQ((*files)[1].first_seen, "2026-09-10");
  EXPECT_EQ((*files)[1].last_seen, "2026-09-12");
  EXPECT_NE((*files)[1].errors.find("пустая ячейка"), std::string::npos) << (*files)[1].errors;
  store.set_monitoring("m2");
  EXPECT_TRUE(store.received_of("2026")->empty());
  EXPECT_TRUE(store.letters_of("2026")->empty());
}

}  // namespace
