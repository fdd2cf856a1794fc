// A simulated season of Krymsk's calendar (two of its eight monitorings, as
// scripts/samples/krymsk_system.toml configures them: m8 in August, closing
// the 2025/26 school year, m1 in September, opening 2026/27) driven by
// `metodmon daily --today DAY` over fake dates, with a real SMTP server on
// loopback: who received what on which day. The schools fill the very forms
// the daily run mailed them (scripts/fill_samples.py, openpyxl); one makes a
// mistake, one is late, one has no e-mail. The whole school year of all nine
// monitorings is tests/cli/daily_year_test.cpp.
#include <gtest/gtest.h>

#include <signal.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <map>
#include <thread>

#include "support/krymsk_calendar.h"
#include "support/metodmon_cli.h"
#include "support/smtp_server.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

constexpr const char* k_methodist = test::k_krymsk_methodist;
constexpr const char* k_kr01 = "school1@krymsk-edu.example";
constexpr const char* k_kr02 = "gymn2@krymsk-edu.example";
constexpr const char* k_kr04 = "lyceum4@krymsk-edu.example";

// What one day brought: envelope recipient -> subjects.
using Day = std::map<std::string, std::vector<std::string>>;

class DailyCalendarTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server = std::make_unique<test::SmtpServer>(dir / "received");
    ASSERT_GT(server->port(), 0);
    config = test::write_krymsk_calendar(dir, test::krymsk_smtp_mail(server->port()));
  }

  // Runs `daily` on `date`; returns the letters the server got from it.
  Day daily(const std::string& date, int expected_exit = 0) {
    const auto before = server->received().size();
    const auto r = test::metodmon("daily -q -c " + test::shell_quote(config.string()) + " --today " + date);
    EXPECT_EQ(r.exit_code, expected_exit) << date << "\n" << r.out;
    Day day;
    const auto mails = server->received();
    for (auto i = before; i < mails.size(); ++i) {
      for (const auto& rcpt : mails[i].rcpt_to) day[rcpt].push_back(mails[i].subject);
      all.push_back(mails[i]);
    }
    return day;
  }

  // The blank forms the directors received for `monitoring` ("m1"), filled
  // by the schools' way of filling them, into <dir>/filled_<monitoring>/.
  fs::path fill_received_forms(const std::string& monitoring, const std::string& definition_file) {
    const auto blank = dir / ("blank_" + monitoring);
    fs::create_directories(blank);
    for (const auto& m : all) {
      for (const auto& [name, bytes] : m.attachments) {
        if (m.subject.starts_with("Форма мониторинга «") && name.ends_with(".xlsx") && m.rcpt_to.size() == 1 &&
            m.rcpt_to[0] != k_methodist && m.subject.find(monitoring_title.at(monitoring)) != std::string::npos) {
          std::ofstream(blank / name, std::ios::binary) << bytes;
        }
      }
    }
    const auto filled = dir / ("filled_" + monitoring);
    const auto r = test::run_command("/usr/bin/python3 " +
                                     test::shell_quote((test::source_dir() / "scripts/fill_samples.py").string()) +
                                     " --definition " + test::shell_quote(test::krymsk_definition(definition_file).string()) + " " +
                                     test::shell_quote(blank.string()) + " " + test::shell_quote(filled.string()) +
                                     " 2>&1");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return filled;
  }

  // A school's filled form into the monitoring's inbox, sent at `when`.
  void deliver(const fs::path& form, const std::string& monitoring, const std::string& name,
               const std::string& when) {
    const auto inbox = dir / "inbox" / monitoring;
    fs::create_directories(inbox);
    fs::copy_file(form, inbox / name, fs::copy_options::overwrite_existing);
    const auto r = test::run_command("touch -d " + test::shell_quote(when) + " " +
                                     test::shell_quote((inbox / name).string()));
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }

  // Text in the first numeric cell of the form: the school's mistake.
  static void spoil(const fs::path& form) {
    const auto r = test::run_python(R"(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for dn in sorted(wb.defined_names.definedName, key=lambda d: d.name):
    if not dn.name.startswith("in_"):
        continue
    sheet, coord = next(iter(dn.destinations))
    cell = wb[sheet][coord.replace("$", "")]
    if isinstance(cell.value, int):
        cell.value = "около 30"
        break
wb.save(sys.argv[1])
)",
                                    {form.string()});
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }

  test::TempDir dir;
  std::unique_ptr<test::SmtpServer> server;
  fs::path config;
  std::vector<test::ReceivedMail> all;
  const std::map<std::string, std::string> monitoring_title = {
      {"m8", "«кадровые потребности»"}, {"m1", "«профессиональные дефициты»"}};
};

