// Which column of an export answers which question of a survey, from the
// header row. A column is a question's when its header reads as the question
// (its `column` title, else its text) under util::text_key: case, punctuation,
// «ё»/«е», spaces and a trailing «*» (a required question) do not matter, nor
// does the column's place. A checkbox question comes either as one column
// (Google Forms: the chosen options in one cell, "A, B") or as a column per
// option headed "<question> / <option>" (or ": ", " — ", "[…]", "(…)"), the
// way Yandex Forms writes it; both are read.
//
// The services' own columns are recognised by their titles: the answer id
// («ID»), the time («Время создания», «Отметка времени», «Timestamp») and the
// e-mail Google collects («Адрес электронной почты», «Email Address»); the
// survey's email_question, when set, names the e-mail column instead. Other
// columns (login, score, a comment question the method does not use) are
// listed as not used.
//
// Refusals (HeaderMap::errors, each naming the question by its text): a
// question without a column, a question two columns answer, a checkbox given
// both ways. match_header() also says how much of the survey was found, so
// that an export of another questionnaire is told from one with a missing
// question (survey/export_reader.h).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/survey.h"

namespace survey {

// What the leading columns say about who made the file.
enum class Service { unknown, yandex, google };
std::string service_name(Service s);  // "Яндекс Формы", "Google Формы", "сервис не распознан"

struct QuestionColumns {
  std::optional<std::size_t> column;  // the answers in one column
  // Checkbox, a column per option: (column, index into the question's choices).
  std::vector<std::pair<std::size_t, std::size_t>> options;
  // Columns headed "<question> / <something not among its choices>": a
  // non-empty cell there is an answer outside the allowed set.
  std::vector<std::size_t> unknown_options;
  bool found() const { return column.has_value() || !options.empty(); }
};

struct HeaderMap {
  Service service = Service::unknown;
  std::optional<std::size_t> id_column;
  std::optional<std::size_t> time_column;
  std::optional<std::size_t> email_column;
  std::optional<std::size_t> school_column;
  std::vector<QuestionColumns> questions;  // parallel to the survey's questions
  std::vector<std::size_t> unused;         // columns no role was found for
  std::vector<std::string> errors;         // refusals, in Russian, one per problem
  int found_questions = 0;                 // questions with at least one column
};

HeaderMap match_header(const std::vector<std::string>& header, const model::SurveyDef& survey);

// How well `header` fits `survey`: the number of its questions found, plus
// one for the school question. 0 means nothing of the survey is there.
int header_score(const std::vector<std::string>& header, const model::SurveyDef& survey);

}  // namespace survey
