#include "mail/credentials.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "support/temp_dir.h"

namespace {

TEST(CredentialsTest, HintsNameTheSectionThePasswordBelongsTo) {
  const mail::Credentials nobody{"imc", "", {}};
  const auto none = mail::load_password(nobody, "collect");
  ASSERT_FALSE(none);
  EXPECT_NE(none.error().hint.find("в разделе [collect]"), std::string::npos) << none.error().hint;
  const auto missing = mail::load_password({"imc", "", "/nonexistent/imap.pass"}, "collect");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().hint.find("password_file в разделе [collect]"), std::string::npos);
  EXPECT_TRUE(mail::load_password({"", "", {}}, "collect").value().empty()) << "no user, no password";
}

TEST(CredentialsTest, AFileOthersCanReadIsRefused) {
  test::TempDir dir;
  const auto file = dir.write("imap.pass", "пароль-ящика\r\nвторая строка\n");
  ::chmod(file.c_str(), 0644);
  const auto open = mail::load_password({"imc", "", file}, "collect");
  ASSERT_FALSE(open);
  EXPECT_NE(open.error().message.find("chmod 600"), std::string::npos);
  EXPECT_EQ(model::to_string(open.error()).find("пароль-ящика"), std::string::npos);
  ::chmod(file.c_str(), 0600);
  EXPECT_EQ(mail::load_password({"imc", "", file}, "collect").value(), "пароль-ящика");
}

}  // namespace
