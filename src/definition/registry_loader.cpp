#include "definition/registry_loader.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "definition/csv_reader.h"
#include "definition/naming.h"
#include "definition/text_encoding.h"
#include "model/email_address.h"
#include "util/ascii.h"
#include "util/read_file.h"
#include "util/text_case.h"

namespace definition {

namespace {

using model::Diagnostic;

enum class Column { id, short_name, full_name, director, email, senders, teachers, aliases };

struct Alias {
  std::string_view name;
  Column column;
};
constexpr std::array<Alias, 22> k_aliases = {{
    {"id", Column::id},
    {"код", Column::id},
    {"short_name", Column::short_name},
    {"краткое_наименование", Column::short_name},
    {"full_name", Column::full_name},
    {"полное_наименование", Column::full_name},
    {"director", Column::director},
    {"директор", Column::director},
    {"email", Column::email},
    {"e_mail", Column::email},
    {"почта", Column::email},
    {"электронная_почта", Column::email},
    {"senders", Column::senders},
    {"адреса_отправителей", Column::senders},
    {"другие_адреса", Column::senders},
    {"teachers", Column::teachers},
    {"педагогов", Column::teachers},
    {"число_педагогов", Column::teachers},
    {"педагогических_работников", Column::teachers},
    {"aliases", Column::aliases},
    {"псевдонимы", Column::aliases},
    {"другие_названия", Column::aliases},
}};
constexpr std::string_view k_header_hint =
    "первая строка должна содержать названия столбцов: id;short_name;full_name;director;email "
    "(или код;краткое_наименование;полное_наименование;директор;почта)";

// Trims ASCII spaces, tabs and no-break spaces (U+00A0, as Excel pastes them).
std::string trim(std::string_view s) {
  const auto is_space_at_front = [&](std::string_view t) {
    if (t.empty()) return std::size_t{0};
    if (t.front() == ' ' || t.front() == '\t') return std::size_t{1};
    if (t.starts_with("\xC2\xA0")) return std::size_t{2};
    return std::size_t{0};
  };
  const auto is_space_at_back = [&](std::string_view t) {
    if (t.empty()) return std::size_t{0};
    if (t.back() == ' ' || t.back() == '\t') return std::size_t{1};
    if (t.ends_with("\xC2\xA0")) return std::size_t{2};
    return std::size_t{0};
  };
  while (const auto n = is_space_at_front(s)) s.remove_prefix(n);
  while (const auto n = is_space_at_back(s)) s.remove_suffix(n);
  return std::string(s);
}

// Lowercase (ASCII and Russian letters), spaces and '-' as '_'.
std::string normalise_header(std::string_view raw) {
  std::string out = util::lower_text(trim(raw));
  std::replace_if(out.begin(), out.end(), [](char c) { return c == ' ' || c == '-'; }, '_');
  return out;
}

std::optional<Column> column_of(std::string_view normalised) {
  for (const auto& a : k_aliases) {
    if (a.name == normalised) return a.column;
  }
  return std::nullopt;
}

std::string_view canonical_name(Column c) {
  switch (c) {
    case Column::id: return "id";
    case Column::short_name: return "short_name";
    case Column::full_name: return "full_name";
    case Column::director: return "director";
    case Column::email: return "email";
    case Column::senders: return "senders";
    case Column::teachers: return "teachers";
    case Column::aliases: return "aliases";
  }
  return "id";
}

std::string delimiter_name(char d) {
  return d == '\t' ? std::string("табуляция") : "«" + std::string(1, d) + "»";
}

class RegistryParser {
 public:
  explicit RegistryParser(const std::string& file_name) : m_file(file_name) {}

