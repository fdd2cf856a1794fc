#include "report/method_sheet.h"

#include <array>
#include <algorithm>
#include <ctime>

#include "analysis/number_text.h"
#include "report/cell_text.h"
#include "report/errors_sheet.h"
#include "util/local_time.h"
#include "util/text_case.h"

namespace report {

namespace {

constexpr std::array<double, 6> k_widths = {24, 40, 14, 50, 11, 16};
constexpr lxw_col_t k_last_col = k_widths.size() - 1;
constexpr double k_value_width = 40 + 14 + 50 + 11 + 16;

// "70" or "12,5": targets as the roadmap prints them.
std::string short_number(double v) {
  const std::string s = format_decimal(v, 1);
  return s.ends_with(",0") ? s.substr(0, s.size() - 2) : s;
}

std::string input_label(const model::Definition& def, const std::string& id) {
  const model::InputDef* input = def.find_input(id);
  return "«" + (input == nullptr || input->label.empty() ? id : input->label) + "»";
}

std::string formula_of(const model::Definition& def, const model::IndicatorDef& ind) {
  switch (ind.kind) {
    case model::IndicatorKind::share:
      return input_label(def, ind.numerator) + " / " + input_label(def, ind.denominator) +
             " × 100 %; муниципалитет: Σ числителей / Σ знаменателей";
    case model::IndicatorKind::count:
      return input_label(def, ind.input) + "; муниципалитет: сумма по ОО";
    case model::IndicatorKind::yesno:
      return input_label(def, ind.input) + " (Да/Нет); муниципалитет: доля ОО с ответом «Да»";
  }
  return {};
}

std::string kind_name(model::IndicatorKind k) {
  switch (k) {
    case model::IndicatorKind::share: return "доля, %";
    case model::IndicatorKind::count: return "количество";
    case model::IndicatorKind::yesno: return "да/нет";
  }
  return {};
}

std::string targets_of(const model::IndicatorDef& ind) {
  if (ind.targets.empty()) return "не заданы";
  std::string out;
  const std::string unit = ind.kind == model::IndicatorKind::count ? "" : " %";
  for (const auto& [year, value] : ind.targets) {
    if (!out.empty()) out += "; ";
    out += std::to_string(year) + ": " + short_number(value) + unit;
  }
  return out;
}

std::string local_time(std::int64_t seconds) {
  return seconds <= 0 ? std::string{} : util::format_local_time(seconds, "%Y-%m-%d %H:%M");
}

class MethodWriter {
 public:
  MethodWriter(SheetWriter& w, const Formats& f) : m_w(w), m_f(f) {}

  void section(std::string_view title) {
    m_row += 1;
    m_w.merged(m_row, 0, m_row, k_last_col, title, m_f.section);
    m_row += 1;
  }

  void pair(std::string_view key, std::string_view value) {
    m_w.text(m_row, 0, key, m_f.label);
    paragraph_at(1, value.empty() ? "не указано" : value);
  }

  void paragraph(std::string_view text) { paragraph_at(0, text); }

  void header(const std::array<const char*, 6>& titles) {
    for (lxw_col_t c = 0; c <= k_last_col; ++c) m_w.text(m_row, c, titles[c], m_f.header);
    m_w.row_height(m_row, 30);
    ++m_row;
  }

  // One table row; `lines` = the most lines any of its cells needs.
  void cells(const std::array<std::string, 6>& values, lxw_format* sha_format = nullptr) {
    int lines = 1;
    for (lxw_col_t c = 0; c <= k_last_col; ++c) {
      lxw_format* fmt = c == 3 && sha_format != nullptr ? sha_format : m_f.text_wrap;
      m_w.text(m_row, c, values[c], fmt);
      lines = std::max(lines, wrapped_lines(values[c], k_widths[c]));
    }
    m_w.row_height(m_row, std::min(409.0, 15.0 * lines));
    ++m_row;
  }

  lxw_row_t row() const { return m_row; }

 private:
  void paragraph_at(lxw_col_t first, std::string_view text) {
    m_w.merged(m_row, first, m_row, k_last_col, text, m_f.plain_wrap);
    const double width = first == 0 ? k_value_width + k_widths[0] : k_value_width;
    m_w.row_height(m_row, std::min(409.0, 15.0 * wrapped_lines(text, width)));
    ++m_row;
  }

