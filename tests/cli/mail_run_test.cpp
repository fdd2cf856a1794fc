// `metodmon run` with mail against a real SMTP server (aiosmtpd on loopback):
// directors get their own workbook with a salutation by name and patronymic,
// the methodist the full one, schools with rejected forms their errors; every
// letter answers to the methodist; a rerun sends again only what changed,
// marked «Уточнённые итоги».
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "support/mail_run.h"
#include "support/openpyxl_check.h"
#include "support/smtp_server.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

constexpr const char* k_methodist = "metodist@ensk-edu.example";

// Lowers sch01's courses_passed by 3 (indicator 5.1 «…прошедших КПК…» changes).
void change_sch01_form(const fs::path& inbox) {
  const auto r = test::run_python(R"(
import sys, openpyxl
path = sys.argv[1]
wb = openpyxl.load_workbook(path)
for dn in wb.defined_names.definedName:
    if dn.name == "in_courses_passed":
        for sheet, coord in dn.destinations:
            cell = wb[sheet][coord.replace("$", "")]
            cell.value = int(cell.value) - 3
wb.save(path)
)", {(inbox / "sch01_2026-11.xlsx").string()});
  ASSERT_EQ(r.exit_code, 0) << r.out;
}

const test::ReceivedMail* letter_to(const std::vector<test::ReceivedMail>& mails, const std::string& to) {
  const auto it = std::find_if(mails.begin(), mails.end(), [&](const test::ReceivedMail& m) {
    return m.rcpt_to == std::vector<std::string>{to};
  });
  return it == mails.end() ? nullptr : &*it;
}

}  // namespace

TEST(MailRunTest, DirectorsMethodistAndRejectedSchoolsGetTheirLetters) {
  test::TempDir dir;
  test::SmtpServer server(dir / "received");
  ASSERT_GT(server.port(), 0);
  const auto config = test::write_mail_run_config(dir, server.port());
  const auto r = test::metodmon("run -q --config " + config.string());
  EXPECT_EQ(r.exit_code, 2) << r.out;  // forms rejected, mail fine
  const auto mails = server.wait_for(17);
  ASSERT_EQ(mails.size(), 17u);  // 12 directors + methodist + 4 rejected forms
  const auto emails = test::demo_school_by_email();
  int directors = 0, rejected = 0, methodist = 0;
  for (const auto& m : mails) {
    EXPECT_TRUE(m.defects.empty()) << m.defects;
    ASSERT_EQ(m.rcpt_to.size(), 1u);
    // Every letter answers to the methodist, not to the robot's mailbox.
    EXPECT_EQ(m.reply_to, std::vector<std::string>{k_methodist}) << m.subject;
    const auto& to = m.rcpt_to[0];
    if (to == k_methodist) {
      ++methodist;
      EXPECT_NE(m.subject.find("принято форм: 12, отклонено: 4"), std::string::npos) << m.subject;
      EXPECT_NE(m.body.find("sch09_2026-11.xlsx"), std::string::npos);
      // The workbook, the аналитическая справка and the draft приказ.
      ASSERT_EQ(m.attachments.size(), 3u);
      EXPECT_EQ(m.attachments[0].second,
                test::read_file(dir / "out/2026-11/Итоги_demo-ensk_2026-11.xlsx"));
      EXPECT_EQ(m.attachments[1].first, "Справка_demo-ensk_2026-11.docx");
      EXPECT_EQ(m.attachments[1].second, test::read_file(dir / "out/2026-11/Справка_demo-ensk_2026-11.docx"));
      EXPECT_EQ(m.attachments[2].first, "Приказ_demo-ensk_2026-11.docx");
      continue;
    }
    ASSERT_TRUE(emails.contains(to)) << to;
    const auto school = emails.at(to);
    if (m.subject.find("не принята") != std::string::npos) {
      ++rejected;
      EXPECT_TRUE(m.attachments.empty());
      EXPECT_NE(m.body.find("ячейка C"), std::string::npos) << m.body;
      continue;
    }
    ++directors;
    // The subject names the monitoring (its definition's title: the demo sets no short name).
    EXPECT_TRUE(m.subject.starts_with("Итоги мониторинга методической работы")) << m.subject;
    EXPECT_NE(m.subject.find(" за ноябрь 2026 — "), std::string::npos) << m.subject;
    ASSERT_EQ(m.attachments.size(), 1u);
    // The attachment is this school's own workbook, byte for byte.
    EXPECT_EQ(m.attachments[0].first, school + "_2026-11.xlsx");
    EXPECT_EQ(m.attachments[0].second, test::read_file(dir / "out/2026-11/directors" / (school + "_2026-11.xlsx")));
    // The count word agrees with its number: 1/21 показатель, 2-4 показателя, else показателей.
    std::smatch worse;
    const std::regex worse_line("хуже медианы по округу: (\\d+) (\\S+)\\.");
    ASSERT_TRUE(std::regex_search(m.body, worse, worse_line)) << m.body;
    const int n = std::stoi(worse[1]);
    const char* word = n % 10 == 1 && n % 100 != 11                                  ? "показатель"
                       : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? "показателя"
                                                                                      : "показателей";
    EXPECT_EQ(worse[2], word) << m.body;
  }
  EXPECT_EQ(directors, 12);
  EXPECT_EQ(rejected, 4);
  EXPECT_EQ(methodist, 1);
  // The salutation uses the name and patronymic, with the director's gender.
  const auto* petrova = letter_to(mails, "school1@ensk-edu.example");  // Петрова Анна Викторовна
  const auto* sidorov = letter_to(mails, "school2@ensk-edu.example");  // Сидоров Игорь Николаевич
  ASSERT_NE(petrova, nullptr);
  ASSERT_NE(sidorov, nullptr);
  EXPECT_EQ(petrova->body.rfind("Уважаемая Анна Викторовна!", 0), 0u) << petrova->body;
  EXPECT_EQ(sidorov->body.rfind("Уважаемый Игорь Николаевич!", 0), 0u) << sidorov->body;
}

