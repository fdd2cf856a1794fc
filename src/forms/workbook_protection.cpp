#include "forms/workbook_protection.h"

#include <xlsxwriter/utility.h>
#include <zip.h>

#include <array>
#include <cstdio>
#include <memory>
#include <optional>

#include "util/xml_escape.h"
#include "util/zip_handle.h"

namespace forms {

namespace {

namespace fs = std::filesystem;

constexpr const char* k_workbook_part = "xl/workbook.xml";

model::Diagnostic protect_error(const fs::path& xlsx, const std::string& what) {
  return model::Diagnostic::error({xlsx.filename().string(), {}, {}, {}, {}},
                                  "не удалось защитить структуру книги: " + what,
                                  "сообщите разработчику: книга записана библиотекой не так, как ожидалось");
}

// libxlsxwriter writes <sheet name="…" sheetId="n" state="hidden" r:id="…"/>
// for a hidden sheet; CT_Workbook puts <workbookProtection> after
// <workbookPr> and before <bookViews>.
std::optional<std::string> protect_workbook_xml(std::string xml, const PackageProtection& protection) {
  for (const auto& name : protection.very_hidden_sheets) {
    const auto start = xml.find("<sheet name=\"" + util::xml_escape(name) + "\"");
    if (start == std::string::npos) return std::nullopt;
    const auto end = xml.find("/>", start);
    const auto state = xml.find(" state=\"hidden\"", start);
    if (end == std::string::npos) return std::nullopt;
    if (state != std::string::npos && state < end) {
      xml.replace(state, 15, " state=\"veryHidden\"");
    } else {
      xml.insert(end, " state=\"veryHidden\"");
    }
  }
  std::string lock = "<workbookProtection";
  if (!protection.password.empty()) {
    std::array<char, 8> hex{};
    std::snprintf(hex.data(), hex.size(), "%04X", lxw_hash_password(protection.password.c_str()));
    lock += " workbookPassword=\"" + std::string(hex.data()) + "\"";
  }
  lock += " lockStructure=\"1\"/>";
  const auto views = xml.find("<bookViews");
  const auto sheets = xml.find("<sheets");
  const auto at = views != std::string::npos ? views : sheets;
  if (at == std::string::npos) return std::nullopt;
  xml.insert(at, lock);
  return xml;
}

}  // namespace

model::Expected<void> protect_package(const fs::path& xlsx, const PackageProtection& protection) {
  int error = 0;
  util::ZipPtr zip(zip_open(xlsx.c_str(), 0, &error));
  if (!zip) return std::unexpected(protect_error(xlsx, "книга не открывается как zip (код " + std::to_string(error) + ")"));
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip.get(), k_workbook_part, 0, &st) != 0 || (st.valid & ZIP_STAT_SIZE) == 0 ||
      (st.valid & ZIP_STAT_INDEX) == 0)
    return std::unexpected(protect_error(xlsx, std::string("в книге нет части ") + k_workbook_part));
  std::string xml(static_cast<std::size_t>(st.size), '\0');
  {
    util::ZipFilePtr part(zip_fopen_index(zip.get(), st.index, 0));
    if (!part || zip_fread(part.get(), xml.data(), st.size) != static_cast<zip_int64_t>(st.size))
      return std::unexpected(protect_error(xlsx, zip_strerror(zip.get())));
  }
  auto patched = protect_workbook_xml(std::move(xml), protection);
  if (!patched) return std::unexpected(protect_error(xlsx, "в xl/workbook.xml нет ожидаемого листа"));
  // libzip reads the buffer at zip_close(); `patched` outlives it.
  zip_source_t* source = zip_source_buffer(zip.get(), patched->data(), patched->size(), 0);
  if (source == nullptr || zip_file_replace(zip.get(), st.index, source, 0) != 0) {
    if (source != nullptr) zip_source_free(source);
    return std::unexpected(protect_error(xlsx, zip_strerror(zip.get())));
  }
  // The part keeps its time stamp, so the same form gives the same bytes.
  if ((st.valid & ZIP_STAT_MTIME) != 0) zip_file_set_mtime(zip.get(), st.index, st.mtime, 0);
  if (zip_close(zip.get()) != 0) return std::unexpected(protect_error(xlsx, zip_strerror(zip.get())));
  (void)zip.release();  // closed: zip_close() freed it
  return {};
}

}  // namespace forms
