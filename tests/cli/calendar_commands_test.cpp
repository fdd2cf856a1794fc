// `metodmon open` and `status`, and what the calendar commands say about bad
// input (an unknown monitoring, a calendar that cannot work, mail switched
// off), on the small Krymsk deployment with letters written to the outbox.
#include <gtest/gtest.h>

#include "store/run_lock.h"
#include "support/krymsk_calendar.h"
#include "support/metodmon_cli.h"
#include "support/smtp_server.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

test::ProcessResult metodmon(const std::string& command, const fs::path& config, const std::string& rest) {
  return test::metodmon(command + " -c " + test::shell_quote(config.string()) + " " + rest);
}

}  // namespace

TEST(OpenCommandTest, SendsEachSchoolItsFormAndListsTheSchoolsWithoutAnAddress) {
  test::TempDir dir;
  const auto config = test::write_krymsk_calendar(dir, test::k_krymsk_dry_run_mail);
  const auto r = metodmon("open", config, "--monitoring m1 --today 2026-09-01");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("писем директорам: 3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("без адреса в реестре"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("МБОУ СОШ № 7 ст. Ясеневской"), std::string::npos) << r.out;  // kr05, no e-mail
  const auto letters = test::outbox_letters(dir / "state" / "outbox" / "m1" / "2026-2027");
  ASSERT_EQ(letters.size(), 4u);
  int to_directors = 0;
  for (const auto& l : letters) {
    EXPECT_EQ(l.attachments, 1) << l.subject;
    if (l.to.find("metodist@") != std::string::npos) {
      EXPECT_NE(l.body.find("kr05"), std::string::npos) << l.body;
      continue;
    }
    ++to_directors;
    EXPECT_NE(l.subject.find("срок — 20.09.2026"), std::string::npos) << l.subject;
    EXPECT_NE(l.body.find("не позднее 20 сентября 2026 г."), std::string::npos) << l.body;
  }
  EXPECT_EQ(to_directors, 3);
  EXPECT_TRUE(fs::exists(dir / "out" / "m1" / "2026-2027" / "forms" / "kr05_2026-2027.xlsx"));

  // The calendar knows the forms went out: the daily run does not open again,
  // and the reminders follow it.
  const auto day = metodmon("daily", config, "--today 2026-09-02");
  EXPECT_EQ(day.exit_code, 0) << day.out;
  EXPECT_NE(day.out.find("Сегодня по календарю мониторингов дел нет"), std::string::npos) << day.out;
  EXPECT_EQ(test::outbox_letters(dir / "state" / "outbox" / "m1" / "2026-2027").size(), 4u);
  const auto status = metodmon("status", config, "--monitoring m1 --today 2026-09-02");
  EXPECT_EQ(status.exit_code, 0) << status.out;
  EXPECT_NE(status.out.find("формы разосланы 01.09.2026"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("не прислана: 4"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("нет адреса в реестре"), std::string::npos) << status.out;
}

TEST(OpenCommandTest, SaysWhatIsWrongInRussian) {
  test::TempDir dir;
  const auto config = test::write_krymsk_calendar(dir, test::k_krymsk_dry_run_mail);
  // Each command line refused with its exit code and the words that say why.
  const auto refused = [](const std::string& command, const fs::path& file, const std::string& rest, int code,
                          const std::string& why) {
    const auto r = metodmon(command, file, rest);
    EXPECT_EQ(r.exit_code, code) << command << " " << rest << "\n" << r.out;
    EXPECT_NE(r.out.find(why), std::string::npos) << r.out;
    return r;
  };
  refused("open", config, "--monitoring m9 --today 2026-09-01", 1, "нет мониторинга «m9»; есть: m8, m1");
  refused("open", config, "--today 2026-09-01", 1,
          "несколько мониторингов (m8, m1): укажите один параметром --monitoring");
  refused("open", config, "--monitoring m1 --period 2031-05 --today 2026-09-01", 64,
          "нет сбора данных за период «2031-05»");
  refused("open", config, "--monitoring m1 --today 2026-13-01", 64, "неверная дата «2026-13-01»");
  refused("status", config, "--monitoring m9 --today 2026-09-01", 1, "нет мониторинга «m9»");
  const auto r = refused("daily", config, "--monitoring m9 --today 2026-09-01", 1, "нет мониторинга «m9»");
  EXPECT_EQ(r.out.find("дел нет"), std::string::npos) << r.out;
  // The same deployment without [mail] (the file is rewritten).
  refused("open", test::write_krymsk_calendar(dir, ""), "--monitoring m1 --today 2026-09-01", 1,
          "рассылка выключена");
  EXPECT_FALSE(fs::exists(dir / "state" / "outbox" / "m1"));
}

TEST(DailyCommandTest, AMonitoringWithABadCalendarIsNamedAndTheOthersStillRun) {
  test::TempDir dir;
  // The deadline before the forms go out.
  const auto config = test::write_krymsk_calendar(dir, test::k_krymsk_dry_run_mail, "open_day = 10\ndeadline_day = 5\n");
  const auto r = metodmon("daily", config, "--today 2026-08-01");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("календарь мониторинга «Мониторинг по выявлению профессиональных дефицитов"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("krymsk.toml"), std::string::npos) << r.out;
  // m8 opened all the same.
  EXPECT_NE(r.out.find("m8 «кадровые потребности»: рассылка форм школам"), std::string::npos) << r.out;
  EXPECT_EQ(test::outbox_letters(dir / "state" / "outbox" / "m8" / "2025-2026").size(), 4u);
}

TEST(DailyCommandTest, AfterTheDeadlineTheReminderIsCopiedToTheMethodist) {
  test::TempDir dir;
  test::SmtpServer server(dir / "received");
  ASSERT_GT(server.port(), 0);
  const auto config = test::write_krymsk_calendar(dir, test::krymsk_smtp_mail(server.port()));
  ASSERT_EQ(metodmon("daily", config, "-q --today 2026-09-01").exit_code, 0);
  const auto opened = server.received().size();
  // Nobody answered by 23 September: no results (exit 4, the methodist told),
  // and the reminder after the deadline, to each director, copied to the methodist.
  const auto r = metodmon("daily", config, "-q --today 2026-09-23");
  EXPECT_EQ(r.exit_code, 4) << r.out;
  const auto mails = server.received();
  int reminders = 0;
  for (auto i = opened; i < mails.size(); ++i) {
    if (!mails[i].subject.starts_with("Срок сдачи прошёл")) continue;
    ++reminders;
    ASSERT_EQ(mails[i].rcpt_to.size(), 2u) << mails[i].subject;
    EXPECT_EQ(mails[i].rcpt_to[1], test::k_krymsk_methodist);
    ASSERT_EQ(mails[i].cc.size(), 1u);
    EXPECT_NE(mails[i].cc[0].find(test::k_krymsk_methodist), std::string::npos);
    EXPECT_NE(mails[i].body.find("Срок сдачи (20 сентября 2026 г.) прошёл."), std::string::npos) << mails[i].body;
  }
  EXPECT_EQ(reminders, 3);
}

// At 7:05 the methodist asks how the forms come in while the morning's daily
// run still holds the lock: status answers (it only reads the calendar's
// state), a second daily run does not start (75).
TEST(StatusCommandTest, AnswersWhileARunHoldsTheLock) {
  test::TempDir dir;
  const auto config = test::write_krymsk_calendar(dir, test::k_krymsk_dry_run_mail);
  ASSERT_EQ(metodmon("open", config, "--monitoring m1 --today 2026-09-01").exit_code, 0);
  auto lock = store::RunLock::acquire(dir / "state");  // this process is the run in progress
  ASSERT_TRUE(lock.has_value());
  const auto status = metodmon("status", config, "--monitoring m1 --today 2026-09-02");
  EXPECT_EQ(status.exit_code, 0) << status.out;
  EXPECT_NE(status.out.find("формы разосланы 01.09.2026"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("не прислана: 4"), std::string::npos) << status.out;
  EXPECT_EQ(metodmon("daily", config, "--today 2026-09-02").exit_code, 75);
}

// A deployment installed on 15 September, a reminder day of m1: its first
// daily run sends the forms (late), and that is what the plan shows for the
// day, not the reminder the calendar set for it; the reminder of the 19th
// follows. Both say the day of the calendar, not of the machine's clock.
TEST(PlanCommandTest, AFreshDeploymentsPlanShowsWhatDailyWillDo) {
  test::TempDir dir;
  const auto config = test::write_krymsk_calendar(dir, test::k_krymsk_dry_run_mail);
  const auto plan = metodmon("plan", config, "-m m1 --today 2026-09-15 --to 2026-09-30");
  ASSERT_EQ(plan.exit_code, 0) << plan.out;
  const auto day = [&](const std::string& date) {
    const auto at = plan.out.find("\n" + date + ",");
    if (at == std::string::npos) return std::string();
    const auto end = plan.out.find("\n\n", at + 1);
    return plan.out.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
  };
  const auto fifteenth = day("15.09.2026");
  EXPECT_NE(fifteenth.find("рассылка форм школам (форма за 2026/27 учебный год, срок сдачи — 20.09.2026) — с "
                           "опозданием: по календарю 01.09.2026"),
            std::string::npos)
      << plan.out;
  EXPECT_EQ(fifteenth.find("напоминание"), std::string::npos) << plan.out;
  EXPECT_NE(day("19.09.2026").find("напоминание школам, не сдавшим форму за 2026/27 учебный год (за 1 день до срока)"),
            std::string::npos)
      << plan.out;
  EXPECT_NE(day("21.09.2026").find("итоги за 2026/27 учебный год"), std::string::npos) << plan.out;
  EXPECT_EQ(day("01.09.2026"), "") << "a day before --today is not planned: " << plan.out;

  // What daily then does on the 15th: the forms, no reminder.
  const auto daily = metodmon("daily", config, "-m m1 --today 2026-09-15");
  EXPECT_EQ(daily.exit_code, 0) << daily.out;
  EXPECT_NE(daily.out.find("рассылка форм школам (форма за 2026/27 учебный год, срок сдачи — 20.09.2026) — с "
                           "опозданием: по календарю 01.09.2026: писем школам — 3"),
            std::string::npos)
      << daily.out;
  EXPECT_EQ(daily.out.find("напоминание"), std::string::npos) << daily.out;
  // The plan made after it knows the forms went out.
  const auto again = metodmon("plan", config, "-m m1 --today 2026-09-16 --to 2026-09-30");
  EXPECT_EQ(again.out.find("рассылка форм"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("19.09.2026"), std::string::npos) << again.out;
}

// The outbox and the letters of a day given by --today are dated with that
// day (07:00), not with the machine's clock: «заменяет письмо от …» names the
// calendar's day the replaced letter went out.
TEST(DailyCommandTest, LettersOfADayGivenByHandAreDatedThatDay) {
  test::TempDir dir;
  const auto config = test::write_krymsk_calendar(dir, test::k_krymsk_dry_run_mail);
  ASSERT_EQ(metodmon("daily", config, "-q -m m1 --today 2026-09-01").exit_code, 0);
  const auto journal = test::read_file(dir / "state" / "outbox" / "m1" / "2026-2027" / "journal.tsv");
  EXPECT_NE(journal.find("2026-09-01 07:00:00"), std::string::npos) << journal;
  const auto letters = test::outbox_letters(dir / "state" / "outbox" / "m1" / "2026-2027");
  ASSERT_FALSE(letters.empty());
  const auto eml = test::read_file(dir / "state" / "outbox" / "m1" / "2026-2027" / letters[0].file);
  EXPECT_NE(eml.find("Date: Tue, 01 Sep 2026 07:00:00"), std::string::npos) << eml.substr(0, 400);
}
