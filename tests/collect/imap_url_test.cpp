#include "collect/imap_url.h"

#include <gtest/gtest.h>

namespace {

TEST(ImapUrlTest, ModifiedUtf7AsRfc3501Says) {
  // The example of RFC 3501, section 5.1.3.
  EXPECT_EQ(collect::encode_mailbox_name("~peter/mail/台北/日本語"), "~peter/mail/&U,BTFw-/&ZeVnLIqe-");
  EXPECT_EQ(collect::encode_mailbox_name("A&B"), "A&-B");
  EXPECT_EQ(collect::encode_mailbox_name("INBOX"), "INBOX");
  // Python: base64 of "Обработано".encode("utf-16-be"), '/' -> ',', no '='.
  EXPECT_EQ(collect::encode_mailbox_name("Обработано"), "&BB4EMQRABDAEMQQ+BEIEMAQ9BD4-");
  EXPECT_EQ(collect::encode_mailbox_name("Формы 2026"), collect::encode_mailbox_name("Формы") + " 2026");
}

TEST(ImapUrlTest, MailboxUrlEscapesEachLevel) {
  collect::ImapConfig c;
  c.host = "imap.ensk.example.ru";
  EXPECT_EQ(collect::mailbox_url(c, "INBOX"), "imaps://imap.ensk.example.ru:993/INBOX");
  EXPECT_EQ(collect::mailbox_url(c, ""), "imaps://imap.ensk.example.ru:993/");
  c.security = collect::ImapSecurity::starttls;
  c.port = 143;
  EXPECT_EQ(collect::mailbox_url(c, "Ответы/Sent Items"),
            "imap://imap.ensk.example.ru:143/%26BB4EQgQyBDUEQgRL-/Sent%20Items");
}

TEST(ImapUrlTest, ParsesTheTwoSchemes) {
  const auto tls = collect::parse_imap_url("imaps://imap.yandex.ru/INBOX");
  ASSERT_TRUE(tls) << tls.error().message;
  EXPECT_EQ(tls->host, "imap.yandex.ru");
  EXPECT_EQ(tls->port, 993);
  EXPECT_EQ(tls->security, collect::ImapSecurity::imaps);
  EXPECT_EQ(tls->folder, "INBOX");
  const auto starttls = collect::parse_imap_url("imap://mail.ensk.example.ru:1143/%D0%A4%D0%BE%D1%80%D0%BC%D1%8B");
  ASSERT_TRUE(starttls) << starttls.error().message;
  EXPECT_EQ(starttls->port, 1143);
  EXPECT_EQ(starttls->security, collect::ImapSecurity::starttls);
  EXPECT_EQ(starttls->folder, "Формы");
  const auto bare = collect::parse_imap_url("imap://mail.ensk.example.ru");
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->port, 143);
  EXPECT_EQ(bare->folder, "");
}

TEST(ImapUrlTest, RefusesWhatIsNotAMailbox) {
  const auto http = collect::parse_imap_url("https://mail.ensk.example.ru");
  ASSERT_FALSE(http);
  EXPECT_NE(http.error().message.find("imaps:// или imap://"), std::string::npos) << http.error().message;
  EXPECT_EQ(http.error().where.key, "collect.url");
  const auto secret = collect::parse_imap_url("imaps://imc:tajna@mail.ensk.example.ru/INBOX");
  ASSERT_FALSE(secret);
  EXPECT_NE(secret.error().message.find("не пишутся в url"), std::string::npos);
  EXPECT_EQ(secret.error().message.find("tajna"), std::string::npos);
  EXPECT_FALSE(collect::parse_imap_url("imaps://mail.ensk.example.ru:99999/"));
  EXPECT_FALSE(collect::parse_imap_url("не адрес"));
}

}  // namespace
