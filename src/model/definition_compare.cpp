#include "model/definition_compare.h"

#include <cstdio>
#include <map>
#include <optional>

#include "model/periodicity_code.h"

namespace model {

namespace {

std::string shown(const std::string& s) { return "\"" + s + "\""; }
std::string shown(bool b) { return b ? "true" : "false"; }
std::string shown(int v) { return std::to_string(v); }
std::string shown(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}
template <class T>
std::string shown(const std::optional<T>& v) {
  return v ? shown(*v) : "—";
}
std::string shown(InputKind k) { return to_string(k); }
std::string shown(IndicatorKind k) { return to_string(k); }
std::string shown(RubricKind k) { return to_string(k); }
std::string shown(EvidenceTest t) { return to_string(t); }
std::string shown(RecommendationWhen w) { return to_string(w); }
std::string shown(Better b) { return b == Better::higher ? "higher" : "lower"; }
std::string shown(Periodicity p) { return std::string(periodicity_code(p)); }

class Differ {
 public:
  std::vector<std::string> out;

  template <class T>
  void value(const std::string& path, const T& a, const T& b) {
    if (!(a == b)) out.push_back(path + ": " + shown(a) + " ≠ " + shown(b));
  }

  // Lists compared item by item; `each` compares two items under a path.
  template <class T, class F>
  void list(const std::string& path, const std::vector<T>& a, const std::vector<T>& b, F each) {
    if (a.size() != b.size()) {
      out.push_back(path + ": " + std::to_string(a.size()) + " ≠ " + std::to_string(b.size()) +
                    " элементов");
    }
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
      each(path + "[" + std::to_string(i + 1) + "]", a[i], b[i]);
    }
  }

  template <class K, class V, class F>
  void map(const std::string& path, const std::map<K, V>& a, const std::map<K, V>& b, F each) {
    for (const auto& [key, va] : a) {
      const std::string at = path + "[" + key_text(key) + "]";
      const auto it = b.find(key);
      if (it == b.end()) {
        out.push_back(at + ": есть ≠ нет");
      } else {
        each(at, va, it->second);
      }
    }
    for (const auto& [key, vb] : b) {
      if (!a.contains(key)) out.push_back(path + "[" + key_text(key) + "]: нет ≠ есть");
    }
  }

  void strings(const std::string& path, const std::vector<std::string>& a,
               const std::vector<std::string>& b) {
    list(path, a, b, [&](const std::string& p, const auto& x, const auto& y) { value(p, x, y); });
  }

  void definition(const std::string& p, const Definition& a, const Definition& b);

 private:
  static std::string key_text(int k) { return std::to_string(k); }
  static std::string key_text(const std::string& k) { return k; }

  void input(const std::string& p, const InputDef& a, const InputDef& b) {
    value(p + ".id", a.id, b.id);
    value(p + ".label", a.label, b.label);
    value(p + ".kind", a.kind, b.kind);
    value(p + ".direction", a.direction, b.direction);
    value(p + ".required", a.required, b.required);
    value(p + ".min", a.min, b.min);
    value(p + ".max", a.max, b.max);
    value(p + ".not_more_than", a.not_more_than, b.not_more_than);
    value(p + ".hint", a.hint, b.hint);
  }

  void indicator(const std::string& p, const IndicatorDef& a, const IndicatorDef& b) {
    value(p + ".id", a.id, b.id);
    value(p + ".code", a.code, b.code);
    value(p + ".direction", a.direction, b.direction);
    value(p + ".name", a.name, b.name);
    value(p + ".short", a.short_name, b.short_name);
    value(p + ".kind", a.kind, b.kind);
    value(p + ".numerator", a.numerator, b.numerator);
    value(p + ".denominator", a.denominator, b.denominator);
    value(p + ".input", a.input, b.input);
    value(p + ".better", a.better, b.better);
    map(p + ".targets", a.targets, b.targets,
        [&](const std::string& at, double x, double y) { value(at, x, y); });
    value(p + ".position", a.position, b.position);
    value(p + ".matches_goal", a.matches_goal, b.matches_goal);
    value(p + ".bad", a.bad, b.bad);
  }

  void evidence(const std::string& p, const Evidence& a, const Evidence& b) {
    value(p + ".input", a.input, b.input);
    value(p + ".indicator", a.indicator, b.indicator);
    value(p + ".monitoring", a.monitoring, b.monitoring);
    value(p + ".test", a.test, b.test);
  }

