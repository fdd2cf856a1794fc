#include "report/docx_package.h"

#include <zip.h>

#include <ctime>
#include <memory>
#include <system_error>

#include "util/atomic_file.h"
#include "util/zip_handle.h"

namespace report::docx {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_xml_header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* k_w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* k_r_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* k_rel_ns = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* k_doc_rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

std::string content_types() {
  const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  return std::string(k_xml_header) +
         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/word/document.xml\" ContentType=\"" + wml + "document.main+xml\"/>"
         "<Override PartName=\"/word/styles.xml\" ContentType=\"" + wml + "styles+xml\"/>"
         "<Override PartName=\"/word/settings.xml\" ContentType=\"" + wml + "settings+xml\"/>"
         "<Override PartName=\"/word/footer1.xml\" ContentType=\"" + wml + "footer+xml\"/>"
         "<Override PartName=\"/docProps/core.xml\" "
         "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
         "<Override PartName=\"/docProps/app.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
         "</Types>";
}

std::string package_rels() {
  return std::string(k_xml_header) + "<Relationships xmlns=\"" + k_rel_ns + "\">" +
         "<Relationship Id=\"rId1\" Type=\"" + k_doc_rel + "officeDocument\" Target=\"word/document.xml\"/>" +
         "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/"
         "metadata/core-properties\" Target=\"docProps/core.xml\"/>" +
         "<Relationship Id=\"rId3\" Type=\"" + k_doc_rel + "extended-properties\" Target=\"docProps/app.xml\"/>" +
         "</Relationships>";
}

std::string document_rels() {
  return std::string(k_xml_header) + "<Relationships xmlns=\"" + k_rel_ns + "\">" +
         "<Relationship Id=\"rId1\" Type=\"" + k_doc_rel + "styles\" Target=\"styles.xml\"/>" +
         "<Relationship Id=\"rId2\" Type=\"" + k_doc_rel + "settings\" Target=\"settings.xml\"/>" +
         "<Relationship Id=\"rId3\" Type=\"" + k_doc_rel + "footer\" Target=\"footer1.xml\"/>" +
         "</Relationships>";
}

std::string core_properties(const Properties& p) {
  std::string x = std::string(k_xml_header) +
                  "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
                  "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                  "xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" "
                  "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
  x += "<dc:title>" + xml_escape(p.title) + "</dc:title>";
  x += "<dc:creator>" + xml_escape(p.creator) + "</dc:creator>";
  x += "<dc:language>ru-RU</dc:language>";
  if (!p.created.empty()) {
    const std::string when = xml_escape(p.created);
    x += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + when + "</dcterms:created>";
    x += "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + when + "</dcterms:modified>";
  }
  return x + "</cp:coreProperties>";
}

std::string app_properties() {
  return std::string(k_xml_header) +
         "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
         "<Application>metodmon</Application></Properties>";
}

std::string settings() {
  return std::string(k_xml_header) + "<w:settings xmlns:w=\"" + k_w_ns + "\">" +
         "<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"708\"/>"
         "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
         "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
         "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
         "<w:themeFontLang w:val=\"ru-RU\"/><w:decimalSymbol w:val=\",\"/><w:listSeparator w:val=\";\"/>"
         "</w:settings>";
}

// The page number, centred: a PAGE field whose cached result is "1".
std::string footer() {
  return std::string(k_xml_header) + "<w:ftr xmlns:w=\"" + k_w_ns + "\" xmlns:r=\"" + k_r_ns + "\">" +
         "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"center\"/></w:pPr>"
         "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
         "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
         "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
         "<w:r><w:t>1</w:t></w:r>"
         "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:ftr>";
}

// A4 portrait; margins left 3 cm, right 1.5 cm, top and bottom 2 cm. The
// first page has a footer of its own with nothing in it (w:titlePg): page
// numbers start on page 2, as on a document a methodist signs.
std::string document_xml(const Document& d) {
  return std::string(k_xml_header) + "<w:document xmlns:w=\"" + k_w_ns + "\" xmlns:r=\"" + k_r_ns +
         "\"><w:body>" + d.body() +
         "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId3\"/>"
         "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
         "<w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"709\" "
         "w:footer=\"567\" w:gutter=\"0\"/><w:cols w:space=\"708\"/><w:titlePg/></w:sectPr></w:body></w:document>";
}

model::Diagnostic failure(const fs::path& out, const std::string& what) {
  return model::Diagnostic::error({out.filename().string(), {}, {}, {}, {}},
                                  "не удалось записать документ " + out.string() + ": " + what,
                                  "проверьте, что папка существует, доступна для записи и на диске есть место");
}

}  // namespace

std::vector<std::pair<std::string, std::string>> docx_parts(const Document& document,
                                                           const PageStyle& style,
                                                           const Properties& properties) {
  return {
      {"[Content_Types].xml", content_types()},
      {"_rels/.rels", package_rels()},
      {"docProps/core.xml", core_properties(properties)},
      {"docProps/app.xml", app_properties()},
      {"word/_rels/document.xml.rels", document_rels()},
      {"word/document.xml", document_xml(document)},
      {"word/styles.xml", styles_xml(style)},
      {"word/settings.xml", settings()},
      {"word/footer1.xml", footer()},
  };
}

model::Expected<void> write_docx(const Document& document, const PageStyle& style,
                                 const Properties& properties, const fs::path& out_file) {
  std::error_code ec;
  fs::create_directories(out_file.parent_path(), ec);
  if (ec) return std::unexpected(failure(out_file, ec.message()));
  const auto parts = docx_parts(document, style, properties);
  const fs::path temp = util::temp_path_for(out_file);
  int error = 0;
  util::ZipPtr zip(zip_open(temp.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error));
  if (!zip) {
    zip_error_t e;
    zip_error_init_with_code(&e, error);
    const std::string what = zip_error_strerror(&e);
    zip_error_fini(&e);
    return std::unexpected(failure(out_file, what));
  }
  // 1980-01-01 00:00 local time is the earliest time a zip entry can hold.
  std::tm dos_epoch{};
  dos_epoch.tm_year = 80;
  dos_epoch.tm_mday = 1;
  dos_epoch.tm_isdst = -1;
  const std::time_t stamp = properties.zip_time > 0 ? static_cast<std::time_t>(properties.zip_time)
                                                    : std::mktime(&dos_epoch);
  for (const auto& [name, xml] : parts) {
    // libzip reads the buffers at zip_close(); `parts` outlives it.
    zip_source_t* source = zip_source_buffer(zip.get(), xml.data(), xml.size(), 0);
    const zip_int64_t index =
        source == nullptr ? -1 : zip_file_add(zip.get(), name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      if (source != nullptr) zip_source_free(source);
      const std::string what = zip_strerror(zip.get());
      return std::unexpected(failure(out_file, what));
    }
    zip_file_set_mtime(zip.get(), static_cast<zip_uint64_t>(index), stamp, 0);
  }
  if (zip_close(zip.get()) != 0) {
    const std::string what = zip_strerror(zip.get());
    fs::remove(temp, ec);
    return std::unexpected(failure(out_file, what));
  }
  (void)zip.release();  // closed: zip_close() freed it
  return util::publish(temp, out_file);
}

}  // namespace report::docx
