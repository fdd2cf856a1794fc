#include "collect/collector.h"

#include <gtest/gtest.h>

#include "collect/collect_fixture.h"
#include "support/smtp_server.h"
#include "support/test_cert.h"

namespace {

class CollectorFailureTest : public test::CollectFixture {
 protected:
  void SetUp() override {
    CollectFixture::SetUp();
    m_server.append("INBOX", R"([{"from": "school3@ensk.example.ru", "message_id": "<keep@school3>",
        "attachments": [{"name": "Форма.xlsx", "hex": "01"}]}])");
  }

  // The letter is still there, unmarked, and nothing reached the inbox.
  void expect_nothing_lost() {
    const auto box = m_server.list("INBOX");
    ASSERT_EQ(box.size(), 1u);
    EXPECT_FALSE(has_flag(box[0], collect::k_processed_keyword)) << box[0].flags;
    EXPECT_TRUE(inbox_files().empty());
  }

  static std::string text(const collect::CollectResult& r) { return r.error ? model::to_string(*r.error) : ""; }
};

TEST_F(CollectorFailureTest, ServerDown) {
  auto s = settings();
  s.imap.port = test::free_port();
  const auto result = collect::collect_mailbox(s, options());
  ASSERT_TRUE(result.error);
  EXPECT_NE(text(result).find("не удалось связаться с почтовым сервером 127.0.0.1:" + std::to_string(s.imap.port)),
            std::string::npos) << text(result);
  EXPECT_NE(text(result).find("будут забраны при следующем запуске"), std::string::npos);
  EXPECT_EQ(result.error->where.key, "collect");
  expect_nothing_lost();
}

TEST_F(CollectorFailureTest, WrongPasswordIsNamedButNeverShown) {
  setenv("METODMON_TEST_IMAP_PASSWORD", "неверный-пароль-42", 1);
  const auto result = collect::collect_mailbox(settings(), options());
  ASSERT_TRUE(result.error);
  EXPECT_NE(text(result).find("не принял имя пользователя «imc@ensk.example.ru» или пароль"), std::string::npos)
      << text(result);
  EXPECT_NE(text(result).find("password_env"), std::string::npos);
  EXPECT_EQ(text(result).find("неверный-пароль-42"), std::string::npos);
  expect_nothing_lost();
}

TEST_F(CollectorFailureTest, MissingPasswordVariable) {
  unsetenv("METODMON_TEST_IMAP_PASSWORD");
  const auto result = collect::collect_mailbox(settings(), options());
  ASSERT_TRUE(result.error);
  EXPECT_NE(text(result).find("METODMON_TEST_IMAP_PASSWORD"), std::string::npos) << text(result);
  expect_nothing_lost();
}

TEST_F(CollectorFailureTest, UntrustedCertificate) {
  auto s = settings();
  s.imap.ca_file = test::make_test_cert(m_dir / "other", "impostor").cert;  // same names, another key
  const auto result = collect::collect_mailbox(s, options());
  ASSERT_TRUE(result.error);
  EXPECT_NE(text(result).find("сертификат почтового сервера не прошёл проверку, пароль не передан"),
            std::string::npos) << text(result);
  EXPECT_NE(text(result).find("ca_file раздела [collect]"), std::string::npos);
  expect_nothing_lost();
}

TEST_F(CollectorFailureTest, MissingFolder) {
  auto s = settings();
  s.imap.folder = "Формы школ";
  const auto result = collect::collect_mailbox(s, options());
  ASSERT_TRUE(result.error);
  EXPECT_NE(text(result).find("нет папки «Формы школ»"), std::string::npos) << text(result);
  expect_nothing_lost();
}

TEST_F(CollectorFailureTest, UnwritableInboxLeavesTheLetterForNextTime) {
  m_dir.write("inbox", "a file where the inbox folder should be");
  const auto result = collect::collect_mailbox(settings(), options());
  EXPECT_FALSE(result.error);
  ASSERT_EQ(result.messages.size(), 1u);
  EXPECT_EQ(result.messages[0].verdict, collect::MessageVerdict::failed);
  EXPECT_FALSE(result.messages[0].marked);
  EXPECT_NE(result.messages[0].note.find("не удалось записать файл"), std::string::npos) << result.messages[0].note;
  const auto box = m_server.list("INBOX");
  ASSERT_EQ(box.size(), 1u);
  EXPECT_FALSE(has_flag(box[0], collect::k_processed_keyword));
}

TEST_F(CollectorFailureTest, TooLargeLetterIsAnsweredNotRead) {
  auto s = settings();
  s.imap.max_message_bytes = 200;  // the letter above is larger
  const auto result = collect::collect_mailbox(s, options());
  ASSERT_FALSE(result.error) << text(result);
  ASSERT_EQ(result.messages.size(), 1u);
  EXPECT_EQ(result.messages[0].verdict, collect::MessageVerdict::too_large);
  EXPECT_EQ(result.messages[0].message_id, "keep@school3");  // the header was read
  ASSERT_EQ(result.replies.size(), 1u);
  EXPECT_EQ(result.replies[0].to[0].address, "school3@ensk.example.ru");
  EXPECT_TRUE(result.messages[0].marked);
  EXPECT_TRUE(inbox_files().empty());
}

}  // namespace
