#include "model/form_fields.h"

#include <array>
#include <charconv>

namespace model::form {

namespace {

constexpr char k_sep = ';';

std::optional<double> parse_number(std::string_view s) {
  double v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<InputKind> parse_kind(std::string_view s) {
  for (const auto k : {InputKind::count, InputKind::yesno, InputKind::text}) {
    if (s == to_string(k)) return k;
  }
  return std::nullopt;
}

// A limit as a methodist reads it: "12,5"; "не задано" when absent.
std::string limit_text(const std::optional<double>& v) {
  if (!v) return "не задано";
  std::string s = plain_number(*v);
  if (const auto dot = s.find('.'); dot != std::string::npos) s[dot] = ',';
  return s;
}

std::string in_quotes(std::string_view s) { return "«" + std::string(s) + "»"; }

void describe(const FieldSpec& was, const FieldSpec& now, const std::string& field,
              std::vector<std::string>& out) {
  if (was.label != now.label) {
    out.push_back("поле " + in_quotes(now.label) + ": текст на форме был " + in_quotes(was.label));
  }
  if (was.kind != now.kind) {
    out.push_back(field + ": вид был " + in_quotes(field_kind_name(was.kind)) + ", стал " +
                  in_quotes(field_kind_name(now.kind)));
  }
  if (was.required != now.required) {
    out.push_back(field + (now.required ? ": было необязательным, стало обязательным"
                                        : ": было обязательным, стало необязательным"));
  }
  if (was.min != now.min) {
    out.push_back(field + ": наименьшее значение было " + limit_text(was.min) + ", стало " +
                  limit_text(now.min));
  }
  if (was.max != now.max) {
    out.push_back(field + ": наибольшее значение было " + limit_text(was.max) + ", стало " +
                  limit_text(now.max));
  }
  if (was.not_more_than != now.not_more_than) {
    const auto bound = [](const std::string& id) { return id.empty() ? std::string("не задано") : in_quotes(id); };
    out.push_back(field + ": ограничение «не больше поля» было " + bound(was.not_more_than) +
                  ", стало " + bound(now.not_more_than));
  }
}

}  // namespace

std::string plain_number(double v) {
  std::array<char, 32> buf{};
  const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v);
  return ec == std::errc{} ? std::string(buf.data(), end) : std::string("0");
}

FieldSpec field_spec(const InputDef& in) {
  return {in.kind, in.required, in.min, in.max, in.not_more_than, in.label};
}

std::string to_text(const FieldSpec& spec) {
  std::string out = to_string(spec.kind);
  out += k_sep;
  out += spec.required ? "1" : "0";
  out += k_sep;
  if (spec.min) out += plain_number(*spec.min);
  out += k_sep;
  if (spec.max) out += plain_number(*spec.max);
  out += k_sep;
  out += spec.not_more_than;
  out += k_sep;
  out += spec.label;
  return out;
}

std::optional<FieldSpec> parse_field_spec(std::string_view text) {
  std::array<std::string_view, 5> parts;
  for (auto& part : parts) {
    const auto sep = text.find(k_sep);
    if (sep == std::string_view::npos) return std::nullopt;
    part = text.substr(0, sep);
    text.remove_prefix(sep + 1);
  }
  FieldSpec spec;
  const auto kind = parse_kind(parts[0]);
  if (!kind || (parts[1] != "0" && parts[1] != "1")) return std::nullopt;
  spec.kind = *kind;
  spec.required = parts[1] == "1";
  if (!parts[2].empty()) {
    spec.min = parse_number(parts[2]);
    if (!spec.min) return std::nullopt;
  }
  if (!parts[3].empty()) {
    spec.max = parse_number(parts[3]);
    if (!spec.max) return std::nullopt;
  }
  spec.not_more_than = std::string(parts[4]);
  spec.label = std::string(text);
  return spec;
}

std::string field_kind_name(InputKind kind) {
  switch (kind) {
    case InputKind::count: return "количество";
    case InputKind::yesno: return "да/нет";
    case InputKind::text: return "текст";
  }
  return "количество";
}

std::vector<std::string> form_changes(const std::map<std::string, FieldSpec>& made_with,
                                      const Definition& current) {
  std::vector<std::string> out;
  for (const auto& in : current.inputs) {
    const auto it = made_with.find(in.id);
    if (it == made_with.end()) {
      out.push_back("добавлено поле " + in_quotes(in.label));
      continue;
    }
    describe(it->second, field_spec(in), "поле " + in_quotes(in.label), out);
  }
  for (const auto& [id, spec] : made_with) {
    if (current.find_input(id) == nullptr) out.push_back("убрано поле " + in_quotes(spec.label));
  }
  return out;
}

}  // namespace model::form
