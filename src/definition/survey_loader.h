// Reads the [[survey]] tables of a definition (model/survey.h): the
// questionnaires whose exports fill some of its inputs. Internal to
// src/definition/: the public API is definition_loader.h.
//
//   [[survey]]
//   id = "teachers"
//   title = "Анкета педагога о методической работе"
//   respondents = "teachers"                  # or "administration"
//   school_question = "Ваша образовательная организация"
//   email_question = "Адрес электронной почты"   # optional: duplicates by e-mail
//   respondents_input = "teachers_answered"   # respondents per school
//   registry_input = "teachers_total"         # optional: the registry's teachers
//   min_response_rate = 50                    # optional, %, needs registry_input
//
//   [[survey.question]]
//   id = "teachers_digital"                   # the input its count fills
//   label = "Педагоги, регулярно применяющие цифровые ресурсы"
//   text = "Как часто вы применяете цифровые ресурсы на уроках?"
//   kind = "choice"                           # choice | checkbox | scale | yesno
//   choices = ["Регулярно", "Иногда", "Не применяю"]
//   counts = ["Регулярно"]
//
// Scale questions have `scale = [1, 5]` and `at_least = 4`; yes/no questions
// count «Да» unless `counts = ["Нет"]`. `column` (question) and
// `school_column` give a column title to look for when the form's wording
// differs from the method's.
//
// Each question, the respondents and the registry count become count inputs
// (InputDef::survey set) appended to def.inputs, so indicators name them as
// they name form fields. Checks, each a located Russian error: required keys
// and kinds; ids of the inputs valid and unique among all inputs; choices not
// repeated (as util::text_key compares them), counted answers among them; a
// scale from a lower to a higher whole number with at_least inside it;
// question texts told apart; registry_input only for teachers;
// min_response_rate from 0 to 100 and only with registry_input; at most
// k_max_questions questions; directions declared.
#pragma once

#include <cstddef>
#include <string>
#include <toml++/toml.h>
#include <vector>

#include "definition/toml_fields.h"
#include "model/definition.h"
#include "model/diagnostic.h"

namespace definition {

// A survey's counted answers are kept per respondent in one 64-bit mask
// (survey/survey_tally.h).
inline constexpr std::size_t k_max_questions = 64;

// Appends the surveys to `def.surveys` and their inputs to `def.inputs`.
// Call after the [[input]] and [[direction]] tables are read.
void read_surveys(const toml::table& root, const std::string& file_name, SourceMap& lines,
                  model::Definition& def, std::vector<model::Diagnostic>& out);

}  // namespace definition
