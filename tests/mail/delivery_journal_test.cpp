#include "mail/delivery_journal.h"

#include <gtest/gtest.h>

namespace {

using mail::DeliveryStatus;
using mail::JournalEntry;

TEST(DeliveryJournalTest, RoundTripsEntriesWithAwkwardText) {
  const std::vector<JournalEntry> entries = {
      {1, "school3@ensk.example.ru", "Итоги\tза ноябрь", "Итоги СОШ 3.xlsx", "01_school3@ensk.example.ru.eml",
       std::string(64, 'a'), DeliveryStatus::sent, 1, "", "2026-12-01 07:01:00", "results-director", "sch03",
       std::string(64, 'f')},
      {2, "a@x.ru,b@y.ru", "тема", "a.xlsx; b.xlsx", "02_a@x.ru.eml", std::string(64, 'b'),
       DeliveryStatus::failed, 4, "попытка 4 из 4:\nошибка \\ с обратной чертой\r", "2026-12-01 07:02:00", "", "", ""},
      {3, "c@z.ru", "", "", "03_c@z.ru.eml", std::string(64, 'c'), DeliveryStatus::dry_run, 0, "", "", "", "", ""},
      {4, "d@z.ru", "т", "", "04_d@z.ru.eml", "k", DeliveryStatus::superseded, 0, "", "", "reminder", "", ""},
      {5, "e@z.ru", "т", "", "05_e@z.ru.eml", "k", DeliveryStatus::invalid, 0, "неверный адрес", "", "", "", ""},
  };
  const auto text = mail::format_journal(entries);
  EXPECT_EQ(text.substr(0, text.find('\n')),
            "number\trecipients\tsubject\tattachments\teml_file\tkey\tstatus\tattempts\tlast_error\tupdated"
            "\tkind\ttopic\tfigures");
  EXPECT_NE(text.find("\tИтоги\\tза ноябрь\t"), std::string::npos);
  EXPECT_NE(text.find("\tdry-run\t"), std::string::npos);
  const auto back = mail::parse_journal(text, "journal.tsv");
  ASSERT_TRUE(back) << model::to_string(back.error());
  EXPECT_EQ(*back, entries);
}

TEST(DeliveryJournalTest, ReportsTheBrokenLine) {
  const std::string text =
      "header\n1\ta@x.ru\ts\t\t01_a.eml\tk\tsent\t1\t\t2026-12-01 07:00:00\n2\tb@x.ru\ts\t\t02_b.eml\tk\tlost\t1\t\t\n";
  const auto r = mail::parse_journal(text, "journal.tsv");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().where.line, 3);
  EXPECT_EQ(r.error().message, "журнал отправки повреждён: неизвестное состояние «lost»");
  const auto short_line = mail::parse_journal("header\n1\ta@x.ru\n", "journal.tsv");
  ASSERT_FALSE(short_line);
  EXPECT_EQ(short_line.error().message, "журнал отправки повреждён: ожидалось 13 столбцов, найдено 2");
}

TEST(DeliveryJournalTest, ReadsJournalsOfEarlierVersions) {
  const auto r = mail::parse_journal(
      "number\trecipients\tsubject\tattachments\teml_file\tkey\tstatus\tattempts\tlast_error\tupdated\n"
      "1\ta@x.ru\ts\t\t01_a.eml\tk\tfailed\t3\tнет связи\t2026-12-01 07:00:00\n",
      "journal.tsv");
  ASSERT_TRUE(r) << model::to_string(r.error());
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].status, DeliveryStatus::failed);
  EXPECT_EQ((*r)[0].kind, "");
  EXPECT_EQ((*r)[0].figures, "");
}

TEST(DeliveryJournalTest, StatusWords) {
  EXPECT_EQ(mail::status_key(DeliveryStatus::dry_run), "dry-run");
  EXPECT_EQ(mail::status_name(DeliveryStatus::failed), "не отправлено");
  EXPECT_EQ(mail::status_key(DeliveryStatus::superseded), "superseded");
  EXPECT_TRUE(mail::is_waiting(DeliveryStatus::failed));
  EXPECT_FALSE(mail::is_waiting(DeliveryStatus::invalid));
}

}  // namespace
