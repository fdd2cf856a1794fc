// Hand-assembled zip archives and .xlsx packages for reader tests: what
// libxlsxwriter cannot produce (inline strings, cells without r="…", strict
// namespaces, 1904 dates, rich text, entity declarations, odd part names).
//
//   const auto bytes = test::XlsxPackage()
//                          .sheet("Форма", R"(<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>)")
//                          .zip().bytes();
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace test {

class ZipBuilder {
 public:
  // Adds an entry; `store` keeps it uncompressed.
  ZipBuilder& add(std::string name, std::string content, bool store = false);
  // The archive's bytes (written with libzip; throws std::runtime_error on failure).
  std::string bytes() const;

 private:
  struct Entry {
    std::string name, content;
    bool store = false;
  };
  std::vector<Entry> m_entries;
};

// A minimal SpreadsheetML package. Namespaces are transitional unless strict().
class XlsxPackage {
 public:
  // `rows_xml` goes inside <sheetData>; `state` is "", "hidden" or "veryHidden".
  XlsxPackage& sheet(std::string name, std::string rows_xml, std::string state = {});
  // Raw <si> elements: "<si><t>a</t></si>".
  XlsxPackage& shared_strings(std::string si_xml);
  // Raw content of <numFmts> and <cellXfs>: "<xf numFmtId=\"9\"/>".
  XlsxPackage& styles(std::string num_fmts_xml, std::string cell_xfs_xml);
  // Raw <definedName> elements.
  XlsxPackage& defined_names(std::string xml);
  XlsxPackage& date1904();
  XlsxPackage& strict();
  // Absolute "/xl/worksheets/sheetN.xml" targets and reversed sheet file order.
  XlsxPackage& absolute_targets();
  // Prefix every SpreadsheetML element with "x:" (as some producers do).
  XlsxPackage& prefixed();
  // Replace a generated part, or add an extra one.
  XlsxPackage& part(std::string name, std::string content);

  // `store`: entries uncompressed (fuzz seeds: mutations then hit the XML).
  ZipBuilder zip(bool store = false) const;

 private:
  std::vector<std::pair<std::string, std::string>> m_sheets;
  std::vector<std::string> m_states;
  std::string m_sst, m_num_fmts, m_xfs, m_names;
  bool m_has_sst = false, m_has_styles = false, m_1904 = false, m_strict = false;
  bool m_absolute = false, m_prefixed = false;
  std::vector<std::pair<std::string, std::string>> m_parts;
};

}  // namespace test
