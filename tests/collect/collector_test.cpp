#include "collect/collector.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "collect/collect_fixture.h"

namespace fs = std::filesystem;

namespace {

using CollectorTest = test::CollectFixture;

// One .xlsx attachment of a letter spec (imap_mail.py), base64, RFC 2231 name.
std::string sheet(std::string_view name, std::string_view hex) {
  return R"({"name": ")" + std::string(name) + R"(", "hex": ")" + std::string(hex) +
         R"(", "type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})";
}

TEST_F(CollectorTest, FormsInEveryEncodingLandInTheInboxAndLettersAreFlagged) {
  m_server.append("INBOX", R"([
    {"from": "Директор СОШ 3 <school3@ensk.example.ru>", "message_id": "<f1@school3>",
     "attachments": [)" + sheet("Форма СОШ № 3.xlsx", "504b0304aa") + R"(]},
    {"from": "school4@ensk.example.ru", "message_id": "<f2@school4>", "flags": "\\Seen",
     "date": "Fri, 06 Nov 2026 09:05:00 +0300", "layout": "nested",
     "attachments": [{"name": "Отчёт школы 4.xls", "hex": "d0cf11e0ff3d0a", "encoding": "quoted-printable",
                      "name_style": "rfc2047"},
                     {"name": "скан.pdf", "hex": "25504446", "type": "application/pdf"}]},
    {"from": "school5@ensk.example.ru", "message_id": "<f3@school5>",
     "attachments": [{"name": "Анкета учителей.csv", "hex": "d4c8ce3b", "name_style": "rfc2231-cp1251-continued"}]}
  ])");
  const auto result = collect::collect_mailbox(settings(), options());
  ASSERT_FALSE(result.error) << model::to_string(*result.error);
  EXPECT_EQ(result.found, 3u);
  ASSERT_EQ(result.messages.size(), 3u);
  EXPECT_TRUE(result.replies.empty());
  for (const auto& m : result.messages) {
    EXPECT_EQ(m.verdict, collect::MessageVerdict::saved) << m.note;
    EXPECT_TRUE(m.marked) << m.note;
  }
  EXPECT_EQ(result.messages[1].other_files, std::vector<std::string>{"скан.pdf"});
  const std::vector<std::string> expected = {
      "2026-11-05_14-32_school3@ensk.example.ru_Форма СОШ № 3.xlsx",
      "2026-11-05_14-32_school5@ensk.example.ru_Анкета учителей.csv",
      "2026-11-06_09-05_school4@ensk.example.ru_Отчёт школы 4.xls",
  };
  EXPECT_EQ(inbox_files(), expected);
  EXPECT_EQ(test::read_file(m_dir / "inbox" / expected[0]), "\x50\x4b\x03\x04\xaa");
  EXPECT_EQ(test::read_file(m_dir / "inbox" / expected[2]), "\xd0\xcf\x11\xe0\xff\x3d\x0a");
  EXPECT_EQ(test::read_file(m_dir / "inbox" / expected[1]), "\xd4\xc8\xce\x3b");
  struct stat st{};  // the file's time is when the school sent it
  ASSERT_EQ(::stat((m_dir / "inbox" / expected[0]).c_str(), &st), 0);
  EXPECT_EQ(st.st_mtime, 1793878320);  // Thu, 05 Nov 2026 14:32:00 +0300

  // Python over IMAP: every letter carries the keyword, none was deleted,
  // and \Seen is as it was (only the second letter had been read).
  const auto box = m_server.list("INBOX");
  ASSERT_EQ(box.size(), 3u);
  for (const auto& e : box) EXPECT_TRUE(has_flag(e, collect::k_processed_keyword)) << e.flags;
  EXPECT_FALSE(has_flag(box[0], "\\Seen")) << box[0].flags;
  EXPECT_TRUE(has_flag(box[1], "\\Seen")) << box[1].flags;
  EXPECT_FALSE(has_flag(box[2], "\\Seen")) << box[2].flags;

  // The next run finds nothing new.
  const auto again = collect::collect_mailbox(settings(), options());
  ASSERT_FALSE(again.error);
  EXPECT_EQ(again.found, 0u);
}

