#include "ingest/workbook_part.h"

#include "ingest/xml_reader.h"
#include "ingest/xml_text.h"

namespace ingest {

namespace {

// Names and formulas are short; anything longer is not a form's name.
constexpr std::size_t k_max_name_formula = 64 * 1024;

class WorkbookHandler final : public XmlHandler {
 public:
  WorkbookHandler(WorkbookPart& out, std::size_t max_sheets) : m_out(out), m_max_sheets(max_sheets) {}

  Status start(std::string_view name, const XmlAttrs& attrs) override {
    if (name == "workbookPr") {
      const auto v = attrs.get("date1904").value_or("0");
      m_out.date1904 = v == "1" || v == "true";
    } else if (name == "sheet") {
      if (m_out.sheets.size() >= m_max_sheets)
        return make_error("в книге больше " + std::to_string(m_max_sheets) +
                              " листов — это не похоже на школьную форму",
                          "Удалите лишние листы, оставьте только форму и отправьте снова");
      SheetEntry sheet;
      sheet.name = attrs.get("name").value_or("");
      decode_ooxml_escapes(sheet.name);
      sheet.rel_id = attrs.get("id").value_or("");
      const auto state = attrs.get("state").value_or("visible");
      sheet.state = state == "hidden"       ? SheetState::hidden
                    : state == "veryHidden" ? SheetState::very_hidden
                                            : SheetState::visible;
      m_out.sheets.push_back(std::move(sheet));
    } else if (name == "definedName") {
      m_in_name = true;
      m_name = {};
      m_name.name = attrs.get("name").value_or("");
      if (const auto local = attrs.get("localSheetId"))
        if (const auto index = parse_index(*local)) m_name.local_sheet = *index;
    }
    return std::nullopt;
  }

  Status end(std::string_view name) override {
    if (name == "definedName" && m_in_name) {
      m_in_name = false;
      const bool builtin = m_name.name.rfind("_xlnm.", 0) == 0;
      if (!builtin && !m_name.name.empty()) m_out.names.push_back(std::move(m_name));
    }
    return std::nullopt;
  }

  Status text(std::string_view chunk) override {
    if (m_in_name && m_name.formula.size() + chunk.size() <= k_max_name_formula)
      m_name.formula.append(chunk);
    return std::nullopt;
  }

 private:
  WorkbookPart& m_out;
  std::size_t m_max_sheets;
  DefinedName m_name;
  bool m_in_name = false;
};

}  // namespace

Status read_workbook_part(const ZipArchive& zip, const std::string& entry, ReadBudget& budget,
                          WorkbookPart& out) {
  out = {};
  WorkbookHandler handler(out, budget.limits().max_sheets);
  return parse_xml_entry(zip, entry, budget, handler);
}

}  // namespace ingest
