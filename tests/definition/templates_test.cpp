// The shipped method templates: what each must say to stay faithful to its
// source (see templates/README.md).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "definition/definition_loader.h"
#include "support/temp_dir.h"

namespace {

definition::LoadedDefinition load(const std::string& name) {
  auto loaded = definition::load_definition(test::source_dir() / "templates" / name);
  EXPECT_TRUE(loaded.has_value()) << name << ": "
                                  << (loaded ? "" : model::to_string(loaded.error().front()));
  return loaded ? std::move(*loaded) : definition::LoadedDefinition{};
}

std::map<int, double> targets(const model::Definition& d, const std::string& code) {
  for (const auto& ind : d.indicators) {
    if (ind.code == code) return ind.targets;
  }
  ADD_FAILURE() << "no indicator " << code;
  return {};
}

std::map<model::IndicatorKind, int> kinds(const model::Definition& d) {
  std::map<model::IndicatorKind, int> out;
  for (const auto& ind : d.indicators) ++out[ind.kind];
  return out;
}

TEST(TemplatesTest, LeninskKuznetskyRoadmapHasNineIndicatorsWithTargets) {
  const auto loaded = load("lk_roadmap.toml");
  const auto& d = loaded.definition;
  EXPECT_EQ(d.periodicity, model::Periodicity::year);
  EXPECT_EQ(d.directions.size(), 4u);
  ASSERT_EQ(d.indicators.size(), 9u);
  EXPECT_EQ(kinds(d)[model::IndicatorKind::share], 9);
  using T = std::map<int, double>;
  EXPECT_EQ(targets(d, "1.1"), (T{{2022, 10}, {2023, 10}, {2024, 15}, {2025, 15}, {2026, 20}}));
  EXPECT_EQ(targets(d, "1.2"), (T{{2022, 50}, {2023, 50}, {2024, 55}, {2025, 55}, {2026, 60}}));
  EXPECT_EQ(targets(d, "1.3"), (T{{2022, 30}, {2023, 60}, {2024, 100}, {2025, 100}, {2026, 100}}));
  EXPECT_EQ(targets(d, "2.1"), (T{{2022, 20}, {2023, 22}, {2024, 25}, {2025, 28}, {2026, 30}}));
  EXPECT_EQ(targets(d, "2.2"), (T{{2022, 10}, {2023, 10}, {2024, 10}, {2025, 15}, {2026, 20}}));
  EXPECT_EQ(targets(d, "2.3"), (T{{2022, 65}, {2023, 67}, {2024, 71}, {2025, 73}, {2026, 75}}));
  EXPECT_EQ(targets(d, "3.1"), (T{{2022, 10}, {2023, 15}, {2024, 17}, {2025, 24}, {2026, 25}}));
  EXPECT_EQ(targets(d, "3.2"), (T{{2023, 72}, {2024, 75}, {2025, 78}, {2026, 80}}));  // 2022 empty
  EXPECT_EQ(targets(d, "4.1"), (T{{2022, 10}, {2023, 12}, {2024, 15}, {2025, 18}, {2026, 20}}));
  const auto* young = d.find_indicator("young_events_share");
  ASSERT_NE(young, nullptr);
  EXPECT_EQ(young->denominator, "young_total");
  EXPECT_EQ(d.find_indicator("projects_apply_share")->denominator, "teachers_projects");
  // The source's own gaps show up as exactly these warnings: 1.1 divides
  // products by teachers, 3.2 has no 2022 target.
  ASSERT_EQ(loaded.warnings.size(), 2u);
  EXPECT_EQ(loaded.warnings[0].where.key, "indicator[1]");
  EXPECT_EQ(loaded.warnings[1].where.key, "indicator[8].targets");
  EXPECT_GE(d.notes.size(), 5u);
}

TEST(TemplatesTest, BalakhtaHasElevenSharesAndOneYesNoWithoutTargets) {
  const auto loaded = load("balakhta.toml");
  const auto& d = loaded.definition;
  EXPECT_EQ(d.periodicity, model::Periodicity::half_year);
  // The Положение's twelve, then the questionnaire's coverage (not one of them).
  ASSERT_EQ(d.indicators.size(), 13u);
  EXPECT_EQ(kinds(d)[model::IndicatorKind::share], 12);
  EXPECT_EQ(kinds(d)[model::IndicatorKind::yesno], 1);
  for (const auto& ind : d.indicators) EXPECT_TRUE(ind.targets.empty()) << ind.code;
  const auto& events = d.indicators[1];  // indicator 2: a share of events, not teachers
  EXPECT_EQ(events.code, "2");
  EXPECT_EQ(events.numerator, "events_support");
  EXPECT_EQ(events.denominator, "events_total");
  EXPECT_EQ(d.indicators[11].kind, model::IndicatorKind::yesno);
  EXPECT_EQ(d.indicators[12].code, "А");
  ASSERT_EQ(loaded.warnings.size(), 1u);  // "no targets at all"
  EXPECT_EQ(loaded.warnings[0].where.key, "definition");
}

// Seed 004, п. 4.2 and 4.4: teachers answer a questionnaire, the school's
// administrative team the rest. Indicators 1 and 3-11 come from the
// questionnaire over the registry's teachers; 2 and 12 from the form.
TEST(TemplatesTest, BalakhtaCountsTeachersByTheirQuestionnaire) {
  const auto& d = load("balakhta.toml").definition;
  ASSERT_EQ(d.surveys.size(), 1u);
  const auto& s = d.surveys[0];
  EXPECT_EQ(s.respondents, model::Respondents::teachers);
  EXPECT_EQ(s.registry_input, "teachers_total");
  EXPECT_EQ(s.min_response_rate, 50.0);
  EXPECT_EQ(s.questions.size(), 10u);
  for (const auto& ind : d.indicators) {
    const bool from_form = ind.code == "2" || ind.code == "12";
    const auto* in = d.find_input(ind.kind == model::IndicatorKind::share ? ind.numerator : ind.input);
    ASSERT_NE(in, nullptr) << ind.code;
    EXPECT_EQ(in->survey.empty(), from_form) << ind.code;
    if (!from_form) {
      EXPECT_EQ(ind.denominator, "teachers_total") << ind.code;
    }
  }
  std::vector<std::string> form;
  for (const auto& in : d.inputs) {
    if (in.survey.empty()) form.push_back(in.id);
  }
  EXPECT_EQ(form, (std::vector<std::string>{"events_total", "events_support", "doc_staff_development"}));
}

TEST(TemplatesTest, KrymskCoversSevenDirectionsPlusMethodicalAssociations) {
  const auto loaded = load("krymsk.toml");
  const auto& d = loaded.definition;
  EXPECT_EQ(d.periodicity, model::Periodicity::year);
  // Seven directions, methodical associations (МО), and the rubric's own
  // questions to the municipality (RUB: evidence for the scored blocks).
  EXPECT_EQ(d.directions.size(), 9u);
  EXPECT_NE(d.find_direction("RUB"), nullptr);
  std::map<std::string, int> per_direction;
  for (const auto& ind : d.indicators) {
    ++per_direction[ind.direction];
    EXPECT_TRUE(ind.targets.empty()) << ind.code;
    EXPECT_TRUE(ind.matches_goal) << ind.code;
    EXPECT_FALSE(ind.bad) << ind.code;
    if (ind.direction == "D7") {
      EXPECT_EQ(ind.position, "") << ind.code;
    } else {
      EXPECT_TRUE(ind.position == "M1" || ind.position == "M2" || ind.position == "M3" ||
                  ind.position == "M4")
          << ind.code;
    }
  }
  // Section 2 counts (D1 7, D2 4, D3 2, D4 3, D5 8, D6 7, D7 7 less 7.8 not
  // modelled) plus the monitoring calendar's own indicators (Ц…).
  EXPECT_EQ(per_direction["D1"], 7);
  EXPECT_EQ(per_direction["D2"], 4);
  EXPECT_EQ(per_direction["D3"], 3);   // 3.1, 3.2 + Ц3.2
  EXPECT_EQ(per_direction["D4"], 3);
  EXPECT_EQ(per_direction["MO"], 2);   // Ц5.1, Ц5.2
  EXPECT_EQ(per_direction["D5"], 15);  // 5.1–5.8 + Ц6.1–Ц6.7
  EXPECT_EQ(per_direction["D6"], 9);   // 6.1–6.7 + Ц7.1, Ц7.2
  EXPECT_EQ(per_direction["D7"], 6);   // 7.1, 7.3–7.7: the source skips 7.2
  for (const auto& ind : d.indicators) EXPECT_NE(ind.code, "7.2");
  const auto* trained = d.find_indicator("d3_trained_share");
  ASSERT_NE(trained, nullptr);
  EXPECT_EQ(trained->denominator, "teachers_total");  // the circular denominator, resolved
  EXPECT_EQ(d.find_indicator("d1_deficits_act")->kind, model::IndicatorKind::yesno);
  EXPECT_EQ(d.find_indicator("d4_experts")->kind, model::IndicatorKind::count);
  // "no targets at all", and the rubric's two inconsistencies of the source
  // (Меры declared 24 vs 21, total declared 74 vs 71).
  ASSERT_EQ(loaded.warnings.size(), 3u);
  ASSERT_TRUE(d.rubric.has_value());
  EXPECT_DOUBLE_EQ(d.rubric->computed_total, 71);
}

}  // namespace

