#include "ingest/xls_reader.h"

#include <freexl.h>

#include <memory>

#include "ingest/xml_text.h"

namespace ingest {

namespace {

struct FreexlClose {
  void operator()(const void* handle) const { freexl_close(handle); }
};
using FreexlHandle = std::unique_ptr<const void, FreexlClose>;

ReadError freexl_error(int code) {
  switch (code) {
    case FREEXL_FILE_NOT_FOUND:
      return make_error("файл не найден или не читается",
                        "Проверьте, что файл не открыт в другой программе, и отправьте его снова");
    case FREEXL_INSUFFICIENT_MEMORY:
      return make_error("не хватает памяти, чтобы прочитать книгу Excel 97-2003 (*.xls)",
                        k_hint_resave);
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
      return make_error("это документ Office старого формата, но в нём нет книги Excel",
                        k_hint_use_form);
    case FREEXL_INVALID_CHARACTER:
    case FREEXL_UNSUPPORTED_CHARSET:
      return make_error("в книге Excel 97-2003 (*.xls) текст в неизвестной кодировке",
                        k_hint_resave);
    case FREEXL_CRAFTED_FILE:
      return make_error("книга Excel 97-2003 (*.xls) сильно повреждена или намеренно испорчена",
                        k_hint_resave);
    default:
      break;
  }
  return make_error("книга Excel 97-2003 (*.xls) повреждена и не читается (код FreeXL " +
                        std::to_string(code) + ")",
                    k_hint_resave);
}

ReadError encrypted() {
  return make_error("файл защищён паролем (книга Excel 97-2003 зашифрована)", k_hint_password);
}

// FreeXL returns dates as text; turn them back into serials.
void set_date(Cell& cell, const char* text) {
  const std::string_view s = text ? text : "";
  if (const auto serial = parse_iso_datetime(s)) {
    cell.type = CellType::number;
    cell.number = *serial;
    cell.is_date = true;
  } else {
    cell.text = std::string(s);
  }
}

Status read_active_sheet(const void* handle, ReadBudget& budget, Sheet& sheet) {
  unsigned int rows = 0;
  unsigned short columns = 0;
  if (const int rc = freexl_worksheet_dimensions(handle, &rows, &columns); rc != FREEXL_OK)
    return freexl_error(rc);
  for (unsigned int row = 0; row < rows && row < model::k_max_rows; ++row) {
    if (row % 256 == 0)
      if (auto err = budget.check_time()) return err;
    for (unsigned short col = 0; col < columns; ++col) {
      FreeXL_CellValue value;
      if (freexl_get_cell_value(handle, row, col, &value) != FREEXL_OK) continue;
      Cell cell;
      cell.ref = {row, col};
      switch (value.type) {
        case FREEXL_CELL_INT:
          cell.type = CellType::number;
          cell.number = value.value.int_value;
          break;
        case FREEXL_CELL_DOUBLE:
          cell.type = CellType::number;
          cell.number = value.value.double_value;
          break;
        case FREEXL_CELL_TEXT:
        case FREEXL_CELL_SST_TEXT:
          cell.text = value.value.text_value ? value.value.text_value : "";
          break;
        case FREEXL_CELL_DATE:
        case FREEXL_CELL_DATETIME:
        case FREEXL_CELL_TIME:
          set_date(cell, value.value.text_value);
          break;
        default:
          continue;
      }
      if (cell.type == CellType::string && cell.text.empty()) continue;
      if (auto err = budget.add_cell(cell.text.size())) return err;
      sheet.cells.push_back(std::move(cell));
    }
  }
  return std::nullopt;
}

}  // namespace

Status read_xls(const std::filesystem::path& path, ReadBudget& budget, Workbook& out) {
  out = {};
  out.format = "xls";
  const void* raw = nullptr;
  const int rc = freexl_open(path.c_str(), &raw);
  FreexlHandle handle(raw);  // freexl_close() is needed even after a failed open
  if (rc != FREEXL_OK) return freexl_error(rc);
  // FreeXL 1.0.6 answers FREEXL_OK with no handle when it gives up on a file
  // it does not support (some BIFF5 files, unusual stream names, encrypted ones).
  if (raw == nullptr)
    return make_error("книга Excel 97-2003 (*.xls) записана так, что программа не может её "
                      "прочитать (старая версия формата или нестандартная запись)",
                      k_hint_resave);

  unsigned int info = 0;
  if (freexl_get_info(raw, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK && info == FREEXL_BIFF_OBFUSCATED)
    return encrypted();
  if (freexl_get_info(raw, FREEXL_BIFF_DATEMODE, &info) == FREEXL_OK)
    out.date1904 = info == FREEXL_BIFF_DATEMODE_1904;
  unsigned int sheet_count = 0;
  if (const int r = freexl_get_info(raw, FREEXL_BIFF_SHEET_COUNT, &sheet_count); r != FREEXL_OK)
    return freexl_error(r);
  if (sheet_count == 0)
    return make_error("книга Excel повреждена: в книге нет ни одного листа", k_hint_resave);
  if (sheet_count > budget.limits().max_sheets)
    return make_error("в книге больше " + std::to_string(budget.limits().max_sheets) +
                          " листов — это не похоже на школьную форму",
                      "Удалите лишние листы, оставьте только форму и отправьте снова");

  for (unsigned int i = 0; i < sheet_count; ++i) {
    Sheet& sheet = out.sheets.emplace_back();
    const auto index = static_cast<unsigned short>(i);
    const char* name = nullptr;
    if (freexl_get_worksheet_name(raw, index, &name) == FREEXL_OK && name != nullptr)
      sheet.name = name;
    if (const int r = freexl_select_active_worksheet(raw, index); r != FREEXL_OK)
      return freexl_error(r);
    if (auto err = read_active_sheet(raw, budget, sheet)) {
      err->sheet = sheet.name;
      return err;
    }
  }
  return std::nullopt;
}

}  // namespace ingest