TEST_F(CollectorTest, ForwardedLetterIsNamedAfterItsOriginalSender) {
  m_server.append("INBOX", R"([{"from": "metodist@ensk.example.ru", "message_id": "<fw@imc>",
      "forward": {"from": "director7@ensk.example.ru", "date": "Mon, 02 Nov 2026 09:00:00 +0300",
                  "attachments": [)" + sheet("Форма.xlsx", "07") + R"(]}}])");
  auto opts = options();
  opts.sender_label = [](const mail::MailAddress& a) {
    return a.address == "director7@ensk.example.ru" ? std::string("sch07 СОШ № 7") : std::string{};
  };
  const auto result = collect::collect_mailbox(settings(), opts);
  ASSERT_FALSE(result.error);
  ASSERT_EQ(result.messages.size(), 1u);
  EXPECT_EQ(result.messages[0].verdict, collect::MessageVerdict::saved);
  EXPECT_EQ(inbox_files(), std::vector<std::string>{"2026-11-02_09-00_sch07 СОШ № 7_Форма.xlsx"});
}

TEST_F(CollectorTest, ALetterWithoutAFormIsAnsweredOnceOverRuns) {
  m_server.append("INBOX", R"([{"from": "Школа 9 <school9@ensk.example.ru>", "message_id": "<q1@school9>",
      "subject": "Вопрос по форме", "attachments": [{"name": "Форма.ods", "hex": "01"}]}])");
  const auto first = collect::collect_mailbox(settings(), options());
  ASSERT_FALSE(first.error);
  ASSERT_EQ(first.messages.size(), 1u);
  EXPECT_EQ(first.messages[0].verdict, collect::MessageVerdict::no_workbook);
  EXPECT_TRUE(first.messages[0].replied);
  EXPECT_TRUE(first.messages[0].marked);
  ASSERT_EQ(first.replies.size(), 1u);
  const auto& reply = first.replies[0];
  EXPECT_EQ(reply.to[0].address, "school9@ensk.example.ru");
  EXPECT_EQ(reply.subject, "Re: Вопрос по форме");
  EXPECT_EQ(reply.in_reply_to, "q1@school9");
  EXPECT_NE(reply.body.find("«Форма.ods»"), std::string::npos) << reply.body;
  EXPECT_TRUE(inbox_files().empty());

  // Someone clears the mark (or the run died before setting it): read again,
  // but the school is not answered a second time.
  m_server.unflag("INBOX", collect::k_processed_keyword);
  const auto second = collect::collect_mailbox(settings(), options());
  ASSERT_FALSE(second.error);
  ASSERT_EQ(second.messages.size(), 1u);
  EXPECT_TRUE(second.replies.empty());
  EXPECT_TRUE(second.messages[0].replied_before);
  EXPECT_TRUE(second.messages[0].marked);
}

TEST_F(CollectorTest, WinmailDatGetsItsOwnAnswerAndRobotsGetNone) {
  m_server.append("INBOX", R"([
    {"from": "school11@ensk.example.ru", "message_id": "<t1@school11>",
     "attachments": [{"name": "winmail.dat", "hex": "789f3e22", "type": "application/ms-tnef"}]},
    {"from": "MAILER-DAEMON@mx.ensk.example.ru", "message_id": "<bounce@mx>", "subject": "Undelivered Mail"},
    {"from": "school12@ensk.example.ru", "message_id": "<away@school12>", "subject": "Отпуск",
     "headers": {"Auto-Submitted": "auto-replied"}}
  ])");
  const auto result = collect::collect_mailbox(settings(), options());
  ASSERT_FALSE(result.error);
  ASSERT_EQ(result.messages.size(), 3u);
  EXPECT_EQ(result.messages[0].verdict, collect::MessageVerdict::tnef);
  ASSERT_EQ(result.replies.size(), 1u);
  EXPECT_EQ(result.replies[0].to[0].address, "school11@ensk.example.ru");
  EXPECT_NE(result.replies[0].body.find("winmail.dat"), std::string::npos);
  EXPECT_NE(result.messages[1].note.find("служебный адрес"), std::string::npos) << result.messages[1].note;
  EXPECT_NE(result.messages[2].note.find("Auto-Submitted"), std::string::npos) << result.messages[2].note;
  for (const auto& m : result.messages) EXPECT_TRUE(m.marked);
}

