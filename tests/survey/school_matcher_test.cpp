#include "survey/school_matcher.h"

#include <gtest/gtest.h>

#include "survey_fixture.h"

namespace {

using survey::SchoolMatch;

class SchoolMatcherTest : public ::testing::Test {
 protected:
  test::SurveyWorld world;
  survey::SchoolMatcher matcher{world.registry};

  std::string matched(std::string_view text) {
    const auto m = matcher.match(text);
    if (m.kind != SchoolMatch::Kind::matched) return m.kind == SchoolMatch::Kind::ambiguous ? "ambiguous" : "unmatched";
    return world.registry.schools[m.school].id;
  }
};

TEST_F(SchoolMatcherTest, MatchesTheIdInAnyCase) {
  EXPECT_EQ(matched("s03"), "s03");
  EXPECT_EQ(matched(" S03 "), "s03");
  EXPECT_EQ(matcher.match("s03").rule, "id");
}

TEST_F(SchoolMatcherTest, MatchesShortAndFullNamesWhateverTheQuotesCaseAndSpaces) {
  EXPECT_EQ(matched("МБОУ «Кедровская СОШ»"), "s03");
  EXPECT_EQ(matched("мбоу \"кедровская сош\""), "s03");
  EXPECT_EQ(matched("Муниципальное бюджетное общеобразовательное учреждение «Кедровская средняя общеобразовательная школа»"),
            "s03");
  EXPECT_EQ(matched("МБОУ  «Приозерная ООШ»"), "s04");  // е for ё
  EXPECT_EQ(matcher.match("МБОУ «Кедровская СОШ»").rule, "название");
}

TEST_F(SchoolMatcherTest, MatchesTheRegistrysAliasesExactly) {
  EXPECT_EQ(matched("КСОШ"), "s03");
  EXPECT_EQ(matched("школа у озера"), "s03");
  EXPECT_EQ(matcher.match("Школа у озера").rule, "псевдоним из реестра");
}

TEST_F(SchoolMatcherTest, ReadsNumberKindAndPlaceFromHowTeachersWriteIt) {
  EXPECT_EQ(matched("МБОУ СОШ №1"), "s01");           // the only school № 1
  EXPECT_EQ(matched("СОШ 2"), "s02");
  EXPECT_EQ(matched("школа № 2"), "s02");               // «школа»: any kind
  EXPECT_EQ(matched("Балахтинская школа №1"), "s01");
  EXPECT_EQ(matched("Балахтинская средняя школа № 2"), "s02");  // «средняя школа» = СОШ
  EXPECT_EQ(matched("Кедровская средняя школа"), "s03");
  EXPECT_EQ(matched("МБОУ СОШ с. Кедровка"), "s03");   // «с.» and the village for the adjective
  EXPECT_EQ(matched("Кедровская СОШ Балахтинского района"), "s03");  // the district is not a place word
  EXPECT_EQ(matched("Приозёрная основная школа"), "s04");
  EXPECT_EQ(matched("СОШ 1 п. Балахта"), "s01");
  EXPECT_EQ(matched("Черёмуховская СОШ №5"), "s05");
  EXPECT_EQ(matched("Таежная школа 5"), "s06");
  EXPECT_EQ(matched("Светлогорская гимназия"), "s07");
  EXPECT_EQ(matcher.match("СОШ 2").rule, "по номеру, виду и месту");
}

TEST_F(SchoolMatcherTest, RefusesToChooseBetweenSchoolsThatFitAlike) {
  const auto five = matcher.match("СОШ № 5");  // Черёмуховская and Таёжная
  EXPECT_EQ(five.kind, SchoolMatch::Kind::ambiguous);
  EXPECT_EQ(five.candidates.size(), 2u);
  EXPECT_EQ(matched("Балахтинская СОШ"), "ambiguous");  // № 1 or № 2
}

TEST_F(SchoolMatcherTest, RefusesToGuessPastWhatTheNameSays) {
  EXPECT_EQ(matched("школа"), "unmatched");             // nothing to tell schools apart by
  EXPECT_EQ(matched("СОШ"), "unmatched");
  EXPECT_EQ(matched("гимназия"), "unmatched");           // the only one, but the name says no more than its kind
  EXPECT_EQ(matched("МБОУ"), "unmatched");
  EXPECT_EQ(matched("Кедравская СОШ"), "unmatched");    // a misspelling: an alias's job
  EXPECT_EQ(matched("Кедровская ООШ"), "unmatched");    // Кедровка has a СОШ, not an ООШ
  EXPECT_EQ(matched("Балахтинская СОШ № 3"), "unmatched");  // no such number
  EXPECT_EQ(matched("Степановская СОШ"), "unmatched");  // not in the registry
  EXPECT_EQ(matched("с. Ключи"), "unmatched");
  EXPECT_EQ(matched(""), "unmatched");
}

TEST_F(SchoolMatcherTest, DescribesWhatItReadsFromAName) {
  EXPECT_EQ(matcher.describe_key("МБОУ «Балахтинская СОШ № 1»"), "сош 1 [балахтин]");
  EXPECT_EQ(matcher.describe_key("с. Кедровка, школа"), "школа — [кедров]");
  EXPECT_EQ(matcher.describe_key("СОШ5"), "сош 5 []");
}

}  // namespace
