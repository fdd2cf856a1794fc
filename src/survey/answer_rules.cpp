#include "survey/answer_rules.h"

#include <algorithm>
#include <cmath>

#include "ingest/value_parse.h"
#include "util/text_key.h"

namespace survey {

namespace {

constexpr std::size_t k_max_parts = 64;  // pieces of one checkbox cell worth trying to split

std::string in_quotes(std::string_view s) { return "«" + std::string(s) + "»"; }

std::optional<std::size_t> index_of(const std::string& key, const std::vector<std::string>& keys) {
  const auto it = std::find(keys.begin(), keys.end(), key);
  if (it == keys.end()) return std::nullopt;
  return static_cast<std::size_t>(it - keys.begin());
}

bool is_counted(std::size_t choice, const std::vector<std::string>& choice_keys,
                const std::vector<std::string>& counted_keys) {
  return index_of(choice_keys[choice], counted_keys).has_value();
}

std::string choices_list(const model::SurveyQuestion& question) {
  std::string out;
  for (const auto& c : question.choices) out += (out.empty() ? "" : "; ") + in_quotes(c);
  return out;
}

// Pieces of a cell between separators, with their text as written.
std::vector<std::string> parts_of(std::string_view cell) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= cell.size(); ++i) {
    if (i < cell.size() && cell[i] != ',' && cell[i] != ';' && cell[i] != '\n' && cell[i] != '\r') continue;
    parts.emplace_back(cell.substr(start, i - start));
    start = i + 1;
  }
  return parts;
}

Answer outside(std::size_t column, std::string_view found, std::string why) {
  Answer a;
  a.problem = std::move(why);
  a.column = column;
  a.found = std::string(found);
  return a;
}

Answer read_one_cell(const model::SurveyQuestion& question, std::size_t column, std::string_view cell,
                     const std::vector<std::string>& choice_keys, const std::vector<std::string>& counted_keys) {
  Answer a;
  a.column = column;
  const auto key = util::text_key(cell);
  if (key.empty()) {
    a.empty = true;
    return a;
  }
  switch (question.kind) {
    case model::QuestionKind::choice:
    case model::QuestionKind::yesno: {
      auto found = index_of(key, choice_keys);
      if (!found && question.kind == model::QuestionKind::yesno) {
        if (key == "yes") found = 0;
        if (key == "no") found = 1;
      }
      if (!found) {
        return outside(column, cell,
                       "ответ не из вариантов вопроса " + in_quotes(question.text) + " (" + choices_list(question) + ")");
      }
      a.counted = is_counted(*found, choice_keys, counted_keys);
      return a;
    }
    case model::QuestionKind::checkbox: {
      const auto chosen = split_options(cell, choice_keys);
      if (!chosen) {
        return outside(column, cell,
                       "ответ не разбирается на варианты вопроса " + in_quotes(question.text) + " (" +
                           choices_list(question) + ")");
      }
      a.counted = std::any_of(chosen->begin(), chosen->end(),
                              [&](std::size_t c) { return is_counted(c, choice_keys, counted_keys); });
      return a;
    }
    case model::QuestionKind::scale: {
      // "4", or "4.0" / "4,0" as a workbook or a spreadsheet program writes it.
      const auto number = ingest::parse_decimal_text(ingest::trim_spaces(cell));
      if (!number || std::floor(*number) != *number || *number < question.scale_min || *number > question.scale_max) {
        return outside(column, cell,
                       "ответ на вопрос " + in_quotes(question.text) + " должен быть целым числом от " +
                           std::to_string(static_cast<int>(question.scale_min)) + " до " +
                           std::to_string(static_cast<int>(question.scale_max)));
      }
      const double value = *number;
      a.counted = value >= question.at_least;
      return a;
    }
  }
  return a;
}

// A cell of a per-option column: the option chosen or not.
std::optional<bool> option_chosen(std::string_view cell, const std::string& option_key) {
  const auto trimmed = ingest::trim_spaces(cell);
  if (trimmed == "+" || trimmed == "\u2713" || trimmed == "\u2714") return true;  // + ✓ ✔
  const auto key = util::text_key(trimmed);
  if (key.empty() || key == "0" || key == "нет" || key == "false" || key == "no") return false;  // "", "-", "—"
  if (key == option_key || key == "1" || key == "да" || key == "x" || key == "х" || key == "true" || key == "yes") {
    return true;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::vector<std::size_t>> split_options(std::string_view cell,
                                                      const std::vector<std::string>& choice_keys) {
  const auto parts = parts_of(cell);
  if (parts.size() > k_max_parts) return std::nullopt;
  // ways[i]: the ways to split parts[0..i) into choices (capped at 2: more
  // than one is already ambiguous); from[i]: where the last choice started
  // and which one it was, for the one way.
  const std::size_t n = parts.size();
  std::vector<int> ways(n + 1, 0);
  std::vector<std::pair<std::size_t, std::size_t>> from(n + 1);
  ways[0] = 1;
  for (std::size_t end = 1; end <= n; ++end) {
    std::string joined;
    for (std::size_t start = end; start-- > 0;) {
      joined = parts[start] + (start + 1 == end ? "" : ",") + joined;
      if (ways[start] == 0) continue;
      const auto key = util::text_key(joined);
      if (key.empty()) {
        // An empty piece (", ," or a trailing separator) between choices.
        if (end - start == 1) {
          ways[end] = std::min(2, ways[end] + ways[start]);
          from[end] = {start, SIZE_MAX};
        }
        continue;
      }
      const auto choice = index_of(key, choice_keys);
      if (!choice) continue;
      ways[end] = std::min(2, ways[end] + ways[start]);
      from[end] = {start, *choice};
    }
  }
  if (ways[n] != 1) return std::nullopt;
  std::vector<std::size_t> chosen;
  for (std::size_t at = n; at > 0; at = from[at].first) {
    if (from[at].second != SIZE_MAX) chosen.push_back(from[at].second);
  }
  std::reverse(chosen.begin(), chosen.end());
  return chosen;
}

Answer read_answer(const model::SurveyQuestion& question, const QuestionColumns& columns,
                   const std::vector<std::string>& cells, const std::vector<std::string>& choice_keys,
                   const std::vector<std::string>& counted_keys) {
  const auto cell = [&](std::size_t c) -> std::string_view { return c < cells.size() ? cells[c] : std::string_view(); };
  if (columns.column) return read_one_cell(question, *columns.column, cell(*columns.column), choice_keys, counted_keys);
  Answer a;
  a.empty = true;
  for (const auto c : columns.unknown_options) {
    if (util::text_key(cell(c)).empty()) continue;
    return outside(c, cell(c),
                   "отмечен вариант, которого нет среди вариантов вопроса " + in_quotes(question.text) + " (" +
                       choices_list(question) + ")");
  }
  for (const auto& [c, choice] : columns.options) {
    const auto chosen = option_chosen(cell(c), choice_keys[choice]);
    if (!chosen) {
      return outside(c, cell(c),
                     "в столбце варианта " + in_quotes(question.choices[choice]) + " вопроса " + in_quotes(question.text) +
                         " записано не название варианта и не отметка");
    }
    if (!*chosen) continue;
    a.empty = false;
    a.counted = a.counted || is_counted(choice, choice_keys, counted_keys);
  }
  return a;
}

}  // namespace survey