TEST_F(CollectorTest, ALetterReadAgainAfterACrashLeavesNoSecondFile) {
  m_server.append("INBOX", R"([{"from": "school3@ensk.example.ru", "message_id": "<c1@school3>",
      "attachments": [)" + sheet("Форма.xlsx", "0102") + R"(,
                      )" + sheet("Форма (копия).xlsx", "0304") + R"(]}])");
  ASSERT_FALSE(collect::collect_mailbox(settings(), options()).error);
  const auto saved = inbox_files();
  ASSERT_EQ(saved.size(), 2u);

  // Crash after the files and their journal rows, before the mark.
  m_server.unflag("INBOX", collect::k_processed_keyword);
  const auto after_rows = collect::collect_mailbox(settings(), options());
  ASSERT_FALSE(after_rows.error);
  ASSERT_EQ(after_rows.messages.size(), 1u);
  ASSERT_EQ(after_rows.messages[0].files.size(), 2u);
  EXPECT_TRUE(after_rows.messages[0].files[0].already);
  EXPECT_TRUE(after_rows.messages[0].marked);
  EXPECT_EQ(inbox_files(), saved);

  // Crash after the files, before their journal rows (the journal is lost).
  m_server.unflag("INBOX", collect::k_processed_keyword);
  fs::remove(m_dir / "state" / "collect.sqlite");
  const auto after_files = collect::collect_mailbox(settings(), options());
  ASSERT_FALSE(after_files.error);
  ASSERT_EQ(after_files.messages[0].files.size(), 2u);
  EXPECT_TRUE(after_files.messages[0].files[1].already);
  EXPECT_EQ(inbox_files(), saved);
}

TEST_F(CollectorTest, SameNameFromTheSameSchoolTwiceKeepsBoth) {
  m_server.append("INBOX", R"([
    {"from": "school3@ensk.example.ru", "message_id": "<v1@school3>",
     "attachments": [)" + sheet("Форма.xlsx", "01") + R"(]},
    {"from": "school3@ensk.example.ru", "message_id": "<v2@school3>",
     "attachments": [)" + sheet("Форма.xlsx", "02") + R"(]}])");
  const auto result = collect::collect_mailbox(settings(), options());
  ASSERT_FALSE(result.error);
  const std::vector<std::string> expected = {"2026-11-05_14-32_school3@ensk.example.ru_Форма (2).xlsx",
                                             "2026-11-05_14-32_school3@ensk.example.ru_Форма.xlsx"};
  ASSERT_EQ(inbox_files(), expected);
  EXPECT_EQ(test::read_file(m_dir / "inbox" / expected[1]), "\x01");
  EXPECT_EQ(test::read_file(m_dir / "inbox" / expected[0]), "\x02");
}

TEST_F(CollectorTest, MovedToAProcessedFolderWithACyrillicName) {
  m_server.append("INBOX", R"([{"message_id": "<mv@school3>",
      "attachments": [)" + sheet("Форма.xlsx", "01") + R"(]}])");
  auto s = settings();
  s.processed = collect::ProcessedMark::move;
  s.processed_folder = "Обработано";
  const auto result = collect::collect_mailbox(s, options());
  ASSERT_FALSE(result.error) << model::to_string(*result.error);
  ASSERT_EQ(result.messages.size(), 1u);
  EXPECT_TRUE(result.messages[0].marked) << result.messages[0].note;
  EXPECT_TRUE(m_server.list("INBOX").empty());
  const auto moved = m_server.list("&BB4EMQRABDAEMQQ+BEIEMAQ9BD4-");
  ASSERT_EQ(moved.size(), 1u);
  EXPECT_EQ(moved[0].message_id, "<mv@school3>");
  const auto names = m_server.folders();
  EXPECT_NE(std::find(names.begin(), names.end(), "Обработано"), names.end());
}

