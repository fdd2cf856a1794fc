#include "cli/template_command.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "cli/config/run_inputs.h"
#include "cli/phases/exit_codes.h"
#include "cli/phases/form_options.h"
#include "forms/form_writer.h"
#include "util/local_time.h"

namespace cli {

int template_command(const Config& config, const TemplateOptions& options) {
  // A variable that is not set would leave every form open to any school:
  // refused unless the configuration says forms need no password.
  if (config.form_password.empty() && !config.form_password_env.empty() && !config.forms_without_password) {
    std::fprintf(stderr,
                 "ошибка: пароль защиты форм не задан: переменная окружения %s (раздел [forms], password_env, "
                 "файл %s) не установлена или пуста; без пароля школа может снять защиту и изменить форму. "
                 "Формы не записаны.\nКак исправить: задайте переменную (export %s=…) и запустите template снова; "
                 "если формы должны быть без пароля, укажите в [forms] no_password = true вместо password_env\n",
                 config.form_password_env.c_str(), config.file.string().c_str(), config.form_password_env.c_str());
    return k_exit_failure;
  }
  const auto inputs = load_run_inputs(config);
  if (!inputs) return k_exit_failure;
  if (!inputs->definition.definition.has_form()) {
    std::fprintf(stderr,
                 "ошибка: у методики «%s» нет формы для школ: все её данные собираются анкетой ([[survey]]). "
                 "Формы не записаны.\nКак исправить: разошлите ссылку на анкету в Яндекс Формах или Google Формах "
                 "и положите выгрузку ответов во входящую папку\n",
                 inputs->definition.definition.title.c_str());
    return k_exit_failure;
  }
  const auto* registry = &inputs->registry.registry;
  const auto* period = &inputs->period;
  for (const auto& id : options.school_ids) {
    if (registry->find(id) == nullptr) {
      std::fprintf(stderr, "ошибка: школы «%s» нет в реестре %s\n", id.c_str(), config.schools.string().c_str());
      return k_exit_usage;
    }
  }
  const auto out_dir = options.out_dir.empty() ? config.output / period->id / "forms" : options.out_dir;
  const auto now = std::time(nullptr);
  const auto stamp = util::format_local_time(now, "%Y-%m-%d %H:%M");
  const auto options_of_forms =
      form_options(config, inputs->definition.definition, *period, stamp, calendar::local_date(now));
  int written = 0;
  for (const auto& school : registry->schools) {
    if (!options.school_ids.empty() &&
        std::find(options.school_ids.begin(), options.school_ids.end(), school.id) == options.school_ids.end()) {
      continue;
    }
    const auto file = out_dir / forms::form_file_name(school, *period);
    if (auto r = forms::write_form(inputs->definition.definition, school, *period, file, options_of_forms); !r) {
      std::fprintf(stderr, "ошибка: %s\n", model::to_string(r.error()).c_str());
      return k_exit_failure;
    }
    spdlog::info("форма записана: {}", file.string());
    ++written;
  }
  if (!options.quiet) std::printf("Формы для заполнения (%d): %s\n", written, out_dir.string().c_str());
  return k_exit_ok;
}

}  // namespace cli