TEST(MailRunTest, DryRunWritesEmlFilesAndSendsNothing) {
  test::TempDir dir;
  test::SmtpServer server(dir / "received");
  const auto config = test::write_mail_run_config(dir, server.port());
  const auto r = test::metodmon("run -q --dry-run --config " + config.string());
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(test::count_eml_files(dir / "state/outbox/2026-11"), 17);
  EXPECT_TRUE(server.received().empty());
}

TEST(MailRunTest, RerunSendsOnlyLettersWhoseFiguresChangedMarkedRevised) {
  test::TempDir dir;
  test::SmtpServer server(dir / "received");
  ASSERT_GT(server.port(), 0);
  test::MailRunOptions options;
  options.inbox = dir / "inbox";
  test::copy_demo_forms(options.inbox);
  const auto config = test::write_mail_run_config(dir, server.port(), options);
  auto r = test::metodmon("run -q --config " + config.string());
  ASSERT_EQ(r.exit_code, 2) << r.out;
  ASSERT_EQ(server.wait_for(17).size(), 17u);

  // The same forms again: nobody gets anything twice.
  r = test::metodmon("run -q --config " + config.string());
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(server.wait_for(18, std::chrono::milliseconds(300)).size(), 17u);

  // School 1 corrects a figure: the median and the municipal value of that
  // indicator move, which every director's workbook shows, so every director
  // and the methodist get revised letters that say what changed (12 + 1); the
  // four rejected schools get nothing new.
  change_sch01_form(options.inbox);
  r = test::metodmon("run -q --config " + config.string());
  EXPECT_EQ(r.exit_code, 2) << r.out;
  const auto mails = server.wait_for(30);
  ASSERT_EQ(mails.size(), 30u);
  EXPECT_EQ(server.wait_for(31, std::chrono::milliseconds(300)).size(), 30u);
  const std::vector<test::ReceivedMail> revised(mails.begin() + 17, mails.end());
  for (const auto& m : revised) {
    EXPECT_EQ(m.subject.find("не принята"), std::string::npos) << m.subject;
    EXPECT_NE(m.subject.find("Уточнённые итоги"), std::string::npos) << m.subject;
  }
  const auto* director = letter_to(revised, "school1@ensk-edu.example");
  const auto* other = letter_to(revised, "school2@ensk-edu.example");
  const auto* methodist = letter_to(revised, k_methodist);
  ASSERT_NE(director, nullptr);
  ASSERT_NE(other, nullptr);
  ASSERT_NE(methodist, nullptr);
  for (const auto* m : {director, other, methodist}) {
    EXPECT_NE(m->body.find("Уточнённые итоги"), std::string::npos) << m->body;
    EXPECT_NE(m->body.find("5.1 «Доля педагогов, прошедших КПК"), std::string::npos) << m->body;  // what changed
  }
  // Another school's letter names what moved for it: the median or the municipal value, not its own value.
  EXPECT_TRUE(other->body.find(": медиана по ОО") != std::string::npos ||
              other->body.find(": по муниципалитету") != std::string::npos)
      << other->body;
  EXPECT_NE(methodist->body.find("МБОУ СОШ № 1"), std::string::npos) << methodist->body;
  // Only the changed indicator is listed as changed in the director's letter.
  EXPECT_EQ(director->body.find("участие в диагностике"), std::string::npos) << director->body;
  EXPECT_EQ(director->attachments[0].second, test::read_file(dir / "out/2026-11/directors/sch01_2026-11.xlsx"));
}
