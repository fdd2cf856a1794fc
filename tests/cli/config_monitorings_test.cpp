// The configuration of several monitorings ([[monitoring]], [calendar],
// shared [paths] schools), today's single [monitoring] unchanged, and each
// monitoring's timetable with its definition.
#include <gtest/gtest.h>

#include "cli/config/config.h"
#include "cli/config/monitorings.h"
#include "calendar/timetable.h"
#include "definition/definition_loader.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

std::string krymsk(const std::string& file) { return (test::source_dir() / "templates/krymsk" / file).string(); }

cli::Config load(const test::TempDir& dir, const std::string& text) {
  dir.write("metodmon.toml", text);
  auto c = cli::load_config(dir / "metodmon.toml");
  EXPECT_TRUE(c) << (c ? "" : model::to_string(c.error()[0]));
  return c ? *c : cli::Config{};
}

std::vector<std::string> errors(const test::TempDir& dir, const std::string& text) {
  dir.write("metodmon.toml", text);
  const auto c = cli::load_config(dir / "metodmon.toml");
  std::vector<std::string> out;
  if (!c) {
    for (const auto& d : c.error()) out.push_back(model::to_string(d));
  }
  return out;
}

const std::string k_paths = "[paths]\ninbox = \"in\"\noutput = \"out\"\nstate = \"state\"\nschools = \"schools.csv\"\n";

TEST(ConfigMonitoringsTest, ASingleMonitoringIsTheOneWithoutId) {
  test::TempDir dir;
  const auto c = load(dir, "[monitoring]\ndefinition = \"d.toml\"\nschools = \"s.csv\"\nperiod = \"2026-11\"\n"
                           "[paths]\ninbox = \"in\"\noutput = \"out\"\n");
  ASSERT_EQ(c.monitorings.size(), 1u);
  EXPECT_EQ(c.monitorings[0].id, "");
  EXPECT_EQ(c.monitoring_id, "");
  EXPECT_FALSE(c.calendar);  // no schedule keys: a plain monthly configuration
  const auto one = cli::select_monitoring(c, "");
  ASSERT_TRUE(one);
  EXPECT_EQ(one->definition, dir / "d.toml");
  EXPECT_EQ(one->outbox, c.outbox);  // no subfolder
}

TEST(ConfigMonitoringsTest, ListOfMonitoringsWithSharedRegistryAndCalendarDefaults) {
  test::TempDir dir;
  const auto c = load(dir, k_paths +
                               "[calendar]\nopen_day = 2\ndeadline_day = 20\nremind_before = [5, 1]\n"
                               "[[monitoring]]\nid = \"m1\"\ndefinition = \"" + krymsk("m1_deficits.toml") + "\"\n"
                               "[[monitoring]]\nid = \"m7\"\ndefinition = \"" + krymsk("m7_network.toml") + "\"\n"
                               "deadline_day = 25\nremind_after = [2]\nschools = \"own.csv\"\ninbox = \"/srv/net\"\n");
  ASSERT_EQ(c.monitorings.size(), 2u);
  EXPECT_TRUE(c.calendar);
  const auto& m1 = c.monitorings[0];
  EXPECT_EQ(m1.schools, dir / "schools.csv");
  EXPECT_EQ(m1.inbox, dir / "in/m1");
  EXPECT_EQ(m1.output, dir / "out/m1");
  EXPECT_EQ(m1.schedule.open_day, 2);
  EXPECT_EQ(m1.schedule.deadline_day, 20);
  const auto& m7 = c.monitorings[1];
  EXPECT_EQ(m7.schools, dir / "own.csv");
  EXPECT_EQ(m7.inbox, fs::path("/srv/net"));
  EXPECT_EQ(m7.schedule.deadline_day, 25);  // its own beats [calendar]
  EXPECT_EQ(m7.schedule.remind_before, (std::vector<int>{5, 1}));

  const auto seven = cli::select_monitoring(c, "m7");
  ASSERT_TRUE(seven);
  EXPECT_EQ(seven->monitoring_id, "m7");
  EXPECT_EQ(seven->outbox, c.outbox / "m7");
  EXPECT_EQ(seven->archive, c.archive / "m7");
  EXPECT_FALSE(cli::select_monitoring(c, ""));    // several: one must be named
  EXPECT_FALSE(cli::select_monitoring(c, "m9"));  // no such

  // Its timetable: months from the definition's [schedule] (March), days from the configuration.
  const auto def = definition::load_definition(seven->definition);
  ASSERT_TRUE(def);
  const auto t = cli::timetable_for(*seven, def->definition);
  ASSERT_TRUE(t) << model::to_string(t.error()[0]);
  EXPECT_EQ(t->months, std::vector<int>{3});
  EXPECT_EQ(t->open_day, 2);
  EXPECT_EQ(t->deadline_day, 25);
  EXPECT_EQ(t->results_day, 0);  // not given: the day after the deadline
  EXPECT_EQ(calendar::iso_text(calendar::cycle_of(*t, 2026, 3).results), "2026-03-26");
  EXPECT_EQ(t->remind_after, std::vector<int>{2});
}