namespace {

struct KrymskMonitoring {
  const char* file;  // templates/krymsk/<file>
  const char* id;
  int month;
  std::size_t indicators;
  const char* position;  // of every indicator; "" = none (staffing)
  bool month_chosen;     // the seed gives no month: metodmon chose it (said in notes)
};

constexpr KrymskMonitoring k_krymsk[] = {
    {"m1_deficits.toml", "krymsk-m1-deficits", 9, 7, "M4", false},
    {"m2_iom.toml", "krymsk-m2-iom", 10, 4, "M4", false},
    {"m3_courses.toml", "krymsk-m3-courses", 11, 3, "M4", false},
    {"m4_experts.toml", "krymsk-m4-experts", 6, 3, "M4", true},
    {"m5_shmo.toml", "krymsk-m5-shmo", 5, 2, "M2", true},
    {"m6_mentoring.toml", "krymsk-m6-mentoring", 4, 15, "M1", false},
    {"m7_network.toml", "krymsk-m7-network", 3, 9, "M3", false},
    {"m8_staffing.toml", "krymsk-m8-staffing", 8, 6, "", false},
};

bool notes_mention(const model::Definition& d, const std::string& text) {
  return std::any_of(d.notes.begin(), d.notes.end(),
                     [&](const auto& n) { return n.find(text) != std::string::npos; });
}

}  // namespace

