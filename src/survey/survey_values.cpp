#include "survey/survey_values.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace survey {

namespace {

std::string percent(double v) { return std::to_string(std::lround(v)) + " %"; }

model::Diagnostic warning(std::string message, std::string hint) {
  return model::Diagnostic::warning({}, std::move(message), std::move(hint));
}

}  // namespace

std::vector<SurveyNotice> add_survey_values(const model::Definition& definition, const model::Registry& registry,
                                            const model::Period& period, const std::vector<SurveyCounts>& counts,
                                            std::vector<model::Submission>& accepted) {
  std::vector<SurveyNotice> notices;
  // Which schools are in the results: a form, or someone answered a survey.
  std::map<std::string, std::size_t> by_school;
  for (std::size_t i = 0; i < accepted.size(); ++i) by_school.emplace(accepted[i].school_id, i);
  for (const auto& c : counts) {
    for (std::size_t s = 0; s < c.schools.size(); ++s) {
      if (c.schools[s].respondents == 0 || by_school.contains(registry.schools[s].id)) continue;
      model::Submission sub;
      sub.school_id = registry.schools[s].id;
      sub.period = period.id;
      sub.definition_id = definition.id;
      sub.form_version = definition.version;
      sub.form = false;
      by_school.emplace(sub.school_id, accepted.size());
      accepted.push_back(std::move(sub));
    }
  }
  std::sort(accepted.begin(), accepted.end(),
            [](const model::Submission& a, const model::Submission& b) { return a.school_id < b.school_id; });
  by_school.clear();
  for (std::size_t i = 0; i < accepted.size(); ++i) by_school.emplace(accepted[i].school_id, i);

  for (const auto& c : counts) {
    const auto& survey = *c.survey;
    const auto note = [&](std::string message, std::string hint) {
      notices.push_back({survey.id, warning("анкета «" + survey.title + "»: " + std::move(message), std::move(hint))});
    };
    for (std::size_t s = 0; s < registry.schools.size(); ++s) {
      const auto& school = registry.schools[s];
      const auto at = by_school.find(school.id);
      if (at == by_school.end()) continue;
      auto& sub = accepted[at->second];
      const auto& tally = c.schools[s];
      const auto set = [&](const std::string& input, double value) {
        if (!input.empty()) sub.values[input].value = value;
      };
      set(survey.respondents_input, tally.respondents);
      std::optional<model::NoValue> withheld;
      if (tally.respondents == 0) withheld = model::NoValue::no_answers;
      if (!survey.registry_input.empty()) {
        if (school.teachers) {
          set(survey.registry_input, *school.teachers);
        } else {
          sub.no_value[survey.registry_input] = model::NoValue::no_teachers_count;
          note(school.short_name + ": в реестре школ не указано число педагогов — доли анкеты по этой ОО не вычислены",
               "впишите число педагогических работников в столбец teachers реестра школ");
        }
        if (school.teachers && tally.respondents > *school.teachers) {
          note(school.short_name + ": ответивших (" + std::to_string(tally.respondents) +
                   ") больше, чем педагогов по реестру (" + std::to_string(*school.teachers) + ")",
               "проверьте число педагогов в реестре школ и нет ли в ответах чужих педагогов");
        }
        if (survey.min_response_rate && school.teachers && *school.teachers > 0) {
          const double rate = 100.0 * tally.respondents / *school.teachers;
          if (rate < *survey.min_response_rate) {
            withheld = tally.respondents == 0 ? model::NoValue::no_answers : model::NoValue::low_response;
            note(school.short_name + ": ответили " + std::to_string(tally.respondents) + " из " +
                     std::to_string(*school.teachers) + " педагогов (" + percent(rate) + ") — меньше порога " +
                     percent(*survey.min_response_rate) +
                     ": показатели анкеты по этой ОО не вычислены и в значения района не вошли",
                 "попросите педагогов ОО ответить на анкету и запустите расчёт снова");
          }
        }
      }
      for (std::size_t q = 0; q < survey.questions.size(); ++q) {
        const auto& id = survey.questions[q].id;
        if (withheld) {
          sub.no_value[id] = *withheld;
        } else {
          set(id, tally.counted[q]);
        }
      }
    }
  }
  return notices;
}

}  // namespace survey
