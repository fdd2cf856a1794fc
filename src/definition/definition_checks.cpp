#include "definition/definition_checks.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "definition/naming.h"

namespace definition {

namespace {

using model::Diagnostic;
using model::IndicatorKind;
using model::InputKind;

std::string q(std::string_view s) { return "«" + std::string(s) + "»"; }

std::string number_text(double v) {
  if (std::floor(v) == v && std::abs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  std::string s = std::to_string(v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  return s;
}

class Checker {
 public:
  Checker(const CheckInput& in, std::vector<Diagnostic>& out) : m_in(in), m_out(out) {}

  void run() {
    const auto& d = m_in.definition;
    check_ids("direction", ids_of(d.directions), "направлений", false);
    check_ids("input", ids_of(d.inputs), "полей формы (input)", true);
    check_ids("indicator", ids_of(d.indicators), "показателей", true);
    for (std::size_t i = 0; i < d.inputs.size(); ++i) check_input(i);
    for (std::size_t i = 0; i < d.indicators.size(); ++i) {
      if (m_in.indicator_kind_known[i]) check_indicator(i);
    }
    warn_about_targets();
  }

 private:
  template <class T>
  static std::vector<std::string> ids_of(const std::vector<T>& items) {
    std::vector<std::string> out;
    for (const auto& x : items) out.push_back(x.id);
    return out;
  }

  model::Location at(const std::string& key) const {
    model::Location where;
    where.file = m_in.file_name;
    where.line = m_in.lines.line_of(key).value_or(1);
    where.key = key;
    return where;
  }
  void error(const std::string& key, std::string msg, std::string hint = {}, std::string found = {}) {
    m_out.push_back(Diagnostic::error(at(key), std::move(msg), std::move(hint), std::move(found)));
  }
  void warning(const std::string& key, std::string msg, std::string hint = {}) {
    m_out.push_back(Diagnostic::warning(at(key), std::move(msg), std::move(hint)));
  }

  // The first input with this id whose kind is known, or nullptr.
  const model::InputDef* input(std::string_view id) const { return m_in.definition.find_input(id); }
  bool kind_known(const model::InputDef* in) const {
    return m_in.input_kind_known[static_cast<std::size_t>(in - m_in.definition.inputs.data())];
  }
  std::vector<std::string> input_ids(InputKind kind) const {
    std::vector<std::string> out;
    for (const auto& in : m_in.definition.inputs) {
      if (in.kind == kind && !in.id.empty()) out.push_back(in.id);
    }
    return out;
  }

  void check_ids(std::string_view section, const std::vector<std::string>& ids,
                 std::string_view what, bool field_rule) {
    std::map<std::string, std::size_t> first;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const auto& id = ids[i];
      if (id.empty()) continue;  // a missing id is reported by the reader
      const std::string key = item_path(section, i) + ".id";
      if (field_rule && !is_valid_field_id(id)) {
        error(key, "недопустимый id в [[" + std::string(section) + "]]",
              "id пишется строчными латинскими буквами, цифрами и «_», начинается с буквы и не "
              "длиннее 250 символов (в форме он станет именем ячейки in_<id>)",
              id);
      } else if (!field_rule && !is_valid_plain_id(id)) {
        error(key, "недопустимый id в [[" + std::string(section) + "]]",
              "используйте латинские буквы, цифры, «_» и «-» (не длиннее 64 символов)", id);
      }
      const auto [it, inserted] = first.emplace(id, i);
      if (!inserted) {
        const auto line = m_in.lines.line_of(item_path(section, it->second) + ".id").value_or(1);
        error(key,
              "id " + q(id) + " повторяется среди " + std::string(what) + ": впервые объявлен в строке " +
                  std::to_string(line),
              "дайте каждому элементу свой id");
      }
    }
  }

  void check_direction(const std::string& key, std::string_view owner, const std::string& dir) {
    if (dir.empty() || m_in.definition.find_direction(dir) != nullptr) return;
    error(key, std::string(owner) + ": направление " + q(dir) + " не объявлено в [[direction]]",
          choose_hint(dir, ids_of(m_in.definition.directions), "укажите id одного из направлений"));
  }

  void check_input(std::size_t i) {
    const auto& in = m_in.definition.inputs[i];
    const std::string path = item_path("input", i);
    const std::string owner = "поле " + q(in.id);
    check_direction(path + ".direction", owner, in.direction);
    if (in.kind != InputKind::count || !m_in.input_kind_known[i]) return;
    if (in.min && in.max && *in.min > *in.max) {
      error(path + ".max", owner + ": min (" + number_text(*in.min) + ") больше max (" +
                               number_text(*in.max) + ")",
            "исправьте границы так, чтобы min не превышал max");
    }
    if (in.not_more_than.empty()) return;
    const auto* whole = input(in.not_more_than);
    if (whole == nullptr) {
      error(path + ".not_more_than",
            owner + ": not_more_than ссылается на поле " + q(in.not_more_than) +
                ", которого нет среди полей формы (input)",
            choose_hint(in.not_more_than, input_ids(InputKind::count),
                        "укажите id одного из полей вида count"));
      return;
    }
    if (whole->kind != InputKind::count && kind_known(whole)) {
      error(path + ".not_more_than",
            owner + ": not_more_than ссылается на поле " + q(whole->id) + " вида " +
                model::to_string(whole->kind) + ", а сравнивать можно только с полем вида count",
            choose_hint(in.not_more_than, input_ids(InputKind::count),
                        "укажите id одного из полей вида count"));
      return;
    }
    if (in.survey.empty() && !whole->survey.empty()) {
      error(path + ".not_more_than",
            owner + ": поле формы нельзя ограничить числом " + q(whole->id) +
                " из анкеты: при заполнении формы его ещё нет",
            "ограничьте поле другим полем формы или удалите not_more_than");
      return;
    }
    report_cycle(i);
  }

  // Follows not_more_than from input i; if the chain comes back to i and i
  // is the first member of that cycle, reports the cycle once.
  void report_cycle(std::size_t i) {
    const auto& inputs = m_in.definition.inputs;
    std::string chain = inputs[i].id;
    const model::InputDef* at_input = &inputs[i];
    for (std::size_t step = 0; step <= inputs.size(); ++step) {
      const auto* next = input(at_input->not_more_than);
      if (next == nullptr || at_input->not_more_than.empty()) return;
      chain += " → " + next->id;
      const auto index = static_cast<std::size_t>(next - inputs.data());
      if (index == i) {
        error(item_path("input", i) + ".not_more_than",
              "поле " + q(inputs[i].id) + ": ограничения not_more_than замыкаются в цикл: " + chain,
              "уберите not_more_than у одного из полей цикла");
        return;
      }
      if (index < i && is_on_cycle(index)) return;  // reported at its first member
      at_input = next;
    }
  }
  bool is_on_cycle(std::size_t i) const {
    const auto& inputs = m_in.definition.inputs;
    const model::InputDef* at_input = &inputs[i];
    for (std::size_t step = 0; step <= inputs.size(); ++step) {
      const auto* next = at_input->not_more_than.empty() ? nullptr : input(at_input->not_more_than);
      if (next == nullptr) return false;
      if (next == &inputs[i]) return true;
      at_input = next;
    }
    return false;
  }

  // True when `part`'s not_more_than chain reaches `whole`.
  bool bounded_by(const model::InputDef& part, const std::string& whole) const {
    const model::InputDef* at_input = &part;
    for (std::size_t step = 0; step <= m_in.definition.inputs.size(); ++step) {
      if (at_input->not_more_than.empty()) return false;
      if (at_input->not_more_than == whole) return true;
      at_input = input(at_input->not_more_than);
      if (at_input == nullptr) return false;
    }
    return false;
  }

  // Numerator or denominator of a share: a declared count input. Returns it when usable.
  const model::InputDef* check_share_part(std::size_t i, std::string_view key, std::string_view role) {
    const auto& ind = m_in.definition.indicators[i];
    const std::string& ref = key == "numerator" ? ind.numerator : ind.denominator;
    if (ref.empty()) return nullptr;
    const std::string path = item_path("indicator", i) + "." + std::string(key);
    const auto* in = input(ref);
    if (in == nullptr) {
      error(path, "показатель " + q(ind.id) + ": " + std::string(role) + " " + q(ref) +
                      " не объявлен среди полей формы (input)",
            choose_hint(ref, input_ids(InputKind::count), "укажите id одного из полей вида count"));
      return nullptr;
    }
    if (!kind_known(in)) return nullptr;
    if (in->kind != InputKind::count) {
      error(path, "показатель " + q(ind.id) + ": " + std::string(role) + " " + q(ref) +
                      " — поле вида " + model::to_string(in->kind) +
                      ", а доля считается только по полям вида count",
            "укажите поле вида count или сделайте показатель вида yesno");
      return nullptr;
    }
    return in;
  }

  void check_indicator(std::size_t i) {
    const auto& ind = m_in.definition.indicators[i];
    const std::string path = item_path("indicator", i);
    check_direction(path + ".direction", "показатель " + q(ind.id), ind.direction);
    if (ind.kind == IndicatorKind::share) {
      const auto* num = check_share_part(i, "numerator", "числитель");
      const auto* den = check_share_part(i, "denominator", "знаменатель");
      if (num != nullptr && den != nullptr && !bounded_by(*num, den->id)) {
        warning(path,
                "показатель " + q(ind.id) + ": числитель " + q(num->id) +
                    " не ограничен знаменателем " + q(den->id) +
                    " через not_more_than, поэтому форма не проверит, что часть не больше целого",
                "если часть не может превышать целое, добавьте полю " + q(num->id) +
                    " строку not_more_than = \"" + den->id + "\"");
      }
      return;
    }
    if (ind.input.empty()) return;
    const auto want = ind.kind == IndicatorKind::count ? InputKind::count : InputKind::yesno;
    const std::string want_name = model::to_string(want);
    const auto* in = input(ind.input);
    if (in == nullptr) {
      error(path + ".input", "показатель " + q(ind.id) + ": поле " + q(ind.input) +
                                 " не объявлено среди полей формы (input)",
            choose_hint(ind.input, input_ids(want), "укажите id одного из полей вида " + want_name));
    } else if (kind_known(in) && in->kind != want) {
      error(path + ".input", "показатель " + q(ind.id) + " вида " + model::to_string(ind.kind) +
                                 " ссылается на поле " + q(in->id) + " вида " +
                                 model::to_string(in->kind),
            choose_hint(ind.input, input_ids(want), "укажите id одного из полей вида " + want_name));
    }
  }

  void warn_about_targets() {
    const auto& indicators = m_in.definition.indicators;
    std::set<int> years;
    for (const auto& ind : indicators) {
      for (const auto& [year, value] : ind.targets) years.insert(year);
    }
    if (indicators.empty()) return;
    if (years.empty()) {
      warning("definition",
              "ни у одного показателя не заданы целевые значения (targets): сравнение с планом "
              "выводиться не будет",
              "если у методики есть дорожная карта, добавьте показателям targets = { 2025 = … }");
      return;
    }
    for (std::size_t i = 0; i < indicators.size(); ++i) {
      const auto& ind = indicators[i];
      const std::string path = item_path("indicator", i);
      if (ind.targets.empty()) {
        warning(path, "показатель " + q(ind.id) +
                          ": не заданы целевые значения (targets), хотя у других показателей они есть");
        continue;
      }
      std::vector<std::string> missing;
      for (const int year : years) {
        if (!ind.targets.contains(year)) missing.push_back(std::to_string(year));
      }
      if (missing.empty()) continue;
      warning(path + ".targets",
              "показатель " + q(ind.id) + ": нет целевого значения на " +
                  (missing.size() == 1 ? missing[0] + " год" : "годы " + join_list(missing)) +
                  ", хотя у других показателей оно есть");
    }
  }

  const CheckInput& m_in;
  std::vector<Diagnostic>& m_out;
};

}  // namespace

std::string item_path(std::string_view section, std::size_t index) {
  return std::string(section) + "[" + std::to_string(index + 1) + "]";
}

void check_definition(const CheckInput& in, std::vector<Diagnostic>& out) {
  Checker(in, out).run();
}

}  // namespace definition
