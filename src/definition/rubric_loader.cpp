#include "definition/rubric_loader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "definition/evidence_reader.h"
#include "definition/naming.h"
#include "definition/toml_fields.h"

namespace definition {

namespace {

using model::Diagnostic;

constexpr std::string_view k_rubric_keys[] = {"id",     "title",  "source", "declared_total",
                                              "levels", "municipal_yes_share"};
constexpr std::string_view k_level_keys[] = {"high", "medium"};
constexpr std::string_view k_block_keys[] = {
    "id",           "title",          "kind",          "positions",
    "params",       "requires",       "bad_gate",      "declared_max",
    "points",       "match_points",   "nomatch_points", "bad_deduction",
    "lone_bad_counts_presence"};
constexpr std::string_view k_kinds[] = {"indicator_set", "checklist", "binary"};
constexpr std::string_view k_clusters_keys[] = {"k", "min_values"};
constexpr std::string_view k_recommendation_keys[] = {"when", "indicator", "input", "text", "min_gap"};
constexpr std::string_view k_recommendation_settings_keys[] = {"min_gap", "per_school", "min_denominator"};
constexpr std::string_view k_whens[] = {"below_target", "below_median", "document_missing",
                                        "no_positive_dynamics", "bottom_quartile"};
constexpr std::string_view k_placeholders[] = {"school", "indicator", "input",    "value", "target",
                                               "median", "gap",       "previous", "change", "year"};

std::string q(std::string_view s) { return "«" + std::string(s) + "»"; }

// Points as the method prints them: "24", "0,5".
std::string points_text(double v) {
  char buf[32];
  if (std::abs(v - std::round(v)) < 1e-9) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.2f", v);
  }
  std::string s(buf);
  if (const auto dot = s.find('.'); dot != std::string::npos) {
    s[dot] = ',';
    while (s.back() == '0') s.pop_back();
  }
  return s;
}

struct State {
  const std::string& file_name;
  const model::Definition& def;
  SourceMap lines;
  std::vector<Diagnostic> out;
  model::Rubric rubric;
  // Named position sets from [positions].
  std::map<std::string, std::vector<model::RubricPosition>> sets;
};

model::Location top_location(const State& st, std::string_view key, const toml::node* node) {
  model::Location where;
  where.file = st.file_name;
  where.line = node != nullptr ? std::max(1, static_cast<int>(node->source().begin.line)) : 1;
  where.key = std::string(key);
  return where;
}

const toml::table* table_of(State& st, const toml::table& root, std::string_view name) {
  const auto* node = root.get(name);
  if (node == nullptr) return nullptr;
  if (const auto* t = node->as_table()) return t;
  st.out.push_back(Diagnostic::error(top_location(st, name, node),
                                     q(name) + " должен быть разделом [" + std::string(name) + "]",
                                     "запишите раздел строкой [" + std::string(name) + "]"));
  return nullptr;
}

std::vector<const toml::table*> tables_of(State& st, const toml::table& root,
                                          std::string_view name) {
  return array_of_tables(root, name, st.file_name, st.out);
}

std::string item(std::string_view section, std::size_t i) {
  return std::string(section) + "[" + std::to_string(i + 1) + "]";
}

// ------------------------------------------------------------------ [rubric]

void read_header(State& st, const toml::table& t) {
  TableReader r(t, "rubric", "[rubric]", st.file_name, st.lines, st.out);
  r.reject_unknown(k_rubric_keys);
  auto& rb = st.rubric;
  rb.line = r.line();
  rb.id = r.text("id", true).value_or("");
  rb.title = r.text("title", true).value_or("");
  rb.source = r.text("source", false).value_or("");
  rb.declared_total = r.number("declared_total");
  if (const auto share = r.number("municipal_yes_share")) {
    if (*share <= 0 || *share > 100) {
      r.error("municipal_yes_share", "доля ОО с ответом «Да» должна быть от 0 (не включая) до 100",
              "укажите процент, например municipal_yes_share = 50", points_text(*share));
    } else {
      rb.municipal_yes_share = *share;
    }
  }
  if (const auto* node = r.node("levels")) {
    const auto* lt = node->as_table();
    if (lt == nullptr) {
      r.error("levels", "ключ «levels» должен быть таблицей { high = …, medium = … }",
              "запишите levels = { high = 80, medium = 50 }", render_value(*node));
      return;
    }
    TableReader lr(*lt, "rubric.levels", "levels", st.file_name, st.lines, st.out);
    lr.reject_unknown(k_level_keys);
    const auto high = lr.number("high");
    const auto medium = lr.number("medium");
    if (high) rb.levels.high = *high;
    if (medium) rb.levels.medium = *medium;
    if (rb.levels.medium < 0 || rb.levels.high > 100 || rb.levels.medium >= rb.levels.high) {
      r.error("levels",
              "пороги уровней должны быть процентами от максимума: 0 <= medium < high <= 100",
              "например levels = { high = 80, medium = 50 }",
              points_text(rb.levels.high) + " / " + points_text(rb.levels.medium));
    }
  }
}

// --------------------------------------------------------------- positions

std::vector<model::RubricPosition> read_position_list(State& st, const toml::array& arr,
                                                      const std::string& path) {
  std::vector<model::RubricPosition> out;
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const auto* t = arr[i].as_table();
    const std::string p = path + "[" + std::to_string(i + 1) + "]";
    if (t == nullptr) {
      model::Location where = top_location(st, p, &arr[i]);
      st.out.push_back(Diagnostic::error(where, "позиция оценивания должна быть таблицей { id, name }",
                                         "запишите { id = \"M1\", name = \"…\" }",
                                         render_value(arr[i])));
      continue;
    }
    TableReader r(*t, p, "позиции оценивания", st.file_name, st.lines, st.out);
    constexpr std::string_view keys[] = {"id", "name"};
    r.reject_unknown(keys);
    model::RubricPosition pos;
    pos.id = r.text("id", true).value_or("");
    pos.name = r.text("name", true).value_or("");
    if (!pos.id.empty() && !is_valid_plain_id(pos.id)) {
      r.error("id", "недопустимый id позиции оценивания",
              "используйте латинские буквы, цифры, «_» и «-»", pos.id);
    }
    const bool dup = std::any_of(out.begin(), out.end(),
                                 [&](const auto& o) { return o.id == pos.id; });
    if (dup) r.error("id", "позиция " + q(pos.id) + " указана дважды", "оставьте одну");
    out.push_back(std::move(pos));
  }
  return out;
}

