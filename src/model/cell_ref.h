// A cell address on a sheet: zero-based row and column, printed as "B7".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace model {

struct CellRef {
  std::uint32_t row = 0;  // 0-based: "B7" has row 6
  std::uint32_t col = 0;  // 0-based: "B7" has col 1

  friend bool operator==(const CellRef&, const CellRef&) = default;
  friend auto operator<=>(const CellRef&, const CellRef&) = default;
};

// Largest sheet Excel allows: 1,048,576 rows by 16,384 columns (XFD).
inline constexpr std::uint32_t k_max_rows = 1'048'576;
inline constexpr std::uint32_t k_max_columns = 16'384;

// Parses "B7", "$B$7" or "b7". Returns nullopt for anything else, including
// addresses beyond Excel's limits.
std::optional<CellRef> parse_cell_ref(std::string_view text);

// "B7" for {row 6, col 1}.
std::string to_string(CellRef ref);

// "B" for col 1, "AA" for col 26.
std::string column_name(std::uint32_t col);

}  // namespace model
