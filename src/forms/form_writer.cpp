#include "forms/form_writer.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <string_view>
#include <vector>

#include "forms/workbook_protection.h"
#include "model/form_fields.h"
#include "model/form_layout.h"
#include "util/text_case.h"
#include "util/text_wrap.h"
#include "util/xlsx_file.h"

namespace forms {

namespace fs = std::filesystem;
namespace layout = model::form;

namespace {

constexpr lxw_col_t k_col_no = 0, k_col_label = 1, k_col_value = 2, k_col_hint = 3;
constexpr lxw_row_t k_row_school = 3, k_row_period = 4, k_row_filled_on = 5, k_row_header = 7;
constexpr double k_width_no = 6, k_width_label = 62, k_width_value = 16, k_width_hint = 44;
constexpr double k_width_all = k_width_no + k_width_label + k_width_value + k_width_hint;
// util::wrapped_lines counts characters of the default 11 pt font; the form
// is set in 10 pt Arial (hints in 9 pt), which holds more in a column.
// Measured on LibreOffice's PDF: about 77 characters a line in column B
// (62) and 60 in column D (44); the factors keep some margin.
constexpr double k_arial10 = 1.3, k_arial9 = 1.45;

// Height in points of a row whose wrapped cells hold `texts` (text, column
// width): 13 pt a line of 10 pt Arial plus a little air, at least 15 pt.
// Neither libxlsxwriter nor LibreOffice sizes rows of a protected form to
// its text, and a school cannot resize them: without this a long label
// spills into the rows below.
double row_height(std::initializer_list<std::pair<std::string_view, double>> texts) {
  int lines = 1;
  for (const auto& [text, width] : texts) lines = std::max(lines, util::wrapped_lines(text, width));
  return std::max(15.0, 13.0 * lines + 4);
}

struct Formats {
  lxw_format* title;
  lxw_format* subtitle;
  lxw_format* label;
  lxw_format* fixed;       // pre-filled, locked
  lxw_format* header;
  lxw_format* direction;
  lxw_format* cell_text;   // locked label cells of the table
  lxw_format* input_count;
  lxw_format* input_yesno;
  lxw_format* input_text;
  lxw_format* input_date;
  lxw_format* hint;
};

lxw_format* add(lxw_workbook* wb) {
  lxw_format* f = workbook_add_format(wb);
  format_set_font_name(f, "Arial");
  format_set_font_size(f, 10);
  format_set_text_wrap(f);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  return f;
}

lxw_format* input_format(lxw_workbook* wb) {
  lxw_format* f = add(wb);
  format_set_unlocked(f);
  format_set_bg_color(f, 0xFFF2CC);  // pale yellow: "type here"
  format_set_border(f, LXW_BORDER_MEDIUM);
  format_set_border_color(f, 0xBF9000);
  format_set_align(f, LXW_ALIGN_CENTER);
  return f;
}

Formats make_formats(lxw_workbook* wb) {
  Formats f{};
  f.title = add(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 13);
  f.subtitle = add(wb);
  format_set_italic(f.subtitle);
  f.label = add(wb);
  format_set_bold(f.label);
  f.fixed = add(wb);
  format_set_bg_color(f.fixed, 0xF2F2F2);
  format_set_border(f.fixed, LXW_BORDER_THIN);
  f.header = add(wb);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xD9E1F2);
  format_set_border(f.header, LXW_BORDER_THIN);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  f.direction = add(wb);
  format_set_bold(f.direction);
  format_set_bg_color(f.direction, 0xE2EFDA);
  format_set_border(f.direction, LXW_BORDER_THIN);
  f.cell_text = add(wb);
  format_set_border(f.cell_text, LXW_BORDER_THIN);
  f.input_count = input_format(wb);
  format_set_num_format(f.input_count, "0");
  f.input_yesno = input_format(wb);
  f.input_text = input_format(wb);
  format_set_align(f.input_text, LXW_ALIGN_LEFT);
  f.input_date = input_format(wb);
  format_set_num_format(f.input_date, "dd.mm.yyyy");
  f.hint = add(wb);
  format_set_font_color(f.hint, 0x595959);
  format_set_font_size(f.hint, 9);
  format_set_border(f.hint, LXW_BORDER_THIN);
  return f;
}

std::string absolute_ref(lxw_row_t row, lxw_col_t col) {
  return "$" + model::column_name(col) + "$" + std::to_string(row + 1);
}

std::string sheet_ref(std::string_view sheet, lxw_row_t row, lxw_col_t col) {
  return "='" + std::string(sheet) + "'!" + absolute_ref(row, col);
}

std::string number_text(double v) {
  const auto whole = static_cast<long long>(v);
  return static_cast<double>(whole) == v ? std::to_string(whole) : std::to_string(v);
}

// The rule of a count input, in words, for the hint column and the prompt.
std::string count_rule(const model::InputDef& in, const model::Definition& def) {
  std::string rule = "целое число от " + number_text(in.min.value_or(0));
  if (in.max) rule += " до " + number_text(*in.max);
  if (!in.not_more_than.empty()) {
    const auto* whole = def.find_input(in.not_more_than);
    rule += ", не больше значения «" + (whole ? whole->label : in.not_more_than) + "»";
  }
  return rule;
}

// libxlsxwriter refuses prompts over 255 characters (and titles over 32).
std::string clip(std::string text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++chars > max_chars) {
      text.resize(i);
      break;
    }
  }
  return text;
}

