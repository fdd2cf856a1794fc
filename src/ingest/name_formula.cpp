#include "ingest/name_formula.h"

namespace ingest {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Reads a quoted sheet name at the start of `s` ("'It''s'"), unescaping ''.
// Leaves `s` after the closing quote.
std::optional<std::string> take_quoted(std::string_view& s) {
  std::string name;
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] != '\'') {
      name.push_back(s[i]);
    } else if (i + 1 < s.size() && s[i + 1] == '\'') {
      name.push_back('\'');
      ++i;
    } else {
      s.remove_prefix(i + 1);
      return name;
    }
  }
  return std::nullopt;
}

std::optional<model::CellRef> parse_area(std::string_view area) {
  const auto colon = area.find(':');
  if (colon == std::string_view::npos) return model::parse_cell_ref(area);
  const auto a = model::parse_cell_ref(area.substr(0, colon));
  const auto b = model::parse_cell_ref(area.substr(colon + 1));
  if (!a || !b || *a != *b) return std::nullopt;
  return a;
}

}  // namespace

std::optional<CellTarget> parse_cell_formula(std::string_view formula) {
  auto s = trim(formula);
  if (!s.empty() && s.front() == '=') s = trim(s.substr(1));
  CellTarget target;
  bool quoted = false;
  if (s.size() > 1 && s[0] == '$' && s[1] == '\'') {  // LibreOffice: $'Форма'.$C$7
    s.remove_prefix(1);
    auto name = take_quoted(s);
    if (!name || s.empty() || s.front() != '.') return std::nullopt;
    target.sheet = std::move(*name);
    quoted = true;
    s.remove_prefix(1);
  } else if (!s.empty() && s.front() == '\'') {
    auto name = take_quoted(s);
    if (!name || s.empty() || s.front() != '!') return std::nullopt;
    target.sheet = std::move(*name);
    quoted = true;
    s.remove_prefix(1);
  } else if (const auto bang = s.rfind('!'); bang != std::string_view::npos) {
    target.sheet = std::string(s.substr(0, bang));
    s.remove_prefix(bang + 1);
  } else if (!s.empty() && s.front() == '$' && s.find('.') != std::string_view::npos) {
    const auto dot = s.find('.');  // LibreOffice: $Form.$C$7
    target.sheet = std::string(s.substr(1, dot - 1));
    s.remove_prefix(dot + 1);
  }
  // Sheet names never hold [ or ] (external references do); unquoted ones
  // hold no quotes, "!" or "," either (those mean several areas).
  if (target.sheet.find_first_of(quoted ? "[]" : "[]'!,") != std::string::npos) return std::nullopt;
  if (s.find(',') != std::string_view::npos) return std::nullopt;
  const auto cell = parse_area(s);
  if (!cell) return std::nullopt;
  target.cell = *cell;
  return target;
}

}  // namespace ingest
