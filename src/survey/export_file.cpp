#include "survey/export_file.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "definition/csv_reader.h"
#include "definition/text_encoding.h"
#include "ingest/file_sniff.h"
#include "ingest/inbox.h"
#include "ingest/read_error.h"
#include "ingest/xlsx_reader.h"
#include "model/form_layout.h"
#include "util/file_kind.h"
#include "util/text_case.h"

namespace survey {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t k_chunk_bytes = 64 * 1024;
constexpr std::string_view k_bom = "\xEF\xBB\xBF";
constexpr const char* k_hint_download =
    "Скачайте ответы анкеты заново: в Яндекс Формах — «Ответы → Скачать» (XLSX или CSV), в Google "
    "Формах — «Ответы → Скачать ответы (CSV)» или таблица ответов как XLSX — и положите файл в папку";

model::Diagnostic refusal(const std::string& file, std::string message, std::string hint = k_hint_download,
                          std::string found = {}) {
  model::Location where;
  where.file = file;
  return model::Diagnostic::error(std::move(where), std::move(message), std::move(hint), std::move(found));
}

// What a file that is neither a workbook nor text is.
std::string what_it_is(ingest::FileKind kind) {
  switch (kind) {
    case ingest::FileKind::pdf: return "документ PDF";
    case ingest::FileKind::rtf: return "документ RTF (Word)";
    case ingest::FileKind::html: return "веб-страница (HTML)";
    case ingest::FileKind::spreadsheet_xml: return "«Таблица XML 2003»";
    case ingest::FileKind::encrypted_ooxml: return "книга Excel, защищённая паролем";
    case ingest::FileKind::cfb:
    case ingest::FileKind::raw_biff: return "книга Excel 97-2003 (.xls)";
    default: return "файл неизвестного (не текстового) формата";
  }
}

// "2025-05-14 09:12:33" from an Excel serial (1900 system).
std::string datetime_text(double serial) {
  using namespace std::chrono;
  constexpr double k_unix_epoch_serial = 25569;  // 1970-01-01
  const auto seconds_since = static_cast<long long>(std::llround((serial - k_unix_epoch_serial) * 86400.0));
  const sys_seconds t{seconds{seconds_since}};
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  std::array<char, 96> buf{};
  std::snprintf(buf.data(), buf.size(), "%04d-%02u-%02u %02lld:%02lld:%02lld", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long long>(hms.hours().count()), static_cast<long long>(hms.minutes().count()),
                static_cast<long long>(hms.seconds().count()));
  return buf.data();
}

std::string cell_text(const ingest::Cell& cell) {
  switch (cell.type) {
    case ingest::CellType::string:
    case ingest::CellType::error: return cell.text;
    case ingest::CellType::boolean: return cell.number != 0 ? "Да" : "Нет";
    case ingest::CellType::number: break;
  }
  if (cell.is_date) return datetime_text(cell.number);
  std::array<char, 64> buf{};
  if (std::floor(cell.number) == cell.number && std::abs(cell.number) < 1e15) {
    std::snprintf(buf.data(), buf.size(), "%lld", static_cast<long long>(cell.number));
  } else {
    std::snprintf(buf.data(), buf.size(), "%.15g", cell.number);
  }
  return buf.data();
}

class Reader {
 public:
  Reader(const fs::path& path, const ExportLimits& limits, const ExportSink& sink)
      : m_path(path), m_file(path.filename().string()), m_limits(limits), m_sink(sink) {}

