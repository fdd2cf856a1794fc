// [[source]]: a yearly rubric over other monitorings' results, and evidence
// that names a monitoring's indicator.
#include "definition/source_loader.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "definition/definition_loader.h"

namespace {

using Strings = std::vector<std::string>;

// A yearly monitoring with one share (position M1) and one yes/no.
std::string monitoring(std::string_view id, std::string_view periodicity = "year") {
  return "[definition]\nid = \"" + std::string(id) + "\"\nversion = \"1\"\ntitle = \"Мониторинг " +
         std::string(id) + "\"\nperiodicity = \"" + std::string(periodicity) + R"("

[[input]]
id = "teachers_total"
label = "Педагоги"
kind = "count"

[[input]]
id = "young"
label = "Молодые педагоги"
kind = "count"
not_more_than = "teachers_total"

[[input]]
id = "doc_act"
label = "Наличие акта"
kind = "yesno"

[[indicator]]
id = "young_share"
name = "Доля молодых"
kind = "share"
numerator = "young"
denominator = "teachers_total"
position = "M1"

[[indicator]]
id = "act"
name = "Наличие акта"
kind = "yesno"
input = "doc_act"
position = "M1"
)";
}

// The rubric: two sources (lines 7-13), one checklist block over M1; the
// evidence table starts on line 33, its `usage` key is on line 37.
constexpr std::string_view k_rubric = R"([definition]
id = "year"
version = "1"
title = "Годовая рубрика"
periodicity = "year"

[[source]]
id = "mon-a"
definition = "a.toml"

[[source]]
id = "mon-b"
definition = "b.toml"

[[input]]
id = "dates_known"
label = "Сроки определены"
kind = "yesno"

[rubric]
id = "r"
title = "Рубрика"

[[block]]
id = "monitoring"
title = "Мониторинг"
kind = "checklist"
positions = [ { id = "M1", name = "молодые педагоги" } ]
requires = "present"
bad_gate = true
params = [ { id = "present", title = "Наличие", points = 1 }, { id = "dates", title = "Сроки", points = 1 }, { id = "usage", title = "Использование", points = 1 } ]

[[evidence]]
block = "monitoring"
position = "M1"
dates = { input = "dates_known" }
usage = { monitoring = "mon-b", indicator = "young_share", test = "at_least_median" }
)";

