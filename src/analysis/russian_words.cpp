#include "analysis/russian_words.h"

#include "util/text_case.h"

namespace analysis {

namespace {

bool has_word(std::string_view text, std::string_view word) {
  std::size_t pos = 0;
  while ((pos = text.find(word, pos)) != std::string_view::npos) {
    const bool start = pos == 0 || text[pos - 1] == ' ' || text[pos - 1] == '(';
    const std::size_t end = pos + word.size();
    const bool finish = end == text.size() || text[end] == ' ' || text[end] == ',' ||
                        text[end] == ')' || text[end] == '.';
    if (start && finish) return true;
    pos = end;
  }
  return false;
}

bool starts_with_monitoring(std::string_view title) {
  return title.starts_with("Мониторинг ") || title.starts_with("мониторинг ");
}

}  // namespace

MunicipalityWords municipality_words(const model::Definition& definition) {
  const std::string_view name = definition.municipality;
  if (has_word(name, "район")) return {"район", "района", "району", "районе"};
  if (has_word(name, "округ")) return {"округ", "округа", "округу", "округе"};
  if (has_word(name, "город") || has_word(name, "г.") || name.starts_with("г. ")) {
    return {"город", "города", "городу", "городе"};
  }
  return {"муниципалитет", "муниципалитета", "муниципалитету", "муниципалитете"};
}

std::string monitoring_nominative(const model::Definition& definition) {
  const std::string& title = definition.title.empty() ? definition.id : definition.title;
  if (starts_with_monitoring(title)) return util::upper_first(title);
  return "Мониторинг «" + title + "»";
}

std::string monitoring_genitive(const model::Definition& definition) {
  const std::string& title = definition.title.empty() ? definition.id : definition.title;
  if (starts_with_monitoring(title)) {
    return "мониторинга" + title.substr(std::string_view("Мониторинг").size());
  }
  return "мониторинга «" + title + "»";
}

std::string count_genitive(long n, const std::array<std::string_view, 2>& forms) {
  const long a = n < 0 ? -n : n;
  const bool singular = a % 10 == 1 && a % 100 != 11;
  return std::to_string(n) + " " + std::string(singular ? forms[0] : forms[1]);
}

std::string feminine_number(long n) {
  switch (n) {
    case 1: return "одна";
    case 2: return "две";
    case 3: return "три";
    case 4: return "четыре";
    default: return std::to_string(n);
  }
}

std::string into_groups(long n) {
  if (n == 1) return "в одну группу";
  return "в " + feminine_number(n) + " " + std::string(plural(n, k_group_forms));
}

std::string join_and(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " и " : ", ";
    out += items[i];
  }
  return out;
}

std::string by_directions(const std::vector<std::string>& quoted_names) {
  return (quoted_names.size() == 1 ? "по направлению " : "по направлениям ") + join_and(quoted_names);
}

}  // namespace analysis
