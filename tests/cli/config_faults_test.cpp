// Issue 25, points 5 and 6: a mistake in one monitoring's calendar keeps
// that monitoring out and no other; days 29–31 mean «or the last day of a
// shorter month»; a missing definition is named at the configuration line
// that refers to it; a configuration problem met by several monitorings is
// said once; and the smaller faults (an inbox or outbox that is not there, a
// configuration path that is a folder, a registry whose addresses cannot be
// mailed as written) are said in Russian with the right exit code.
#include <gtest/gtest.h>

#include <fstream>

#include "support/krymsk_calendar.h"
#include "support/metodmon_cli.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The Krymsk system in a test folder: [calendar] as shipped, and the
// monitorings' tables as given.
fs::path write_system(const test::TempDir& dir, const std::string& calendar, const std::string& monitorings) {
  std::ofstream out(dir / "krymsk.toml");
  out << "[paths]\ninbox = \"inbox\"\noutput = \"out\"\nstate = \"state\"\nschools = \""
      << (test::source_dir() / "templates/krymsk_schools.csv").string() << "\"\n\n[calendar]\n"
      << calendar << "\n" << monitorings << "\n[forms]\npassword = \"krymsk\"\n\n[inbox]\nsettle_seconds = 0\n\n"
      << test::k_krymsk_dry_run_mail;
  return dir / "krymsk.toml";
}

std::string monitoring(const std::string& id, const std::string& file, const std::string& lines = {}) {
  return "[[monitoring]]\nid = \"" + id + "\"\ndefinition = \"" +
         (file.starts_with("/") ? file : test::krymsk_definition(file).string()) + "\"\n" + lines + "\n";
}

// Today `deadline_day = 31` (or 29, 30) anywhere refused the whole file, and
// `results_day = 40` did too, with the hint «запишите число без кавычек».
TEST(ConfigFaultsTest, OneMonitoringsBadDayOrMissingMethodKeepsOnlyThatMonitoringOut) {
  test::TempDir dir;
  const auto config = write_system(dir, "open_day = 1\ndeadline_day = 20\nremind_before = [5, 1]\nremind_after = [3]\n",
                                   monitoring("m7", "m7_network.toml") +                       // March
                                       monitoring("m6", "m6_mentoring.toml", "results_day = 40\n") +  // April: line 20
                                       monitoring("m5", (dir / "нет/m5.toml").string()) +     // May: line 24
                                       monitoring("m8", "m8_staffing.toml", "deadline_day = 31\n") +  // August
                                       monitoring("m1", "m1_deficits.toml", "deadline_day = 31\n"));  // September
  const auto quoted = test::shell_quote(config.string());

  const auto plan = test::metodmon("plan -c " + quoted + " --from 2026-03-01 --to 2026-09-30");
  EXPECT_EQ(plan.exit_code, 1) << plan.out;  // something is wrong, and said
  EXPECT_NE(plan.out.find("krymsk.toml:20 [monitoring[2].results_day]: ожидалось целое число от 1 до 31 (число "
                          "месяца), найдено «40». Как исправить: results_day — число месяца от 1 до 31"),
            std::string::npos)
      << plan.out;
  EXPECT_EQ(plan.out.find("без кавычек"), std::string::npos) << "40 has no quotes to remove:\n" << plan.out;
  EXPECT_NE(plan.out.find("krymsk.toml:24 [monitoring[3].definition]: нет файла методики " + (dir / "нет/m5.toml").string()),
            std::string::npos)
      << plan.out;
  EXPECT_NE(plan.out.find("мониторинг m6 «Мониторинг"), std::string::npos) << plan.out;
  EXPECT_NE(plan.out.find("пропущен до исправления ошибки выше"), std::string::npos) << plan.out;
  // The others are planned; 31 means the month's last day, and plan says so.
  EXPECT_NE(plan.out.find("01.03.2026"), std::string::npos) << plan.out;
  EXPECT_NE(plan.out.find("m8 «Мониторинг"), std::string::npos) << plan.out;
  EXPECT_NE(plan.out.find("срок сдачи — 31-е число (в месяце, где нет 31-го, — его последний день)"), std::string::npos)
      << plan.out;
  EXPECT_NE(plan.out.find("срок сдачи — 31.08.2026"), std::string::npos) << plan.out;
  EXPECT_NE(plan.out.find("срок сдачи — 30.09.2026"), std::string::npos) << plan.out;
  EXPECT_EQ(count_of(plan.out, "m6 «"), 1u) << "no step of m6 is planned, only its skip is said:\n" << plan.out;

  // m7's forms go out on their day.
  const auto daily = test::metodmon("daily -c " + quoted + " --today 2026-03-01");
  EXPECT_NE(daily.out.find("рассылка форм школам"), std::string::npos) << daily.out;
  EXPECT_NE(daily.out.find("писем школам — 14"), std::string::npos) << daily.out;
}

