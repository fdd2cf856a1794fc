#include "cli/method_command.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>

#include "analysis/number_text.h"
#include "cli/phases/exit_codes.h"
#include "cli/phases/run_session.h"
#include "definition/definition_loader.h"
#include "definition/method_book_layout.h"
#include "definition/method_book_writer.h"
#include "model/form_fields.h"
#include "model/periodicity_code.h"
#include "model/period.h"
#include "util/console_text.h"
#include "util/plural.h"

namespace cli {

namespace {

namespace fs = std::filesystem;

constexpr util::NounForms k_fields = {"поле", "поля", "полей"};
constexpr util::NounForms k_indicators = {"показатель", "показателя", "показателей"};
constexpr util::NounForms k_directions = {"направление", "направления", "направлений"};
constexpr util::NounForms k_blocks = {"блок", "блока", "блоков"};
constexpr util::NounForms k_positions = {"позиция", "позиции", "позиций"};
constexpr util::NounForms k_points = {"балл", "балла", "баллов"};
constexpr util::NounForms k_rules = {"правило", "правила", "правил"};
constexpr util::NounForms k_monitorings = {"мониторинг", "мониторинга", "мониторингов"};

void print_diagnostics(const std::vector<model::Diagnostic>& ds) {
  for (const auto& d : ds) {
    std::printf("%s: %s\n", model::severity_name(d.severity).c_str(), util::console_text(model::to_string(d)).c_str());
  }
}

// «ежемесячно»: the words the method workbook's «Общее» shows for it.
std::string periodicity_text(model::Periodicity p) {
  return std::string(definition::book::choice_shown(definition::book::periodicity_choices(), model::periodicity_code(p)));
}

// "количество — 10, да/нет — 7": the kinds that occur, in the given order.
template <class Kind>
std::string by_kind(const std::vector<Kind>& kinds, const std::vector<std::pair<Kind, std::string>>& names) {
  std::string out;
  for (const auto& [kind, name] : names) {
    const auto n = std::count(kinds.begin(), kinds.end(), kind);
    if (n > 0) out += (out.empty() ? "" : ", ") + name + " — " + std::to_string(n);
  }
  return out;
}

// Refuses to write over a file unless asked to; Russian reason, or nothing.
std::optional<std::string> refuse_overwrite(const MethodOptions& options) {
  std::error_code ec;
  if (options.force || !fs::exists(options.out, ec)) return std::nullopt;
  return "файл " + options.out + " уже есть: программа его не перезаписывает. Укажите другое имя в --out "
         "или добавьте --force, если файл можно заменить";
}

std::optional<definition::LoadedDefinition> load(const std::string& file) {
  auto loaded = definition::load_definition(file);
  if (!loaded) {
    print_diagnostics(loaded.error());
    std::printf("%s: методика не загружена, ошибок: %zu\n", util::console_text(fs::path(file).filename().string()).c_str(),
                loaded.error().size());
    return std::nullopt;
  }
  return std::move(*loaded);
}

}  // namespace

std::string method_summary(const model::Definition& d) {
  std::string out;
  const auto line = [&](const std::string& text) { out += "  " + text + "\n"; };
  std::string calendar = "каждый месяц";
  if (d.schedule) {
    calendar.clear();
    for (const int m : d.schedule->months) calendar += (calendar.empty() ? "" : ", ") + model::month_name(m);
  }
  line("периодичность: " + periodicity_text(d.periodicity) + "; месяцы сбора: " + calendar);
  if (!d.sources.empty()) line("мониторинги-источники: " + util::count_text(static_cast<long>(d.sources.size()), k_monitorings));
  line("направления: " + std::to_string(d.directions.size()));
  std::vector<model::InputKind> input_kinds;
  for (const auto& in : d.inputs) input_kinds.push_back(in.kind);
  line("поля формы: " + std::to_string(d.inputs.size()) + " (" +
       by_kind(input_kinds, {{model::InputKind::count, model::form::field_kind_name(model::InputKind::count)},
                             {model::InputKind::yesno, model::form::field_kind_name(model::InputKind::yesno)},
                             {model::InputKind::text, model::form::field_kind_name(model::InputKind::text)}}) +
       ")");
  std::vector<model::IndicatorKind> indicator_kinds;
  std::map<int, long> per_year;
  for (const auto& ind : d.indicators) {
    indicator_kinds.push_back(ind.kind);
    for (const auto& [year, _] : ind.targets) ++per_year[year];
  }
  const auto indicator_kinds_text = by_kind(indicator_kinds, {{model::IndicatorKind::share, std::string("доля")},
                                                             {model::IndicatorKind::count, std::string("количество")},
                                                             {model::IndicatorKind::yesno, std::string("да/нет")}});
  line("показатели: " + std::to_string(d.indicators.size()) +
       (indicator_kinds_text.empty() ? "" : " (" + indicator_kinds_text + ")"));
  std::string targets;
  for (const auto& [year, n] : per_year) {
    targets += (targets.empty() ? "" : ", ") + std::to_string(year) + " — " + util::count_text(n, k_indicators);
  }
  line("цели по годам: " + (targets.empty() ? std::string("не заданы") : targets));
  if (d.rubric && !d.rubric->blocks.empty()) {
    const auto& r = *d.rubric;
    long positions = 0;
    std::string blocks;
    for (const auto& b : r.blocks) {
      positions += static_cast<long>(b.positions.size());
      blocks += (blocks.empty() ? "" : ", ") + b.title + " — " + analysis::format_points(b.computed_max);
    }
    line("рубрика «" + r.title + "»: " + util::count_text(static_cast<long>(r.blocks.size()), k_blocks) + ", " +
         util::count_text(positions, k_positions) + " оценивания, максимум " +
         analysis::format_points(r.computed_total) + " " +
         std::string(util::plural(static_cast<long>(r.computed_total), k_points)) + " (" + blocks + ")");
  } else {
    line("рубрика: нет");
  }
  const long rules = d.rubric ? static_cast<long>(d.rubric->recommendations.size()) : 0;
  line("рекомендации: " + (rules > 0 ? util::count_text(rules, k_rules) : std::string("по умолчанию (правил нет)")));
  return out;
}

int method_command(const std::string& action, const MethodOptions& options) {
  const auto usage = [](const std::string& what) {
    std::fprintf(stderr, "ошибка в командной строке: %s\nСправка: metodmon method --help\n", what.c_str());
    return k_exit_usage;
  };
  const bool needs_out = action == "new" || action == "export";
  const bool needs_definition = action == "export" || action == "check";
  if (!needs_out && !needs_definition) {
    return usage("неизвестное действие «" + util::console_text(action) + "»: new, export или check");
  }
  if (needs_out && options.out.empty()) return usage("для «method " + action + "» укажите книгу: --out ФАЙЛ");
  if (needs_definition && options.definition.empty()) {
    return usage("для «method " + action + "» укажите файл методики");
  }
  if (action == "new" && !options.definition.empty()) {
    return usage("«method new» пишет книгу с примерами и файла методики не читает; выгрузить методику: "
                 "metodmon method export " + util::console_text(options.definition) + " --out ФАЙЛ");
  }
  if (action == "new") return method_new_command(options);
  if (action == "export") return method_export_command(options);
  return method_check_command(options);
}

int method_new_command(const MethodOptions& options) {
  if (const auto why = refuse_overwrite(options)) {
    std::fprintf(stderr, "ошибка: %s\n", util::console_text(*why).c_str());
    return k_exit_failure;
  }
  const auto epoch = run_epoch();
  const std::time_t now = epoch ? static_cast<std::time_t>(*epoch) : std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  const auto written = definition::write_method_book(definition::example_method(tm.tm_year + 1900), options.out);
  if (!written) {
    std::fprintf(stderr, "ошибка: %s\n", util::console_text(model::to_string(written.error())).c_str());
    return k_exit_failure;
  }
  std::printf("записана книга методики %s: на каждом листе строка-пример; замените их своими и проверьте: "
              "metodmon method check %s\n",
              util::console_text(options.out).c_str(), util::console_text(options.out).c_str());
  return k_exit_ok;
}

int method_export_command(const MethodOptions& options) {
  const auto loaded = load(options.definition);
  if (!loaded) return k_exit_failure;
  if (const auto why = refuse_overwrite(options)) {
    std::fprintf(stderr, "ошибка: %s\n", util::console_text(*why).c_str());
    return k_exit_failure;
  }
  const auto written = definition::write_method_book(loaded->definition, options.out);
  if (!written) {
    std::fprintf(stderr, "ошибка: %s\n", util::console_text(model::to_string(written.error())).c_str());
    return k_exit_failure;
  }
  const auto& d = loaded->definition;
  std::printf("методика «%s» (%s) записана в %s: %s, %s\n", util::console_text(d.title).c_str(), d.id.c_str(),
              util::console_text(options.out).c_str(),
              util::count_text(static_cast<long>(d.inputs.size()), k_fields).c_str(),
              util::count_text(static_cast<long>(d.indicators.size()), k_indicators).c_str());
  return k_exit_ok;
}

int method_check_command(const MethodOptions& options) {
  const auto loaded = load(options.definition);
  if (!loaded) return k_exit_failure;
  const auto& d = loaded->definition;
  print_diagnostics(loaded->warnings);
  std::printf("%s: методика «%s» (%s), версия %s, редакция формы %s\n",
              util::console_text(fs::path(options.definition).filename().string()).c_str(),
              util::console_text(d.title).c_str(), d.id.c_str(), util::console_text(d.version).c_str(),
              d.form_revision.c_str());
  std::printf("%s", util::console_text(method_summary(d)).c_str());
  std::printf("ошибок нет, %s\n", loaded->warnings.empty()
                                       ? "предупреждений нет"
                                       : ("предупреждений: " + std::to_string(loaded->warnings.size())).c_str());
  return k_exit_ok;
}

}  // namespace cli
