// The key under which texts typed by people are compared with the texts of a
// definition: questionnaire column headers with question texts, answers with
// the allowed choices, school names with the registry's. Two texts are "the
// same" when their keys are equal.
//
//   util::text_key("Ваша образовательная организация *") -> "ваша образовательная организация"
//   util::text_key("МБОУ «СОШ №5»")                      -> "мбоу сош 5"
//   util::text_key("Приозёрная  СОШ")                    -> "приозерная сош"
//
// Letters (Latin, Cyrillic) are lower-cased (util::lower_text) and «ё» read as
// «е»; digits are kept; everything else (punctuation, quotes of any kind,
// dashes, «№», «*», spaces, line breaks) separates words; words are joined by
// one space. UTF-8 in and out.
#pragma once

#include <string>
#include <string_view>

namespace util {

std::string text_key(std::string_view text);

}  // namespace util
