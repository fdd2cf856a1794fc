// The yearly rubric computed over the year's monitorings: the shipped Krymsk
// rubric (templates/krymsk/year_rubric.toml over its eight monitorings) on
// synthetic values whose points are counted by hand below, and a small
// rubric whose evidence names monitorings' indicators.
#include "analysis/year_rubric.h"

#include <gtest/gtest.h>

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "definition/definition_loader.h"
#include "support/temp_dir.h"

namespace {

model::Definition load_krymsk_year() {
  auto loaded = definition::load_definition(test::source_dir() / "templates/krymsk/year_rubric.toml");
  EXPECT_TRUE(loaded.has_value()) << (loaded ? "" : model::to_string(loaded.error().front()));
  return loaded ? std::move(loaded->definition) : model::Definition{};
}

model::Registry registry(std::initializer_list<const char*> ids) {
  model::Registry r;
  for (const auto* id : ids) r.schools.push_back({id, std::string("ОО ") + id, "", "", ""});
  return r;
}

// A self-assessment form: every yes/no input of `def` «Да» except `no`.
model::Submission form(const model::Definition& def, const std::string& school,
                       const std::vector<std::string>& no = {}) {
  model::Submission s;
  s.school_id = school;
  s.period = "2025-2026";
  s.definition_id = def.id;
  for (const auto& in : def.inputs) {
    if (in.kind != model::InputKind::yesno) continue;
    const bool yes = std::find(no.begin(), no.end(), in.id) == no.end();
    s.values[in.id] = model::InputCell{yes, "Форма", {}};
  }
  return s;
}

// Every indicator of the monitoring = `value` for `school` (nullopt: the
// school sent the form but left it empty), and the municipal value 50.
void set_all(analysis::YearInputs& in, const model::SourceDef& src, const std::string& school,
             std::optional<double> value) {
  auto& pv = in.monitorings[src.id].values;
  pv.period = "2025-2026";
  for (const auto& ind : src.definition->indicators) {
    pv.values[school][ind.id] = value;
    pv.municipal[ind.id] = 50.0;
  }
}

// Copies: a score spells its blocks out anew on each call (their notes view
// the score's text pool, which `s` keeps alive).
analysis::BlockScore block(const analysis::RubricScore& s, const std::string& id) {
  for (const auto& b : s.blocks()) {
    if (b.block_id == id) return b;
  }
  ADD_FAILURE() << "no block " << id;
  return {};
}

analysis::PositionScore position(const analysis::BlockScore& b, const std::string& id) {
  for (const auto& p : b.positions) {
    if (p.position_id == id) return p;
  }
  ADD_FAILURE() << "no position " << id << " in " << b.block_id;
  return {};
}

class KrymskYearTest : public ::testing::Test {
 protected:
  void SetUp() override {
    def = load_krymsk_year();
    ASSERT_EQ(def.sources.size(), 8u);
    // kr01 took part in all eight monitorings and answers «Да» to everything
    // except the dates of the effectiveness analysis.
    for (const auto& src : def.sources) set_all(in, src, "kr01", 50.0);
    in.forms.push_back(form(def, "kr01", {"rub_ef_ae_dates"}));
    // kr02 took part in monitorings 1 (M4) and 6 (M1) only; it sent the
    // network form (7, M3) empty.
    set_all(in, *def.find_source("krymsk-m1-deficits"), "kr02", 30.0);
    set_all(in, *def.find_source("krymsk-m6-mentoring"), "kr02", 70.0);
    set_all(in, *def.find_source("krymsk-m7-network"), "kr02", std::nullopt);
    in.forms.push_back(form(def, "kr02",
                            {"rub_mon_m1_usage", "rub_rec_m4_addressed", "rub_mer_e7_present",
                             "rub_ef_ae_problem", "rub_ef_ae_dates"}));
    // kr03 took part in the network monitoring only and sent no yearly form.
    set_all(in, *def.find_source("krymsk-m7-network"), "kr03", 10.0);
    // kr04 sent nothing all year.
    year = analysis::score_year_rubric(def, registry({"kr01", "kr02", "kr03", "kr04"}),
                                       *model::parse_period("2025-2026"), in);
  }