std::string with(std::string_view from, std::string_view to, std::string_view base = k_rubric) {
  std::string text(base);
  const auto pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

// Resolves "a.toml" / "b.toml" (and any extra files) from memory.
definition::SourceResolver files(std::map<std::string, std::string> extra = {}) {
  extra.emplace("a.toml", monitoring("mon-a"));
  extra.emplace("b.toml", monitoring("mon-b"));
  return [extra](const std::string& name) -> model::ExpectedAll<definition::LoadedDefinition> {
    const auto it = extra.find(name);
    if (it == extra.end()) {
      model::Location where;
      where.file = name;
      return std::unexpected(
          std::vector<model::Diagnostic>{model::Diagnostic::error(where, "не удалось открыть файл методики")});
    }
    return definition::parse_definition(it->second, name);
  };
}

Strings errors_of(const std::string& text, const definition::SourceResolver& resolve = files()) {
  const auto loaded = definition::parse_definition(text, "year.toml", resolve);
  EXPECT_FALSE(loaded.has_value());
  Strings out;
  if (!loaded) {
    for (const auto& d : loaded.error()) out.push_back(model::to_string(d));
  }
  return out;
}

TEST(SourceLoaderTest, LoadsTheSourcesAndEvidenceOnTheirIndicators) {
  const auto loaded = definition::parse_definition(std::string(k_rubric), "year.toml", files());
  ASSERT_TRUE(loaded.has_value()) << model::to_string(loaded.error().front());
  const auto& d = loaded->definition;
  EXPECT_TRUE(d.indicators.empty());
  ASSERT_EQ(d.sources.size(), 2u);
  EXPECT_EQ(d.sources[0].id, "mon-a");
  EXPECT_EQ(d.sources[0].file, "a.toml");
  EXPECT_EQ(d.sources[0].line, 7);
  ASSERT_NE(d.sources[1].definition, nullptr);
  EXPECT_EQ(d.sources[1].definition->indicators.size(), 2u);
  ASSERT_NE(d.find_source("mon-b"), nullptr);
  ASSERT_TRUE(d.rubric);
  const auto* usage = d.rubric->blocks[0].find_evidence("M1", "usage");
  ASSERT_NE(usage, nullptr);
  EXPECT_EQ(usage->monitoring, "mon-b");
  EXPECT_EQ(usage->indicator, "young_share");
  EXPECT_EQ(usage->test, model::EvidenceTest::at_least_median);
  // M1 has indicators (the sources'), so no "position without indicators" warning.
  EXPECT_TRUE(loaded->warnings.empty()) << model::to_string(loaded->warnings.front());
}

TEST(SourceLoaderTest, UnknownMonitoringOrIndicatorIsLocatedWithASuggestion) {
  EXPECT_EQ(errors_of(with("monitoring = \"mon-b\"", "monitoring = \"mon-c\"")),
            Strings{"year.toml:37 [evidence[1].usage.monitoring]: нет мониторинга-источника «mon-c», "
                    "найдено «mon-c». Как исправить: возможно, имелось в виду «mon-a»; мониторинги из "
                    "[[source]]: mon-a, mon-b"});
  EXPECT_EQ(errors_of(with("indicator = \"young_share\"", "indicator = \"young_shar\"")),
            Strings{"year.toml:37 [evidence[1].usage.indicator]: в мониторинге «mon-b» нет показателя "
                    "«young_shar», найдено «young_shar». Как исправить: возможно, имелось в виду "
                    "«young_share»; показатели мониторинга: young_share, act"});
}

TEST(SourceLoaderTest, MonitoringIndicatorWithoutMonitoringIsRefusedWithTheSyntax) {
  const auto errors = errors_of(with("monitoring = \"mon-b\", ", ""));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0],
            "year.toml:37 [evidence[1].usage.indicator]: нет показателя «young_share», найдено "
            "«young_share». Как исправить: у рубрики по мониторингам года показатели — у мониторингов: "
            "{ monitoring = \"mon-a\", indicator = \"young_share\", test = … }");
}

TEST(SourceLoaderTest, MonitoringFormFieldsAreNotEvidence) {
  const auto errors = errors_of(with("indicator = \"young_share\", test = \"at_least_median\"", "input = \"doc_act\""));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("year.toml:37 [evidence[1].usage.monitoring]: поля форм мониторингов в истории "
                           "не хранятся, хранятся их показатели"),
            std::string::npos)
      << errors[0];
}

TEST(SourceLoaderTest, SourceMustMatchItsIdBeYearlyAndFlat) {
  EXPECT_EQ(errors_of(std::string(k_rubric), files({{"b.toml", monitoring("mon-x")}})),
            Strings{"year.toml:12 [source[2].id]: в файле «b.toml» методика «mon-x», а не «mon-b», найдено "
                    "«mon-b». Как исправить: исправьте id = \"mon-x\" или путь к файлу"});
  const auto half = errors_of(std::string(k_rubric), files({{"a.toml", monitoring("mon-a", "half_year")}}));
  ASSERT_EQ(half.size(), 1u);
  EXPECT_NE(half[0].find("year.toml:9 [source[1].definition]: годовая рубрика считается по годовым "
                         "мониторингам, а «mon-a» — полугодовой"),
            std::string::npos)
      << half[0];
  // b.toml itself names a source: nested sources are refused in b.toml.
  auto nested = monitoring("mon-b");
  nested.insert(nested.find("[[input]]"), "[[source]]\nid = \"mon-a\"\ndefinition = \"a.toml\"\n\n");
  const auto errors = errors_of(std::string(k_rubric), files({{"b.toml", nested}}));
  ASSERT_GE(errors.size(), 2u);
  EXPECT_NE(errors[0].find("year.toml:13 [source[2].definition]: не удалось загрузить мониторинг «mon-b» из "
                           "файла «b.toml»"),
            std::string::npos)
      << errors[0];
  EXPECT_NE(errors[1].find("b.toml:9 [source[1].definition]: мониторинг-источник «mon-a» не загружен"),
            std::string::npos)
      << errors[1];
}