  model::Expected<ExportInfo> read() {
    if (const auto why = util::not_a_regular_file(m_path)) {
      return std::unexpected(refusal(m_file, *why, "положите в папку сам файл выгрузки ответов (.xlsx или .csv)"));
    }
    std::error_code ec;
    const auto size = fs::file_size(m_path, ec);
    if (ec) return std::unexpected(refusal(m_file, "файл не найден или не читается", "проверьте, что файл на месте"));
    if (size == 0) return std::unexpected(refusal(m_file, "файл пустой (0 байт): в нём нет ответов анкеты"));
    if (size > m_limits.max_file_bytes) {
      return std::unexpected(
          refusal(m_file, model::export_too_large_message(m_limits.max_file_bytes, size), model::k_export_too_large_hint));
    }
    std::array<unsigned char, 8192> head{};
    std::ifstream in(m_path, std::ios::binary);
    in.read(reinterpret_cast<char*>(head.data()), head.size());
    const std::span<const unsigned char> bytes(head.data(), static_cast<std::size_t>(in.gcount()));
    if (bytes.size() >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) {
      return std::unexpected(refusal(m_file, "файл сохранён в кодировке UTF-16 («Текст Юникод»)",
                                     "сохраните его в Excel как «CSV UTF-8» или скачайте ответы заново"));
    }
    const auto kind = ingest::sniff_file(bytes);
    if (kind == ingest::FileKind::zip) return read_xlsx();
    if (kind == ingest::FileKind::text) return read_csv();
    return std::unexpected(refusal(m_file, "это " + what_it_is(kind) + ", а не выгрузка ответов анкеты (XLSX или CSV)",
                                   kind == ingest::FileKind::cfb || kind == ingest::FileKind::raw_biff
                                       ? "откройте файл в Excel и сохраните как «Книга Excel (*.xlsx)» или "
                                         "«CSV UTF-8»; надёжнее скачать ответы заново"
                                       : k_hint_download));
  }

 private:
  bool too_slow() const {
    return std::chrono::steady_clock::now() - m_start > std::chrono::duration<double>(m_limits.max_seconds);
  }
  model::Diagnostic slow() const {
    return refusal(m_file,
                   "файл читается дольше " + std::to_string(static_cast<long>(m_limits.max_seconds)) +
                       " с — вероятно, он повреждён",
                   k_hint_download);
  }

  // First pass: is the whole file UTF-8? Otherwise it is read as Windows-1251.
  bool is_utf8() {
    std::ifstream in(m_path, std::ios::binary);
    definition::Utf8Validator v;
    std::vector<char> buf(k_chunk_bytes);
    while (in && !v.failed()) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      v.feed(std::string_view(buf.data(), static_cast<std::size_t>(in.gcount())));
    }
    return v.valid();
  }

