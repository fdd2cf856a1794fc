#include "collect/sender_trust.h"

#include <gtest/gtest.h>

namespace {

collect::TrustedSenders ensk() {
  collect::TrustedSenders s;
  s.add_school("sch02", "school2@ensk.example.ru");
  s.add_school("sch02", "Zavuch2@Ensk.Example.Ru");  // another address of its row
  s.add_school("sch03", "gymn3@ensk.example.ru");
  s.add_school("sch08", "shared@ensk.example.ru");  // one director, two schools
  s.add_school("sch09", "shared@ensk.example.ru");
  s.add_methodist("metodist@ensk.example.ru");
  return s;
}

TEST(SenderTrustTest, AFormCountsOnlyFromItsSchoolsAddressesOrTheMethodists) {
  const auto s = ensk();
  EXPECT_FALSE(s.hold_reason("school2@ensk.example.ru", "sch02"));
  EXPECT_FALSE(s.hold_reason("zavuch2@ensk.example.ru", "sch02")) << "letter case does not matter";
  EXPECT_FALSE(s.hold_reason("METODIST@ensk.example.ru", "sch02")) << "the methodist may send any school's form";
  EXPECT_FALSE(s.hold_reason("shared@ensk.example.ru", "sch09"));
  EXPECT_EQ(s.hold_reason("stranger@mail.example", "sch02").value_or(""),
            "адреса stranger@mail.example нет в реестре школ");
  EXPECT_EQ(s.hold_reason("gymn3@ensk.example.ru", "sch02").value_or(""),
            "форма школы sch02 пришла с адреса школы sch03 (gymn3@ensk.example.ru)");
  EXPECT_EQ(s.hold_reason("shared@ensk.example.ru", "sch02").value_or(""),
            "форма школы sch02 пришла с адреса школ sch08, sch09 (shared@ensk.example.ru)");
  EXPECT_TRUE(s.hold_reason("", "sch02"));
}

TEST(SenderTrustTest, AFileNamingNoSchoolCountsFromAnyRegisteredAddress) {
  const auto s = ensk();
  EXPECT_FALSE(s.hold_reason("gymn3@ensk.example.ru", ""));
  EXPECT_FALSE(s.hold_reason("metodist@ensk.example.ru", ""));
  EXPECT_TRUE(s.hold_reason("stranger@mail.example", ""));
  EXPECT_TRUE(s.registered("Gymn3@ensk.example.ru"));
  EXPECT_FALSE(s.registered("stranger@mail.example"));
  EXPECT_EQ(s.schools_of("shared@ensk.example.ru"), (std::vector<std::string>{"sch08", "sch09"}));
}

}  // namespace