// Issue 25: an attachment named with 150 Cyrillic letters was cut to 254
// bytes, but its temporary name was longer than 255: the write failed on
// every run, the letter stayed unflagged and collect exited 1 each day.
TEST_F(CollectorTest, NoAttachmentNameStopsTheCollectionOfItsLetterOrOfAnother) {
  std::string cyrillic, emoji;
  for (int i = 0; i < 150; ++i) cyrillic += "Ф";
  for (int i = 0; i < 150; ++i) emoji += "\U0001F4CA";
  m_server.append("INBOX", R"([
    {"from": "school3@ensk.example.ru", "message_id": "<names@school3>",
     "attachments": [)" + sheet(cyrillic + ".xlsx", "01") + "," + sheet(emoji + ".xlsx", "02") + "," +
                               sheet("../../../etc/passwd.xlsx", "03") + "," + sheet("....xlsx", "04") + "," +
                               sheet("\\u001b[31mкрасная\\u0007.xlsx", "05") + "," + sheet("con.xlsx", "06") + R"(]},
    {"from": "school4@ensk.example.ru", "message_id": "<plain@school4>",
     "attachments": [)" + sheet("Форма.xlsx", "07") + R"(]}])");
  const auto result = collect::collect_mailbox(settings(), options());
  ASSERT_FALSE(result.error) << model::to_string(*result.error);
  ASSERT_EQ(result.messages.size(), 2u);
  for (const auto& m : result.messages) {
    EXPECT_EQ(m.verdict, collect::MessageVerdict::saved) << m.note;
    EXPECT_TRUE(m.marked) << m.note;
  }
  EXPECT_EQ(result.messages[0].files.size(), 6u);
  const auto names = inbox_files();
  ASSERT_EQ(names.size(), 7u);
  std::string contents;
  for (const auto& name : names) {
    EXPECT_LE(name.size(), 255u) << name;
    EXPECT_TRUE(name.ends_with(".xlsx")) << name;
    EXPECT_EQ(name.find_first_of("/\x1b\x07"), std::string::npos) << name;
    contents += test::read_file(m_dir / "inbox" / name);
  }
  std::sort(contents.begin(), contents.end());
  EXPECT_EQ(contents, "\x01\x02\x03\x04\x05\x06\x07");
  const auto long_one = std::find_if(names.begin(), names.end(), [](const std::string& n) { return n.find("ФФФ") != std::string::npos; });
  ASSERT_NE(long_one, names.end());
  EXPECT_GE(long_one->size(), 250u) << "cut near the limit, not to nothing";
  for (const auto& e : m_server.list("INBOX")) EXPECT_TRUE(has_flag(e, collect::k_processed_keyword)) << e.flags;
}

// A form the placement holds apart (the command's trust rule, collect_routing.h):
// in the folder of held files, not the inbox, on record with its sender, and
// its letter marked and not answered.
TEST_F(CollectorTest, AFormPlacedApartIsHeldWithItsSender) {
  m_server.append("INBOX", R"([{"from": "Аноним <stranger@mail.example>", "message_id": "<h1@stranger>",
      "subject": "Форма школы 2", "attachments": [)" + sheet("Форма.xlsx", "0a0b") + R"(]}])");
  auto o = options();
  const auto held = m_dir / "state" / "held";
  o.place = [&](const collect::MailPart&, const mail::MailAddress& from) {
    return collect::Placement{held, m_dir / "inbox", "sch02", "адреса " + from.address + " нет в реестре школ"};
  };
  const auto result = collect::collect_mailbox(settings(), o);
  ASSERT_FALSE(result.error);
  ASSERT_EQ(result.messages.size(), 1u);
  const auto& m = result.messages[0];
  EXPECT_EQ(m.verdict, collect::MessageVerdict::held);
  EXPECT_TRUE(m.stranger);
  EXPECT_TRUE(m.marked);
  EXPECT_TRUE(m.files.empty());
  ASSERT_EQ(m.held.size(), 1u);
  EXPECT_EQ(m.held[0].school, "sch02");
  EXPECT_EQ(m.held[0].stored.path.parent_path(), held);
  EXPECT_TRUE(result.replies.empty());
  EXPECT_TRUE(inbox_files().empty());
  EXPECT_EQ(test::read_file(m.held[0].stored.path), "\x0a\x0b");
  auto journal = collect::CollectJournal::open(m_dir / "state" / "collect.sqlite");
  ASSERT_TRUE(journal);
  const auto records = journal->held_files();
  ASSERT_TRUE(records);
  ASSERT_EQ(records->size(), 1u);
  const auto& r = (*records)[0];
  EXPECT_EQ(r.origin.sender, "stranger@mail.example");
  EXPECT_EQ(r.origin.school, "sch02");
  EXPECT_EQ(r.origin.subject, "Форма школы 2");
  EXPECT_EQ(r.origin.sent_at, 1793878320);
  EXPECT_EQ(r.origin.inbox, m_dir / "inbox");
  EXPECT_EQ(r.file, m.held[0].stored.path);
}

TEST_F(CollectorTest, StarttlsPortWorksToo) {
  m_server.append("INBOX", R"([{"message_id": "<st@school3>",
      "attachments": [)" + sheet("Форма.xlsx", "01") + R"(]}])");
  auto s = settings();
  s.imap.port = m_server.imap_port();
  s.imap.security = collect::ImapSecurity::starttls;
  const auto result = collect::collect_mailbox(s, options());
  ASSERT_FALSE(result.error) << model::to_string(*result.error);
  EXPECT_EQ(inbox_files().size(), 1u);
}

}  // namespace