TEST(SourceLoaderTest, SchoolYearRubricCountsOnlySchoolYearMonitorings) {
  const auto rubric = with("periodicity = \"year\"", "periodicity = \"school_year\"");
  const auto school = files({{"a.toml", monitoring("mon-a", "school_year")}, {"b.toml", monitoring("mon-b", "school_year")}});
  const auto loaded = definition::parse_definition(rubric, "year.toml", school);
  ASSERT_TRUE(loaded.has_value()) << model::to_string(loaded.error().front());
  EXPECT_EQ(loaded->definition.periodicity, model::Periodicity::school_year);
  // A calendar year's monitoring would mix two school years: refused, and the other way round.
  const auto mixed = errors_of(rubric, files({{"b.toml", monitoring("mon-b", "school_year")}}));
  ASSERT_EQ(mixed.size(), 1u);
  EXPECT_NE(mixed[0].find("year.toml:9 [source[1].definition]: рубрика учебного года считается по мониторингам "
                          "учебного года, а «mon-a» — годовой (по календарным годам)"),
            std::string::npos)
      << mixed[0];
  const auto other_way = errors_of(std::string(k_rubric), files({{"a.toml", monitoring("mon-a", "school_year")}}));
  ASSERT_EQ(other_way.size(), 1u);
  EXPECT_NE(other_way[0].find("годовая рубрика считается по годовым мониторингам, а «mon-a» — годовой по учебным "
                              "годам (periodicity = \"school_year\")"),
            std::string::npos)
      << other_way[0];
}

TEST(SourceLoaderTest, SourceThatDoesNotLoadBringsItsOwnErrorsAfterOurs) {
  auto broken = monitoring("mon-a");
  broken.replace(broken.find("kind = \"share\""), 14, "kind = \"sharre\"");
  const auto errors = errors_of(with("id = \"dates_known\"", "id = \"Dates\""), files({{"a.toml", broken}}));
  ASSERT_EQ(errors.size(), 4u) << errors[0];
  EXPECT_NE(errors[0].find("year.toml:9 [source[1].definition]: не удалось загрузить мониторинг «mon-a» из "
                           "файла «a.toml» (ошибок: 1, перечислены ниже)"),
            std::string::npos)
      << errors[0];
  EXPECT_NE(errors[1].find("year.toml:16 [input[1].id]"), std::string::npos) << errors[1];
  EXPECT_NE(errors[2].find("year.toml:36 [evidence[1].dates.input]: нет поля формы «dates_known»"), std::string::npos)
      << errors[2];
  EXPECT_NE(errors[3].find("a.toml:"), std::string::npos) << errors[3];
  EXPECT_NE(errors[3].find("«sharre»"), std::string::npos) << errors[3];
}

TEST(SourceLoaderTest, DuplicateSourceOwnIndicatorsAndNonYearlyRubricAreRefused) {
  // The second table names mon-a again, so the evidence on mon-b has no source either.
  const auto dup = errors_of(with("id = \"mon-b\"\ndefinition = \"b.toml\"", "id = \"mon-a\"\ndefinition = \"a.toml\""));
  ASSERT_EQ(dup.size(), 2u);
  EXPECT_NE(dup[0].find("year.toml:12 [source[2].id]: мониторинг «mon-a» уже указан в [[source]] выше"),
            std::string::npos)
      << dup[0];
  const auto own = errors_of(std::string(k_rubric) +
                             "\n[[indicator]]\nid = \"x\"\nname = \"X\"\nkind = \"yesno\"\ninput = \"dates_known\"\n");
  ASSERT_EQ(own.size(), 1u);
  EXPECT_NE(own[0].find("year.toml:39 [indicator]: у рубрики по мониторингам года ([[source]]) нет своих "
                        "показателей"),
            std::string::npos)
      << own[0];
  const auto monthly = errors_of(with("periodicity = \"year\"", "periodicity = \"month\""));
  ASSERT_EQ(monthly.size(), 1u);
  EXPECT_NE(monthly[0].find("рубрика по мониторингам года ([[source]]) должна быть годовой, а методика — "
                            "ежемесячный"),
            std::string::npos)
      << monthly[0];
}

TEST(SourceLoaderTest, WithoutAResolverSourcesAreAnError) {
  const auto errors = errors_of(std::string(k_rubric), {});
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors[0].find("year.toml:9 [source[1].definition]: мониторинг-источник «mon-a» не загружен"),
            std::string::npos)
      << errors[0];
}

}  // namespace
