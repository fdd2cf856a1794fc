#include "aggregate/summary.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "aggregate/statistics.h"

namespace aggregate {

namespace {

bool id_less(const IndicatorValues::value_type& item, std::string_view id) { return item.first < id; }

}  // namespace

SchoolValue& IndicatorValues::operator[](const std::string& indicator_id) {
  auto it = std::lower_bound(m_items.begin(), m_items.end(), std::string_view(indicator_id), id_less);
  if (it == m_items.end() || it->first != indicator_id) it = m_items.insert(it, {indicator_id, SchoolValue{}});
  return it->second;
}

IndicatorValues::const_iterator IndicatorValues::find(std::string_view indicator_id) const {
  const auto it = std::lower_bound(m_items.begin(), m_items.end(), indicator_id, id_less);
  return it != m_items.end() && it->first == indicator_id ? it : m_items.end();
}

const SchoolValue& IndicatorValues::at(std::string_view indicator_id) const {
  const auto it = find(indicator_id);
  if (it == end()) throw std::out_of_range("IndicatorValues::at: no " + std::string(indicator_id));
  return it->second;
}

const IndicatorStats* Summary::stats(const std::string& indicator_id) const {
  for (const auto& s : indicators) {
    if (s.indicator_id == indicator_id) return &s;
  }
  return nullptr;
}

const SchoolValue* Summary::value(const std::string& school_id,
                                  const std::string& indicator_id) const {
  const auto school = values.find(school_id);
  if (school == values.end()) return nullptr;
  const auto it = school->second.find(indicator_id);
  return it == school->second.end() ? nullptr : &it->second;
}

bool Summary::has_school(const std::string& school_id) const {
  return values.contains(school_id) ||
         std::find(school_ids.begin(), school_ids.end(), school_id) != school_ids.end();
}

model::Participation participation_of(const model::Registry& registry, const std::vector<model::FileOutcome>& files,
                                      const Summary& summary) {
  const auto& without = summary.without_form();
  std::vector<std::string> with_form;
  for (const auto& id : summary.school_ids) {
    if (std::find(without.begin(), without.end(), id) == without.end()) with_form.push_back(id);
  }
  return model::participation_of(registry, files, with_form, without);
}

double printed(double v) { return std::round(v * 10.0) / 10.0; }

std::string status_name(TargetStatus s) {
  switch (s) {
    case TargetStatus::met: return "достигнуто";
    case TargetStatus::not_met: return "не достигнуто";
    case TargetStatus::no_data: return "нет данных";
    case TargetStatus::no_target: return "цель не задана";
  }
  return "нет данных";
}

std::string missing_reason(Missing m) {
  switch (m) {
    case Missing::none: return "";
    case Missing::no_submission: return "форма не сдана или отклонена";
    case Missing::not_filled: return "значение не заполнено";
    case Missing::zero_denominator: return "знаменатель равен 0: долю вычислить нельзя";
    case Missing::no_answers: return "нет ответов на анкету";
    case Missing::low_response: return "ответили меньше педагогов, чем требует порог охвата анкеты";
    case Missing::no_teachers_count: return "в реестре не указано число педагогов";
  }
  return "";
}

void set_spread(IndicatorStats& st, std::span<const double> values) {
  const auto s = spread(values);
  if (!s) return;
  st.min = s->min;
  st.q1 = s->q1;
  st.median = s->median;
  st.q3 = s->q3;
  st.max = s->max;
}

}  // namespace aggregate
