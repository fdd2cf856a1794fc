// Whether one respondent's answer to one question counts (model/survey.h),
// read from the export's cells. Answers are compared with the method's
// choices under util::text_key (case, punctuation, «ё», spaces). An answer
// that is none of them is an error, never a guess.
//
//   choice    "Регулярно"                  -> one of the choices
//   checkbox  "Школьный, Районный"         -> the chosen options in one cell (Google
//             Forms), split on ',' ';' or line breaks, a choice that itself
//             holds a comma read whole ("Да, успешно")
//             or a column per option (Yandex Forms): a cell there is empty,
//             «-», «0» or «нет» (not chosen) or the option's own text, «1»,
//             «да», «+», «x», «✓» (chosen)
//   scale     "4" ("4,0", "4.0")           -> a whole number within the scale
//   yesno     "Да" / "Нет"                 (also «yes»/«no»)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/survey.h"
#include "survey/header_map.h"

namespace survey {

struct Answer {
  bool empty = false;    // not answered (an optional question): not counted
  bool counted = false;  // the answer is one of those that count
  // Set when the answer is outside the allowed set: what is wrong, in
  // Russian, the column it is in and the text found.
  std::optional<std::string> problem;
  std::size_t column = 0;
  std::string found;
};

// The answer of the row `cells` to `question`, whose columns are `columns`.
// `choice_keys` are util::text_key of the question's choices and
// `counted_keys` of its counted answers (computed once per export).
Answer read_answer(const model::SurveyQuestion& question, const QuestionColumns& columns,
                   const std::vector<std::string>& cells, const std::vector<std::string>& choice_keys,
                   const std::vector<std::string>& counted_keys);

// The options chosen in one cell, as indices into `choice_keys`; nullopt
// when the cell cannot be split into choices (an answer outside the set, or
// one that splits two ways).
std::optional<std::vector<std::size_t>> split_options(std::string_view cell, const std::vector<std::string>& choice_keys);

}  // namespace survey