  model::Definition def;
  analysis::YearInputs in;
  analysis::YearRubric year;
};

TEST_F(KrymskYearTest, SchoolsWithAnyResultAreScoredTheOthersMissing) {
  ASSERT_EQ(year.results.schools.size(), 3u);
  EXPECT_EQ(year.results.schools[0].school_id, "kr01");
  EXPECT_EQ(year.results.schools[2].school_id, "kr03");
  EXPECT_EQ(year.summary.missing_school_ids, (std::vector<std::string>{"kr04"}));
  EXPECT_EQ(year.results.title, "Оценка муниципальной системы методической работы");
  EXPECT_TRUE(year.warnings.empty());
  // 49 indicators of the eight monitorings, pooled under qualified ids.
  EXPECT_EQ(year.pooled.indicators.size(), 49u);
  EXPECT_NE(year.pooled.find_indicator("krymsk-m6-mentoring:c6_target_model"), nullptr);
}

TEST_F(KrymskYearTest, SchoolInEveryMonitoringLosesOnlyWhatItDenied) {
  const auto& s = *year.results.of("kr01");
  // Показатели 4 × 2; Мониторинг, Анализ, Рекомендации 4 × 3; Меры 7 × 3;
  // Решения 3; Эффективность 3 − 1 (dates «Нет»).
  EXPECT_DOUBLE_EQ(block(s, "indicators").points, 8);
  EXPECT_DOUBLE_EQ(block(s, "monitoring").points, 12);
  EXPECT_DOUBLE_EQ(block(s, "analysis").points, 12);
  EXPECT_DOUBLE_EQ(block(s, "recommendations").points, 12);
  EXPECT_DOUBLE_EQ(block(s, "measures").points, 21);
  EXPECT_DOUBLE_EQ(block(s, "decisions").points, 3);
  EXPECT_DOUBLE_EQ(block(s, "effectiveness").points, 2);
  EXPECT_DOUBLE_EQ(s.total, 70);
  EXPECT_DOUBLE_EQ(s.max, 71);
  EXPECT_EQ(s.level, analysis::Level::high);  // 98.6 %
}

TEST_F(KrymskYearTest, PositionsCountOnlyTheMonitoringsTheSchoolTookPartIn) {
  const auto& s = *year.results.of("kr02");
  // Показатели: M1 (monitoring 6) 2, M4 (monitoring 1) 2, M2 and M3 none
  // (network form sent empty) 0 → 4.
  const auto& ind = block(s, "indicators");
  EXPECT_DOUBLE_EQ(position(ind, "M1").points, 2);
  EXPECT_DOUBLE_EQ(position(ind, "M2").points, 0);
  EXPECT_DOUBLE_EQ(position(ind, "M3").points, 0);
  EXPECT_DOUBLE_EQ(position(ind, "M4").points, 2);
  EXPECT_EQ(position(ind, "M1").note, "показателей: 15; соответствуют обоснованной цели: 1 + 1 + 0 = 2");
  EXPECT_DOUBLE_EQ(ind.points, 4);
  // Мониторинг: M1 present + dates, usage «Нет» → 2; M2, M3 not held → 0
  // (their dates/usage «Да» do not count without presence); M4 3 → 5.
  const auto& mon = block(s, "monitoring");
  EXPECT_DOUBLE_EQ(position(mon, "M1").points, 2);
  EXPECT_DOUBLE_EQ(position(mon, "M2").points, 0);
  EXPECT_DOUBLE_EQ(position(mon, "M3").points, 0);
  EXPECT_DOUBLE_EQ(position(mon, "M4").points, 3);
  EXPECT_EQ(position(mon, "M3").params[1].note, "не засчитано: нет «Наличие показателей мониторинга»");
  // Анализ: M1 3, M4 3; M2, M3 0 → 6. Рекомендации: M4 «Нет» on the gate → 9.
  EXPECT_DOUBLE_EQ(block(s, "analysis").points, 6);
  EXPECT_DOUBLE_EQ(block(s, "recommendations").points, 9);
  // Меры: E7 present «Нет» → 21 − 3; Решения 3; Эффективность: present only → 1.
  EXPECT_DOUBLE_EQ(block(s, "measures").points, 18);
  EXPECT_DOUBLE_EQ(block(s, "decisions").points, 3);
  EXPECT_DOUBLE_EQ(block(s, "effectiveness").points, 1);
  EXPECT_DOUBLE_EQ(s.total, 4 + 5 + 6 + 9 + 18 + 3 + 1);  // 46 of 71 = 64.8 %
  EXPECT_EQ(s.level, analysis::Level::medium);
}

TEST_F(KrymskYearTest, SchoolWithoutTheYearlyFormScoresOnlyFromItsMonitoring) {
  const auto& s = *year.results.of("kr03");
  // Показатели M3 2; Мониторинг M3 presence 1 (dates, usage: no form); nothing else.
  EXPECT_DOUBLE_EQ(block(s, "indicators").points, 2);
  EXPECT_DOUBLE_EQ(block(s, "monitoring").points, 1);
  EXPECT_EQ(position(block(s, "monitoring"), "M3").params[1].note, "форма не сдана");
  EXPECT_DOUBLE_EQ(block(s, "analysis").points, 0);
  EXPECT_DOUBLE_EQ(s.total, 3);
  EXPECT_EQ(s.level, analysis::Level::low);
}

TEST_F(KrymskYearTest, MunicipalityUsesMunicipalValuesAndTheShareOfSchoolsAnsweringYes) {
  const auto& m = year.results.municipal;
  EXPECT_TRUE(m.school_id.empty());
  // Every monitoring has municipal values: Показатели 8, presence everywhere.
  // Of the two yearly forms: «Да» 2 of 2 or 1 of 2 (50 % ≥ 50 %) everywhere
  // except the dates of the effectiveness analysis (0 of 2) → 71 − 1.
  EXPECT_DOUBLE_EQ(block(m, "indicators").points, 8);
  EXPECT_DOUBLE_EQ(block(m, "monitoring").points, 12);
  const auto& ae = position(block(m, "effectiveness"), "AE");
  EXPECT_DOUBLE_EQ(ae.points, 2);
  EXPECT_EQ(ae.params[1].note, "«Да» у 0 из 2 ОО (0,0 %)");
  EXPECT_DOUBLE_EQ(m.total, 70);
  EXPECT_EQ(year.results.school_median_total, 46);
  EXPECT_EQ(year.results.schools_high, 1);
  EXPECT_EQ(year.results.schools_medium, 1);
  EXPECT_EQ(year.results.schools_low, 1);
}

TEST_F(KrymskYearTest, MonitoringNotHeldIsWarnedAndNotCounted) {
  in.monitorings.erase("krymsk-m5-shmo");  // May's ШМО monitoring was not held
  const auto y = analysis::score_year_rubric(def, registry({"kr01", "kr02", "kr03"}),
                                             *model::parse_period("2025-2026"), in);
  ASSERT_EQ(y.warnings.size(), 1u);
  EXPECT_EQ(y.warnings[0],
            "нет итогов мониторинга «Мониторинг по результату деятельности школьных методических "
            "объединений» (krymsk-m5-shmo) за 2025/26 учебный год: его показатели в рубрике не учтены");
  // M2 had only that monitoring: kr01 loses Показатели M2 (2), Мониторинг M2 (3), Анализ M2 (3).
  EXPECT_DOUBLE_EQ(y.results.of("kr01")->total, 70 - 8);
  EXPECT_DOUBLE_EQ(y.results.municipal.total, 70 - 8);
}

// ------------------------------------------ evidence on monitorings' indicators

constexpr std::string_view k_monitoring = R"([definition]
id = "net"
version = "1"
title = "Сеть"
periodicity = "year"

[[input]]
id = "teachers_total"
label = "Педагоги"
kind = "count"

[[input]]
id = "in_network"
label = "В сети"
kind = "count"
not_more_than = "teachers_total"

[[indicator]]
id = "network_share"
name = "Доля педагогов в сети"
kind = "share"
numerator = "in_network"
denominator = "teachers_total"
position = "M3"
targets = { 2025 = 50 }
)";

