#include "model/email_address.h"

#include <gtest/gtest.h>

namespace {

TEST(EmailAddressTest, AcceptsOrdinaryAndCyrillicAddresses) {
  EXPECT_TRUE(model::is_valid_email("school3@ensk.example.ru"));
  EXPECT_TRUE(model::is_valid_email("a.b-c+d@mail.ru"));
  EXPECT_TRUE(model::is_valid_email("директор@школа.рф"));
}

TEST(EmailAddressTest, RefusesMalformedAddresses) {
  for (const auto* bad : {"", "school3", "@ensk.ru", "a@", "a@b@c.ru", "a@localhost", ".a@b.ru", "a.@b.ru",
                          "a..b@c.ru", "a@.b.ru", "a@-b.ru", "a@b..ru", "a@b."}) {
    EXPECT_FALSE(model::is_valid_email(bad)) << bad;
  }
}

TEST(EmailAddressTest, RefusesAnythingThatCouldBreakAnSmtpCommandOrAHeader) {
  for (const auto* bad : {"dir@sch1.example\r\nRSET", "dir@sch1.example\nRSET", "dir@sch1.example\r",
                          "a b@c.ru", "a\t@c.ru", "a@c.ru,b@c.ru", "a@c.ru;b@c.ru", "<a@c.ru>", "\"a\"@c.ru",
                          "a(x)@c.ru", "a@[1.2.3.4]", "a\\b@c.ru", "a\x7f@c.ru", "a\x01@c.ru"}) {
    EXPECT_FALSE(model::is_valid_email(bad)) << bad;
  }
  EXPECT_FALSE(model::is_valid_email(std::string(250, 'a') + "@b.ru"));
  EXPECT_FALSE(model::is_valid_email(std::string_view("a\0b@c.ru", 8)));
}

}  // namespace