void read_position_sets(State& st, const toml::table& t) {
  for (const auto& [key, value] : t) {
    const std::string name(key.str());
    const std::string path = "positions." + name;
    const auto* arr = value.as_array();
    if (arr == nullptr) {
      st.out.push_back(Diagnostic::error(
          top_location(st, path, &value), "набор позиций " + q(name) + " должен быть списком",
          "запишите " + name + " = [ { id = \"M1\", name = \"…\" } ]", render_value(value)));
      continue;
    }
    st.sets[name] = read_position_list(st, *arr, path);
  }
}

// ------------------------------------------------------------------ blocks

std::vector<model::RubricParam> read_params(State& st, TableReader& r) {
  std::vector<model::RubricParam> out;
  const auto* node = r.node("params");
  if (node == nullptr) return out;
  const auto* arr = node->as_array();
  if (arr == nullptr) {
    r.error("params", "ключ «params» должен быть списком параметров",
            "запишите params = [ \"Наличие\", \"Сроки\" ] или таблицами { id, title, points }",
            render_value(*node));
    return out;
  }
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const auto& el = (*arr)[i];
    model::RubricParam p;
    p.id = "p" + std::to_string(i + 1);
    const std::string path = r.path() + ".params[" + std::to_string(i + 1) + "]";
    if (const auto* s = el.as_string()) {
      p.title = s->get();
    } else if (const auto* t = el.as_table()) {
      TableReader pr(*t, path, "параметре оценивания", st.file_name, st.lines, st.out);
      constexpr std::string_view keys[] = {"id", "title", "points"};
      pr.reject_unknown(keys);
      p.id = pr.text("id", true).value_or(p.id);
      p.title = pr.text("title", true).value_or("");
      p.points = pr.number("points").value_or(1);
      if (!is_valid_field_id(p.id)) {
        pr.error("id", "недопустимый id параметра", "латинские строчные буквы, цифры и «_»", p.id);
      }
    } else {
      r.error("params", "параметр должен быть строкой или таблицей { id, title, points }", {},
              render_value(el));
      continue;
    }
    if (std::any_of(out.begin(), out.end(), [&](const auto& o) { return o.id == p.id; })) {
      r.error("params", "параметр " + q(p.id) + " указан дважды", "дайте параметрам разные id");
    }
    out.push_back(std::move(p));
  }
  return out;
}

