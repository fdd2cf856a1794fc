#include "definition/toml_fields.h"

#include <algorithm>
#include <sstream>

#include "definition/naming.h"

namespace definition {

namespace {
std::string quoted(std::string_view s) { return "«" + std::string(s) + "»"; }
}  // namespace

std::optional<int> SourceMap::line_of(std::string key) const {
  while (true) {
    if (const auto it = m_lines.find(key); it != m_lines.end()) return it->second;
    const auto dot = key.rfind('.');
    if (dot == std::string::npos) return std::nullopt;
    key.resize(dot);
  }
}

std::string render_value(const toml::node& node) {
  if (const auto* s = node.as_string()) return s->get();
  std::ostringstream out;
  node.visit([&](const auto& v) { out << v; });
  return out.str();
}

TableReader::TableReader(const toml::table& table, std::string path, std::string section,
                         const std::string& file_name, SourceMap& lines,
                         std::vector<model::Diagnostic>& out)
    : m_table(table),
      m_path(std::move(path)),
      m_section(std::move(section)),
      m_file_name(file_name),
      m_lines(lines),
      m_out(out),
      m_line(static_cast<int>(table.source().begin.line)) {
  m_lines.add(m_path, m_line);
  for (const auto& [key, value] : table) {
    m_lines.add(m_path + "." + std::string(key.str()), static_cast<int>(value.source().begin.line));
  }
}

model::Location TableReader::at(std::string_view key) const {
  model::Location where;
  where.file = m_file_name;
  const std::string full = key.empty() ? m_path : m_path + "." + std::string(key);
  const auto line = m_lines.line_of(full);
  where.line = line && *line > 0 ? line : std::optional<int>(m_line > 0 ? m_line : 1);
  where.key = full;
  return where;
}

void TableReader::error(std::string_view key, std::string message, std::string hint,
                        std::string found) {
  m_out.push_back(
      model::Diagnostic::error(at(key), std::move(message), std::move(hint), std::move(found)));
}

std::optional<std::string> TableReader::text(std::string_view key, bool required) {
  const auto* n = m_table.get(key);
  if (n == nullptr) {
    if (required) {
      error(key, "в " + m_section + " не указан обязательный ключ " + quoted(key),
            "добавьте строку " + std::string(key) + " = \"…\"");
    }
    return std::nullopt;
  }
  if (const auto* s = n->as_string()) return s->get();
  error(key, "значение ключа " + quoted(key) + " должно быть строкой в кавычках",
        "запишите " + std::string(key) + " = \"…\"", render_value(*n));
  return std::nullopt;
}

std::optional<bool> TableReader::flag(std::string_view key) {
  const auto* n = m_table.get(key);
  if (n == nullptr) return std::nullopt;
  if (const auto* b = n->as_boolean()) return b->get();
  error(key, "значение ключа " + quoted(key) + " должно быть true или false",
        "запишите без кавычек: " + std::string(key) + " = true", render_value(*n));
  return std::nullopt;
}

std::optional<double> TableReader::number(std::string_view key) {
  const auto* n = m_table.get(key);
  if (n == nullptr) return std::nullopt;
  if (const auto* i = n->as_integer()) return static_cast<double>(i->get());
  if (const auto* f = n->as_floating_point()) return f->get();
  error(key, "значение ключа " + quoted(key) + " должно быть числом",
        "запишите число без кавычек: " + std::string(key) + " = 10", render_value(*n));
  return std::nullopt;
}

std::vector<std::string> TableReader::texts(std::string_view key) {
  std::vector<std::string> out;
  const auto* n = m_table.get(key);
  if (n == nullptr) return out;
  const auto* arr = n->as_array();
  if (arr == nullptr) {
    error(key, "значение ключа " + quoted(key) + " должно быть списком строк",
          "запишите " + std::string(key) + " = [\"…\", \"…\"]", render_value(*n));
    return out;
  }
  for (const auto& item : *arr) {
    if (const auto* s = item.as_string()) {
      out.push_back(s->get());
    } else {
      error(key, "в списке " + quoted(key) + " допустимы только строки в кавычках", {},
            render_value(item));
    }
  }
  return out;
}

std::optional<std::string> TableReader::choice(std::string_view key,
                                               std::span<const std::string_view> allowed,
                                               bool required) {
  auto value = text(key, required);
  if (!value) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *value) != allowed.end()) return value;
  const std::vector<std::string> names(allowed.begin(), allowed.end());
  error(key, "недопустимое значение ключа " + quoted(key) + " в " + m_section,
        choose_hint(*value, names, "допустимые значения"), *value);
  return std::nullopt;
}

void TableReader::reject_unknown(std::span<const std::string_view> allowed) {
  const std::vector<std::string> names(allowed.begin(), allowed.end());
  for (const auto& [key, value] : m_table) {
    const std::string name(key.str());
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    error(name, "неизвестный ключ " + quoted(name) + " в " + m_section,
          choose_hint(name, names, "допустимые ключи"));
  }
}

void TableReader::reject_present(std::string_view key, std::string_view why) {
  if (m_table.get(key) == nullptr) return;
  error(key, "ключ " + quoted(key) + " не применяется: " + std::string(why),
        "удалите строку " + std::string(key) + " = …");
}

std::vector<const toml::table*> array_of_tables(const toml::table& root, std::string_view name,
                                                const std::string& file_name,
                                                std::vector<model::Diagnostic>& out) {
  std::vector<const toml::table*> tables;
  const auto* node = root.get(name);
  if (node == nullptr) return tables;
  const auto* arr = node->as_array();
  if (arr == nullptr || !arr->is_array_of_tables()) {
    model::Location where;
    where.file = file_name;
    where.line = std::max(1, static_cast<int>(node->source().begin.line));
    where.key = std::string(name);
    out.push_back(model::Diagnostic::error(
        where, "«" + std::string(name) + "» должен быть списком таблиц [[" + std::string(name) + "]]",
        "начинайте каждый элемент строкой [[" + std::string(name) + "]]"));
    return tables;
  }
  for (const auto& item : *arr) tables.push_back(item.as_table());
  return tables;
}

}  // namespace definition
