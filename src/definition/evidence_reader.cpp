#include "definition/evidence_reader.h"

#include "definition/naming.h"

namespace definition {

namespace {

constexpr std::string_view k_evidence_keys[] = {"input", "indicator", "monitoring", "test"};
constexpr std::string_view k_tests[] = {"meets_target", "at_least_median", "positive_dynamics"};
constexpr const char* k_forms_hint =
    "{ input = \"поле_да_нет\" } или { indicator = \"id\", test = \"meets_target\" }";

std::string q(std::string_view s) { return "«" + std::string(s) + "»"; }

std::optional<model::Evidence> input_evidence(TableReader& er, const std::string& input,
                                              const model::Definition& def) {
  er.reject_present("test", "проверка задаётся только для показателя");
  if (er.node("monitoring") != nullptr) {
    er.error("monitoring",
             "поля форм мониторингов в истории не хранятся, хранятся их показатели",
             "сошлитесь на показатель мониторинга: { monitoring = \"…\", indicator = \"…\", test = … }; "
             "для ответа Да/Нет — на показатель вида yesno",
             input);
    return std::nullopt;
  }
  const auto* in = def.find_input(input);
  if (in == nullptr) {
    std::vector<std::string> ids;
    for (const auto& i : def.inputs) {
      if (i.kind == model::InputKind::yesno) ids.push_back(i.id);
    }
    er.error("input", "нет поля формы " + q(input), choose_hint(input, ids, "поля да/нет"), input);
    return std::nullopt;
  }
  if (in->kind != model::InputKind::yesno) {
    er.error("input", "подтверждением может быть только поле вида yesno (Да/Нет)",
             "укажите поле да/нет или условие на показатель", input);
    return std::nullopt;
  }
  model::Evidence ev;
  ev.input = input;
  return ev;
}

// The indicator `indicator` names: the definition's own, or the source's.
const model::IndicatorDef* find_target(TableReader& er, const std::string& indicator,
                                       const std::optional<std::string>& monitoring,
                                       const model::Definition& def) {
  if (!monitoring) {
    if (const auto* ind = def.find_indicator(indicator)) return ind;
    std::vector<std::string> ids;
    for (const auto& i : def.indicators) ids.push_back(i.id);
    std::string hint = choose_hint(indicator, ids, "показатели");
    if (!def.sources.empty()) {
      hint = "у рубрики по мониторингам года показатели — у мониторингов: { monitoring = \"" +
             def.sources.front().id + "\", indicator = \"" + indicator + "\", test = … }";
    }
    er.error("indicator", "нет показателя " + q(indicator), hint, indicator);
    return nullptr;
  }
  const auto* src = def.find_source(*monitoring);
  if (src == nullptr) {
    std::vector<std::string> ids;
    for (const auto& s : def.sources) ids.push_back(s.id);
    er.error("monitoring", "нет мониторинга-источника " + q(*monitoring),
             ids.empty() ? "мониторинги, по которым считается рубрика, перечисляются в [[source]]"
                         : choose_hint(*monitoring, ids, "мониторинги из [[source]]"),
             *monitoring);
    return nullptr;
  }
  if (src->definition == nullptr) return nullptr;  // its file failed: reported at [[source]]
  if (const auto* ind = src->definition->find_indicator(indicator)) return ind;
  std::vector<std::string> ids;
  for (const auto& i : src->definition->indicators) ids.push_back(i.id);
  er.error("indicator", "в мониторинге " + q(*monitoring) + " нет показателя " + q(indicator),
           choose_hint(indicator, ids, "показатели мониторинга"), indicator);
  return nullptr;
}

}  // namespace

std::optional<model::Evidence> read_evidence_value(TableReader& r, const std::string& key,
                                                   const model::Definition& def,
                                                   const std::string& file_name, SourceMap& lines,
                                                   std::vector<model::Diagnostic>& out) {
  const auto* node = r.node(key);
  const auto* t = node->as_table();
  if (t == nullptr) {
    r.error(key, "подтверждение параметра должно быть таблицей", k_forms_hint, render_value(*node));
    return std::nullopt;
  }
  TableReader er(*t, r.path() + "." + key, "подтверждении параметра", file_name, lines, out);
  er.reject_unknown(k_evidence_keys);
  const auto input = er.text("input", false);
  const auto indicator = er.text("indicator", false);
  const auto monitoring = er.text("monitoring", false);
  if (input.has_value() == indicator.has_value()) {
    r.error(key, "укажите ровно один источник: input или indicator", k_forms_hint);
    return std::nullopt;
  }
  if (input) {
    auto ev = input_evidence(er, *input, def);
    if (ev) ev->line = er.line();
    return ev;
  }
  const auto* target = find_target(er, *indicator, monitoring, def);
  if (target == nullptr) return std::nullopt;
  model::Evidence ev;
  ev.line = er.line();
  ev.indicator = *indicator;
  ev.monitoring = monitoring.value_or("");
  const auto test = er.choice("test", k_tests, true);
  if (!test) return std::nullopt;
  ev.test = *test == "meets_target"      ? model::EvidenceTest::meets_target
            : *test == "at_least_median" ? model::EvidenceTest::at_least_median
                                         : model::EvidenceTest::positive_dynamics;
  if (ev.test == model::EvidenceTest::meets_target && target->targets.empty()) {
    out.push_back(model::Diagnostic::warning(
        er.at("test"), "у показателя " + q(*indicator) + " нет целевых значений: параметр всегда получит 0",
        "задайте targets показателю или выберите test = \"at_least_median\""));
  }
  return ev;
}

}  // namespace definition