bool all_start_with(const std::vector<std::string>& subjects, const std::string& prefix) {
  for (const auto& s : subjects) {
    if (!s.starts_with(prefix)) return false;
  }
  return !subjects.empty();
}

}  // namespace

TEST_F(DailyCalendarTest, AFormsSeasonOfTwoMonitoringsDayByDay) {
  // Before August nothing is due.
  EXPECT_TRUE(daily("2026-07-31").empty());

  // 1 August: m8 opens; m1 (September) does nothing. kr05 has no e-mail:
  // the methodist gets its form to hand over.
  auto day = daily("2026-08-01");
  EXPECT_EQ(day.size(), 4u);
  for (const auto* school : {k_kr01, k_kr02, k_kr04}) {
    ASSERT_EQ(day[school].size(), 1u) << school;
    EXPECT_NE(day[school][0].find("«кадровые потребности» за 2025/26 учебный год"), std::string::npos) << day[school][0];
    EXPECT_NE(day[school][0].find("срок — 25.08.2026"), std::string::npos) << day[school][0];
  }
  ASSERT_EQ(day[k_methodist].size(), 1u);
  EXPECT_NE(day[k_methodist][0].find("без адреса"), std::string::npos) << day[k_methodist][0];
  ASSERT_EQ(all.size(), 4u);
  for (const auto& m : all) {
    ASSERT_EQ(m.attachments.size(), 1u) << m.subject;
    if (m.rcpt_to[0] == k_kr01) {
      EXPECT_EQ(m.attachments[0].first, "kr01_2025-2026.xlsx");
    }
    if (m.rcpt_to[0] == k_methodist) {
      EXPECT_EQ(m.attachments[0].first, "kr05_2025-2026.xlsx");
    }
  }

  // Every school with an address answers m8 on time, with the form it got.
  const auto m8_forms = fill_received_forms("m8", "m8_staffing.toml");
  for (const auto* id : {"kr01", "kr02", "kr04"}) {
    deliver(m8_forms / (std::string(id) + "_2025-2026.xlsx"), "m8", std::string(id) + "_2025-2026.xlsx",
            "2026-08-10 10:00");
  }
  // 26 August: m8's results to every director and the methodist; the
  // reminders before the deadline, slept through, are named in her letter.
  day = daily("2026-08-26");
  EXPECT_EQ(day.size(), 4u);
  for (const auto* school : {k_kr01, k_kr02, k_kr04}) {
    ASSERT_EQ(day[school].size(), 1u) << school;
    EXPECT_TRUE(day[school][0].starts_with("Итоги мониторинга «кадровые потребности» за 2025/26 учебный год"))
        << day[school][0];
  }
  ASSERT_EQ(day[k_methodist].size(), 1u);
  EXPECT_NE(all.back().body.find("Календарь: пропущено, пока программа не запускалась:"), std::string::npos)
      << all.back().body;
  // 28 August: the only debtor (kr05) has no address: no reminder to anyone,
  // the methodist has the state of the collection.
  day = daily("2026-08-28");
  ASSERT_EQ(day.size(), 1u);
  ASSERT_EQ(day[k_methodist].size(), 1u);
  EXPECT_TRUE(day[k_methodist][0].starts_with("metodmon: сдача форм мониторинга «кадровые потребности»"))
      << day[k_methodist][0];

  // 1 September: m1 opens. The first try dies mid-day (the mail server
  // never answers, the run is killed); the rerun sends each letter once.
  {
    test::SmtpSinkOptions stalled;
    stalled.stall_greeting = true;
    test::SmtpServer dead(dir / "received_dead", stalled);
    ASSERT_GT(dead.port(), 0);
    test::write_krymsk_calendar(dir, test::krymsk_smtp_mail(dead.port()));
    const auto pid = test::spawn_metodmon({"daily", "-q", "-c", config.string(), "--today", "2026-09-01"});
    for (int i = 0; i < 100 && dead.connections() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_GT(dead.connections(), 0);
    ::kill(pid, SIGKILL);
    EXPECT_EQ(test::wait_exit(pid), -SIGKILL);
    test::write_krymsk_calendar(dir, test::krymsk_smtp_mail(server->port()));
  }
  day = daily("2026-09-01");
  EXPECT_EQ(day.size(), 4u);
  for (const auto* school : {k_kr01, k_kr02, k_kr04}) {
    ASSERT_EQ(day[school].size(), 1u) << school;
    EXPECT_NE(day[school][0].find("«профессиональные дефициты» за 2026/27 учебный год"), std::string::npos)
        << day[school][0];
    EXPECT_NE(day[school][0].find("срок — 20.09.2026"), std::string::npos) << day[school][0];
  }
  EXPECT_EQ(day[k_methodist].size(), 1u);
  EXPECT_TRUE(daily("2026-09-01").empty()) << "a rerun the same day sends nothing";

  // kr01 answers on time; kr02's form has a mistake; kr04 is silent.
  const auto m1_forms = fill_received_forms("m1", "m1_deficits.toml");
  deliver(m1_forms / "kr01_2026-2027.xlsx", "m1", "kr01_2026-2027.xlsx", "2026-09-10 10:00");
  fs::copy_file(m1_forms / "kr02_2026-2027.xlsx", dir / "kr02_spoilt.xlsx");
  spoil(dir / "kr02_spoilt.xlsx");
  deliver(dir / "kr02_spoilt.xlsx", "m1", "kr02_2026-2027.xlsx", "2026-09-12 10:00");

  // 15 September (five days before): kr02 is answered first — its errors,
  // how to fix them, the deadline — and so not reminded as well; the
  // reminder goes only to the other debtor; the methodist has the state of
  // the collection. Nothing twice on a rerun.
  day = daily("2026-09-15");
  EXPECT_EQ(day.size(), 3u);
  EXPECT_EQ(day.count(k_kr01), 0u);
  ASSERT_EQ(day[k_kr02].size(), 1u);
  EXPECT_TRUE(day[k_kr02][0].starts_with("Форма мониторинга «профессиональные дефициты» за 2026/27 учебный год не "
                                         "принята — "))
      << day[k_kr02][0];
  EXPECT_TRUE(all_start_with(day[k_kr04], "Напоминание: форма мониторинга")) << day[k_kr04].size();
  ASSERT_EQ(day[k_methodist].size(), 1u);
  for (const auto& m : all) {
    if (m.rcpt_to[0] == k_kr02 && m.subject.find("не принята") != std::string::npos) {
      EXPECT_NE(m.body.find("(введено «около 30»)"), std::string::npos) << m.body;
      EXPECT_NE(m.body.find("Пришлите форму не позднее 20 сентября 2026 г."), std::string::npos) << m.body;
    }
  }
  EXPECT_TRUE(daily("2026-09-15").empty());

  // 21 September: results — kr01's director and the methodist; kr02, told
  // of its errors already, is not told again.
  day = daily("2026-09-21", 2);
  EXPECT_EQ(day.size(), 2u);
  ASSERT_EQ(day[k_kr01].size(), 1u);
  EXPECT_TRUE(day[k_kr01][0].starts_with("Итоги мониторинга «профессиональные дефициты» за 2026/27 учебный год"))
      << day[k_kr01][0];
  ASSERT_EQ(day[k_methodist].size(), 1u);
  EXPECT_EQ(day.count(k_kr02), 0u);
  EXPECT_EQ(day.count(k_kr04), 0u);

  // 22 September: kr02's corrected form and kr04's late one arrive.
  deliver(m1_forms / "kr02_2026-2027.xlsx", "m1", "kr02_2026-2027_исправленная.xlsx", "2026-09-22 09:00");
  deliver(m1_forms / "kr04_2026-2027.xlsx", "m1", "kr04_2026-2027.xlsx", "2026-09-22 11:00");
  // 23 September: no debtor with an address is left to remind (the methodist
  // has the state of the collection); corrected results go to kr01 (the
  // median and the municipal values moved), the first results to kr02 and
  // kr04; kr02 is not told again of its superseded file.
  day = daily("2026-09-23", 2);  // kr02's first form is still rejected
  EXPECT_EQ(day.size(), 4u);
  ASSERT_EQ(day[k_kr01].size(), 1u);
  EXPECT_TRUE(day[k_kr01][0].starts_with("Уточнённые итоги мониторинга «профессиональные дефициты»")) << day[k_kr01][0];
  ASSERT_EQ(day[k_kr02].size(), 1u);
  EXPECT_TRUE(day[k_kr02][0].starts_with("Итоги мониторинга «профессиональные дефициты» за 2026/27 учебный год"))
      << day[k_kr02][0];
  ASSERT_EQ(day[k_kr04].size(), 1u);
  ASSERT_EQ(day[k_methodist].size(), 2u);
  EXPECT_TRUE(daily("2026-09-24").empty());

  // The season as `status` tells it.
  const auto status =
      test::metodmon("status -c " + test::shell_quote(config.string()) + " -m m1 --today 2026-09-24");
  EXPECT_EQ(status.exit_code, 0) << status.out;
  const auto line_of = [&](const std::string& school) {
    const auto at = status.out.find("\n" + school + " ");
    return at == std::string::npos ? std::string() : status.out.substr(at + 1, status.out.find('\n', at + 1) - at - 1);
  };
  EXPECT_TRUE(line_of("kr01").ends_with("принята")) << status.out;
  EXPECT_NE(line_of("kr02").find("отклон"), std::string::npos) << status.out;  // its first file
  EXPECT_TRUE(line_of("kr02").ends_with("прислана в срок с ошибками; исправлена после срока (22.09.2026)")) << status.out;
  EXPECT_TRUE(line_of("kr04").ends_with("прислана после срока")) << status.out;
  EXPECT_TRUE(line_of("kr05").ends_with("не прислана")) << status.out;
  EXPECT_NE(status.out.find("формы разосланы 01.09.2026; срок сдачи — 20.09.2026"), std::string::npos) << status.out;
}

// 1 August the disk is full where the letters are filed (stood in for by a
// file where m8's outbox folder should be): no form can be filed, so none
// goes out; the day says so (exit 5: someone must look) and the step is not
// done. 2 August, with room again, each school gets its form, once.
TEST_F(DailyCalendarTest, FormsThatCouldNotBeFiledGoOutTheNextDayOnce) {
  fs::create_directories(dir / "state/outbox");
  std::ofstream(dir / "state/outbox/m8") << "not a folder\n";
  const auto blocked = test::metodmon("daily -c " + test::shell_quote(config.string()) + " --today 2026-08-01");
  EXPECT_EQ(blocked.exit_code, 5) << blocked.out;
  EXPECT_NE(blocked.out.find("письма не записаны в папку отправки"), std::string::npos) << blocked.out;
  EXPECT_TRUE(server->received().empty());

  fs::remove(dir / "state/outbox/m8");
  auto day = daily("2026-08-02");
  EXPECT_EQ(day.size(), 4u);
  for (const auto* school : {k_kr01, k_kr02, k_kr04}) {
    ASSERT_EQ(day[school].size(), 1u) << school;
    EXPECT_NE(day[school][0].find("«кадровые потребности»"), std::string::npos) << day[school][0];
  }
  EXPECT_EQ(day[k_methodist].size(), 1u);  // kr05's form, to hand over
  EXPECT_TRUE(daily("2026-08-03").empty()) << "the forms went out once";
}