  model::ExpectedAll<LoadedRegistry> parse(std::string_view bytes) {
    const auto encoding = detect_encoding(bytes);
    if (encoding == TextEncoding::utf16) {
      error(1, "", "файл реестра сохранён в кодировке UTF-16 («Текст Юникод»)",
            "сохраните его в Excel как «CSV UTF-8» или «CSV (разделители — точка с запятой)»");
      return finish();
    }
    if (encoding == TextEncoding::windows_1251) {
      warning(1, "", "файл реестра сохранён не в UTF-8; прочитан как Windows-1251",
              "проверьте названия школ; надёжнее сохранить файл в Excel как «CSV UTF-8»");
    }
    const auto csv = read_csv(to_utf8(bytes));
    if (csv.error) {
      error(csv.error->line, "", csv.error->message,
            "закройте кавычку; кавычка внутри значения записывается двумя кавычками \"\"");
      return finish();
    }
    const auto& records = csv.table.records;
    if (records.empty()) {
      error(1, "", "файл реестра пуст", std::string(k_header_hint));
      return finish();
    }
    m_delimiter = csv.table.delimiter;
    if (!read_header(records.front())) return finish();
    for (std::size_t i = 1; i < records.size(); ++i) read_row(records[i]);
    if (m_registry.schools.empty() && m_out.empty()) {
      error(records.front().line, "", "в реестре нет ни одной школы",
            "после строки заголовка добавьте по строке на каждую школу");
    }
    return finish();
  }

 private:
  void add(model::Severity sev, int line, std::string key, std::string message, std::string hint,
           std::string found) {
    model::Location where;
    where.file = m_file;
    where.line = line;
    where.key = std::move(key);
    m_out.push_back(Diagnostic{sev, std::move(where), std::move(message), std::move(found),
                               std::move(hint)});
  }
  void error(int line, std::string key, std::string message, std::string hint = {},
             std::string found = {}) {
    add(model::Severity::error, line, std::move(key), std::move(message), std::move(hint),
        std::move(found));
  }
  void warning(int line, std::string key, std::string message, std::string hint = {},
               std::string found = {}) {
    add(model::Severity::warning, line, std::move(key), std::move(message), std::move(hint),
        std::move(found));
  }

  bool read_header(const CsvRecord& header) {
    std::vector<std::string> known;
    for (const auto& a : k_aliases) known.emplace_back(a.name);
    m_header = header.fields;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
      const std::string shown = trim(header.fields[i]);
      const auto column = column_of(normalise_header(shown));
      if (!column) {
        warning(header.line, shown, "столбец «" + shown + "» не используется и пропущен",
                choose_hint(normalise_header(shown), known, "известные столбцы"));
        continue;
      }
      if (const auto it = m_index.find(*column); it != m_index.end()) {
        error(header.line, shown,
              "столбец «" + shown + "» повторяет столбец «" + trim(header.fields[it->second]) + "»",
              "оставьте в заголовке один из них");
        continue;
      }
      m_index[*column] = i;
    }
    std::string joined;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
      joined += (i ? std::string(1, m_delimiter) : std::string()) + trim(header.fields[i]);
    }
    for (const Column required : {Column::id, Column::short_name}) {
      if (m_index.contains(required)) continue;
      error(header.line, std::string(canonical_name(required)),
            "в заголовке реестра нет обязательного столбца «" + std::string(canonical_name(required)) +
                "»",
            std::string(k_header_hint), joined);
    }
    if (model::has_errors(m_out)) return false;
    if (!m_index.contains(Column::email)) {
      warning(header.line, "email", "в реестре нет столбца email: письма директорам отправляться не будут",
              "добавьте столбец email с адресами директоров");
    }
    return true;
  }

  std::string value(const CsvRecord& r, Column c) const {
    const auto it = m_index.find(c);
    if (it == m_index.end() || it->second >= r.fields.size()) return {};
    return trim(r.fields[it->second]);
  }
  std::string key(Column c) const { return trim(m_header[m_index.at(c)]); }

