#include "definition/rubric_loader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "definition/definition_loader.h"
#include "support/temp_dir.h"

namespace {

using model::RubricKind;

toml::table parse(std::string_view text) { return toml::parse(text, std::string_view{"t.toml"}); }

std::vector<std::string> texts(const std::vector<model::Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(model::to_string(d));
  return out;
}

int line_of(const std::string& text, std::string_view needle) {
  const auto pos = text.find(needle);
  EXPECT_NE(pos, std::string::npos) << needle;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n'));
}

TEST(RubricLoaderTest, NoSectionsGiveNoRubric) {
  const auto root = parse("[definition]\nid = \"x\"\n");
  const auto loaded = definition::parse_rubric(root, "t.toml", model::Definition{});
  ASSERT_TRUE(loaded.has_value());
  EXPECT_FALSE(loaded->rubric.has_value());
  EXPECT_TRUE(loaded->warnings.empty());
}

TEST(RubricLoaderTest, KrymskTemplateLoadsWithTheSourcesInconsistencies) {
  const auto path = test::source_dir() / "templates/krymsk.toml";
  const std::string text = test::read_file(path);
  const auto loaded = definition::load_definition(path);
  ASSERT_TRUE(loaded.has_value()) << testing::PrintToString(texts(loaded.error()));
  ASSERT_TRUE(loaded->definition.rubric.has_value());
  const auto& r = *loaded->definition.rubric;
  EXPECT_EQ(r.id, "krymsk-2021");
  ASSERT_EQ(r.blocks.size(), 7u);
  EXPECT_EQ(r.blocks[0].kind, RubricKind::indicator_set);
  EXPECT_DOUBLE_EQ(r.blocks[0].computed_max, 8);
  EXPECT_DOUBLE_EQ(r.blocks[0].computed_min, -4);
  EXPECT_FALSE(r.blocks[0].declared_max.has_value());
  const auto* measures = r.find_block("measures");
  ASSERT_NE(measures, nullptr);
  EXPECT_EQ(measures->positions.size(), 7u);
  EXPECT_DOUBLE_EQ(*measures->declared_max, 24);
  EXPECT_DOUBLE_EQ(measures->computed_max, 21);
  EXPECT_DOUBLE_EQ(r.computed_total, 71);
  EXPECT_DOUBLE_EQ(*r.declared_total, 74);
  EXPECT_EQ(r.find_block("monitoring")->gate_param, "present");
  EXPECT_TRUE(r.find_block("monitoring")->bad_gate);
  const auto* ev = r.find_block("measures")->find_evidence("E3", "dates");
  ASSERT_NE(ev, nullptr);
  EXPECT_EQ(ev->input, "rub_mer_e3_dates");
  EXPECT_EQ(r.clusters.k, 3);

  // Exactly the two inconsistencies of the source, located.
  const int total_line = line_of(text, "declared_total = 74");
  const int measures_line = line_of(text, "declared_max = 24");
  const std::vector<std::string> expected = {
      "krymsk.toml:" + std::to_string(total_line) +
          " [rubric.declared_total]: заявленный итог рубрики 74 не равен сумме максимумов блоков "
          "71 (8 + 12 + 12 + 12 + 21 + 3 + 3); используется 71, найдено «74». Как исправить: "
          "исправьте declared_total или максимумы блоков",
      "krymsk.toml:" + std::to_string(measures_line) +
          " [block[5].declared_max]: блок «Меры, мероприятия»: заявленный максимум 24 не равен "
          "сумме баллов по строкам 21 (7 поз. × 3); используется 21, найдено «24». Как "
          "исправить: исправьте declared_max или добавьте недостающую позицию оценивания",
  };
  std::vector<model::Diagnostic> rubric_warnings;
  for (const auto& w : loaded->warnings) {
    if (w.where.key.starts_with("rubric.") || w.where.key.starts_with("block[")) rubric_warnings.push_back(w);
  }
  EXPECT_EQ(texts(rubric_warnings), expected);
  for (const auto& w : rubric_warnings) EXPECT_EQ(w.severity, model::Severity::warning);
}

TEST(RubricLoaderTest, DemoTemplateRubricLoads) {
  const auto loaded = definition::load_definition(test::source_dir() / "templates/demo.toml");
  ASSERT_TRUE(loaded.has_value()) << testing::PrintToString(texts(loaded.error()));
  for (const auto& w : loaded->warnings) {
    EXPECT_FALSE(w.where.key.starts_with("rubric.") || w.where.key.starts_with("block[")) << model::to_string(w);
  }
  ASSERT_TRUE(loaded->definition.rubric.has_value());
  const auto& r = *loaded->definition.rubric;
  EXPECT_DOUBLE_EQ(r.computed_total, 18);
  const auto* results = r.find_block("results");
  ASSERT_NE(results, nullptr);
  EXPECT_EQ(results->kind, RubricKind::binary);
  ASSERT_EQ(results->params.size(), 1u);
  EXPECT_EQ(results->params[0].id, "met");
  const auto* ev = results->find_evidence("R_NET", "met");
  ASSERT_NE(ev, nullptr);
  EXPECT_EQ(ev->indicator, "network_share");
  EXPECT_EQ(ev->test, model::EvidenceTest::at_least_median);
  ASSERT_EQ(r.recommendations.size(), 4u);
  EXPECT_EQ(r.recommendations[2].when, model::RecommendationWhen::document_missing);
  EXPECT_EQ(r.recommendations[2].input, "doc_mentoring_regulation");
}

constexpr std::string_view k_small = R"([rubric]
id = "r"
title = "Рубрика"

[[block]]
id = "mon"
title = "Мониторинг"
kind = "checklist"
positions = [ { id = "M1", name = "наставничество" } ]
requires = "present"
params = [ { id = "present", title = "Наличие", points = 1 }, { id = "dates", title = "Сроки", points = 1 } ]

[[evidence]]
block = "mon"
position = "M1"
present = { input = "yes_mon" }
)";