void read_block_positions(State& st, TableReader& r, model::RubricBlock& b) {
  const auto* node = r.node("positions");
  if (node == nullptr) {
    r.error("positions", "в [[block]] не указаны позиции оценивания",
            "добавьте positions = \"core\" (набор из [positions]) или список { id, name }");
    return;
  }
  if (const auto* s = node->as_string()) {
    const auto it = st.sets.find(s->get());
    if (it == st.sets.end()) {
      std::vector<std::string> names;
      for (const auto& [n, _] : st.sets) names.push_back(n);
      r.error("positions", "нет набора позиций " + q(s->get()) + " в разделе [positions]",
              choose_hint(s->get(), names, "наборы"), s->get());
      return;
    }
    b.positions = it->second;
  } else if (const auto* arr = node->as_array()) {
    b.positions = read_position_list(st, *arr, r.path() + ".positions");
  } else {
    r.error("positions", "ключ «positions» должен быть именем набора или списком позиций", {},
            render_value(*node));
    return;
  }
  if (b.positions.empty()) r.error("positions", "у блока нет ни одной позиции оценивания");
}

void compute_limits(model::RubricBlock& b) {
  const auto n = static_cast<double>(b.positions.size());
  if (b.kind == model::RubricKind::indicator_set) {
    b.computed_max = n * std::max(b.match_points, b.nomatch_points);
    b.computed_min = n * std::min(0.0, b.bad_deduction);
    return;
  }
  double per = 0;
  for (const auto& p : b.params) per += std::max(0.0, p.points);
  b.computed_max = n * per;
  b.computed_min = 0;
}

