// Builders for analysis tests: a definition made of shares (each with its own
// numerator and denominator inputs) and yes/no inputs, schools, and
// submissions that hit given shares exactly (numerator = share, denominator = 100).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aggregate/summarize.h"
#include "model/definition.h"
#include "model/school.h"
#include "model/submission.h"

namespace test {

class DefinitionBuilder {
 public:
  // A share indicator "id" computed from inputs "id_num" / "id_den".
  DefinitionBuilder& share(const std::string& id, const std::string& direction,
                           std::map<int, double> targets = {},
                           model::Better better = model::Better::higher,
                           const std::string& position = "", const std::string& code = "") {
    for (const auto& suffix : {"_num", "_den"}) {
      model::InputDef in;
      in.id = id + suffix;
      in.label = id + suffix;
      in.direction = direction;
      m_def.inputs.push_back(in);
    }
    model::IndicatorDef ind;
    ind.id = id;
    ind.code = code;
    ind.name = "Доля " + id;
    ind.direction = direction;
    ind.kind = model::IndicatorKind::share;
    ind.numerator = id + "_num";
    ind.denominator = id + "_den";
    ind.targets = std::move(targets);
    ind.better = better;
    ind.position = position;
    m_def.indicators.push_back(ind);
    return *this;
  }
  DefinitionBuilder& yesno_input(const std::string& id, const std::string& label,
                                 const std::string& direction = "") {
    model::InputDef in;
    in.id = id;
    in.label = label;
    in.kind = model::InputKind::yesno;
    in.direction = direction;
    m_def.inputs.push_back(in);
    return *this;
  }
  // A yes/no indicator over a yes/no input "doc_<id>".
  DefinitionBuilder& yesno(const std::string& id, const std::string& direction,
                           const std::string& label, std::map<int, double> targets = {}) {
    yesno_input("doc_" + id, label, direction);
    model::IndicatorDef ind;
    ind.id = id;
    ind.name = label;
    ind.direction = direction;
    ind.kind = model::IndicatorKind::yesno;
    ind.input = "doc_" + id;
    ind.targets = std::move(targets);
    m_def.indicators.push_back(ind);
    return *this;
  }
  DefinitionBuilder& direction(const std::string& id, const std::string& name) {
    m_def.directions.push_back({id, name});
    return *this;
  }
  model::IndicatorDef& last() { return m_def.indicators.back(); }
  model::Definition build() const { return m_def; }

 private:
  model::Definition m_def;
};

inline model::Registry registry_of(const std::vector<std::string>& ids) {
  model::Registry r;
  for (const auto& id : ids) r.schools.push_back({id, "ОО " + id, "ОО " + id, "", ""});
  return r;
}

// One school's form: shares in % (numerator = share × den / 100), yes/no answers.
class SubmissionBuilder {
 public:
  explicit SubmissionBuilder(std::string school_id) { m_sub.school_id = std::move(school_id); }
  SubmissionBuilder& share(const std::string& id, double percent, double den = 100) {
    m_sub.values[id + "_num"].value = percent * den / 100.0;
    m_sub.values[id + "_den"].value = den;
    return *this;
  }
  SubmissionBuilder& yes(const std::string& input_id, bool v) {
    m_sub.values[input_id].value = v;
    return *this;
  }
  model::Submission build() const { return m_sub; }

 private:
  model::Submission m_sub;
};

}  // namespace test
