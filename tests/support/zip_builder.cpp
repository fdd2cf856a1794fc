#include "support/zip_builder.h"

#include <zip.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "support/temp_dir.h"

namespace test {

ZipBuilder& ZipBuilder::add(std::string name, std::string content, bool store) {
  m_entries.push_back({std::move(name), std::move(content), store});
  return *this;
}

std::string ZipBuilder::bytes() const {
  TempDir dir;
  const auto path = dir / "archive.zip";
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (z == nullptr) throw std::runtime_error("zip_open failed");
  for (const auto& e : m_entries) {
    zip_source_t* src = zip_source_buffer(z, e.content.data(), e.content.size(), 0);
    const auto index = zip_file_add(z, e.name.c_str(), src, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(src);
      zip_discard(z);
      throw std::runtime_error("zip_file_add failed: " + e.name);
    }
    zip_set_file_compression(z, static_cast<zip_uint64_t>(index),
                             e.store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
  }
  if (zip_close(z) != 0) {
    zip_discard(z);
    throw std::runtime_error("zip_close failed");
  }
  return read_file(path);
}

namespace {

constexpr const char* k_main_transitional = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* k_main_strict = "http://purl.oclc.org/ooxml/spreadsheetml/main";
constexpr const char* k_rel_transitional = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* k_rel_strict = "http://purl.oclc.org/ooxml/officeDocument/relationships";

// Adds the "x:" prefix to every element of `xml` when `on`.
std::string prefix_elements(const std::string& xml, bool on) {
  if (!on) return xml;
  std::string out;
  for (std::size_t i = 0; i < xml.size(); ++i) {
    out.push_back(xml[i]);
    if (xml[i] == '<' && i + 1 < xml.size() && xml[i + 1] != '?' && xml[i + 1] != '!') {
      if (xml[i + 1] == '/') {
        out.push_back('/');
        ++i;
      }
      out += "x:";
    }
  }
  return out;
}

// Inserts `attrs` into the first start tag of `xml` (the root element).
std::string add_attrs(std::string xml, const std::string& attrs) {
  xml.insert(xml.find('>'), attrs);
  return xml;
}

}  // namespace

XlsxPackage& XlsxPackage::sheet(std::string name, std::string rows_xml, std::string state) {
  m_sheets.emplace_back(std::move(name), std::move(rows_xml));
  m_states.push_back(std::move(state));
  return *this;
}
XlsxPackage& XlsxPackage::shared_strings(std::string si_xml) {
  m_sst = std::move(si_xml);
  m_has_sst = true;
  return *this;
}
XlsxPackage& XlsxPackage::styles(std::string num_fmts_xml, std::string cell_xfs_xml) {
  m_num_fmts = std::move(num_fmts_xml);
  m_xfs = std::move(cell_xfs_xml);
  m_has_styles = true;
  return *this;
}
XlsxPackage& XlsxPackage::defined_names(std::string xml) {
  m_names = std::move(xml);
  return *this;
}
XlsxPackage& XlsxPackage::date1904() {
  m_1904 = true;
  return *this;
}
XlsxPackage& XlsxPackage::strict() {
  m_strict = true;
  return *this;
}
XlsxPackage& XlsxPackage::absolute_targets() {
  m_absolute = true;
  return *this;
}
XlsxPackage& XlsxPackage::prefixed() {
  m_prefixed = true;
  return *this;
}
XlsxPackage& XlsxPackage::part(std::string name, std::string content) {
  m_parts.emplace_back(std::move(name), std::move(content));
  return *this;
}

ZipBuilder XlsxPackage::zip(bool store) const {
  const std::string main_ns = m_strict ? k_main_strict : k_main_transitional;
  const std::string rel_ns = m_strict ? k_rel_strict : k_rel_transitional;
  const std::string ns_attr = m_prefixed ? " xmlns:x=\"" + main_ns + "\"" : " xmlns=\"" + main_ns + "\"";
  const std::string decl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

  std::vector<std::pair<std::string, std::string>> parts;
  parts.emplace_back("[Content_Types].xml",
                     decl + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                            "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
  parts.emplace_back("_rels/.rels",
                     decl + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            "<Relationship Id=\"rId1\" Type=\"" + rel_ns + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                            "</Relationships>");
  std::string sheets, rels;
  const std::size_t n = m_sheets.size();
  for (std::size_t i = 0; i < n; ++i) {
    // Sheet files numbered in reverse under absolute_targets() so that file
    // order and workbook order differ.
    const std::size_t file_no = m_absolute ? n - i : i + 1;
    const std::string id = "rId" + std::to_string(100 + i);
    sheets += "<sheet name=\"" + m_sheets[i].first + "\" sheetId=\"" + std::to_string(i + 1) + "\"" +
              (m_states[i].empty() ? "" : " state=\"" + m_states[i] + "\"") + " r:id=\"" + id + "\"/>";
    const std::string target = (m_absolute ? "/xl/" : "") + std::string("worksheets/sheet") +
                               std::to_string(file_no) + ".xml";
    rels += "<Relationship Id=\"" + id + "\" Type=\"" + rel_ns + "/worksheet\" Target=\"" + target + "\"/>";
    parts.emplace_back("xl/worksheets/sheet" + std::to_string(file_no) + ".xml",
                       decl + add_attrs(prefix_elements("<worksheet><sheetData>" + m_sheets[i].second +
                                                            "</sheetData></worksheet>",
                                                        m_prefixed),
                                        ns_attr));
  }
  if (m_has_sst) {
    rels += "<Relationship Id=\"rId1\" Type=\"" + rel_ns + "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
    parts.emplace_back("xl/sharedStrings.xml",
                       decl + add_attrs(prefix_elements("<sst>" + m_sst + "</sst>", m_prefixed), ns_attr));
  }
  if (m_has_styles) {
    rels += "<Relationship Id=\"rId2\" Type=\"" + rel_ns + "/styles\" Target=\"styles.xml\"/>";
    parts.emplace_back("xl/styles.xml",
                       decl + add_attrs(prefix_elements("<styleSheet><numFmts>" + m_num_fmts +
                                                            "</numFmts><cellXfs>" + m_xfs +
                                                            "</cellXfs></styleSheet>",
                                                        m_prefixed),
                                        ns_attr));
  }
  const std::string workbook = prefix_elements(
      "<workbook>" + std::string(m_1904 ? "<workbookPr date1904=\"1\"/>" : "") + "<sheets>" + sheets +
          "</sheets>" + (m_names.empty() ? "" : "<definedNames>" + m_names + "</definedNames>") +
          "</workbook>",
      m_prefixed);
  parts.emplace_back("xl/workbook.xml",
                     decl + add_attrs(workbook, ns_attr + " xmlns:r=\"" + rel_ns + "\""));
  parts.emplace_back("xl/_rels/workbook.xml.rels",
                     decl + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                         rels + "</Relationships>");
  for (const auto& [name, content] : m_parts) {
    bool replaced = false;
    for (auto& p : parts)
      if (p.first == name) {
        p.second = content;
        replaced = true;
      }
    if (!replaced) parts.emplace_back(name, content);
  }
  ZipBuilder zip;
  for (auto& [name, content] : parts) zip.add(name, content, store);
  return zip;
}

}  // namespace test