struct Placed {
  const model::InputDef* input;
  lxw_row_t row;
};

lxw_error add_validation(lxw_worksheet* ws, const model::Definition& def, const Placed& p,
                         const std::map<std::string, lxw_row_t>& rows) {
  lxw_data_validation dv{};
  dv.ignore_blank = LXW_VALIDATION_ON;
  dv.show_input = LXW_VALIDATION_ON;
  dv.show_error = LXW_VALIDATION_ON;
  dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  std::string title, message, error_title = "Недопустимое значение", error_message;
  std::string min_text, max_text;
  const char* yes_no[] = {"Да", "Нет", nullptr};
  const auto& in = *p.input;
  switch (in.kind) {
    case model::InputKind::count: {
      title = "Целое число";
      message = clip(util::join_sentences(in.hint, count_rule(in, def)), 255);
      error_message = clip("Введите " + count_rule(in, def) + ". Без пробелов, букв и дробной части.", 255);
      dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
      min_text = number_text(in.min.value_or(0));
      if (!in.not_more_than.empty() && rows.contains(in.not_more_than)) {
        const auto whole = absolute_ref(rows.at(in.not_more_than), k_col_value);
        max_text = in.max ? "=MIN(" + whole + "," + number_text(*in.max) + ")" : "=" + whole;
        dv.validate = LXW_VALIDATION_TYPE_INTEGER_FORMULA;
        dv.minimum_formula = min_text.data();
        dv.maximum_formula = max_text.data();
      } else {
        dv.validate = LXW_VALIDATION_TYPE_INTEGER;
        dv.minimum_number = in.min.value_or(0);
        dv.maximum_number = in.max.value_or(1e9);
      }
      break;
    }
    case model::InputKind::yesno:
      title = "Да или Нет";
      message = clip(in.hint.empty() ? "Выберите «Да» или «Нет» из списка" : in.hint, 255);
      error_message = "Выберите «Да» или «Нет» из списка.";
      dv.validate = LXW_VALIDATION_TYPE_LIST;
      dv.value_list = const_cast<char**>(yes_no);
      break;
    case model::InputKind::text:
      title = "Текст";
      message = clip(in.hint.empty() ? "Не более 255 символов" : in.hint, 255);
      error_message = "Текст не должен быть длиннее 255 символов.";
      dv.validate = LXW_VALIDATION_TYPE_LENGTH;
      dv.criteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO;
      dv.value_number = 255;
      break;
  }
  title = clip(title, 32);
  dv.input_title = title.data();
  dv.input_message = message.data();
  dv.error_title = error_title.data();
  dv.error_message = error_message.data();
  return worksheet_data_validation_cell(ws, p.row, k_col_value, &dv);
}

