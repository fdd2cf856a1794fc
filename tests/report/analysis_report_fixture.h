// ReportFixture plus what the analysis stage needs, and its Analysis made by
// the real analysis::analyze(): a small rubric, the schools' forms (matching
// the fixture's hand-made summary) and two earlier periods.
//
// Rubric «Оценка методической работы (тест)», computed maximum 5 (declared 6):
//   «Показатели» (indicator_set, 2/1/−1): M1 = 1.1 diag_share + 1.2
//     deficit_share (marked bad), M2 = 2.1 mentored_share; maximum 4.
//   «Документы» (binary): D1 «Наличие локального акта» = input act; maximum 1,
//     declared 2.
// Hand-computed points (M1 + M2 + D1):
//   s1  1 + 2 + 1 = 4  (80 %, высокий)    diag and deficit (bad): 1 + 1 − 1
//   s2  1 + 2 + 0 = 3  (60 %, средний)    act «Нет»
//   s3  0 + 2 + 1 = 3  (60 %, средний)    no diag/deficit values (0/0)
//   s4  1 + 2 + 1 = 4  (80 %, высокий)
//   s5  2 + 2 + 0 = 4  (80 %, высокий)    deficit not filled: diag alone, 1 + 1
//   municipality 1 + 2 + 1 = 4 (act «Да» at 3 of 5 ОО = 60 % >= 50 %)
// Ranks by points: s1, s4, s5 first (1), s2 and s3 fourth (4); median 4.
// Grouping: diag, deficit, act, mentored; s3 has 2 of 4 values (< 60 %):
// not grouped. History: previous period 2026-10 (municipal and s1), and
// 2025-11 (municipal diag only).
#pragma once

#include <vector>

#include "analysis/analysis.h"
#include "model/submission.h"
#include "report_fixture.h"

namespace test {

struct AnalysisReportFixture : ReportFixture {
  std::vector<model::Submission> forms;
  std::vector<analysis::PeriodValues> history;
  analysis::Analysis result;

  report::ReportInput input() const {
    report::ReportInput in{definition, registry, summary, run};
    in.analysis = &result;
    return in;
  }

  AnalysisReportFixture() {
    add_rubric();
    add_forms();
    add_history();
    result = analysis::analyze(definition, registry, summary, forms, history);
  }

 private:
  void add_rubric() {
    for (auto& ind : definition.indicators) {
      if (ind.id == "diag_share" || ind.id == "deficit_share") ind.position = "M1";
      if (ind.id == "mentored_share") ind.position = "M2";
      if (ind.id == "deficit_share") ind.bad = true;
    }
    model::Rubric r;
    r.id = "test-rubric";
    r.title = "Оценка методической работы (тест)";
    model::RubricBlock indicators;
    indicators.id = "indicators";
    indicators.title = "Показатели";
    indicators.kind = model::RubricKind::indicator_set;
    indicators.positions = {{"M1", "выявление дефицитов"}, {"M2", "наставничество"}};
    indicators.computed_max = 4;
    indicators.computed_min = -2;
    model::RubricBlock docs;
    docs.id = "docs";
    docs.title = "Документы";
    docs.kind = model::RubricKind::binary;
    docs.positions = {{"D1", "локальный акт"}};
    docs.params = {{"present", "Наличие локального акта", 1}};
    docs.evidence["D1"]["present"].input = "act";
    docs.computed_max = 1;
    docs.declared_max = 2;
    r.blocks = {indicators, docs};
    r.computed_total = 5;
    r.declared_total = 6;
    definition.rubric = r;
  }

  // Inputs that give the summary's values: teachers, diag, deficits, act,
  // young, mentored, events.
  void add_forms() {
    struct Row {
      const char* id;
      double teachers, diag, deficits;
      bool has_deficits, act;
      double young, mentored, events;
    };
    const Row rows[] = {{"s1", 50, 40, 10, true, true, 4, 3, 5},
                        {"s2", 60, 30, 15, true, false, 2, 1, 3},
                        {"s3", 0, 0, 0, true, true, 2, 2, 0},
                        {"s4", 50, 45, 9, true, true, 3, 0, 7},
                        {"s5", 25, 20, 0, false, false, 1, 1, 2}};
    for (const auto& r : rows) {
      model::Submission s;
      s.school_id = r.id;
      s.period = "2026-11";
      s.definition_id = definition.id;
      s.values["teachers"].value = r.teachers;
      s.values["diag"].value = r.diag;
      if (r.has_deficits) s.values["deficits"].value = r.deficits;
      s.values["act"].value = r.act;
      s.values["young"].value = r.young;
      s.values["mentored"].value = r.mentored;
      s.values["events"].value = r.events;
      forms.push_back(s);
    }
  }

  void add_history() {
    analysis::PeriodValues oct;
    oct.period = "2026-10";
    oct.municipal = {{"diag_share", 70},     {"deficit_share", 35}, {"act", 40},
                     {"mentored_share", 60}, {"events", 15}};
    oct.values["s1"] = {{"diag_share", 75}, {"deficit_share", 20}};
    analysis::PeriodValues last_year;
    last_year.period = "2025-11";
    last_year.municipal = {{"diag_share", 60}};
    history = {last_year, oct};
  }
};

}  // namespace test