// A [calendar] mistake met by every monitoring that takes the key from
// there is said once, not once per monitoring; one that sets its own runs.
TEST(ConfigFaultsTest, ACalendarMistakeSharedByMonitoringsIsSaidOnce) {
  test::TempDir dir;
  const auto config = write_system(dir, "open_day = 1\ndeadline_day = 20\nresults_day = \"21\"\n",
                                   monitoring("m7", "m7_network.toml", "results_day = 21\n") +
                                       monitoring("m6", "m6_mentoring.toml") + monitoring("m1", "m1_deficits.toml"));
  const auto r = test::metodmon("plan -c " + test::shell_quote(config.string()) + " --from 2026-03-01 --to 2026-03-02");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_EQ(count_of(r.out, "[calendar.results_day]"), 1u) << r.out;
  EXPECT_NE(r.out.find("найдено «21». Как исправить: запишите число без кавычек: results_day = 21"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("рассылка форм школам"), std::string::npos) << "m7 is planned:\n" << r.out;
}

// Today: «файлов: 1» beside «папка не найдена», and exit 4 as if no school
// had sent a form.
TEST(ConfigFaultsTest, ARunWithoutItsInboxFolderIsAConfigurationError) {
  test::TempDir dir;
  test::DemoConfig c;
  c.inbox = dir / "нет такой папки";
  const auto config = test::write_demo_config(dir, c);
  const auto r = test::metodmon("run -c " + test::shell_quote(config.string()));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("папка входящих форм не найдена"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("проверьте параметр inbox в " + config.string()), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("не принято ни одной формы"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("файлов во входящей папке"), std::string::npos) << r.out;
}

TEST(ConfigFaultsTest, AConfigurationPathThatIsAFolderIsCalledOne) {
  test::TempDir dir;
  test::write_demo_config(dir);  // <dir>/metodmon.toml
  const auto r = test::metodmon("run -c " + test::shell_quote(dir.path().string()));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("это папка, а не файл конфигурации"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--config " + (dir / "metodmon.toml").string()), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("не указан обязательный параметр"), std::string::npos) << r.out;
}

// Today: «Not a directory» / «No such file or directory», from the C library.
TEST(ConfigFaultsTest, AnOutboxThatCannotBeWrittenGivesTheCauseInRussian) {
  test::TempDir dir;
  dir.write("blocker", "a file where the outbox's folder should be");
  test::DemoConfig c;
  c.extra = std::string(test::k_dry_run_mail) + "outbox = \"" + (dir / "blocker" / "outbox").string() + "\"\n";
  const auto config = test::write_demo_config(dir, c);
  const auto r = test::metodmon("run -q -c " + test::shell_quote(config.string()));
  EXPECT_EQ(r.exit_code, 5) << r.out;
  EXPECT_NE(r.out.find("часть пути — файл, а не папка"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Not a directory"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("No such file"), std::string::npos) << r.out;
}

// Today a registry with an address two schools share, or two addresses in
// one cell, passed without a word on the console.
TEST(ConfigFaultsTest, ARegistryWhoseAddressesCannotBeMailedAsWrittenIsWarnedAbout) {
  test::TempDir dir;
  std::string registry = test::read_file(test::source_dir() / "templates/demo_schools.csv");
  const auto replace = [&](const std::string& from, const std::string& to) {
    registry.replace(registry.find(from), from.size(), to);
  };
  replace(";school2@ensk-edu.example\n", ";school1@ensk-edu.example\n");  // sch02 at sch01's address
  replace(";gymn3@ensk-edu.example\n", ";\"gymn3@ensk-edu.example, zavuch3@ensk-edu.example\"\n");
  test::DemoConfig c;
  c.schools = dir.write("schools.csv", registry);
  const auto r = test::metodmon("run -q -c " + test::shell_quote(test::write_demo_config(dir, c).string()));
  EXPECT_NE(r.out.find("адрес school1@ensk-edu.example указан у двух школ: «sch01» (строка 2) и «sch02»"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("письма обеим школам (итоги, формы, напоминания) уйдут на один адрес"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("у школы «sch03» e-mail директора записан с ошибкой (несколько адресов или адрес с запятой): "
                       "письма школе (итоги, формы на заполнение, напоминания, ответы на её письма) отправлены не "
                       "будут"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("впишите в столбец senders"), std::string::npos) << r.out;
}

}  // namespace