void read_block(State& st, const toml::table& t, std::size_t index) {
  TableReader r(t, item("block", index), "[[block]]", st.file_name, st.lines, st.out);
  r.reject_unknown(k_block_keys);
  model::RubricBlock b;
  b.line = r.line();
  b.id = r.text("id", true).value_or("");
  b.title = r.text("title", true).value_or("");
  if (!b.id.empty() && !is_valid_plain_id(b.id)) {
    r.error("id", "недопустимый id блока", "латинские буквы, цифры, «_» и «-»", b.id);
  }
  if (st.rubric.find_block(b.id) != nullptr) {
    r.error("id", "блок " + q(b.id) + " описан дважды", "дайте блокам разные id", b.id);
  }
  const auto kind = r.choice("kind", k_kinds, true);
  b.kind = !kind || *kind == "checklist" ? model::RubricKind::checklist
           : *kind == "binary"           ? model::RubricKind::binary
                                         : model::RubricKind::indicator_set;
  read_block_positions(st, r, b);
  b.declared_max = r.number("declared_max");

  if (b.kind == model::RubricKind::indicator_set) {
    const std::string why = "блок вида indicator_set считает баллы по показателям позиции";
    r.reject_present("params", why);
    r.reject_present("requires", why);
    r.reject_present("bad_gate", why);
    r.reject_present("points", why);
    b.match_points = r.number("match_points").value_or(2);
    b.nomatch_points = r.number("nomatch_points").value_or(1);
    b.bad_deduction = r.number("bad_deduction").value_or(-1);
    b.lone_bad_counts_presence = r.flag("lone_bad_counts_presence").value_or(false);
    if (b.nomatch_points < 0 || b.match_points < b.nomatch_points) {
      r.error("match_points", "баллы за соответствие цели должны быть не меньше баллов за наличие",
              "например match_points = 2, nomatch_points = 1");
    }
    if (b.bad_deduction > 0) {
      r.error("bad_deduction", "вычет за неэффективные показатели должен быть 0 или отрицательным",
              "запишите bad_deduction = -1", points_text(b.bad_deduction));
    }
  } else {
    const std::string why = "ключ относится к блокам вида indicator_set";
    for (const auto* key : {"match_points", "nomatch_points", "bad_deduction",
                            "lone_bad_counts_presence"}) {
      r.reject_present(key, why);
    }
    b.params = read_params(st, r);
    if (b.kind == model::RubricKind::binary) {
      r.reject_present("requires", "у блока вида binary один параметр");
      r.reject_present("bad_gate", "у блока вида binary один параметр");
      if (b.params.size() > 1) {
        r.error("params", "у блока вида binary должен быть один параметр",
                "разделите блок или выберите kind = \"checklist\"");
      }
      if (b.params.empty()) {
        b.params.push_back({"met", b.title, r.number("points").value_or(1)});
      } else if (r.node("points") != nullptr) {
        b.params[0].points = r.number("points").value_or(b.params[0].points);
      }
    } else {
      r.reject_present("points", "баллы блока checklist задаются в params");
      if (b.params.empty()) {
        r.error("params", "у блока вида checklist не указаны параметры",
                "добавьте params = [ \"Наличие\", \"Сроки\", \"Ответственные\" ]");
      }
      b.bad_gate = r.flag("bad_gate").value_or(false);
      if (const auto gate = r.text("requires", false)) {
        const bool known = std::any_of(b.params.begin(), b.params.end(),
                                       [&](const auto& p) { return p.id == *gate; });
        std::vector<std::string> ids;
        for (const auto& p : b.params) ids.push_back(p.id);
        if (!known) {
          r.error("requires", "в блоке нет параметра " + q(*gate),
                  choose_hint(*gate, ids, "параметры блока"), *gate);
        } else {
          b.gate_param = *gate;
        }
      }
    }
  }
  compute_limits(b);
  if (b.declared_max && std::abs(*b.declared_max - b.computed_max) > 1e-9) {
    st.out.push_back(Diagnostic::warning(
        r.at("declared_max"),
        "блок " + q(b.title) + ": заявленный максимум " + points_text(*b.declared_max) +
            " не равен сумме баллов по строкам " + points_text(b.computed_max) + " (" +
            std::to_string(b.positions.size()) + " поз. × " +
            points_text(b.positions.empty() ? 0 : b.computed_max / static_cast<double>(b.positions.size())) +
            "); используется " + points_text(b.computed_max),
        "исправьте declared_max или добавьте недостающую позицию оценивания",
        points_text(*b.declared_max)));
  }
  st.rubric.blocks.push_back(std::move(b));
}

// ---------------------------------------------------------------- evidence

void read_evidence(State& st, const toml::table& t, std::size_t index) {
  TableReader r(t, item("evidence", index), "[[evidence]]", st.file_name, st.lines, st.out);
  const auto block_id = r.text("block", true);
  const auto position_id = r.text("position", true);
  if (!block_id || !position_id) return;
  auto it = std::find_if(st.rubric.blocks.begin(), st.rubric.blocks.end(),
                         [&](const auto& b) { return b.id == *block_id; });
  if (it == st.rubric.blocks.end()) {
    std::vector<std::string> ids;
    for (const auto& b : st.rubric.blocks) ids.push_back(b.id);
    r.error("block", "нет блока " + q(*block_id), choose_hint(*block_id, ids, "блоки"), *block_id);
    return;
  }
  auto& b = *it;
  if (b.kind == model::RubricKind::indicator_set) {
    r.error("block", "блок " + q(b.title) + " считает баллы по показателям; подтверждения ему не нужны",
            "удалите эту таблицу [[evidence]]", *block_id);
    return;
  }
  const bool has_pos = std::any_of(b.positions.begin(), b.positions.end(),
                                   [&](const auto& p) { return p.id == *position_id; });
  if (!has_pos) {
    std::vector<std::string> ids;
    for (const auto& p : b.positions) ids.push_back(p.id);
    r.error("position", "в блоке " + q(b.title) + " нет позиции " + q(*position_id),
            choose_hint(*position_id, ids, "позиции блока"), *position_id);
    return;
  }
  std::vector<std::string> param_ids;
  for (const auto& p : b.params) param_ids.push_back(p.id);
  for (const auto& [key, value] : t) {
    const std::string name(key.str());
    if (name == "block" || name == "position") continue;
    if (std::find(param_ids.begin(), param_ids.end(), name) == param_ids.end()) {
      r.error(name, "в блоке " + q(b.title) + " нет параметра " + q(name),
              choose_hint(name, param_ids, "параметры блока"));
      continue;
    }
    auto& slot = b.evidence[*position_id];
    if (slot.contains(name)) {
      r.error(name, "подтверждение параметра " + q(name) + " позиции " + q(*position_id) +
                        " уже задано выше",
              "оставьте одно");
      continue;
    }
    if (auto ev = read_evidence_value(r, name, st.def, st.file_name, st.lines, st.out)) {
      slot[name] = std::move(*ev);
    }
  }
}