  void read_row(const CsvRecord& r) {
    // Excel sometimes writes trailing empty cells (";;"): extra empty fields are harmless.
    std::size_t count = r.fields.size();
    while (count > m_header.size() && trim(r.fields[count - 1]).empty()) --count;
    if (count != m_header.size()) {
      error(r.line, "",
            "число значений в строке (" + std::to_string(count) +
                ") не совпадает с числом столбцов в заголовке (" + std::to_string(m_header.size()) +
                ")",
            "значения, содержащие разделитель " + delimiter_name(m_delimiter) +
                " или перенос строки, заключите в двойные кавычки");
      return;
    }
    model::School s;
    s.id = value(r, Column::id);
    s.short_name = value(r, Column::short_name);
    s.full_name = value(r, Column::full_name);
    s.director = value(r, Column::director);
    s.email = value(r, Column::email);
    bool ok = true;
    if (s.id.empty()) {
      error(r.line, key(Column::id), "не указан id школы",
            "заполните столбец: латинские буквы, цифры, «_» или «-»");
      ok = false;
    } else if (!is_valid_plain_id(s.id)) {
      error(r.line, key(Column::id), "недопустимый id школы",
            "используйте латинские буквы, цифры, «_» и «-» (не длиннее 64 символов): id входит в "
            "имена файлов форм",
            s.id);
      ok = false;
    } else if (const auto [it, inserted] = m_first_line.emplace(s.id, r.line); !inserted) {
      error(r.line, key(Column::id),
            "id школы «" + s.id + "» уже встречался в строке " + std::to_string(it->second),
            "у каждой школы должен быть свой id");
      ok = false;
    }
    if (s.short_name.empty()) {
      error(r.line, key(Column::short_name),
            "не указано краткое наименование школы" + (s.id.empty() ? "" : " «" + s.id + "»"),
            "заполните столбец: наименование выводится в отчётах");
      ok = false;
    }
    if (m_index.contains(Column::email)) check_email(r.line, s);
    if (m_index.contains(Column::senders)) read_senders(r, s);
    if (m_index.contains(Column::teachers)) ok = read_teachers(r, s) && ok;
    if (m_index.contains(Column::aliases)) s.aliases = split_aliases(value(r, Column::aliases));
    if (ok) {
      check_shared(r.line, s);
      m_registry.schools.push_back(std::move(s));
    }
  }