model::Definition small_def() {
  model::Definition def;
  model::InputDef yes;
  yes.id = "yes_mon";
  yes.kind = model::InputKind::yesno;
  model::InputDef count;
  count.id = "teachers";
  def.inputs = {yes, count};
  model::IndicatorDef ind;
  ind.id = "share";
  ind.position = "M1";
  def.indicators = {ind};
  return def;
}

TEST(RubricLoaderTest, WarnsAboutParametersWithoutEvidence) {
  const auto loaded = definition::parse_rubric(parse(k_small), "t.toml", small_def());
  ASSERT_TRUE(loaded.has_value()) << testing::PrintToString(texts(loaded.error()));
  EXPECT_EQ(texts(loaded->warnings),
            std::vector<std::string>{
                "t.toml:5 [block[1]]: блок «Мониторинг»: у 1 параметров не указан источник "
                "подтверждения ([[evidence]]), они получат 0 баллов: M1 dates. Как исправить: "
                "добавьте [[evidence]] с полем да/нет или условием на показатель"});
  EXPECT_DOUBLE_EQ(loaded->rubric->computed_total, 2);
}

TEST(RubricLoaderTest, ReportsEveryErrorLocated) {
  std::string text(k_small);
  text.replace(text.find("kind = \"checklist\""), 18, "kind = \"checklst\"");
  text += "wrong = { input = \"yes_mon\" }\n";  // a parameter the block does not have
  text += R"(
[[evidence]]
block = "mon"
position = "M9"

[clusters]
k = 0

[[recommendation]]
when = "below_target"
indicator = "share"
text = "{indicater} ниже цели"
)";
  const auto loaded = definition::parse_rubric(parse(text), "t.toml", small_def());
  ASSERT_FALSE(loaded.has_value());
  const auto got = texts(loaded.error());
  ASSERT_EQ(got.size(), 5u) << testing::PrintToString(got);
  EXPECT_EQ(got[0],
            "t.toml:8 [block[1].kind]: недопустимое значение ключа «kind» в [[block]], найдено "
            "«checklst». Как исправить: возможно, имелось в виду «checklist»; допустимые значения: "
            "indicator_set, checklist, binary");
  EXPECT_EQ(got[1],
            "t.toml:17 [evidence[1].wrong]: в блоке «Мониторинг» нет параметра «wrong». Как "
            "исправить: параметры блока: present, dates");
  EXPECT_EQ(got[2],
            "t.toml:21 [evidence[2].position]: в блоке «Мониторинг» нет позиции «M9», найдено "
            "«M9». Как исправить: возможно, имелось в виду «M1»; позиции блока: M1");
  EXPECT_EQ(got[3],
            "t.toml:24 [clusters.k]: число групп k должно быть целым от 1 до 20, найдено «0». Как "
            "исправить: например k = 3");
  EXPECT_NE(got[4].find("t.toml:29 [recommendation[1].text]: неизвестная подстановка {indicater}"),
            std::string::npos)
      << got[4];
  EXPECT_NE(got[4].find("возможно, имелось в виду «indicator»"), std::string::npos) << got[4];
}

TEST(RubricLoaderTest, EvidenceMustBeAYesNoInput) {
  std::string text(k_small);
  text.replace(text.find("\"yes_mon\""), 9, "\"teachers\"");
  const auto loaded = definition::parse_rubric(parse(text), "t.toml", small_def());
  ASSERT_FALSE(loaded.has_value());
  ASSERT_EQ(loaded.error().size(), 1u);
  EXPECT_EQ(model::to_string(loaded.error()[0]),
            "t.toml:16 [evidence[1].present.input]: подтверждением может быть только поле вида "
            "yesno (Да/Нет), найдено «teachers». Как исправить: укажите поле да/нет или условие "
            "на показатель");
}

TEST(RubricLoaderTest, IndicatorSetKeysAndDefaults) {
  const auto root = parse(R"([rubric]
id = "r"
title = "Р"
levels = { high = 90, medium = 60 }

[[block]]
id = "ind"
title = "Показатели"
kind = "indicator_set"
positions = [ { id = "M1", name = "a" }, { id = "M2", name = "b" } ]
)");
  const auto loaded = definition::parse_rubric(root, "t.toml", small_def());
  ASSERT_TRUE(loaded.has_value()) << testing::PrintToString(texts(loaded.error()));
  const auto& b = loaded->rubric->blocks.at(0);
  EXPECT_DOUBLE_EQ(b.match_points, 2);
  EXPECT_DOUBLE_EQ(b.nomatch_points, 1);
  EXPECT_DOUBLE_EQ(b.bad_deduction, -1);
  EXPECT_FALSE(b.lone_bad_counts_presence);
  EXPECT_DOUBLE_EQ(b.computed_max, 4);
  EXPECT_DOUBLE_EQ(loaded->rubric->levels.high, 90);
  // M2 has no indicator in the definition: warned, not an error.
  ASSERT_EQ(loaded->warnings.size(), 1u);
  EXPECT_NE(loaded->warnings[0].message.find("у позиций M2 нет ни одного показателя"),
            std::string::npos)
      << loaded->warnings[0].message;
}

}  // namespace

namespace {

}  // namespace