  model::Expected<ExportInfo> read_csv() {
    ExportInfo info;
    info.format = ExportFormat::csv;
    const bool utf8 = is_utf8();
    std::ifstream in(m_path, std::ios::binary);
    std::vector<char> buf(k_chunk_bytes);
    std::optional<definition::CsvParser> parser;
    bool stopped = false;
    const auto take = [&](definition::CsvRecord&& record) {
      if (record.fields.size() > m_limits.max_columns) {
        m_error = refusal(m_file, "в строке " + std::to_string(record.number) + " больше " +
                                      std::to_string(m_limits.max_columns) + " столбцов — это не выгрузка ответов анкеты");
        return false;
      }
      m_row.number = static_cast<std::uint32_t>(record.number);
      m_row.cells = std::move(record.fields);
      if (!m_sink(m_row)) stopped = true;
      return !stopped;
    };
    bool first = true;
    while (in) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      std::string_view raw(buf.data(), static_cast<std::size_t>(in.gcount()));
      if (raw.empty()) break;
      if (first && raw.starts_with(k_bom)) {
        raw.remove_prefix(k_bom.size());
        info.encoding = "UTF-8 с BOM";
      }
      const std::string decoded = utf8 ? std::string() : definition::windows_1251_to_utf8(raw);
      const std::string_view text = utf8 ? raw : std::string_view(decoded);
      if (first) {
        if (info.encoding.empty()) info.encoding = utf8 ? "UTF-8" : "Windows-1251";
        info.delimiter = definition::detect_delimiter(text);
        parser.emplace(info.delimiter);
        first = false;
      }
      if (!parser->feed(text, take)) break;
      if (too_slow()) return std::unexpected(slow());
    }
    if (m_error) return std::unexpected(*m_error);
    if (parser && !stopped && !parser->error()) parser->finish(take);
    if (m_error) return std::unexpected(*m_error);
    if (parser && parser->error()) {
      auto d = refusal(m_file, parser->error()->message,
                       "файл, вероятно, обрезан или испорчен: скачайте ответы заново");
      d.where.line = parser->error()->line;
      return std::unexpected(std::move(d));
    }
    return info;
  }

  model::Expected<ExportInfo> read_xlsx() {
    ExportInfo info;
    info.format = ExportFormat::xlsx;
    ingest::ReadLimits limits;
    limits.max_file_bytes = m_limits.max_file_bytes;
    limits.max_uncompressed_bytes = m_limits.max_uncompressed_bytes;
    limits.max_seconds = m_limits.max_seconds;
    limits.max_cells = 50'000'000;  // caps the shared strings only: streamed cells are not kept
    ingest::ReadBudget budget(limits);
    bool stopped = false;
    const auto status = ingest::read_xlsx_rows(
        m_path.string(), budget, info.sheet,
        [&](std::uint32_t row, std::span<const ingest::Cell> cells) -> ingest::Status {
          if (cells.back().ref.col >= m_limits.max_columns) {
            return ingest::make_error("в строке " + std::to_string(row + 1) + " больше " +
                                          std::to_string(m_limits.max_columns) + " столбцов — это не выгрузка ответов анкеты",
                                      k_hint_download);
          }
          m_row.number = row + 1;
          m_row.cells.assign(cells.back().ref.col + 1, std::string());
          for (const auto& cell : cells) m_row.cells[cell.ref.col] = cell_text(cell);
          if (m_sink(m_row)) return std::nullopt;
          stopped = true;
          return ingest::make_error({}, {});  // stops the reading; not an error
        });
    if (status && !stopped) {
      auto d = refusal(m_file, status->message, status->hint, status->found);
      if (d.hint.empty() || d.hint == ingest::k_hint_use_form) d.hint = k_hint_download;
      d.where.sheet = status->sheet;
      d.where.cell = status->cell;
      return std::unexpected(std::move(d));
    }
    return info;
  }

  const fs::path& m_path;
  std::string m_file;
  const ExportLimits& m_limits;
  const ExportSink& m_sink;
  ExportRow m_row;  // reused: its cells keep their capacity from row to row
  std::optional<model::Diagnostic> m_error;
  std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
};

}  // namespace

bool looks_like_export(const fs::path& path) {
  if (util::not_a_regular_file(path)) return false;
  // A .csv/.tsv/.txt is refused as an export, whatever is in it (an empty one too).
  if (ingest::classify_name(path.filename().string()) == ingest::NameKind::text) return true;
  std::array<unsigned char, 4096> head{};
  std::ifstream in(path, std::ios::binary);
  in.read(reinterpret_cast<char*>(head.data()), head.size());
  const std::span<const unsigned char> bytes(head.data(), static_cast<std::size_t>(in.gcount()));
  const auto kind = ingest::sniff_file(bytes);
  if (kind == ingest::FileKind::text) return true;
  if (kind != ingest::FileKind::zip) return false;
  ingest::ReadBudget budget(ingest::ReadLimits{});
  std::vector<std::string> sheets;
  if (ingest::read_xlsx_sheet_names(path.string(), budget, sheets)) return false;  // broken: the form reader says so
  return std::none_of(sheets.begin(), sheets.end(), [](const std::string& s) {
    return util::lower_text(s) == util::lower_text(model::form::k_meta_sheet);
  });
}

std::string describe(const ExportInfo& info) {
  if (info.format == ExportFormat::xlsx) return "XLSX, лист «" + info.sheet + "»";
  const std::string delimiter = info.delimiter == '\t' ? "табуляция" : "«" + std::string(1, info.delimiter) + "»";
  return "CSV, " + info.encoding + ", разделитель " + delimiter;
}

model::Expected<ExportInfo> read_export(const fs::path& path, const ExportLimits& limits, const ExportSink& sink) {
  return Reader(path, limits, sink).read();
}

}  // namespace survey