TEST(TemplatesTest, KrymskEightMonitoringsEachInItsMonth) {
  for (const auto& m : k_krymsk) {
    SCOPED_TRACE(m.file);
    const auto loaded = load(std::string("krymsk/") + m.file);
    const auto& d = loaded.definition;
    EXPECT_EQ(d.id, m.id);
    // September to August: one school year, not two calendar years' halves.
    EXPECT_EQ(d.periodicity, model::Periodicity::school_year);
    ASSERT_TRUE(d.schedule.has_value());
    EXPECT_EQ(d.schedule->months, (std::vector<int>{m.month}));
    EXPECT_FALSE(d.schedule->previous_school_year);
    const int year = m.month >= 9 ? 2025 : 2026;
    EXPECT_EQ(model::collection_period(d.periodicity, year, m.month).id, "2025-2026");
    EXPECT_FALSE(d.schedule->open_day);  // the seed names no days
    EXPECT_EQ(d.indicators.size(), m.indicators);
    for (const auto& ind : d.indicators) EXPECT_EQ(ind.position, m.position) << ind.code;
    EXPECT_TRUE(d.sources.empty());
    EXPECT_FALSE(d.rubric.has_value());
    EXPECT_TRUE(notes_mention(d, "Сроки проведения"));
    EXPECT_EQ(notes_mention(d, "в циклограмме не указан"), m.month_chosen);
    ASSERT_EQ(loaded.warnings.size(), 1u) << model::to_string(loaded.warnings.front());  // no targets
  }
}