  // The number of teachers: empty, or a whole number from 0.
  bool read_teachers(const CsvRecord& r, model::School& s) {
    const std::string text = value(r, Column::teachers);
    if (text.empty()) return true;
    int n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc{} || end != text.data() + text.size() || n < 0) {
      error(r.line, key(Column::teachers),
            "число педагогов школы" + (s.id.empty() ? "" : " «" + s.id + "»") + " должно быть целым числом от 0",
            "впишите число педагогических работников цифрами, без пробелов и букв, или оставьте ячейку пустой",
            text);
      return false;
    }
    s.teachers = n;
    return true;
  }

  // «Школа Кедровка | КСОШ»: names separated by '|' or line breaks (Alt+Enter in Excel).
  static std::vector<std::string> split_aliases(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
      const auto end = text.find_first_of("|\n", start);
      const auto part = trim(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
      if (!part.empty()) out.push_back(part);
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
    return out;
  }

  // The letters a school without a usable e-mail does not get.
  static constexpr std::string_view k_no_letters =
      "письма школе (итоги, формы на заполнение, напоминания, ответы на её письма) отправлены не будут";

  void check_email(int line, model::School& s) {
    const std::string who = "у школы «" + s.id + "»";
    if (s.email.empty()) {
      warning(line, key(Column::email), who + " не указан e-mail директора: " + std::string(k_no_letters),
              "впишите адрес в столбец");
    } else if (!model::is_valid_email(s.email)) {
      const bool several = s.email.find_first_of(",; ") != std::string::npos;
      warning(line, key(Column::email),
              who + " e-mail директора записан с ошибкой" +
                  (several ? std::string(" (несколько адресов или адрес с запятой)") : std::string()) + ": " +
                  std::string(k_no_letters),
              several ? "в столбце " + key(Column::email) +
                            " — один адрес, на него уходят письма; другие адреса школы, с которых она присылает "
                            "формы, впишите в столбец senders"
                      : "укажите один адрес вида имя@домен.ru",
              s.email);
      s.email.clear();
    }
  }

  // senders: addresses separated by spaces, commas or semicolons.
  void read_senders(const CsvRecord& r, model::School& s) {
    const auto text = value(r, Column::senders);
    std::size_t at = 0;
    while (at < text.size()) {
      const auto start = text.find_first_not_of(" \t,;", at);
      if (start == std::string::npos) break;
      const auto end = std::min(text.find_first_of(" \t,;", start), text.size());
      const auto address = text.substr(start, end - start);
      at = end;
      if (!model::is_valid_email(address)) {
        warning(r.line, key(Column::senders),
                "у школы «" + s.id + "» адрес в столбце senders записан с ошибкой: формы с него засчитываться не будут",
                "укажите адреса вида имя@домен.ru через запятую", address);
        continue;
      }
      if (std::find(s.senders.begin(), s.senders.end(), address) == s.senders.end() && address != s.email) {
        s.senders.push_back(address);
      }
    }
  }

  // An address two schools share: both are mailed at it, and a form from it
  // counts for the school it names, whichever that is.
  void check_shared(int line, const model::School& s) {
    std::vector<std::string> addresses;
    if (!s.email.empty()) addresses.push_back(s.email);
    addresses.insert(addresses.end(), s.senders.begin(), s.senders.end());
    for (const auto& address : addresses) {
      const auto [first, fresh] = m_owner.emplace(util::lower_ascii(address), std::pair{s.id, line});
      if (fresh || first->second.first == s.id) continue;
      const auto& [other, other_line] = first->second;
      warning(line, key(address == s.email ? Column::email : Column::senders),
              "адрес " + address + " указан у двух школ: «" + other + "» (строка " + std::to_string(other_line) +
                  ") и «" + s.id + "»: письма обеим школам (итоги, формы, напоминания) уйдут на один адрес, "
                  "по адресу отправителя не понять, какая из них написала, и форма с него засчитывается той "
                  "школе, которая названа в форме",
              "если у школ разные директора, укажите каждой её собственный адрес", address);
    }
  }

  model::ExpectedAll<LoadedRegistry> finish() {
    std::vector<Diagnostic> errors;
    std::vector<Diagnostic> warnings;
    for (auto& d : m_out) {
      (d.severity == model::Severity::error ? errors : warnings).push_back(std::move(d));
    }
    if (!errors.empty()) return std::unexpected(std::move(errors));
    m_registry.index();
    return LoadedRegistry{std::move(m_registry), std::move(warnings)};
  }

  const std::string& m_file;
  char m_delimiter = ';';
  std::vector<std::string> m_header;
  std::map<Column, std::size_t> m_index;
  std::map<std::string, int> m_first_line;
  std::map<std::string, std::pair<std::string, int>> m_owner;  // lower-cased address -> (school, line)
  model::Registry m_registry;
  std::vector<Diagnostic> m_out;
};

}  // namespace

model::ExpectedAll<LoadedRegistry> parse_registry(std::string_view bytes,
                                                  const std::string& file_name) {
  return RegistryParser(file_name).parse(bytes);
}

model::ExpectedAll<LoadedRegistry> load_registry(const std::filesystem::path& file) {
  const std::string name = file.filename().string();
  const auto bytes = util::read_file(file);
  if (!bytes) {
    model::Location where;
    where.file = name;
    return std::unexpected(std::vector<Diagnostic>{Diagnostic::error(
        where, "не удалось открыть файл реестра школ", "проверьте путь: " + file.string())});
  }
  return parse_registry(*bytes, name);
}

}  // namespace definition