void write_meta(lxw_worksheet* meta, const model::Definition& def, const model::School& school,
                const model::Period& period, const FormOptions& options,
                const std::vector<Placed>& placed) {
  std::vector<std::pair<std::string, std::string>> rows = {
      {std::string(layout::k_key_form_id), std::string(layout::k_form_id)},
      {std::string(layout::k_key_definition_id), def.id},
      {std::string(layout::k_key_definition_version), def.version},
      {std::string(layout::k_key_school_id), school.id},
      {std::string(layout::k_key_school_name), school.short_name},
      {std::string(layout::k_key_period), period.id},
      {std::string(layout::k_key_generated_at), options.generated_at},
      {std::string(layout::k_key_filled_on), model::to_string({k_row_filled_on, k_col_value})},
  };
  for (const auto& p : placed) {
    rows.emplace_back(std::string(layout::k_key_input_prefix) + p.input->id,
                      model::to_string({p.row, k_col_value}));
  }
  if (!def.form_revision.empty()) {
    rows.emplace_back(std::string(layout::k_key_form_revision), def.form_revision);
    for (const auto& in : def.inputs) {
      rows.emplace_back(std::string(layout::k_key_field_prefix) + in.id,
                        model::form::to_text(model::form::field_spec(in)));
    }
  }
  lxw_row_t r = 0;
  for (const auto& [key, value] : rows) {
    worksheet_write_string(meta, r, 0, key.c_str(), nullptr);
    worksheet_write_string(meta, r, 1, value.c_str(), nullptr);
    ++r;
  }
  worksheet_set_column(meta, 0, 1, 30, nullptr);
}

}  // namespace

std::string form_file_name(const model::School& school, const model::Period& period) {
  return school.id + "_" + period.id + ".xlsx";
}

