// A small municipality for the survey tests: a registry with teachers'
// counts and aliases, and a definition with a teachers' questionnaire of
// every question kind beside one form field (header only: tests/survey/ globs
// *_test.cpp).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "definition/definition_loader.h"
#include "definition/registry_loader.h"
#include "model/definition.h"
#include "model/period.h"
#include "model/school.h"

namespace test {

inline constexpr std::string_view k_survey_registry =
    "id;short_name;full_name;director;email;teachers;aliases\n"
    "s01;МБОУ «Балахтинская СОШ № 1»;Муниципальное бюджетное общеобразовательное учреждение «Балахтинская средняя "
    "общеобразовательная школа № 1»;;;40;\n"
    "s02;МБОУ «Балахтинская СОШ № 2»;Муниципальное бюджетное общеобразовательное учреждение «Балахтинская средняя "
    "общеобразовательная школа № 2»;;;30;\n"
    "s03;МБОУ «Кедровская СОШ»;Муниципальное бюджетное общеобразовательное учреждение «Кедровская средняя "
    "общеобразовательная школа»;;;20;КСОШ|Школа у озера\n"
    "s04;МБОУ «Приозёрная ООШ»;Муниципальное бюджетное общеобразовательное учреждение «Приозёрная основная "
    "общеобразовательная школа»;;;12;\n"
    "s05;МБОУ «Черёмуховская СОШ № 5»;;;;25;\n"
    "s06;МБОУ «Таёжная СОШ № 5»;;;;18;\n"
    "s07;МБОУ «Светлогорская гимназия»;;;;;\n";

inline constexpr std::string_view k_survey_definition = R"(
[definition]
id = "t-survey"
version = "1"
title = "Проба анкеты"
periodicity = "half_year"

[[direction]]
id = "M"
name = "Методическая работа"

[[input]]
id = "acts"
label = "Локальные акты о профессиональном развитии"
kind = "yesno"
direction = "M"

[[survey]]
id = "teachers"
title = "Анкета педагога"
respondents = "teachers"
school_question = "Ваша образовательная организация"
respondents_input = "answered"
registry_input = "teachers_total"
min_response_rate = 25
direction = "M"

[[survey.question]]
id = "satisfied"
label = "Педагоги, удовлетворённые методической поддержкой"
text = "Оцените, насколько вы удовлетворены методической поддержкой"
kind = "scale"
scale = [1, 5]
at_least = 4

[[survey.question]]
id = "digital"
text = "Как часто вы применяете цифровые ресурсы?"
kind = "choice"
choices = ["Регулярно", "Иногда", "Не применяю"]
counts = ["Регулярно"]

[[survey.question]]
id = "sharing"
text = "На каких уровнях вы транслируете опыт?"
kind = "checkbox"
choices = ["Школьный", "Районный", "Региональный", "Не транслирую"]
counts = ["Школьный", "Районный", "Региональный"]

[[survey.question]]
id = "assessed"
text = "Прошли ли вы независимую оценку компетенций?"
kind = "choice"
choices = ["Да, успешно", "Да, но не успешно", "Нет"]
counts = ["Да, успешно"]

[[survey.question]]
id = "mentoring"
text = "Участвуете ли вы в наставничестве?"
kind = "yesno"

[[indicator]]
id = "satisfied_share"
name = "Доля удовлетворённых"
kind = "share"
numerator = "satisfied"
denominator = "teachers_total"

[[indicator]]
id = "digital_share"
name = "Доля применяющих цифровые ресурсы"
kind = "share"
numerator = "digital"
denominator = "answered"

[[indicator]]
id = "coverage"
name = "Охват анкетирования"
kind = "share"
numerator = "answered"
denominator = "teachers_total"

[[indicator]]
id = "acts_present"
name = "Наличие локальных актов"
kind = "yesno"
input = "acts"
)";

// The header of an export of k_survey_definition's questionnaire, Google's way.
inline const std::vector<std::string>& google_header() {
  static const std::vector<std::string> h = {
      "Отметка времени", "Адрес электронной почты", "Ваша образовательная организация",
      "Оцените, насколько вы удовлетворены методической поддержкой", "Как часто вы применяете цифровые ресурсы?",
      "На каких уровнях вы транслируете опыт?", "Прошли ли вы независимую оценку компетенций?",
      "Участвуете ли вы в наставничестве?"};
  return h;
}

struct SurveyWorld {
  model::Registry registry;
  model::Definition definition;
  model::Period period = *model::parse_period("2025-H1");

  SurveyWorld() {
    auto reg = definition::parse_registry(k_survey_registry, "schools.csv");
    EXPECT_TRUE(reg) << (reg ? "" : model::to_string(reg.error().front()));
    if (reg) registry = std::move(reg->registry);
    auto def = definition::parse_definition(k_survey_definition, "t.toml");
    EXPECT_TRUE(def) << (def ? "" : model::to_string(def.error().front()));
    if (def) definition = std::move(def->definition);
  }
  const model::SurveyDef& survey() const { return definition.surveys.front(); }
  std::size_t index_of(std::string_view school_id) const {
    for (std::size_t i = 0; i < registry.schools.size(); ++i) {
      if (registry.schools[i].id == school_id) return i;
    }
    ADD_FAILURE() << "no school " << school_id;
    return 0;
  }
};

}  // namespace test

#include <cstdlib>
#include <filesystem>
#include <variant>

#include <xlsxwriter.h>

#include "support/temp_dir.h"
#include "util/xlsx_file.h"

namespace test {

// `utf8` written to `to` in Windows-1251 by Python's own codec (an encoder
// independent of ours), as Excel saves «CSV (разделители — точка с запятой)».
inline void write_cp1251(const TempDir& dir, const std::string& utf8, const std::filesystem::path& to) {
  const auto from = dir.write("utf8-source.txt", utf8);
  const std::string cmd = "/usr/bin/python3 -c \"import sys; open(sys.argv[2], 'wb').write(open(sys.argv[1], "
                          "encoding='utf-8', newline='').read().encode('cp1251'))\" '" +
                          from.string() + "' '" + to.string() + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
}

// A cell of a workbook export: text, a number, or a date and time.
using XlsxValue = std::variant<std::string, double, lxw_datetime>;
using XlsxRow = std::vector<XlsxValue>;

// Rows written with libxlsxwriter (shared strings, number and date cells),
// the way a service's XLSX export holds them; empty strings are left blank.
inline void write_xlsx(const std::filesystem::path& path, const std::vector<XlsxRow>& rows,
                       const char* sheet = "Ответы") {
  auto file = util::XlsxFile::create(path, true);
  ASSERT_TRUE(file);
  lxw_worksheet* ws = workbook_add_worksheet(file->book(), sheet);
  lxw_format* date = workbook_add_format(file->book());
  format_set_num_format(date, "yyyy-mm-dd hh:mm:ss");
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      const auto row = static_cast<lxw_row_t>(r);
      const auto col = static_cast<lxw_col_t>(c);
      if (const auto* s = std::get_if<std::string>(&rows[r][c])) {
        if (!s->empty()) worksheet_write_string(ws, row, col, s->c_str(), nullptr);
      } else if (const auto* n = std::get_if<double>(&rows[r][c])) {
        worksheet_write_number(ws, row, col, *n, nullptr);
      } else {
        auto dt = std::get<lxw_datetime>(rows[r][c]);
        worksheet_write_datetime(ws, row, col, &dt, date);
      }
    }
  }
  ASSERT_TRUE(file->commit());
}

}  // namespace test
