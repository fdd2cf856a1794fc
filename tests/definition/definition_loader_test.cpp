#include "definition/definition_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "support/temp_dir.h"

namespace {

// A small valid definition; line numbers matter for the pinned messages.
constexpr std::string_view k_good = R"([definition]
id = "t"
version = "1"
title = "Тест"
periodicity = "year"

[[direction]]
id = "D1"
name = "Направление"

[[input]]
id = "teachers_total"
label = "Педагоги"
kind = "count"
direction = "D1"

[[input]]
id = "diag_participated"
label = "Прошли диагностику"
kind = "count"
not_more_than = "teachers_total"

[[input]]
id = "doc_act"
label = "Наличие акта"
kind = "yesno"

[[input]]
id = "contact"
label = "Ответственный"
kind = "text"

[[indicator]]
id = "diag_share"
code = "1.1"
direction = "D1"
name = "Доля прошедших диагностику"
kind = "share"
numerator = "diag_participated"
denominator = "teachers_total"
targets = { 2025 = 70, 2026 = 80 }

[[indicator]]
id = "act"
name = "Наличие акта"
kind = "yesno"
input = "doc_act"
targets = { 2025 = 100, 2026 = 100 }
)";

// k_good with `from` replaced by `to` (which must occur exactly once).
std::string with(std::string_view from, std::string_view to, std::string_view base = k_good) {
  std::string text(base);
  const auto pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  EXPECT_EQ(text.find(from, pos + 1), std::string::npos) << "not unique: " << from;
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

std::vector<std::string> texts(const std::vector<model::Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(model::to_string(d));
  return out;
}

// All error texts; empty when the text loads.
std::vector<std::string> errors_of(const std::string& text) {
  const auto loaded = definition::parse_definition(text, "t.toml");
  if (loaded) return {};
  return texts(loaded.error());
}

std::vector<std::string> warnings_of(const std::string& text) {
  const auto loaded = definition::parse_definition(text, "t.toml");
  EXPECT_TRUE(loaded.has_value()) << (loaded ? "" : model::to_string(loaded.error()[0]));
  return loaded ? texts(loaded->warnings) : std::vector<std::string>{};
}

using Strings = std::vector<std::string>;

TEST(DefinitionLoaderTest, LoadsGoodFile) {
  const auto loaded = definition::parse_definition(k_good, "t.toml");
  ASSERT_TRUE(loaded.has_value()) << model::to_string(loaded.error()[0]);
  EXPECT_TRUE(loaded->warnings.empty());
  const auto& d = loaded->definition;
  EXPECT_EQ(d.id, "t");
  EXPECT_EQ(d.title, "Тест");
  EXPECT_EQ(d.periodicity, model::Periodicity::year);
  ASSERT_EQ(d.directions.size(), 1u);
  EXPECT_EQ(d.directions[0].name, "Направление");
  ASSERT_EQ(d.inputs.size(), 4u);
  EXPECT_EQ(d.inputs[1].id, "diag_participated");
  EXPECT_EQ(d.inputs[1].not_more_than, "teachers_total");
  EXPECT_EQ(d.inputs[1].line, 17);
  EXPECT_EQ(d.inputs[0].min, 0.0);  // counts default to min 0
  EXPECT_FALSE(d.inputs[0].max.has_value());
  EXPECT_TRUE(d.inputs[2].required);
  EXPECT_EQ(d.inputs[2].kind, model::InputKind::yesno);
  EXPECT_FALSE(d.inputs[2].min.has_value());
  EXPECT_FALSE(d.inputs[3].required);  // text inputs are optional by default
  ASSERT_EQ(d.indicators.size(), 2u);
  const auto& share = d.indicators[0];
  EXPECT_EQ(share.line, 33);
  EXPECT_EQ(share.code, "1.1");
  EXPECT_EQ(share.kind, model::IndicatorKind::share);
  EXPECT_EQ(share.numerator, "diag_participated");
  EXPECT_EQ(share.denominator, "teachers_total");
  EXPECT_EQ(share.target_for(2026), 80.0);
  EXPECT_FALSE(share.target_for(2024).has_value());
  EXPECT_TRUE(share.matches_goal);
  EXPECT_FALSE(share.bad);
  EXPECT_EQ(share.better, model::Better::higher);
  EXPECT_EQ(d.indicators[1].input, "doc_act");
}

TEST(DefinitionLoaderTest, ReadsOptionalIndicatorKeys) {
  const auto loaded = definition::parse_definition(
      with("kind = \"share\"\n",
           "kind = \"share\"\nbetter = \"lower\"\nposition = \"M4\"\nmatches_goal = false\n"
           "bad = true\n"),
      "t.toml");
  ASSERT_TRUE(loaded.has_value());
  const auto& ind = loaded->definition.indicators[0];
  EXPECT_EQ(ind.better, model::Better::lower);
  EXPECT_EQ(ind.position, "M4");
  EXPECT_FALSE(ind.matches_goal);
  EXPECT_TRUE(ind.bad);
}

TEST(DefinitionLoaderTest, ReportsSyntaxErrorWithLine) {
  EXPECT_EQ(errors_of(with("title = \"Тест\"", "title = \"Тест")),
            Strings{"t.toml:4: ошибка синтаксиса TOML в позиции 14: Error while parsing string: "
                    "unescaped control characters other than TAB (U+0009) are explicitly "
                    "prohibited. Как исправить: проверьте кавычки, скобки и знак «=» "
                    "в этой строке; один ключ нельзя задавать дважды"});
}

TEST(DefinitionLoaderTest, ReportsUnknownKeyWithSuggestion) {
  EXPECT_EQ(
      errors_of(with("numerator = ", "numerater = ")),
      (Strings{"t.toml:33 [indicator[1].numerator]: в [[indicator]] не указан обязательный ключ "
               "«numerator». Как исправить: добавьте строку numerator = \"…\"",
               "t.toml:39 [indicator[1].numerater]: неизвестный ключ «numerater» в [[indicator]]. "
               "Как исправить: возможно, имелось в виду «numerator»; допустимые ключи: id, code, "
               "direction, name, kind, numerator, denominator, input, better, targets, position, "
               "matches_goal, bad, short"}));
}

TEST(DefinitionLoaderTest, ReportsUndeclaredNumerator) {
  EXPECT_EQ(errors_of(with("numerator = \"diag_participated\"", "numerator = \"diag_participatd\"")),
            Strings{"t.toml:39 [indicator[1].numerator]: показатель «diag_share»: числитель "
                    "«diag_participatd» не объявлен среди полей формы (input). Как исправить: "
                    "возможно, имелось в виду «diag_participated»; укажите id одного из полей вида "
                    "count: teachers_total, diag_participated"});
}

TEST(DefinitionLoaderTest, ReportsNonCountDenominator) {
  EXPECT_EQ(errors_of(with("denominator = \"teachers_total\"", "denominator = \"doc_act\"")),
            Strings{"t.toml:40 [indicator[1].denominator]: показатель «diag_share»: знаменатель "
                    "«doc_act» — поле вида yesno, а доля считается только по полям вида count. Как "
                    "исправить: укажите поле вида count или сделайте показатель вида yesno"});
}

TEST(DefinitionLoaderTest, ReportsIndicatorInputOfWrongKind) {
  EXPECT_EQ(errors_of(with("kind = \"yesno\"\ninput", "kind = \"count\"\ninput")),
            Strings{"t.toml:47 [indicator[2].input]: показатель «act» вида count ссылается на поле "
                    "«doc_act» вида yesno. Как исправить: укажите id одного из полей вида count: "
                    "teachers_total, diag_participated"});
}

TEST(DefinitionLoaderTest, ReportsMissingRequiredKey) {
  EXPECT_EQ(errors_of(with("name = \"Наличие акта\"\n", "")),
            Strings{"t.toml:43 [indicator[2].name]: в [[indicator]] не указан обязательный ключ "
                    "«name». Как исправить: добавьте строку name = \"…\""});
}

TEST(DefinitionLoaderTest, ReportsDuplicateInputId) {
  EXPECT_EQ(errors_of(std::string(k_good) +
                      "\n[[input]]\nid = \"doc_act\"\nlabel = \"Ещё\"\nkind = \"yesno\"\n"),
            Strings{"t.toml:51 [input[5].id]: id «doc_act» повторяется среди полей формы (input): "
                    "впервые объявлен в строке 24. Как исправить: дайте каждому элементу свой id"});
}

TEST(DefinitionLoaderTest, ReportsBadIndicatorId) {
  EXPECT_EQ(errors_of(with("id = \"diag_share\"", "id = \"Diag-share\"")),
            Strings{"t.toml:34 [indicator[1].id]: недопустимый id в [[indicator]], найдено "
                    "«Diag-share». Как исправить: id пишется строчными латинскими буквами, "
                    "цифрами и «_», начинается с буквы и не длиннее 250 символов (в форме он "
                    "станет именем ячейки in_<id>)"});
}

TEST(DefinitionLoaderTest, ReportsTooLongId) {
  const std::string long_id(251, 'a');
  EXPECT_EQ(errors_of(with("id = \"contact\"", "id = \"" + long_id + "\"")).size(), 1u);
  EXPECT_TRUE(errors_of(with("id = \"contact\"", "id = \"" + long_id.substr(1) + "\"")).empty());
}

TEST(DefinitionLoaderTest, ReportsUnknownNotMoreThan) {
  EXPECT_EQ(errors_of(with("not_more_than = \"teachers_total\"", "not_more_than = \"teachers_totl\"")),
            Strings{"t.toml:21 [input[2].not_more_than]: поле «diag_participated»: not_more_than "
                    "ссылается на поле «teachers_totl», которого нет среди полей формы (input). Как "
                    "исправить: возможно, имелось в виду «teachers_total»; укажите id одного из "
                    "полей вида count: teachers_total, diag_participated"});
}

TEST(DefinitionLoaderTest, ReportsNotMoreThanOfNonCount) {
  EXPECT_EQ(errors_of(with("not_more_than = \"teachers_total\"", "not_more_than = \"doc_act\"")),
            Strings{"t.toml:21 [input[2].not_more_than]: поле «diag_participated»: not_more_than "
                    "ссылается на поле «doc_act» вида yesno, а сравнивать можно только с полем вида "
                    "count. Как исправить: укажите id одного из полей вида count: teachers_total, "
                    "diag_participated"});
}

TEST(DefinitionLoaderTest, ReportsNotMoreThanCycleOnce) {
  EXPECT_EQ(errors_of(with("direction = \"D1\"\n\n[[input]]",
                           "direction = \"D1\"\nnot_more_than = \"diag_participated\"\n\n[[input]]")),
            Strings{"t.toml:16 [input[1].not_more_than]: поле «teachers_total»: ограничения "
                    "not_more_than замыкаются в цикл: teachers_total → diag_participated → "
                    "teachers_total. Как исправить: уберите not_more_than у одного из полей цикла"});
}

TEST(DefinitionLoaderTest, ReportsSelfReference) {
  EXPECT_EQ(errors_of(with("not_more_than = \"teachers_total\"", "not_more_than = \"diag_participated\"")),
            Strings{"t.toml:21 [input[2].not_more_than]: поле «diag_participated»: ограничения "
                    "not_more_than замыкаются в цикл: diag_participated → diag_participated. Как "
                    "исправить: уберите not_more_than у одного из полей цикла"});
}

TEST(DefinitionLoaderTest, ReportsUnknownDirection) {
  EXPECT_EQ(errors_of(with("direction = \"D1\"\nname", "direction = \"D2\"\nname")),
            Strings{"t.toml:36 [indicator[1].direction]: показатель «diag_share»: направление «D2» "
                    "не объявлено в [[direction]]. Как исправить: возможно, имелось в виду «D1»; "
                    "укажите id одного из направлений: D1"});
}

TEST(DefinitionLoaderTest, ReportsBadTargetYear) {
  EXPECT_EQ(errors_of(with("2025 = 70", "20x5 = 70")),
            Strings{"t.toml:41 [indicator[1].targets.20x5]: показатель «diag_share»: в targets "
                    "указан не год (ожидался год от 2000 до 2100), найдено «20x5». Как исправить: "
                    "записывайте год целым числом: targets = { 2025 = 40 }"});
  EXPECT_EQ(errors_of(with("2025 = 70", "1999 = 70")).size(), 1u);
  EXPECT_EQ(errors_of(with("2025 = 70", "2101 = 70")).size(), 1u);
  EXPECT_TRUE(errors_of(with("2025 = 70, 2026 = 80", "2000 = 70, 2100 = 80")).empty());
}

TEST(DefinitionLoaderTest, ReportsShareTargetAbove100) {
  EXPECT_EQ(errors_of(with("2026 = 80", "2026 = 120")),
            Strings{"t.toml:41 [indicator[1].targets.2026]: показатель «diag_share»: целевое "
                    "значение на 2026 год должно быть от 0 до 100 (процент), найдено «120». Как "
                    "исправить: укажите процент без знака «%»"});
}

TEST(DefinitionLoaderTest, ReportsNegativeCountTarget) {
  EXPECT_EQ(errors_of(std::string(k_good) +
                      "\n[[indicator]]\nid = \"teachers\"\nname = \"Педагоги\"\nkind = \"count\"\n"
                      "input = \"teachers_total\"\ntargets = { 2025 = -5, 2026 = 1000 }\n"),
            Strings{"t.toml:55 [indicator[3].targets.2025]: показатель «teachers»: целевое значение "
                    "на 2025 год не может быть отрицательным, найдено «-5». Как исправить: укажите "
                    "количество 0 или больше"});
}

TEST(DefinitionLoaderTest, ReportsMinAboveMax) {
  EXPECT_EQ(errors_of(with("direction = \"D1\"\n\n[[input]]",
                           "direction = \"D1\"\nmin = 10\nmax = 5\n\n[[input]]")),
            Strings{"t.toml:17 [input[1].max]: поле «teachers_total»: min (10) больше max (5). Как "
                    "исправить: исправьте границы так, чтобы min не превышал max"});
}

TEST(DefinitionLoaderTest, ReportsWrongValueType) {
  EXPECT_EQ(errors_of(with("direction = \"D1\"\n\n[[input]]",
                           "direction = \"D1\"\nmax = \"20\"\n\n[[input]]")),
            Strings{"t.toml:16 [input[1].max]: значение ключа «max» должно быть числом, найдено "
                    "«20». Как исправить: запишите число без кавычек: max = 10"});
}

TEST(DefinitionLoaderTest, ReportsUnknownKindWithSuggestionAndNoFollowOnErrors) {
  EXPECT_EQ(errors_of(with("kind = \"yesno\"\n\n", "kind = \"yes_no\"\n\n")),
            Strings{"t.toml:26 [input[3].kind]: недопустимое значение ключа «kind» в [[input]], "
                    "найдено «yes_no». Как исправить: возможно, имелось в виду «yesno»; допустимые "
                    "значения: count, yesno, text"});
}

TEST(DefinitionLoaderTest, ReportsUnknownPeriodicity) {
  EXPECT_EQ(errors_of(with("periodicity = \"year\"", "periodicity = \"monthly\"")),
            Strings{"t.toml:5 [definition.periodicity]: недопустимое значение ключа «periodicity» в "
                    "[definition], найдено «monthly». Как исправить: возможно, имелось в виду "
                    "«month»; допустимые значения: month, half_year, year, school_year"});
}

TEST(DefinitionLoaderTest, ReportsUnknownBetter) {
  EXPECT_EQ(errors_of(with("kind = \"share\"\n", "kind = \"share\"\nbetter = \"more\"\n")).size(),
            1u);
}

TEST(DefinitionLoaderTest, ReportsKeysThatDoNotApply) {
  EXPECT_EQ(errors_of(with("kind = \"yesno\"\n\n", "kind = \"yesno\"\nmax = 1\n\n")),
            Strings{"t.toml:27 [input[3].max]: ключ «max» не применяется: поле вида yesno не "
                    "числовое. Как исправить: удалите строку max = …"});
  EXPECT_EQ(errors_of(with("kind = \"share\"\n", "kind = \"share\"\ninput = \"doc_act\"\n")),
            Strings{"t.toml:39 [indicator[1].input]: ключ «input» не применяется: у показателя "
                    "вида share есть numerator и denominator. Как исправить: удалите строку input = …"});
}

TEST(DefinitionLoaderTest, ReportsEmptyLists) {
  EXPECT_EQ(errors_of("[definition]\nid = \"t\"\nversion = \"1\"\ntitle = \"Т\"\nperiodicity = "
                      "\"year\"\n"),
            (Strings{"t.toml:1 [input]: в методике нет ни одного поля формы [[input]]. Как "
                     "исправить: добавьте хотя бы одну таблицу [[input]]",
                     "t.toml:1 [indicator]: в методике нет ни одного показателя [[indicator]]. Как "
                     "исправить: добавьте хотя бы одну таблицу [[indicator]]"}));
}

TEST(DefinitionLoaderTest, ReportsUnknownSectionAndMissingHeader) {
  EXPECT_EQ(errors_of(with("[definition]", "[defintion]")),
            (Strings{"t.toml:1 [defintion]: неизвестный раздел «defintion». Как исправить: "
                     "возможно, имелось в виду «definition»; допустимые разделы: definition, "
                     "schedule, source, direction, input, survey, indicator, rubric, positions, block, evidence, "
                     "clusters, recommendation, recommendations",
                     "t.toml:1 [definition]: нет раздела [definition] с описанием методики. Как "
                     "исправить: добавьте в начало файла раздел [definition] с ключами id, version, "
                     "title, periodicity"}));
}

TEST(DefinitionLoaderTest, ReportsSectionThatIsNotAnArrayOfTables) {
  EXPECT_EQ(errors_of(with("[[direction]]\nid = \"D1\"\nname = \"Направление\"\n",
                           "[direction]\nid = \"D1\"\nname = \"Направление\"\n")),
            (Strings{"t.toml:7 [direction]: «direction» должен быть списком таблиц [[direction]]. "
                     "Как исправить: начинайте каждый элемент строкой [[direction]]",
                     "t.toml:15 [input[1].direction]: поле «teachers_total»: направление «D1» не "
                     "объявлено в [[direction]]. Как исправить: укажите id одного из направлений: "
                     "(нет ни одного)",
                     "t.toml:36 [indicator[1].direction]: показатель «diag_share»: направление «D1» "
                     "не объявлено в [[direction]]. Как исправить: укажите id одного из "
                     "направлений: (нет ни одного)"}));
}

TEST(DefinitionLoaderTest, CollectsAllErrorsInLineOrder) {
  auto text = with("periodicity = \"year\"", "periodicity = \"weekly\"");
  text = with("not_more_than = \"teachers_total\"", "not_more_than = \"nobody\"", text);
  text = with("2026 = 100 }", "2026 = 101 }", text);
  const auto errors = errors_of(text);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_TRUE(errors[0].starts_with("t.toml:5 [definition.periodicity]")) << errors[0];
  EXPECT_TRUE(errors[1].starts_with("t.toml:21 [input[2].not_more_than]")) << errors[1];
  EXPECT_TRUE(errors[2].starts_with("t.toml:48 [indicator[2].targets.2026]")) << errors[2];
}

TEST(DefinitionLoaderTest, WarnsWhenPartIsNotBoundedByWhole) {
  EXPECT_EQ(warnings_of(with("not_more_than = \"teachers_total\"\n", "")),
            Strings{"t.toml:32 [indicator[1]]: показатель «diag_share»: числитель "
                    "«diag_participated» не ограничен знаменателем «teachers_total» через "
                    "not_more_than, поэтому форма не проверит, что часть не больше целого. Как "
                    "исправить: если часть не может превышать целое, добавьте полю "
                    "«diag_participated» строку not_more_than = \"teachers_total\""});
}

TEST(DefinitionLoaderTest, AcceptsBoundThroughAChain) {
  // part <= middle <= whole: the share diag_participated / teachers_total is bounded.
  const auto text = with("not_more_than = \"teachers_total\"", "not_more_than = \"middle\"") +
                    "\n[[input]]\nid = \"middle\"\nlabel = \"М\"\nkind = \"count\"\n"
                    "not_more_than = \"teachers_total\"\n";
  EXPECT_TRUE(warnings_of(text).empty());
}

TEST(DefinitionLoaderTest, WarnsAboutMissingTargetYear) {
  EXPECT_EQ(warnings_of(with("targets = { 2025 = 100, 2026 = 100 }", "targets = { 2026 = 100 }")),
            Strings{"t.toml:48 [indicator[2].targets]: показатель «act»: нет целевого значения на "
                    "2025 год, хотя у других показателей оно есть"});
  EXPECT_EQ(warnings_of(with("targets = { 2025 = 100, 2026 = 100 }\n", "")),
            Strings{"t.toml:43 [indicator[2]]: показатель «act»: не заданы целевые значения "
                    "(targets), хотя у других показателей они есть"});
}

TEST(DefinitionLoaderTest, WarnsOnceWhenNoIndicatorHasTargets) {
  auto text = with("targets = { 2025 = 100, 2026 = 100 }\n", "");
  text = with("targets = { 2025 = 70, 2026 = 80 }\n", "", text);
  EXPECT_EQ(warnings_of(text),
            Strings{"t.toml:1 [definition]: ни у одного показателя не заданы целевые значения "
                    "(targets): сравнение с планом выводиться не будет. Как исправить: если у "
                    "методики есть дорожная карта, добавьте показателям targets = { 2025 = … }"});
}

TEST(DefinitionLoaderTest, LoadsFileWithBomAndReportsMissingFile) {
  const test::TempDir dir;
  const auto path = dir.write("m.toml", "\xEF\xBB\xBF" + std::string(k_good));
  const auto loaded = definition::load_definition(path);
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->definition.file, path);

  const auto missing = definition::load_definition(dir / "nope.toml");
  ASSERT_FALSE(missing.has_value());
  ASSERT_EQ(missing.error().size(), 1u);
  EXPECT_EQ(model::to_string(missing.error()[0]),
            "nope.toml: не удалось открыть файл методики. Как исправить: проверьте путь: " +
                (dir / "nope.toml").string());
}

TEST(DefinitionLoaderTest, AllShippedTemplatesLoadWithoutErrors) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(test::source_dir() / "templates")) {
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty());
  for (const auto& file : files) {
    const auto loaded = definition::load_definition(file);
    EXPECT_TRUE(loaded.has_value()) << file << ": "
                                    << (loaded ? "" : model::to_string(loaded.error().front()));
    if (loaded) {
      EXPECT_FALSE(loaded->definition.id.empty()) << file;
      // A yearly rubric over monitorings ([[source]]) takes their indicators.
      EXPECT_NE(loaded->definition.indicators.empty(), loaded->definition.sources.empty()) << file;
    }
  }
}

}  // namespace
