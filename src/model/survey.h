// A questionnaire (анкета) a monitoring reads besides, or instead of, the
// schools' forms: teachers or each school's administrative team answer it in
// Yandex Forms or Google Forms, and the methodist puts the service's export
// (XLSX or CSV) into the inbox. Declared in the definition as [[survey]]
// (definition/survey_loader.h), read by survey/.
//
// What a survey gives the rest of the program are inputs (model::InputDef
// with `survey` set) of kind count, per school: for each question the number
// of respondents whose answer counts, the number of respondents, and, for a
// teachers' survey that says so, the registry's count of teachers. Indicators
// name them as numerator and denominator like any form input, so they go
// through the same aggregation, rubric, workbooks, documents and letters.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace model {

enum class Respondents { teachers, administration };

// How an answer counts:
//   choice   - one of `choices`; counts when it is one of `counted`;
//   checkbox - any number of `choices`; counts when any chosen one is in `counted`
//              (Google writes the chosen ones into one cell, "A, B"; Yandex a
//              column per choice — survey/answer_rules.h reads both);
//   scale    - a whole number from scale_min to scale_max; counts from at_least;
//   yesno    - «Да» or «Нет»; counts when it is one of `counted` (default «Да»).
enum class QuestionKind { choice, checkbox, scale, yesno };

struct SurveyQuestion {
  std::string id;     // the input its count fills ([a-z][a-z0-9_]*); indicators name it
  std::string label;  // what the count is called in the reports; defaults to `text`
  std::string text;   // the question as the form asks it: its column's header in the export
  std::string column; // a column title to look for instead of `text` (a reworded form); may be empty
  QuestionKind kind = QuestionKind::choice;
  std::vector<std::string> choices;  // choice, checkbox: every allowed answer, in the form's order
  std::vector<std::string> counted;  // choice, checkbox, yesno: the answers that count
  double scale_min = 1;
  double scale_max = 5;
  double at_least = 0;  // scale
  std::string direction;  // of the input it fills; empty: the survey's
  int line = 0;
};

struct SurveyDef {
  std::string id;     // [A-Za-z0-9_-]+: "teachers"
  std::string title;  // "Анкета педагога о методической работе"
  Respondents respondents = Respondents::teachers;
  std::string school_question;  // the question naming the respondent's school
  std::string school_column;    // a column title to look for instead; may be empty
  std::string email_question;   // the e-mail question, when the form collects one; may be empty
  std::string respondents_input;  // input id: respondents per school (each counted once)
  // Input id filled with the registry's count of teachers (School::teachers);
  // empty when the survey has none. Then the response rate (respondents /
  // teachers) is a figure of its own, and below `min_response_rate` (percent)
  // a school's question counts do not count: they are left out with a reason.
  std::string registry_input;
  std::optional<double> min_response_rate;
  std::string direction;  // direction of its inputs; may be empty
  std::vector<SurveyQuestion> questions;
  int line = 0;

  const SurveyQuestion* find_question(std::string_view question_id) const;
};

// "педагоги" / "члены административной команды ОО", for messages.
std::string respondents_name(Respondents r);

}  // namespace model