  SheetWriter& m_w;
  const Formats& m_f;
  lxw_row_t m_row = k_title_rows;
};

// "07.12.2026 19:21" from "2026-12-07 19:21:58".
std::string run_time_text(const std::string& run_time) {
  if (run_time.size() < 16 || run_time[4] != '-') return run_time;
  return run_time.substr(8, 2) + "." + run_time.substr(5, 2) + "." + run_time.substr(0, 4) + " " +
         run_time.substr(11, 5);
}

// A loader's message as a methodist reads it: the method's ids («diag_share»,
// «doc_iom_act», «D3») become the names she knows.
std::string named_ids(std::string text, const model::Definition& def) {
  std::vector<std::pair<std::string, std::string>> names;
  for (const auto& ind : def.indicators) names.emplace_back(ind.id, analysis::indicator_label(ind));
  for (const auto& in : def.inputs) names.emplace_back(in.id, "«" + in.label + "»");
  for (const auto& d : def.directions) names.emplace_back(d.id, "«" + d.name + "»");
  // Longest ids first, so that «diag» does not eat into «diag_share».
  std::sort(names.begin(), names.end(),
            [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (const auto& [id, name] : names) {
    const std::string quoted = "«" + id + "»";
    for (auto pos = text.find(quoted); pos != std::string::npos; pos = text.find(quoted, pos + name.size())) {
      // «показатель «diag_share»» -> «показатель 1.1 «Доля …»»
      text.replace(pos, quoted.size(), name);
    }
  }
  return text;
}

void write_definition(MethodWriter& m, const ReportInput& in) {
  const auto& def = in.definition;
  m.section("Методика мониторинга");
  m.pair("Название", def.title);
  if (!def.version.empty() || !def.form_revision.empty()) {
    m.pair("Версия формы", def.version + (def.form_revision.empty() ? "" : (def.version.empty() ? "" : ", ") +
                                                                             std::string("редакция формы ") + def.form_revision));
  }
  m.pair("Муниципалитет", def.municipality);
  m.pair("Организация", def.organisation);
  m.pair("Документ-источник", def.source);
  m.pair("Период", model::display_name(in.summary.period));
  m.pair("Время формирования", run_time_text(in.run.run_time));
  m.pair("Версия программы", in.run.tool_version);
  m.pair("Реестр ОО", std::to_string(in.registry.schools.size()) + " ОО");

  m.section("Замечания к документу-источнику: пробелы и несоответствия");
  if (def.notes.empty()) m.paragraph("Замечаний нет.");
  for (std::size_t i = 0; i < def.notes.size(); ++i) {
    m.paragraph(std::to_string(i + 1) + ". " + def.notes[i]);
  }
  m.section("Предупреждения при загрузке методики");
  if (in.run.definition_notes.empty()) m.paragraph("Предупреждений нет.");
  for (const auto& d : in.run.definition_notes) {
    // The message alone: where it is in the file (a path, a line, a TOML key)
    // and how to edit it are for whoever keeps the method file (the console says them).
    m.paragraph(util::upper_first(model::severity_name(d.severity)) + ": " + named_ids(d.message, def));
  }
}

void write_rules(MethodWriter& m, const model::Definition& def) {
  m.section("Как вычисляются показатели");
  const std::array<const char*, 8> rules = {
      "Доля для ОО = числитель / знаменатель × 100 %. Если знаменатель равен 0, доля не "
      "вычисляется и показывается как «—»; нулём она не считается.",
      "Муниципальное значение доли = Σ числителей / Σ знаменателей × 100 % по всем ОО, у которых "
      "есть значение. Это взвешенное значение, а не среднее арифметическое долей ОО.",
      "Количество: значение ОО — число из формы, муниципальное значение — сумма по ОО. Показатель "
      "«да/нет»: значение ОО — «Да» или «Нет», муниципальное значение — доля ОО, ответивших «Да».",
      "Медиана и квартили вычисляются по значениям ОО, у которых значение есть, методом линейной "
      "интерполяции — так же, как функции Excel МЕДИАНА и КВАРТИЛЬ.ВКЛ (QUARTILE.INC): нижний "
      "квартиль — 25-й процентиль, верхний — 75-й.",
      "Место ОО: 1 — лучшее значение с учётом направления показателя («лучше больше» или «лучше "
      "меньше»); ОО с одинаковыми значениями делят одно место, следующее место пропускается "
      "(1, 2, 2, 4 — как функция Excel РАНГ.РВ).",
      "Статус «достигнуто»: значение не хуже целевого значения года (для «лучше больше» — не меньше "
      "цели, для «лучше меньше» — не больше). «Нет данных» — значения нет; «цель не задана» — в "
      "дорожной карте нет цели на этот год. Цель по количеству задана для муниципалитета в целом.",
      "Отклонение от цели и от медианы — разность значения ОО и цели (медианы): в процентных "
      "пунктах (п.п.) для долей, в единицах показателя для количеств.",
      "Отсутствующие значения (форма не сдана или отклонена, значение не заполнено, знаменатель "
      "равен 0) не заменяются нулями и не входят ни в медиану, ни в муниципальное значение.",
  };
  for (const char* rule : rules) m.paragraph(rule);
  if (!def.surveys.empty()) {
    m.paragraph("Показатели по анкете: значения нет, если от ОО нет ни одного ответа, если ответило меньше "
                "педагогов, чем требует порог охвата анкеты, или если в реестре не указано число педагогов ОО; "
                "такие значения тоже не заменяются нулями и не входят ни в медиану, ни в муниципальное значение.");
  }
}

void write_indicators(MethodWriter& m, const ReportInput& in) {
  m.section("Показатели методики");
  m.header({"Код", "Показатель", "Вид", "Как вычисляется", "Что лучше", "Целевые значения"});
  for (const auto& ind : in.definition.indicators) {
    m.cells({ind.code, ind.name, kind_name(ind.kind), formula_of(in.definition, ind),
             ind.kind == model::IndicatorKind::yesno
                 ? "«Да»"
                 : (ind.better == model::Better::lower ? "меньше" : "больше"),
             targets_of(ind)});
  }
}

std::string question_kind(model::QuestionKind k) {
  switch (k) {
    case model::QuestionKind::choice: return "один вариант";
    case model::QuestionKind::checkbox: return "несколько вариантов";
    case model::QuestionKind::scale: return "шкала";
    case model::QuestionKind::yesno: return "да/нет";
  }
  return {};
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "«" : "; «") + i + "»";
  return out;
}

// Each questionnaire: who answers, what a share is taken over, each question
// with what counts.
void write_surveys(MethodWriter& m, const ReportInput& in) {
  for (const auto& s : in.definition.surveys) {
    m.section("Анкета «" + s.title + "»: вопросы и засчитываемые ответы");
    std::string about = "Отвечают: " + model::respondents_name(s.respondents) +
                        ". Данные — выгрузки ответов Яндекс Форм или Google Форм (XLSX или CSV) из папки входящих "
                        "форм; школа ответа — по вопросу «" + s.school_question +
                        "»; ответы за другие периоды не учитываются; повторный ответ (тот же номер ответа или "
                        "адрес) учитывается один раз — более поздний.";
    if (!s.registry_input.empty()) {
      about += " Знаменатель долей — число педагогов ОО по реестру школ (столбец teachers).";
    }
    if (s.min_response_rate) {
      about += " Если ответили меньше " + analysis::format_compact(*s.min_response_rate) +
               " % педагогов ОО, показатели анкеты по этой ОО не вычисляются и в муниципальное значение не входят.";
    }
    m.paragraph(about);
    m.header({"Поле", "Вопрос (заголовок столбца в выгрузке)", "Вид", "Варианты ответа", "Засчитывается", "Число"});
    for (const auto& q : s.questions) {
      std::string choices = joined(q.choices);
      std::string counted = joined(q.counted);
      if (q.kind == model::QuestionKind::scale) {
        choices = "от " + analysis::format_compact(q.scale_min) + " до " + analysis::format_compact(q.scale_max);
        counted = "от " + analysis::format_compact(q.at_least);
      } else if (q.kind == model::QuestionKind::checkbox) {
        counted = "хотя бы один из: " + counted;
      }
      m.cells({q.id, q.column.empty() ? q.text : q.text + " (столбец «" + q.column + "»)", question_kind(q.kind),
               choices, counted, q.label});
    }
  }
}

std::string kind_name(model::RubricKind k) {
  switch (k) {
    case model::RubricKind::indicator_set: return "показатели позиции («2/1/−1»)";
    case model::RubricKind::checklist: return "перечень параметров";
    case model::RubricKind::binary: return "да/нет";
  }
  return {};
}

void write_rubric_table(MethodWriter& m, const model::Rubric& rubric) {
  m.section("Рубрика «" + rubric.title + "»: блоки и максимальные баллы");
  m.header({"Блок", "Позиции", "Вид оценки", "Параметры (баллы)", "Максимум по строкам",
            "Заявлено в методике"});
  for (const auto& b : rubric.blocks) {
    std::string positions;
    for (const auto& p : b.positions) {
      // By name: an id such as «ACT_DEF» means nothing to a reader.
      positions += (positions.empty() ? "" : "; ") + (p.name.empty() ? p.id : p.name);
    }
    std::string params;
    if (b.kind == model::RubricKind::indicator_set) {
      params = "наличие " + analysis::format_points(b.nomatch_points) + ", соответствие цели " +
               analysis::format_points(b.match_points - b.nomatch_points) +
               ", неэффективный показатель " + analysis::format_points(b.bad_deduction);
    }
    for (const auto& p : b.params) {
      params += (params.empty() ? "" : "; ") + p.title + " (" + analysis::format_points(p.points) +
                ")";
    }
    const std::string declared =
        !b.declared_max ? "не указан"
        : *b.declared_max == b.computed_max
            ? analysis::format_points(*b.declared_max)
            : analysis::format_points(*b.declared_max) + " — не совпадает, используется " +
                  analysis::format_points(b.computed_max);
    m.cells({b.title, positions, kind_name(b.kind), params,
             analysis::format_points(b.computed_max), declared});
  }
  const std::string declared =
      !rubric.declared_total ? "не указан"
      : *rubric.declared_total == rubric.computed_total
          ? analysis::format_points(*rubric.declared_total)
          : analysis::format_points(*rubric.declared_total) + " — не совпадает, используется " +
                analysis::format_points(rubric.computed_total);
  m.cells({"Итого", "", "", "", analysis::format_points(rubric.computed_total), declared});
}

void write_analysis(MethodWriter& m, const ReportInput& in) {
  if (in.analysis == nullptr) return;
  const auto& a = *in.analysis;
  m.section("Анализ: баллы, группы ОО, рекомендации, динамика");
  for (const auto& note : a.method_notes) m.paragraph(note);
  if (in.definition.rubric && !in.definition.rubric->blocks.empty()) {
    write_rubric_table(m, *in.definition.rubric);
  }
  m.section("Предупреждения анализа");
  if (a.warnings.empty()) m.paragraph("Предупреждений нет.");
  for (const auto& warning : a.warnings) {
    m.paragraph("• " + warning + (warning.ends_with('.') ? "" : "."));
  }
}

void write_files(MethodWriter& m, const BookContext& ctx) {
  m.section("Входные файлы и их контрольные суммы SHA-256");
  m.header({"Файл (от кого получен по почте)", "ОО", "Итог обработки", "SHA-256", "Размер, байт", "Изменён"});
  bool any = false;
  for (const auto* file : ctx.files) {
    any = true;
    const std::string school = file->questionnaire      ? "выгрузка анкеты (ответы разных ОО)"
                               : file->school_id.empty() ? "не определена"
                                                         : school_name(ctx.in.registry, file->school_id);
    const auto sender = model::sender_text(file->file);
    m.cells({file->file.name + (sender.empty() ? "" : "\nот " + sender), school, model::outcome_name(file->outcome),
             file->file.sha256,
             std::to_string(file->file.size), local_time(file->file.mtime)},
            ctx.f.mono);
  }
  if (!any) m.paragraph("Входных файлов нет.");
}

}  // namespace

model::Expected<void> write_method_sheet(const BookContext& ctx) {
  auto added = add_sheet(ctx.book, k_method_sheet);
  if (!added) return std::unexpected(added.error());
  SheetWriter& w = *added;
  for (lxw_col_t c = 0; c <= k_last_col; ++c) w.column_width(c, c, k_widths[c]);
  write_title_block(w, "Методика и исходные данные", subtitle(ctx.in), ctx.f);
  MethodWriter m(w, ctx.f);
  write_definition(m, ctx.in);
  write_rules(m, ctx.in.definition);
  write_indicators(m, ctx.in);
  write_surveys(m, ctx.in);
  write_analysis(m, ctx.in);
  write_files(m, ctx);

  worksheet_freeze_panes(w.raw(), k_title_rows, 0);
  PageSetup page;
  page.footer_left = "Методика · " + model::display_name(ctx.in.summary.period);
  set_page(w, page);
  protect_sheet(w);
  return w.status();
}

}  // namespace report