constexpr std::string_view k_rubric = R"([definition]
id = "year"
version = "1"
title = "Рубрика года"
periodicity = "year"

[[source]]
id = "net"
definition = "net.toml"

[[input]]
id = "unused"
label = "Поле"
kind = "yesno"

[rubric]
id = "r"
title = "Рубрика"

[[block]]
id = "results"
title = "Результаты"
kind = "checklist"
positions = [ { id = "M3", name = "сетевые формы" } ]
params = [ { id = "target", title = "Цель года", points = 1 }, { id = "median", title = "Не ниже медианы", points = 1 }, { id = "growth", title = "Рост к прошлому году", points = 1 } ]

[[evidence]]
block = "results"
position = "M3"
target = { monitoring = "net", indicator = "network_share", test = "meets_target" }
median = { monitoring = "net", indicator = "network_share", test = "at_least_median" }
growth = { monitoring = "net", indicator = "network_share", test = "positive_dynamics" }
)";

// k_rubric over k_monitoring for schools a, b and c in 2025.
analysis::YearRubric score_net(const analysis::YearInputs& in) {
  const auto loaded = definition::parse_definition(
      k_rubric, "year.toml", [](const std::string&) { return definition::parse_definition(k_monitoring, "net.toml"); });
  if (!loaded) throw std::runtime_error(model::to_string(loaded.error().front()));
  return analysis::score_year_rubric(loaded->definition, registry({"a", "b", "c"}), *model::parse_period("2025"), in);
}

