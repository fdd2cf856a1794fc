#include "model/survey.h"

#include <algorithm>

namespace model {

const SurveyQuestion* SurveyDef::find_question(std::string_view question_id) const {
  const auto it = std::find_if(questions.begin(), questions.end(),
                               [&](const SurveyQuestion& q) { return q.id == question_id; });
  return it == questions.end() ? nullptr : &*it;
}

std::string respondents_name(Respondents r) {
  switch (r) {
    case Respondents::teachers: return "педагоги";
    case Respondents::administration: return "члены административной команды ОО";
  }
  return "педагоги";
}

}  // namespace model
