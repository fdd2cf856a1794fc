#include "model/cell_ref.h"

namespace model {

std::optional<CellRef> parse_cell_ref(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && text[i] == '$') ++i;
  std::uint64_t col = 0;
  std::size_t letters = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    col = col * 26 + static_cast<std::uint64_t>(c - 'A' + 1);
    if (++letters > 3) return std::nullopt;
    ++i;
  }
  if (letters == 0) return std::nullopt;
  if (i < text.size() && text[i] == '$') ++i;
  std::uint64_t row = 0;
  std::size_t digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    row = row * 10 + static_cast<std::uint64_t>(text[i] - '0');
    if (++digits > 7) return std::nullopt;
    ++i;
  }
  if (digits == 0 || i != text.size() || row == 0) return std::nullopt;
  if (col > k_max_columns || row > k_max_rows) return std::nullopt;
  return CellRef{static_cast<std::uint32_t>(row - 1), static_cast<std::uint32_t>(col - 1)};
}

std::string column_name(std::uint32_t col) {
  std::string name;
  std::uint64_t n = static_cast<std::uint64_t>(col) + 1;
  while (n > 0) {
    const auto rem = (n - 1) % 26;
    name.insert(name.begin(), static_cast<char>('A' + rem));
    n = (n - 1) / 26;
  }
  return name;
}

std::string to_string(CellRef ref) { return column_name(ref.col) + std::to_string(ref.row + 1); }

}  // namespace model