// ------------------------------------------------------- checks & warnings

void warn_missing_evidence(State& st) {
  for (std::size_t bi = 0; bi < st.rubric.blocks.size(); ++bi) {
    const auto& b = st.rubric.blocks[bi];
    if (b.kind == model::RubricKind::indicator_set) continue;
    std::vector<std::string> missing;
    for (const auto& pos : b.positions) {
      for (std::size_t pi = 0; pi < b.params.size(); ++pi) {
        const auto& p = b.params[pi];
        const bool gated = b.bad_gate && (b.gate_param.empty() ? pi == 0 : p.id == b.gate_param);
        if (gated || b.find_evidence(pos.id, p.id) != nullptr) continue;
        missing.push_back(pos.id + " " + p.id);
      }
    }
    if (missing.empty()) continue;
    model::Location where;
    where.file = st.file_name;
    where.line = b.line > 0 ? b.line : 1;
    where.key = item("block", bi);
    st.out.push_back(Diagnostic::warning(
        where,
        "блок " + q(b.title) + ": у " + std::to_string(missing.size()) +
            " параметров не указан источник подтверждения ([[evidence]]), они получат 0 баллов: " +
            join_list(missing),
        "добавьте [[evidence]] с полем да/нет или условием на показатель"));
  }
}

void warn_positions_without_indicators(State& st) {
  for (std::size_t bi = 0; bi < st.rubric.blocks.size(); ++bi) {
    const auto& b = st.rubric.blocks[bi];
    if (b.kind != model::RubricKind::indicator_set && !b.bad_gate) continue;
    std::vector<std::string> empty;
    for (const auto& pos : b.positions) {
      const auto of_position = [&](const auto& i) { return i.position == pos.id; };
      bool any = std::any_of(st.def.indicators.begin(), st.def.indicators.end(), of_position);
      for (const auto& src : st.def.sources) {
        if (src.definition == nullptr) continue;  // failed to load: an error already
        const auto& inds = src.definition->indicators;
        any = any || std::any_of(inds.begin(), inds.end(), of_position);
      }
      if (!any) empty.push_back(pos.id);
    }
    if (empty.empty()) continue;
    model::Location where;
    where.file = st.file_name;
    where.line = b.line > 0 ? b.line : 1;
    where.key = item("block", bi) + ".positions";
    st.out.push_back(Diagnostic::warning(
        where,
        "блок " + q(b.title) + ": у позиций " + join_list(empty) +
            " нет ни одного показателя (ключ position в [[indicator]]); по ним будет 0 баллов",
        "укажите position у показателей или уберите позицию из блока"));
  }
}

void check_total(State& st, const toml::table* header) {
  auto& rb = st.rubric;
  rb.computed_total = 0;
  for (const auto& b : rb.blocks) rb.computed_total += b.computed_max;
  if (!rb.declared_total || std::abs(*rb.declared_total - rb.computed_total) < 1e-9) return;
  TableReader r(*header, "rubric", "[rubric]", st.file_name, st.lines, st.out);
  std::string parts;
  for (const auto& b : rb.blocks) {
    if (!parts.empty()) parts += " + ";
    parts += points_text(b.computed_max);
  }
  st.out.push_back(Diagnostic::warning(
      r.at("declared_total"),
      "заявленный итог рубрики " + points_text(*rb.declared_total) +
          " не равен сумме максимумов блоков " + points_text(rb.computed_total) + " (" + parts +
          "); используется " + points_text(rb.computed_total),
      "исправьте declared_total или максимумы блоков", points_text(*rb.declared_total)));
}

// ------------------------------------------------ clusters & recommendations

