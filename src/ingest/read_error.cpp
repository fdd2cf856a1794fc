#include "ingest/read_error.h"

#include <string>

namespace ingest {

namespace {

std::string mebibytes(std::uintmax_t bytes) { return std::to_string(bytes >> 20) + " МБ"; }

}  // namespace

Status ReadBudget::check_time() const {
  if (std::chrono::steady_clock::now() <= m_deadline) return std::nullopt;
  return make_error("файл читается слишком долго (дольше " +
                        std::to_string(static_cast<long long>(m_limits.max_seconds)) +
                        " с) — вероятно, он повреждён или содержит огромные листы",
                    "Удалите из книги лишние листы и данные, оставьте только форму, "
                    "сохраните как «Книга Excel (*.xlsx)» и отправьте снова");
}

Status ReadBudget::add_uncompressed(std::uintmax_t bytes) {
  m_uncompressed += bytes;
  if (m_uncompressed <= m_limits.max_uncompressed_bytes) return std::nullopt;
  return make_error("распакованное содержимое книги больше " +
                        mebibytes(m_limits.max_uncompressed_bytes) +
                        " — это не похоже на школьную форму (возможно, «zip-бомба»)",
                    "Удалите из книги лишние листы и данные, оставьте только форму и "
                    "отправьте снова");
}

Status ReadBudget::add_cell(std::uintmax_t text_bytes) {
  ++m_cells;
  m_text += text_bytes;
  if (m_cells > m_limits.max_cells)
    return make_error("в книге больше " + std::to_string(m_limits.max_cells) +
                          " заполненных ячеек — это не похоже на школьную форму",
                      "Удалите из книги лишние листы и данные, оставьте только форму и "
                      "отправьте снова");
  if (m_text > m_limits.max_text_bytes)
    return make_error("текст в ячейках книги занимает больше " +
                          mebibytes(m_limits.max_text_bytes) +
                          " — это не похоже на школьную форму",
                      "Удалите из книги лишние листы и длинные тексты, оставьте только форму "
                      "и отправьте снова");
  return std::nullopt;
}

}  // namespace ingest
