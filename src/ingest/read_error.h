// The reader core's error value and per-file budget. The core does not use
// std::expected (see workbook_model.h); workbook.cpp turns a ReadError into a
// model::Diagnostic and adds the file name.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "ingest/workbook_model.h"
#include "model/cell_ref.h"

namespace ingest {

struct ReadError {
  std::string message;  // what is wrong, Russian, no trailing period
  std::string hint;     // how to fix it, Russian
  std::string found;    // offending value, when there is one
  std::string sheet;    // sheet name, when known
  std::optional<model::CellRef> cell;
};

// Empty on success. Usage: `if (auto err = step()) return err;`
using Status = std::optional<ReadError>;

inline ReadError make_error(std::string message, std::string hint, std::string found = {}) {
  return ReadError{std::move(message), std::move(hint), std::move(found), {}, {}};
}

// Hints shared by several layers.
inline constexpr const char* k_hint_resave =
    "Откройте файл в Excel или LibreOffice и сохраните заново как «Книга Excel (*.xlsx)»";
inline constexpr const char* k_hint_password =
    "Снимите пароль: в Excel «Файл → Сведения → Защита книги → Зашифровать с использованием "
    "пароля», очистите поле пароля, сохраните файл и отправьте его снова";
inline constexpr const char* k_hint_use_form =
    "Заполните выданную форму и отправьте её файлом Excel (*.xlsx)";

// Counters and limits shared by all layers while one file is read.
class ReadBudget {
 public:
  explicit ReadBudget(const ReadLimits& limits)
      : m_limits(limits),
        m_deadline(std::chrono::steady_clock::now() +
                   std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                       std::chrono::duration<double>(limits.max_seconds))) {}

  const ReadLimits& limits() const { return m_limits; }

  // Fails once max_seconds have passed since construction.
  Status check_time() const;
  // Seconds until the deadline (negative once it has passed).
  double seconds_left() const {
    return std::chrono::duration<double>(m_deadline - std::chrono::steady_clock::now()).count();
  }
  // Account for bytes decompressed from the archive (all entries together).
  Status add_uncompressed(std::uintmax_t bytes);
  // Account for one stored cell and its text.
  Status add_cell(std::uintmax_t text_bytes);

 private:
  ReadLimits m_limits;
  std::chrono::steady_clock::time_point m_deadline;
  std::uintmax_t m_uncompressed = 0;
  std::uintmax_t m_text = 0;
  std::size_t m_cells = 0;
};

}  // namespace ingest
