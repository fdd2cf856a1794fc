#include "ingest/styles.h"

#include <unordered_map>

#include "ingest/xml_reader.h"
#include "ingest/xml_text.h"

namespace ingest {

NumberKind classify_builtin_format(std::uint32_t id) {
  if (id == 9 || id == 10) return NumberKind::percent;
  if ((id >= 14 && id <= 17) || id == 22) return NumberKind::date;
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return NumberKind::time;
  return NumberKind::plain;
}

NumberKind classify_format_code(std::string_view code) {
  bool day = false, time = false, month_or_minute = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {  // literal text
      const auto close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {  // escaped char, padding, fill
      ++i;
    } else if (c == '[') {  // [Red], [$-419], [>100]; but [h], [mm], [ss] are elapsed time
      const auto close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      const auto inner = code.substr(i + 1, close - i - 1);
      if (!inner.empty() && inner.find_first_not_of("hHmMsS") == std::string_view::npos)
        time = true;
      i = close;
    } else if (c == '%') {
      return NumberKind::percent;
    } else if (std::string_view("yYdD").find(c) != std::string_view::npos) {
      day = true;
    } else if (std::string_view("hHsS").find(c) != std::string_view::npos) {
      time = true;
    } else if (c == 'm' || c == 'M') {
      month_or_minute = true;
    }
  }
  // "m" is a month next to y/d or alone ("mmmm"), a minute next to h/s.
  if (day) return NumberKind::date;
  if (time) return NumberKind::time;
  return month_or_minute ? NumberKind::date : NumberKind::plain;
}

namespace {

class StylesHandler final : public XmlHandler {
 public:
  explicit StylesHandler(std::vector<NumberKind>& kinds) : m_kinds(kinds) {}

  Status start(std::string_view name, const XmlAttrs& attrs) override {
    if (name == "numFmt") {
      const auto id = parse_index(attrs.get("numFmtId").value_or(""));
      if (id) m_custom[*id] = classify_format_code(attrs.get("formatCode").value_or(""));
    } else if (name == "cellXfs") {
      m_in_cell_xfs = true;
    } else if (name == "xf" && m_in_cell_xfs) {
      const auto id = parse_index(attrs.get("numFmtId").value_or("0")).value_or(0);
      const auto it = m_custom.find(id);
      m_kinds.push_back(it != m_custom.end() ? it->second : classify_builtin_format(id));
    }
    return std::nullopt;
  }
  Status end(std::string_view name) override {
    if (name == "cellXfs") {
      m_in_cell_xfs = false;
      m_done = true;
    }
    return std::nullopt;
  }
  Status text(std::string_view) override { return std::nullopt; }
  // Number formats come before the cell formats: what follows (cell styles,
  // differential formats, table styles, extensions) is not needed.
  bool finished() const override { return m_done; }

 private:
  std::vector<NumberKind>& m_kinds;
  std::unordered_map<std::uint32_t, NumberKind> m_custom;
  bool m_in_cell_xfs = false;
  bool m_done = false;
};

}  // namespace

Status read_styles(const ZipArchive& zip, const std::string& entry, ReadBudget& budget,
                   CellStyles& out) {
  out.kinds().clear();
  StylesHandler handler(out.kinds());
  return parse_xml_entry(zip, entry, budget, handler);
}

}  // namespace ingest
