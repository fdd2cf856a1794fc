#include "letters/letter_figures.h"

#include "analysis/number_text.h"
#include "analysis/rubric_scoring.h"

namespace letters {

namespace {

std::string value_text(const model::IndicatorDef& ind, const aggregate::SchoolValue& v) {
  if (!v.value) return "нет значения: " + aggregate::missing_reason(v.missing);
  std::string text = analysis::format_value(ind, *v.value);
  if (ind.kind == model::IndicatorKind::share && v.numerator && v.denominator) {
    text += " (" + analysis::format_compact(*v.numerator) + " из " + analysis::format_compact(*v.denominator) + ")";
  }
  if (v.target && (v.status == aggregate::TargetStatus::met || v.status == aggregate::TargetStatus::not_met)) {
    text += "; цель " + analysis::format_target(ind, *v.target) + " — " + aggregate::status_name(v.status);
  }
  return text;
}

// The school's rubric points: total and level, place, each block and position.
void rubric_figures(const analysis::Analysis* a, const std::string& school_id, std::vector<mail::Figure>& out) {
  if (a == nullptr || !a->rubric) return;
  const auto& r = *a->rubric;
  const auto* s = r.of(school_id);
  if (s == nullptr) return;
  const auto of = [](double points, double max) {
    return analysis::format_points(points) + " из " + analysis::format_points(max);
  };
  out.push_back({"Баллы рубрики «" + r.title + "»",
                 of(s->total, s->max) + ", уровень «" + analysis::level_name(s->level) + "»"});
  if (s->rank) {
    out.push_back({"Место по баллам рубрики", std::to_string(*s->rank) + " из " + std::to_string(r.schools.size())});
  }
  for (const auto& b : s->blocks()) {
    const auto block = "Баллы: «" + std::string(b.title) + "»";
    out.push_back({block, of(b.points, b.max)});
    if (b.positions.size() < 2) continue;
    for (const auto& p : b.positions) {
      out.push_back({block + ", " + std::string(p.name), of(p.points, p.max)});
    }
  }
}

}  // namespace

std::string error_text(const model::Diagnostic& d) {
  std::string text;
  if (d.where.cell) text += "ячейка " + model::to_string(*d.where.cell) + ": ";
  text += d.message;
  if (!d.found.empty()) text += " (введено «" + d.found + "»)";
  if (!d.hint.empty()) text += ". " + d.hint;
  return text;
}

std::vector<mail::Figure> school_figures(const model::Definition& definition, const aggregate::Summary& summary,
                                            const std::string& school_id, const analysis::Analysis* analysis) {
  std::vector<mail::Figure> out;
  rubric_figures(analysis, school_id, out);
  for (const auto& ind : definition.indicators) {
    const auto* v = summary.value(school_id, ind.id);
    if (v == nullptr) continue;
    const auto label = analysis::indicator_label(ind);
    out.push_back({label, value_text(ind, *v)});
    const auto* st = summary.stats(ind.id);
    if (st == nullptr) continue;
    // What the director's sheet shows beside the school's value.
    if (ind.kind == model::IndicatorKind::share && v->rank) {
      out.push_back({label + ": место среди ОО", std::to_string(*v->rank) + " из " + std::to_string(st->schools_with_value)});
    }
    if (ind.kind != model::IndicatorKind::yesno && st->median) {
      out.push_back({label + ": медиана по ОО", analysis::format_value(ind, *st->median)});
    }
    if (st->municipal) out.push_back({label + ": по муниципалитету", analysis::format_value(ind, *st->municipal)});
  }
  return out;
}

std::vector<mail::Figure> methodist_figures(const model::Definition& definition, const model::Registry& registry,
                                               const aggregate::Summary& summary, const model::RunInfo& run,
                                               const analysis::Analysis* analysis) {
  std::vector<mail::Figure> out;
  const int exports = model::count_accepted_exports(run.files);
  out.push_back({"Принято форм", std::to_string(model::count_outcome(run.files, model::Outcome::accepted) - exports)});
  if (exports > 0) out.push_back({"Принято выгрузок анкет", std::to_string(exports)});
  std::string rejected;
  for (const auto& f : run.files) {
    if (f.outcome == model::Outcome::rejected) rejected += (rejected.empty() ? "" : ", ") + f.file.name;
  }
  out.push_back({"Отклонённые формы", rejected.empty() ? "нет" : rejected});
  std::string missing;
  for (const auto& id : summary.without_form()) {
    const auto* school = registry.find(id);
    missing += (missing.empty() ? "" : ", ") + (school ? school->short_name : id);
  }
  out.push_back({"Нет принятой формы", missing.empty() ? "нет" : missing});
  for (const auto& ind : definition.indicators) {
    const auto* st = summary.stats(ind.id);
    if (st != nullptr && st->municipal) {
      out.push_back({"По муниципалитету: " + analysis::indicator_label(ind), analysis::format_value(ind, *st->municipal)});
    }
  }
  for (const auto& id : summary.school_ids) {
    const auto* school = registry.find(id);
    const auto name = school ? school->short_name : id;
    std::vector<mail::Figure> own;
    rubric_figures(analysis, id, own);
    for (const auto& ind : definition.indicators) {
      if (const auto* v = summary.value(id, ind.id)) own.push_back({analysis::indicator_label(ind), value_text(ind, *v)});
    }
    for (auto& f : own) out.push_back({name + ": " + f.label, std::move(f.value)});
  }
  return out;
}

std::vector<mail::Figure> rejected_form_figures(const std::vector<const model::FileOutcome*>& files) {
  std::vector<mail::Figure> out;
  for (const auto* f : files) {
    std::string errors;
    for (const auto& d : f->diagnostics) {
      if (d.severity == model::Severity::error) errors += (errors.empty() ? "" : "; ") + error_text(d);
    }
    out.push_back({"Файл «" + f->file.name + "»", errors});
  }
  return out;
}

}  // namespace letters