TEST(YearRubricEvidenceTest, TestsOnAMonitoringsIndicatorUseItsYearTargetMedianAndLastYear) {
  analysis::YearInputs in;
  auto& net = in.monitorings["net"];
  net.values.period = "2025";
  net.values.values = {{"a", {{"network_share", 40.0}}}, {"b", {{"network_share", 60.0}}},
                       {"c", {{"network_share", 80.0}}}};
  net.values.municipal = {{"network_share", 55.0}};
  analysis::PeriodValues last;
  last.period = "2024";
  last.values = {{"a", {{"network_share", 45.0}}}, {"b", {{"network_share", 50.0}}}};
  last.municipal = {{"network_share", 50.0}};
  net.earlier.push_back(last);
  const auto y = score_net(in);
  ASSERT_EQ(y.results.schools.size(), 3u);
  // Target 50, median 60. a: 40 — below both, fell from 45 → 0.
  // b: 60 — target, median, grew from 50 → 3. c: 80 — target, median, no 2024 value → 2.
  // Municipality: 55 — target, below the median 60, grew from 50 → 2.
  EXPECT_DOUBLE_EQ(y.results.of("a")->total, 0);
  EXPECT_DOUBLE_EQ(y.results.of("b")->total, 3);
  EXPECT_DOUBLE_EQ(y.results.of("c")->total, 2);
  EXPECT_DOUBLE_EQ(y.results.municipal.total, 2);
  const auto blocks = y.results.municipal.blocks();
  const auto& params = blocks[0].positions[0].params;
  EXPECT_EQ(params[0].note, "55,0 % при цели 50 %");
  EXPECT_EQ(params[1].note, "55,0 % при медиане 60,0 %");
}

// The pooled summary carries what aggregate::summarize gives a single
// monitoring (ranks, deviations, targets and statuses), for «Сводка» and the
// analysis; the sources' earlier years come pooled under the same ids.
TEST(YearRubricEvidenceTest, PooledValuesHaveRanksTargetsAndEarlierYears) {
  analysis::YearInputs in;
  auto& net = in.monitorings["net"];
  net.values.period = "2025";
  net.values.values = {{"a", {{"network_share", 40.0}}}, {"c", {{"network_share", 80.0}}}};
  net.values.municipal = {{"network_share", 55.0}};
  analysis::PeriodValues last;
  last.period = "2024";
  last.values = {{"a", {{"network_share", 45.0}}}};
  net.earlier.push_back(last);
  const auto y = score_net(in);
  const auto id = analysis::qualified_id("net", "network_share");
  ASSERT_EQ(y.summary.school_ids, (std::vector<std::string>{"a", "c"}));
  const auto& a = y.summary.values.at("a").at(id);
  const auto& c = y.summary.values.at("c").at(id);
  EXPECT_EQ(a.rank, 2);
  EXPECT_EQ(c.rank, 1);
  EXPECT_DOUBLE_EQ(a.deviation.value_or(0), 40.0 - 60.0);  // the median of 40 and 80
  EXPECT_EQ(a.status, aggregate::TargetStatus::not_met);
  EXPECT_EQ(c.status, aggregate::TargetStatus::met);
  ASSERT_EQ(y.summary.indicators.size(), 1u);
  EXPECT_EQ(y.summary.indicators[0].schools_meeting_target, 1);
  EXPECT_EQ(y.summary.indicators[0].municipal_status, aggregate::TargetStatus::met);
  ASSERT_EQ(y.earlier.size(), 1u);
  EXPECT_EQ(y.earlier[0].period, "2024");
  EXPECT_DOUBLE_EQ(y.earlier[0].values.at("a").at(id).value_or(0), 45.0);
}

}  // namespace