  void block(const std::string& p, const RubricBlock& a, const RubricBlock& b) {
    value(p + ".id", a.id, b.id);
    value(p + ".title", a.title, b.title);
    value(p + ".kind", a.kind, b.kind);
    list(p + ".positions", a.positions, b.positions,
         [&](const std::string& at, const RubricPosition& x, const RubricPosition& y) {
           value(at + ".id", x.id, y.id);
           value(at + ".name", x.name, y.name);
         });
    list(p + ".params", a.params, b.params,
         [&](const std::string& at, const RubricParam& x, const RubricParam& y) {
           value(at + ".id", x.id, y.id);
           value(at + ".title", x.title, y.title);
           value(at + ".points", x.points, y.points);
         });
    value(p + ".gate_param", a.gate_param, b.gate_param);
    value(p + ".bad_gate", a.bad_gate, b.bad_gate);
    value(p + ".match_points", a.match_points, b.match_points);
    value(p + ".nomatch_points", a.nomatch_points, b.nomatch_points);
    value(p + ".bad_deduction", a.bad_deduction, b.bad_deduction);
    value(p + ".lone_bad_counts_presence", a.lone_bad_counts_presence, b.lone_bad_counts_presence);
    map(p + ".evidence", a.evidence, b.evidence,
        [&](const std::string& at, const auto& x, const auto& y) {
          map(at, x, y, [&](const std::string& at2, const Evidence& e, const Evidence& f) {
            evidence(at2, e, f);
          });
        });
    value(p + ".declared_max", a.declared_max, b.declared_max);
    value(p + ".computed_max", a.computed_max, b.computed_max);
    value(p + ".computed_min", a.computed_min, b.computed_min);
  }

  void rubric(const std::string& p, const Rubric& a, const Rubric& b) {
    value(p + ".id", a.id, b.id);
    value(p + ".title", a.title, b.title);
    value(p + ".source", a.source, b.source);
    value(p + ".declared_total", a.declared_total, b.declared_total);
    value(p + ".computed_total", a.computed_total, b.computed_total);
    value(p + ".levels.high", a.levels.high, b.levels.high);
    value(p + ".levels.medium", a.levels.medium, b.levels.medium);
    value(p + ".municipal_yes_share", a.municipal_yes_share, b.municipal_yes_share);
    list(p + ".blocks", a.blocks, b.blocks,
         [&](const std::string& at, const RubricBlock& x, const RubricBlock& y) { block(at, x, y); });
    value(p + ".clusters.k", a.clusters.k, b.clusters.k);
    value(p + ".clusters.min_values", a.clusters.min_values, b.clusters.min_values);
    list(p + ".recommendations", a.recommendations, b.recommendations,
         [&](const std::string& at, const RecommendationRule& x, const RecommendationRule& y) {
           value(at + ".when", x.when, y.when);
           value(at + ".indicator", x.indicator, y.indicator);
           value(at + ".input", x.input, y.input);
           value(at + ".text", x.text, y.text);
           value(at + ".min_gap", x.min_gap, y.min_gap);
         });
    value(p + ".recommendation_settings.min_gap", a.recommendation_settings.min_gap,
          b.recommendation_settings.min_gap);
    value(p + ".recommendation_settings.per_school", a.recommendation_settings.per_school,
          b.recommendation_settings.per_school);
    value(p + ".recommendation_settings.min_denominator", a.recommendation_settings.min_denominator,
          b.recommendation_settings.min_denominator);
  }
};

void Differ::definition(const std::string& p, const Definition& a, const Definition& b) {
  value(p + "id", a.id, b.id);
  value(p + "version", a.version, b.version);
  value(p + "form_revision", a.form_revision, b.form_revision);
  value(p + "title", a.title, b.title);
  value(p + "municipality", a.municipality, b.municipality);
  value(p + "organisation", a.organisation, b.organisation);
  value(p + "source", a.source, b.source);
  value(p + "periodicity", a.periodicity, b.periodicity);
  strings(p + "notes", a.notes, b.notes);
  strings(p + "basis", a.basis, b.basis);
  value(p + "goal", a.goal, b.goal);
  list(p + "directions", a.directions, b.directions,
       [&](const std::string& at, const DirectionDef& x, const DirectionDef& y) {
         value(at + ".id", x.id, y.id);
         value(at + ".name", x.name, y.name);
       });
  list(p + "inputs", a.inputs, b.inputs,
       [&](const std::string& at, const InputDef& x, const InputDef& y) { input(at, x, y); });
  list(p + "indicators", a.indicators, b.indicators,
       [&](const std::string& at, const IndicatorDef& x, const IndicatorDef& y) { indicator(at, x, y); });
  value(p + "rubric", a.rubric.has_value(), b.rubric.has_value());
  if (a.rubric && b.rubric) rubric(p + "rubric", *a.rubric, *b.rubric);
  value(p + "schedule", a.schedule.has_value(), b.schedule.has_value());
  if (a.schedule && b.schedule) {
    list(p + "schedule.months", a.schedule->months, b.schedule->months,
         [&](const std::string& at, int x, int y) { value(at, x, y); });
    value(p + "schedule.open_day", a.schedule->open_day, b.schedule->open_day);
    value(p + "schedule.deadline_day", a.schedule->deadline_day, b.schedule->deadline_day);
    value(p + "schedule.school_year", a.schedule->previous_school_year, b.schedule->previous_school_year);
  }
  list(p + "sources", a.sources, b.sources,
       [&](const std::string& at, const SourceDef& x, const SourceDef& y) {
         value(at + ".id", x.id, y.id);
         value(at + ".definition", x.definition != nullptr, y.definition != nullptr);
         if (x.definition && y.definition) definition(at + ".", *x.definition, *y.definition);
       });
}

}  // namespace

std::vector<std::string> definition_differences(const Definition& a, const Definition& b) {
  Differ d;
  d.definition("", a, b);
  return std::move(d.out);
}

}  // namespace model