void read_clusters(State& st, const toml::table& t) {
  TableReader r(t, "clusters", "[clusters]", st.file_name, st.lines, st.out);
  r.reject_unknown(k_clusters_keys);
  if (const auto* node = r.node("k")) {
    const auto* i = node->as_integer();
    if (i == nullptr || i->get() < 1 || i->get() > 20) {
      r.error("k", "число групп k должно быть целым от 1 до 20", "например k = 3", render_value(*node));
    } else {
      st.rubric.clusters.k = static_cast<int>(i->get());
    }
  }
  if (const auto mv = r.number("min_values")) {
    if (*mv < 0 || *mv > 100) {
      r.error("min_values", "min_values — процент показателей от 0 до 100", "например min_values = 60",
              points_text(*mv));
    } else {
      st.rubric.clusters.min_values = *mv;
    }
  }
}

void check_placeholders(TableReader& r, const std::string& text) {
  std::size_t pos = 0;
  while ((pos = text.find('{', pos)) != std::string::npos) {
    const auto end = text.find('}', pos);
    if (end == std::string::npos) {
      r.error("text", "в тексте рекомендации не закрыта фигурная скобка", "закройте «{…}»",
              text.substr(pos, 20));
      return;
    }
    const std::string name = text.substr(pos + 1, end - pos - 1);
    if (std::find(std::begin(k_placeholders), std::end(k_placeholders), name) ==
        std::end(k_placeholders)) {
      const std::vector<std::string> names(std::begin(k_placeholders), std::end(k_placeholders));
      r.error("text", "неизвестная подстановка {" + name + "} в тексте рекомендации",
              choose_hint(name, names, "допустимые подстановки"), "{" + name + "}");
    }
    pos = end + 1;
  }
}

std::optional<double> read_min_gap(TableReader& r) {
  const auto gap = r.number("min_gap");
  if (gap && (*gap < 0 || *gap > 100)) {
    r.error("min_gap", "min_gap — наименьший заметный разрыв, число от 0 до 100",
            "например min_gap = 5 (п.п. для долей)", points_text(*gap));
    return std::nullopt;
  }
  return gap;
}

void read_recommendation_settings(State& st, const toml::table& t) {
  TableReader r(t, "recommendations", "[recommendations]", st.file_name, st.lines, st.out);
  r.reject_unknown(k_recommendation_settings_keys);
  auto& s = st.rubric.recommendation_settings;
  if (const auto gap = read_min_gap(r)) s.min_gap = *gap;
  if (const auto* node = r.node("per_school")) {
    const auto* i = node->as_integer();
    if (i == nullptr || i->get() < 1 || i->get() > 50) {
      r.error("per_school", "per_school — сколько рекомендаций ОО называть в тексте, целое от 1 до 50",
              "например per_school = 3", render_value(*node));
    } else {
      s.per_school = static_cast<int>(i->get());
    }
  }
  if (const auto d = r.number("min_denominator")) {
    if (*d < 0 || *d > 1000) {
      r.error("min_denominator",
              "min_denominator — с какого знаменателя доля ОО говорит не об одном-двух людях, число от 0 до 1000",
              "например min_denominator = 5 (0 — не выделять малые знаменатели)", points_text(*d));
    } else {
      s.min_denominator = *d;
    }
  }
}

