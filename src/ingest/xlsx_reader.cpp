#include "ingest/xlsx_reader.h"

#include <optional>

#include "ingest/package_rels.h"
#include "ingest/shared_strings.h"
#include "ingest/sheet_reader.h"
#include "ingest/styles.h"
#include "ingest/workbook_part.h"
#include "ingest/zip_archive.h"

namespace ingest {

namespace {

ReadError broken_package(const std::string& what) {
  return make_error("книга Excel повреждена: " + what, k_hint_resave);
}

// Reads the small entry `name` (at most `max` bytes kept).
std::string read_small(const ZipArchive& zip, const std::string& name, ReadBudget& budget,
                       std::size_t max) {
  std::string out;
  (void)zip.read_entry(name, budget, [&](std::string_view chunk) -> Status {
    out.append(chunk.substr(0, max - std::min(max, out.size())));
    return std::nullopt;
  });
  return out;
}

// The package has no workbook part: say what it is instead.
ReadError foreign_zip(const ZipArchive& zip, ReadBudget& budget) {
  if (zip.find("word/document.xml"))
    return make_error("это не книга Excel, а документ Word (*.docx)", k_hint_use_form);
  if (zip.find("ppt/presentation.xml"))
    return make_error("это не книга Excel, а презентация PowerPoint (*.pptx)", k_hint_use_form);
  if (zip.find("xl/workbook.bin"))
    return make_error("это двоичная книга Excel (*.xlsb), такой формат не принимается",
                      "В Excel выберите «Файл → Сохранить как» и тип «Книга Excel (*.xlsx)»");
  const auto mimetype = zip.find("mimetype");
  if (mimetype || zip.find("content.xml")) {
    const auto type = mimetype ? read_small(zip, *mimetype, budget, 200) : std::string();
    if (type.find("spreadsheet") != std::string::npos)
      return make_error("это книга OpenDocument (*.ods), а нужна книга Excel (*.xlsx)",
                        "Откройте файл в LibreOffice Calc и сохраните как «Книга Excel 2007-365 "
                        "(*.xlsx)» («Файл → Сохранить как», тип файла)");
    return make_error("это не книга Excel (похоже на документ OpenDocument)", k_hint_use_form);
  }
  return make_error("это zip-архив, но в нём нет книги Excel (нет части xl/workbook.xml)",
                    k_hint_use_form);
}

const Relationship* find_rel(const std::vector<Relationship>& rels, std::string_view type) {
  for (const auto& rel : rels)
    if (!rel.external && type_is(rel, type)) return &rel;
  return nullptr;
}

// Part named by the first relationship of `type`, else `fallback`, if present.
std::optional<std::string> optional_part(const ZipArchive& zip,
                                         const std::vector<Relationship>& rels,
                                         std::string_view type, std::string_view fallback) {
  if (const auto* rel = find_rel(rels, type))
    if (auto name = zip.find(rel->target)) return name;
  return zip.find(fallback);
}

Status find_workbook_part(const ZipArchive& zip, ReadBudget& budget, std::string& out) {
  if (const auto package_rels = zip.find("_rels/.rels")) {
    std::vector<Relationship> rels;
    if (auto err = read_relationships(zip, *package_rels, "", budget, rels)) return err;
    if (const auto* rel = find_rel(rels, "officeDocument")) {
      if (rel->target.ends_with(".bin")) return foreign_zip(zip, budget);
      if (!zip.find(rel->target)) return broken_package("нет основной части «" + rel->target + "»");
      out = rel->target;  // "/"-separated even when the zip says "xl\\workbook.xml"
      return std::nullopt;
    }
  }
  if (!zip.find("xl/workbook.xml")) return foreign_zip(zip, budget);
  out = "xl/workbook.xml";
  return std::nullopt;
}

// What every worksheet of a package needs: the sheet list and the parts
// its cells refer to.
struct Package {
  std::string workbook_name;
  std::vector<Relationship> rels;
  WorkbookPart part;
  std::vector<std::string> shared_strings;
  CellStyles styles;
};

Status read_package(const ZipArchive& zip, ReadBudget& budget, Package& p) {
  if (auto err = find_workbook_part(zip, budget, p.workbook_name)) return err;
  const auto rels_name = zip.find(rels_part_for(p.workbook_name));
  if (!rels_name) return broken_package("нет списка частей книги («" + rels_part_for(p.workbook_name) + "»)");
  if (auto err = read_relationships(zip, *rels_name, p.workbook_name, budget, p.rels)) return err;
  if (auto err = read_workbook_part(zip, p.workbook_name, budget, p.part)) return err;
  if (p.part.sheets.empty()) return broken_package("в книге нет ни одного листа");
  const auto folder = folder_of(p.workbook_name);
  if (const auto name = optional_part(zip, p.rels, "sharedStrings", folder + "sharedStrings.xml"))
    if (auto err = read_shared_strings(zip, *name, budget, p.shared_strings)) return err;
  if (const auto name = optional_part(zip, p.rels, "styles", folder + "styles.xml"))
    if (auto err = read_styles(zip, *name, budget, p.styles)) return err;
  return std::nullopt;
}

}  // namespace

Status read_xlsx_rows(const std::string& path, ReadBudget& budget, std::string& sheet_name, const RowSink& sink) {
  ZipArchive zip;
  if (auto err = zip.open_file(path)) return err;
  Package p;
  if (auto err = read_package(zip, budget, p)) return err;
  const SheetContext context{p.shared_strings, p.styles, p.part.date1904};
  for (const auto& entry : p.part.sheets) {
    if (entry.state != SheetState::visible) continue;
    const Relationship* rel = nullptr;
    for (const auto& r : p.rels)
      if (r.id == entry.rel_id && !r.external) rel = &r;
    if (rel == nullptr || !type_is(*rel, "worksheet")) continue;
    const auto name = zip.find(rel->target);
    if (!name) return broken_package("нет части листа «" + entry.name + "» (" + rel->target + ")");
    sheet_name = entry.name;
    return read_sheet_rows(zip, *name, context, budget, entry.name, sink);
  }
  return broken_package("в книге нет ни одного видимого листа с ячейками");
}

Status read_xlsx_sheet_names(const std::string& path, ReadBudget& budget, std::vector<std::string>& names) {
  ZipArchive zip;
  if (auto err = zip.open_file(path)) return err;
  std::string workbook_name;
  if (auto err = find_workbook_part(zip, budget, workbook_name)) return err;
  WorkbookPart part;
  if (auto err = read_workbook_part(zip, workbook_name, budget, part)) return err;
  names.clear();
  for (const auto& sheet : part.sheets) names.push_back(sheet.name);
  return std::nullopt;
}

Status read_xlsx(std::span<const unsigned char> bytes, ReadBudget& budget, Workbook& out) {
  out = {};
  out.format = "xlsx";
  ZipArchive zip;
  if (auto err = zip.open(bytes)) return err;

  Package p;
  if (auto err = read_package(zip, budget, p)) return err;
  out.date1904 = p.part.date1904;
  out.names = std::move(p.part.names);

  const SheetContext context{p.shared_strings, p.styles, out.date1904};
  for (const auto& entry : p.part.sheets) {
    Sheet& sheet = out.sheets.emplace_back();
    sheet.name = entry.name;
    sheet.state = entry.state;
    const Relationship* rel = nullptr;
    for (const auto& r : p.rels)
      if (r.id == entry.rel_id && !r.external) rel = &r;
    if (rel == nullptr) return broken_package("лист «" + entry.name + "» не найден в списке частей");
    if (!type_is(*rel, "worksheet")) continue;  // chart, dialog or macro sheet: no cells
    const auto name = zip.find(rel->target);
    if (!name) return broken_package("нет части листа «" + entry.name + "» (" + rel->target + ")");
    if (auto err = read_sheet(zip, *name, context, budget, sheet)) return err;
  }
  return std::nullopt;
}

}  // namespace ingest