TEST(ConfigMonitoringsTest, TimetableProblemsNameTheMonitoringAndItsTable) {
  test::TempDir dir;
  const auto c = load(dir, k_paths + "[[monitoring]]\nid = \"m1\"\ndefinition = \"" + krymsk("m1_deficits.toml") +
                               "\"\nopen_day = 10\ndeadline_day = 5\n");
  const auto one = cli::select_monitoring(c, "m1");
  const auto def = definition::load_definition(one->definition);
  const auto t = cli::timetable_for(*one, def->definition);
  ASSERT_FALSE(t);
  const auto text = model::to_string(t.error()[0]);
  EXPECT_NE(text.find("metodmon.toml:6 [monitoring[1]]: календарь мониторинга «Мониторинг по выявлению профессиональных дефицитов"), std::string::npos) << text;
  EXPECT_NE(text.find("срок сдачи (5-е число) должен быть позже дня рассылки форм (10-е число)"), std::string::npos)
      << text;
}

TEST(ConfigMonitoringsTest, MistakesAreLocatedInRussian) {
  test::TempDir dir;
  const auto e = errors(dir, "[paths]\ninbox = \"in\"\noutput = \"out\"\n"
                             "[[monitoring]]\nid = \"M 1\"\ndefinition = \"a.toml\"\n"
                             "[[monitoring]]\nid = \"m2\"\ndefinition = \"b.toml\"\nopen_dya = 3\nmonths = [13]\n"
                             "[[monitoring]]\nid = \"m2\"\n"
                             "[calendar]\nremind_before = 3\n");
  std::string all;
  for (const auto& s : e) all += s + "\n";
  EXPECT_NE(all.find("[monitoring[1].id]: код мониторинга — латинские строчные буквы"), std::string::npos) << all;
  EXPECT_NE(all.find("не указан реестр школ"), std::string::npos) << all;
  EXPECT_NE(all.find("неизвестный ключ «open_dya» в [[monitoring]]"), std::string::npos) << all;
  EXPECT_NE(all.find("мониторинг с кодом «m2» уже есть"), std::string::npos) << all;
  EXPECT_NE(all.find("в [[monitoring]] не указан обязательный ключ «definition»"), std::string::npos) << all;
  // A schedule key's value is the monitoring's problem, not the file's (below).
  EXPECT_EQ(all.find("«months» — список"), std::string::npos) << all;
  EXPECT_EQ(all.find("«remind_before» — список"), std::string::npos) << all;
}

// Issue 25: one monitoring's bad day refused the whole configuration.
TEST(ConfigMonitoringsTest, AScheduleMistakeStaysWithItsMonitoring) {
  test::TempDir dir;
  const auto c = load(dir, k_paths + "[calendar]\nremind_before = 3\n"
                                     "[[monitoring]]\nid = \"m1\"\ndefinition = \"" + krymsk("m1_deficits.toml") + "\"\n"
                                     "remind_before = [5]\nresults_day = 40\n"
                                     "[[monitoring]]\nid = \"m7\"\ndefinition = \"" + krymsk("m7_network.toml") + "\"\n"
                                     "deadline_day = 31\nremind_before = [2]\n"
                                     "[[monitoring]]\nid = \"m8\"\ndefinition = \"" + krymsk("m8_staffing.toml") + "\"\n");
  ASSERT_EQ(c.monitorings.size(), 3u);
  const auto timetable = [&](const std::string& id) {
    const auto one = cli::select_monitoring(c, id);
    const auto def = definition::load_definition(one->definition);
    return cli::timetable_for(*one, def->definition);
  };
  // m1: its own results_day, located, with a hint that fits a number out of range.
  const auto m1 = timetable("m1");
  ASSERT_FALSE(m1);
  ASSERT_EQ(m1.error().size(), 1u);
  EXPECT_EQ(model::to_string(m1.error()[0]),
            "metodmon.toml:12 [monitoring[1].results_day]: ожидалось целое число от 1 до 31 (число месяца), найдено "
            "«40». Как исправить: results_day — число месяца от 1 до 31 (29, 30 и 31 в более коротком месяце "
            "означают его последний день); например: results_day = 21");
  // m7: deadline on the 31st is the month's last day; its own reminders override [calendar].
  const auto m7 = timetable("m7");
  ASSERT_TRUE(m7) << model::to_string(m7.error()[0]);
  EXPECT_EQ(calendar::iso_text(calendar::cycle_of(*m7, 2026, 3).deadline), "2026-03-31");
  EXPECT_EQ(calendar::iso_text(calendar::cycle_of(*m7, 2026, 3).results), "2026-04-01");
  // m8 takes [calendar]'s remind_before, and so its problem.
  const auto m8 = timetable("m8");
  ASSERT_FALSE(m8);
  EXPECT_NE(model::to_string(m8.error()[0]).find("metodmon.toml:7 [calendar.remind_before]"), std::string::npos)
      << model::to_string(m8.error()[0]);
}

}  // namespace
