#include "analysis/russian_words.h"

#include <gtest/gtest.h>

#include "analysis/period_text.h"
#include "definition/definition_loader.h"

namespace {

model::Definition shipped(const std::string& name) {
  auto loaded = definition::load_definition(std::filesystem::path(METODMON_SOURCE_DIR) / "templates" / name);
  if (!loaded) throw std::runtime_error(model::to_string(loaded.error().front()));
  return loaded->definition;
}

model::Definition named(const std::string& municipality, const std::string& title = "") {
  model::Definition d;
  d.municipality = municipality;
  d.title = title;
  return d;
}

// Balakhta and Krymsk are районы: their texts say «по району», never «по округу».
TEST(RussianWordsTest, MunicipalityKindComesFromTheDefinition) {
  EXPECT_EQ(analysis::municipality_words(shipped("balakhta.toml")).dative, "району");
  EXPECT_EQ(analysis::municipality_words(shipped("krymsk.toml")).genitive, "района");
  EXPECT_EQ(analysis::municipality_words(shipped("lk_roadmap.toml")).dative, "округу");
  EXPECT_EQ(analysis::municipality_words(shipped("demo.toml")).prepositional, "округе");
  EXPECT_EQ(analysis::municipality_words(named("город Лесосибирск")).nominative, "город");
  EXPECT_EQ(analysis::municipality_words(named("")).dative, "муниципалитету");
  // «районный» is not «район».
  EXPECT_EQ(analysis::municipality_words(named("Районный центр")).nominative, "муниципалитет");
}

TEST(RussianWordsTest, MonitoringNameWithoutTautology) {
  const auto lk = shipped("lk_roadmap.toml");
  EXPECT_EQ(analysis::monitoring_genitive(lk),
            "мониторинга реализации Дорожной карты по развитию и сопровождению методических объединений");
  EXPECT_EQ(analysis::monitoring_nominative(lk).substr(0, 20), "Мониторинг");
  const auto other = named("", "Система мониторингов");
  EXPECT_EQ(analysis::monitoring_genitive(other), "мониторинга «Система мониторингов»");
  EXPECT_EQ(analysis::monitoring_nominative(other), "Мониторинг «Система мониторингов»");
}

TEST(RussianWordsTest, PluralForms) {
  using analysis::count_text;
  EXPECT_EQ(count_text(1, analysis::k_recommendation_forms), "1 рекомендация");
  EXPECT_EQ(count_text(32, analysis::k_recommendation_forms), "32 рекомендации");
  EXPECT_EQ(count_text(11, analysis::k_recommendation_forms), "11 рекомендаций");
  EXPECT_EQ(count_text(21, analysis::k_indicator_forms), "21 показатель");
  EXPECT_EQ(count_text(14, analysis::k_indicator_forms), "14 показателей");
  EXPECT_EQ(count_text(0, analysis::k_point_forms), "0 баллов");
  EXPECT_EQ(count_text(104, analysis::k_point_forms), "104 балла");
  EXPECT_EQ(analysis::count_genitive(3, analysis::k_indicator_genitive), "3 показателей");
  EXPECT_EQ(analysis::count_genitive(21, analysis::k_indicator_genitive), "21 показателя");
  EXPECT_EQ(analysis::into_groups(3), "в три группы");
  EXPECT_EQ(analysis::into_groups(1), "в одну группу");
  EXPECT_EQ(analysis::into_groups(5), "в 5 групп");
}

TEST(RussianWordsTest, ListsAndAgreementOfNumber) {
  EXPECT_EQ(analysis::join_and({"«А»"}), "«А»");
  EXPECT_EQ(analysis::join_and({"«А»", "«Б»", "«В»"}), "«А», «Б» и «В»");
  EXPECT_EQ(analysis::by_directions({"«Повышение квалификации»"}), "по направлению «Повышение квалификации»");
  EXPECT_EQ(analysis::by_directions({"«А»", "«Б»"}), "по направлениям «А» и «Б»");
}

TEST(PeriodTextTest, PeriodsInWordsNotCodes) {
  EXPECT_EQ(analysis::period_dative(std::string("2026-12")), "декабрю 2026 г.");
  EXPECT_EQ(analysis::period_accusative(std::string("2026-05")), "май 2026 г.");
  EXPECT_EQ(analysis::period_prepositional(std::string("2026-03")), "марте 2026 г.");
  EXPECT_EQ(analysis::period_dative(std::string("2025-H1")), "1-му полугодию 2025 г.");
  EXPECT_EQ(analysis::period_prepositional(std::string("2025-H2")), "2-м полугодии 2025 г.");
  EXPECT_EQ(analysis::period_dative(std::string("2021")), "2021 году");
  EXPECT_EQ(analysis::period_accusative(std::string("2022")), "2022 год");
  EXPECT_EQ(analysis::period_dative(std::string("не период")), "не период");
  EXPECT_EQ(analysis::period_accusative(std::string("2025-2026")), "2025/26 учебный год");
  EXPECT_EQ(analysis::period_dative(std::string("2024-2025")), "2024/25 учебному году");
  EXPECT_EQ(analysis::period_prepositional(std::string("2025-2026")), "2025/26 учебном году");
}

}  // namespace
