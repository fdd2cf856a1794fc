// Id rules and the small text helpers the loaders use to say "did you mean".
// Pure functions, no I/O.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace definition {

// Inputs and indicators become Excel defined names "in_<id>" (Excel allows
// 255 characters), so their ids are [a-z][a-z0-9_]* and at most 250 long.
inline constexpr std::size_t k_max_field_id_length = 250;
bool is_valid_field_id(std::string_view id);

// Directions, definitions and schools: [A-Za-z0-9_-]+ ("D1", "lk-roadmap",
// "sch01"), at most 64 characters (schools' ids go into file names).
inline constexpr std::size_t k_max_plain_id_length = 64;
bool is_valid_plain_id(std::string_view id);

// A definition id as a file name reads it: without the years a method's id
// often carries ("krymsk-2021" -> "krymsk", "balakhta-2025" -> "balakhta"),
// which next to the period in «Итоги_<id>_<period>.xlsx» would read as a
// second period. Tokens between '-' or '_' that are years (1900-2099) are
// dropped; an id of years only is kept as it is.
std::string id_without_years(std::string_view id);

// The candidate nearest to `typo` by edit distance when it is close enough
// to be a likely typo (distance <= max(1, length / 3)); empty otherwise.
std::string closest_match(std::string_view typo, const std::vector<std::string>& candidates);

// "a, b, c"; past `limit` items: "a, b, c, … (всего 40)".
std::string join_list(const std::vector<std::string>& items, std::size_t limit = 15);

// Hint for a name that is not among `candidates`:
// "возможно, имелось в виду «x»; <lead>: a, b, c" (the first part only when
// a close candidate exists).
std::string choose_hint(std::string_view found, const std::vector<std::string>& candidates,
                        std::string_view lead);

}  // namespace definition
