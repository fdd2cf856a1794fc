#include "util/plural.h"

namespace util {

std::string_view plural(long n, const NounForms& forms) {
  const long a = n < 0 ? -n : n;
  const long last_two = a % 100;
  const long last = a % 10;
  if (last_two >= 11 && last_two <= 14) return forms[2];
  if (last == 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

std::string count_text(long n, const NounForms& forms) {
  return std::to_string(n) + " " + std::string(plural(n, forms));
}

}  // namespace util