TEST(TemplatesTest, KrymskMonitoringsTogetherCarryTheSingleFormsIndicators) {
  const auto single = load("krymsk.toml").definition;
  std::map<std::string, const model::IndicatorDef*> expected;
  for (const auto& ind : single.indicators) expected[ind.id] = &ind;
  std::vector<definition::LoadedDefinition> parts;
  for (const auto& m : k_krymsk) parts.push_back(load(std::string("krymsk/") + m.file));
  std::size_t total = 0;
  for (const auto& part : parts) {
    for (const auto& ind : part.definition.indicators) {
      SCOPED_TRACE(part.definition.id + " " + ind.id);
      ++total;
      const auto it = expected.find(ind.id);
      ASSERT_NE(it, expected.end());
      EXPECT_EQ(ind.code, it->second->code);
      EXPECT_EQ(ind.name, it->second->name);
      EXPECT_EQ(ind.short_name, it->second->short_name);
      EXPECT_EQ(ind.kind, it->second->kind);
      EXPECT_EQ(ind.numerator, it->second->numerator);
      EXPECT_EQ(ind.denominator, it->second->denominator);
      EXPECT_EQ(ind.input, it->second->input);
      EXPECT_EQ(ind.better, it->second->better);
      EXPECT_EQ(ind.position, it->second->position);
      expected.erase(it);
    }
  }
  EXPECT_EQ(total, 49u);
  EXPECT_TRUE(expected.empty());
}

// Texts name an indicator by its code and a few words where the full name
// would repeat (the справка's summary, a group's profile, the приказ): every
// shipped indicator has them, never longer than its name; and the method's source
// is named as a document, not as a file.
TEST(TemplatesTest, EveryShippedIndicatorHasAFewWordsAndTheSourceIsADocument) {
  for (const char* file : {"demo.toml", "lk_roadmap.toml", "balakhta.toml", "krymsk.toml"}) {
    SCOPED_TRACE(file);
    const auto d = load(file).definition;
    for (const auto& ind : d.indicators) {
      EXPECT_FALSE(ind.short_name.empty()) << ind.id;
      EXPECT_LE(ind.short_name.size(), ind.name.size()) << ind.id;  // a short name keeps itself
      EXPECT_LE(ind.short_name.size(), 120u) << ind.short_name;  // 60 Cyrillic letters
    }
    EXPECT_EQ(d.source.find(".txt"), std::string::npos) << d.source;
  }
}

TEST(TemplatesTest, KrymskYearRubricIsComputedOverTheEightMonitorings) {
  const auto loaded = load("krymsk/year_rubric.toml");
  const auto& d = loaded.definition;
  EXPECT_EQ(d.id, "krymsk-year");
  ASSERT_TRUE(d.schedule.has_value());
  // September closes the school year whose eight monitorings ran from the
  // September before to August.
  EXPECT_EQ(d.periodicity, model::Periodicity::school_year);
  EXPECT_EQ(d.schedule->months, (std::vector<int>{9}));
  EXPECT_TRUE(d.schedule->previous_school_year);
  EXPECT_EQ(model::collection_period(d.periodicity, 2026, 9, true).id, "2025-2026");
  ASSERT_EQ(d.sources.size(), 8u);
  for (std::size_t i = 0; i < d.sources.size(); ++i) {
    EXPECT_EQ(d.sources[i].id, k_krymsk[i].id);
    EXPECT_EQ(d.sources[i].definition->id, k_krymsk[i].id);
  }
  EXPECT_TRUE(d.indicators.empty());
  // The yearly form asks only what the monitorings do not show: 63 rubric
  // questions of krymsk.toml less «ведётся мониторинг» for M1–M4.
  EXPECT_EQ(d.inputs.size(), 59u);
  for (const auto& in : d.inputs) {
    EXPECT_EQ(in.kind, model::InputKind::yesno) << in.id;
    EXPECT_FALSE(in.id.starts_with("rub_mon_") && in.id.ends_with("_present")) << in.id;
  }
  ASSERT_TRUE(d.rubric.has_value());
  EXPECT_EQ(d.rubric->blocks.size(), 7u);
  EXPECT_DOUBLE_EQ(d.rubric->computed_total, 71);
  // The source's own inconsistencies: Меры declared 24 vs 21, total 74 vs 71.
  ASSERT_EQ(loaded.warnings.size(), 2u);
}

TEST(TemplatesTest, SchedulesOfTheOtherShippedMethods) {
  EXPECT_EQ(load("balakhta.toml").definition.schedule->months, (std::vector<int>{5, 1}));
  EXPECT_EQ(load("lk_roadmap.toml").definition.schedule->months, (std::vector<int>{12}));
  EXPECT_EQ(load("krymsk.toml").definition.schedule->months, (std::vector<int>{12}));
  EXPECT_FALSE(load("demo.toml").definition.schedule.has_value());  // monthly: every month
}