void read_recommendation(State& st, const toml::table& t, std::size_t index) {
  TableReader r(t, item("recommendation", index), "[[recommendation]]", st.file_name, st.lines,
                st.out);
  r.reject_unknown(k_recommendation_keys);
  model::RecommendationRule rule;
  rule.line = r.line();
  const auto when = r.choice("when", k_whens, true);
  rule.text = r.text("text", true).value_or("");
  check_placeholders(r, rule.text);
  rule.indicator = r.text("indicator", false).value_or("");
  rule.input = r.text("input", false).value_or("");
  rule.min_gap = read_min_gap(r);
  if (!when) return;
  rule.when = *when == "below_target"   ? model::RecommendationWhen::below_target
              : *when == "below_median" ? model::RecommendationWhen::below_median
              : *when == "document_missing"
                  ? model::RecommendationWhen::document_missing
              : *when == "bottom_quartile" ? model::RecommendationWhen::bottom_quartile
                                           : model::RecommendationWhen::no_positive_dynamics;
  if (rule.when == model::RecommendationWhen::document_missing) {
    if (rule.input.empty() == rule.indicator.empty()) {
      r.error("input", "для when = \"document_missing\" укажите одно: input (поле да/нет) или indicator",
              "например input = \"doc_mentoring_regulation\"");
      return;
    }
    if (!rule.indicator.empty()) {
      const auto* ind = st.def.find_indicator(rule.indicator);
      if (ind == nullptr || ind->kind != model::IndicatorKind::yesno) {
        r.error("indicator", "для document_missing нужен показатель вида yesno", {}, rule.indicator);
        return;
      }
      rule.input = ind->input;
      rule.indicator.clear();
    }
    const auto* in = st.def.find_input(rule.input);
    if (in == nullptr || in->kind != model::InputKind::yesno) {
      r.error("input", "нет поля да/нет " + q(rule.input), "укажите id поля вида yesno", rule.input);
      return;
    }
  } else {
    r.reject_present("input", "условие " + *when + " проверяет показатель (indicator)");
    if (rule.indicator.empty()) {
      r.error("indicator", "для when = \"" + *when + "\" не указан показатель",
              "добавьте indicator = \"id показателя\"");
      return;
    }
    const auto* ind = st.def.find_indicator(rule.indicator);
    if (ind == nullptr) {
      std::vector<std::string> ids;
      for (const auto& i : st.def.indicators) ids.push_back(i.id);
      r.error("indicator", "нет показателя " + q(rule.indicator),
              choose_hint(rule.indicator, ids, "показатели"), rule.indicator);
      return;
    }
    if (rule.when == model::RecommendationWhen::below_target && ind->targets.empty()) {
      st.out.push_back(Diagnostic::warning(
          r.at("when"), "у показателя " + q(rule.indicator) +
                            " нет целевых значений: рекомендация не будет выдана",
          "задайте targets или используйте when = \"below_median\""));
    }
  }
  st.rubric.recommendations.push_back(std::move(rule));
}

bool by_line(const Diagnostic& a, const Diagnostic& b) {
  return a.where.line.value_or(0) < b.where.line.value_or(0);
}

}  // namespace

model::ExpectedAll<LoadedRubric> parse_rubric(const toml::table& root, const std::string& file_name,
                                              const model::Definition& def) {
  const bool any = std::any_of(std::begin(k_rubric_top_keys), std::end(k_rubric_top_keys),
                               [&](std::string_view k) { return root.contains(k); });
  if (!any) return LoadedRubric{};
  State st{file_name, def, {}, {}, {}, {}};

  const auto* header = table_of(st, root, "rubric");
  if (header != nullptr) read_header(st, *header);
  if (const auto* sets = table_of(st, root, "positions")) read_position_sets(st, *sets);
  const auto blocks = tables_of(st, root, "block");
  if (!blocks.empty() && header == nullptr && root.get("rubric") == nullptr) {
    st.out.push_back(Diagnostic::error(top_location(st, "block", root.get("block")),
                                       "блоки рубрики [[block]] заданы без раздела [rubric]",
                                       "добавьте раздел [rubric] с ключами id и title"));
  }
  for (std::size_t i = 0; i < blocks.size(); ++i) read_block(st, *blocks[i], i);
  const auto evidence = tables_of(st, root, "evidence");
  for (std::size_t i = 0; i < evidence.size(); ++i) read_evidence(st, *evidence[i], i);
  if (header != nullptr) check_total(st, header);
  warn_missing_evidence(st);
  warn_positions_without_indicators(st);
  if (const auto* cl = table_of(st, root, "clusters")) read_clusters(st, *cl);
  if (const auto* rs = table_of(st, root, "recommendations")) read_recommendation_settings(st, *rs);
  const auto recs = tables_of(st, root, "recommendation");
  for (std::size_t i = 0; i < recs.size(); ++i) read_recommendation(st, *recs[i], i);

  std::stable_sort(st.out.begin(), st.out.end(), by_line);
  std::vector<Diagnostic> errors;
  std::vector<Diagnostic> warnings;
  for (auto& d : st.out) {
    (d.severity == model::Severity::error ? errors : warnings).push_back(std::move(d));
  }
  if (!errors.empty()) return std::unexpected(std::move(errors));
  return LoadedRubric{std::move(st.rubric), std::move(warnings)};
}

}  // namespace definition