model::Expected<void> write_form(const model::Definition& def, const model::School& school,
                                 const model::Period& period, const fs::path& out_file,
                                 const FormOptions& options) {
  auto file = util::XlsxFile::create(out_file);
  if (!file) return std::unexpected(file.error());
  lxw_workbook* wb = file->book();
  const Formats f = make_formats(wb);
  const std::string form_sheet(layout::k_form_sheet);
  lxw_worksheet* ws = workbook_add_worksheet(wb, form_sheet.c_str());
  lxw_worksheet* meta = workbook_add_worksheet(wb, std::string(layout::k_meta_sheet).c_str());

  lxw_doc_properties props{};
  const std::string doc_title = def.title + " — " + school.short_name;
  props.title = const_cast<char*>(doc_title.c_str());
  props.company = const_cast<char*>(def.organisation.c_str());
  workbook_set_properties(wb, &props);

  worksheet_set_column(ws, k_col_no, k_col_no, k_width_no, nullptr);
  worksheet_set_column(ws, k_col_label, k_col_label, k_width_label, nullptr);
  worksheet_set_column(ws, k_col_value, k_col_value, k_width_value, nullptr);
  worksheet_set_column(ws, k_col_hint, k_col_hint, k_width_hint, nullptr);
  worksheet_merge_range(ws, 0, 0, 0, k_col_hint, def.title.c_str(), f.title);
  // The title is 13 pt bold: a line holds about 0.7 of the 10 pt characters.
  worksheet_set_row(ws, 0, row_height({{def.title, 0.8 * k_width_all}}) + 4, nullptr);
  const auto subtitle = def.municipality + (def.organisation.empty() ? "" : " · " + def.organisation) +
                        " · форма версии " + def.version +
                        (options.deadline.empty() ? "" : " · срок сдачи — " + options.deadline);
  worksheet_merge_range(ws, 1, 0, 1, k_col_hint, subtitle.c_str(), f.subtitle);
  worksheet_set_row(ws, 1, row_height({{subtitle, k_arial10 * k_width_all}}), nullptr);

  const auto fixed_row = [&](lxw_row_t row, const char* label, const std::string& value) {
    worksheet_merge_range(ws, row, 0, row, k_col_label, label, f.label);
    worksheet_write_string(ws, row, k_col_value, value.c_str(), f.fixed);
  };
  fixed_row(k_row_school, "Образовательная организация", school.short_name);
  worksheet_write_string(ws, k_row_school, k_col_hint, school.full_name.c_str(), f.hint);
  worksheet_set_row(ws, k_row_school,
                    row_height({{school.short_name, k_arial10 * k_width_value},
                                {school.full_name, k_arial9 * k_width_hint}}),
                    nullptr);
  fixed_row(k_row_period, "Отчётный период", model::display_name(period));
  worksheet_merge_range(ws, k_row_filled_on, 0, k_row_filled_on, k_col_label, "Дата заполнения",
                        f.label);
  worksheet_write_blank(ws, k_row_filled_on, k_col_value, f.input_date);
  worksheet_write_string(ws, k_row_filled_on, k_col_hint, "ДД.ММ.ГГГГ", f.hint);
  {
    lxw_data_validation dv{};
    dv.validate = LXW_VALIDATION_TYPE_DATE;
    dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    dv.minimum_datetime = {2020, 1, 1, 0, 0, 0};
    dv.maximum_datetime = {2100, 12, 31, 0, 0, 0};
    dv.show_input = LXW_VALIDATION_ON;
    dv.show_error = LXW_VALIDATION_ON;
    std::string t = "Дата заполнения", m = "Введите дату в виде ДД.ММ.ГГГГ", et = "Неверная дата",
                em = "Введите дату в виде ДД.ММ.ГГГГ, например 05.11.2026.";
    dv.input_title = t.data();
    dv.input_message = m.data();
    dv.error_title = et.data();
    dv.error_message = em.data();
    worksheet_data_validation_cell(ws, k_row_filled_on, k_col_value, &dv);
  }

  const char* headers[] = {"№", "Показатель (поле формы)", "Значение", "Правило заполнения"};
  for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(ws, k_row_header, c, headers[c], f.header);
  worksheet_set_row(ws, k_row_header, row_height({{headers[1], k_width_label}}), nullptr);

  // Inputs grouped by direction, in the definition's order of directions;
  // inputs without a direction come last under "Прочие сведения".
  std::vector<std::pair<std::string, std::string>> groups;
  for (const auto& d : def.directions) groups.emplace_back(d.id, d.name);
  groups.emplace_back("", "Прочие сведения");
  std::vector<Placed> placed;
  lxw_row_t row = k_row_header + 1;
  int number = 0;
  for (const auto& [dir_id, dir_name] : groups) {
    std::vector<const model::InputDef*> members;
    for (const auto& in : def.inputs) {
      if (!in.survey.empty()) continue;  // filled by a questionnaire, not on the form
      const bool known_dir = def.find_direction(in.direction) != nullptr;
      if ((dir_id.empty() && !known_dir) || (!dir_id.empty() && in.direction == dir_id)) {
        members.push_back(&in);
      }
    }
    if (members.empty()) continue;
    worksheet_merge_range(ws, row, 0, row, k_col_hint, dir_name.c_str(), f.direction);
    worksheet_set_row(ws, row, row_height({{dir_name, k_arial10 * k_width_all}}), nullptr);
    ++row;
    for (const auto* in : members) {
      worksheet_write_number(ws, row, k_col_no, ++number, f.cell_text);
      const auto label = in->label + (in->required ? "" : " (необязательно)");
      worksheet_write_string(ws, row, k_col_label, label.c_str(), f.cell_text);
      lxw_format* input_fmt = in->kind == model::InputKind::count   ? f.input_count
                              : in->kind == model::InputKind::yesno ? f.input_yesno
                                                                     : f.input_text;
      worksheet_write_blank(ws, row, k_col_value, input_fmt);
      const auto rule = in->kind == model::InputKind::count   ? count_rule(*in, def)
                        : in->kind == model::InputKind::yesno ? std::string("«Да» или «Нет»")
                                                               : std::string("текст");
      worksheet_write_string(ws, row, k_col_hint, rule.c_str(), f.hint);
      worksheet_set_row(ws, row, row_height({{label, k_arial10 * k_width_label}, {rule, k_arial9 * k_width_hint}}), nullptr);
      placed.push_back({in, row});
      ++row;
    }
  }

  // How to return the form, below the table: a school reads it when done.
  row += 1;
  worksheet_merge_range(ws, row, 0, row, k_col_hint, "Как сдать форму", f.direction);
  ++row;
  const std::string where =
      options.return_to.empty()
          ? "в методическую службу" + (def.organisation.empty() ? std::string() : " (" + def.organisation + ")")
      : options.return_to.find('@') != std::string::npos ? "вложением на адрес " + options.return_to
                                                         : options.return_to;
  std::vector<std::pair<std::string, std::string>> steps = {
      {"Что сделать", "Заполните жёлтые ячейки и дату заполнения, сохраните файл в формате .xlsx, не меняя его "
                      "листов, и отправьте " + where + "."}};
  if (!options.deadline.empty()) steps.push_back({"Срок сдачи", "не позднее " + options.deadline});
  if (!options.contact.empty()) steps.push_back({"Вопросы", options.contact});
  for (const auto& [label, text] : steps) {
    worksheet_merge_range(ws, row, 0, row, k_col_label, label.c_str(), f.label);
    worksheet_merge_range(ws, row, k_col_value, row, k_col_hint, text.c_str(), f.hint);
    worksheet_set_row(ws, row, row_height({{text, k_arial9 * (k_width_value + k_width_hint)}}), nullptr);
    ++row;
  }

  std::map<std::string, lxw_row_t> rows;
  for (const auto& p : placed) rows[p.input->id] = p.row;
  for (const auto& p : placed) {
    if (const auto err = add_validation(ws, def, p, rows); err != LXW_NO_ERROR) {
      return std::unexpected(model::Diagnostic::error(
          {out_file.filename().string(), form_sheet, model::CellRef{p.row, k_col_value}, {}, p.input->id},
          "не удалось добавить проверку данных для поля «" + p.input->id + "»: " +
              util::lxw_error_text(err),
          "сократите подсказку поля в определении мониторинга"));
    }
    const auto name = model::form::input_name(p.input->id);
    const auto ref = sheet_ref(form_sheet, p.row, k_col_value);
    if (workbook_define_name(wb, name.c_str(), ref.c_str()) != LXW_NO_ERROR) {
      return std::unexpected(model::Diagnostic::error(
          {def.file.filename().string(), {}, {}, p.input->line, "input.id"},
          "id поля «" + p.input->id + "» нельзя использовать как имя ячейки Excel",
          "используйте латинские буквы, цифры и «_», начиная с буквы"));
    }
  }
  const auto filled_ref = sheet_ref(form_sheet, k_row_filled_on, k_col_value);
  workbook_define_name(wb, std::string(layout::k_filled_on_name).c_str(), filled_ref.c_str());

  worksheet_freeze_panes(ws, k_row_header + 1, 0);
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_set_footer(ws, "&C&8Страница &P из &N");
  lxw_protection prot{};
  prot.format_columns = LXW_TRUE;
  prot.format_rows = LXW_TRUE;
  worksheet_protect(ws, options.password.empty() ? nullptr : options.password.c_str(), &prot);

  write_meta(meta, def, school, period, options, placed);
  worksheet_protect(meta, options.password.empty() ? nullptr : options.password.c_str(), nullptr);
  worksheet_hide(meta);  // very hidden and the structure locked at commit (workbook_protection.h)
  worksheet_activate(ws);

  const PackageProtection protection{{std::string(layout::k_meta_sheet)}, options.password};
  return file->commit([&](const std::filesystem::path& temp) { return protect_package(temp, protection); });
}

}  // namespace forms
