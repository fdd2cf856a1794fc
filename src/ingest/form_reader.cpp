#include "ingest/form_reader.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <map>
#include <tuple>

#include "ingest/value_parse.h"
#include "model/form_fields.h"
#include "model/form_layout.h"

namespace ingest {

namespace layout = model::form;

namespace {

// Key/value rows of the hidden "_meta" sheet.
std::map<std::string, std::string> read_meta(const Sheet& meta) {
  std::map<std::string, std::string> out;
  for (const auto& cell : meta.cells) {
    if (cell.ref.col != 0 || cell.type != CellType::string) continue;
    if (const auto* value = meta.find({cell.ref.row, 1})) out[cell.text] = cell_display(*value);
  }
  return out;
}

// The fields a form was made with, from its "field:<id>" rows; empty for a
// form made before forms kept them.
std::map<std::string, model::form::FieldSpec> made_with(const std::map<std::string, std::string>& meta) {
  std::map<std::string, model::form::FieldSpec> out;
  const std::string prefix(layout::k_key_field_prefix);
  for (auto it = meta.lower_bound(prefix); it != meta.end() && it->first.starts_with(prefix); ++it) {
    if (auto spec = model::form::parse_field_spec(it->second)) out.emplace(it->first.substr(prefix.size()), std::move(*spec));
  }
  return out;
}

std::string strip_optional_mark(std::string_view label) {
  constexpr std::string_view k_mark = " (необязательно)";
  if (label.ends_with(k_mark)) label.remove_suffix(k_mark.size());
  return std::string(trim_spaces(label));
}

// How to fill an empty required field, in words that fit the field: a total
// is never "none"; a part of a total may be 0.
std::string fill_hint(const model::Definition& def, const model::InputDef& in) {
  switch (in.kind) {
    case model::InputKind::yesno: return "выберите «Да» или «Нет» из списка";
    case model::InputKind::text: return "введите текст";
    case model::InputKind::count: break;
  }
  const bool is_whole = std::any_of(def.inputs.begin(), def.inputs.end(), [&](const auto& other) {
    return other.not_more_than == in.id;
  });
  if (is_whole && in.not_more_than.empty()) return "введите число — целое, без пробелов и букв";
  if (!in.not_more_than.empty()) return "введите число; если таких нет, введите 0";
  return "введите целое число; если их нет, введите 0";
}

// Diagnostics in the order a reader meets the cells: those without a cell
// (about the whole file) first, then sheet by sheet in workbook order, row
// by row, column by column. Stable, so a cell's own problems keep their order.
void sort_by_cell(std::vector<model::Diagnostic>& ds, const Workbook& wb) {
  const auto sheet_index = [&](const std::string& name) -> std::size_t {
    for (std::size_t i = 0; i < wb.sheets.size(); ++i) {
      if (wb.sheets[i].name == name) return i;
    }
    return wb.sheets.size();
  };
  const auto key = [&](const model::Diagnostic& d) {
    if (!d.where.cell) return std::tuple<int, std::size_t, std::uint32_t, std::uint32_t>{0, 0, 0, 0};
    return std::tuple<int, std::size_t, std::uint32_t, std::uint32_t>{
        1, sheet_index(d.where.sheet), d.where.cell->row, d.where.cell->col};
  };
  std::stable_sort(ds.begin(), ds.end(),
                   [&](const model::Diagnostic& a, const model::Diagnostic& b) { return key(a) < key(b); });
}

struct Located {
  const Sheet* sheet = nullptr;
  model::CellRef cell;
};

class FormReader {
 public:
  FormReader(const Workbook& wb, const model::Definition& def, const model::Registry& reg,
             const model::Period& period, const model::SourceFile& source)
      : m_wb(wb), m_def(def), m_reg(reg), m_period(period), m_source(source) {}

  FormReadResult run();

 private:
  model::Location where(const Sheet* sheet, std::optional<model::CellRef> cell) const {
    return {m_source.name, sheet ? sheet->name : std::string(), cell, {}, {}};
  }
  void error(const Sheet* sheet, std::optional<model::CellRef> cell, std::string message,
             std::string hint, std::string found = {}) {
    m_out.diagnostics.push_back(model::Diagnostic::error(where(sheet, cell), std::move(message),
                                                         std::move(hint), std::move(found)));
  }
  void warning(const Sheet* sheet, std::optional<model::CellRef> cell, std::string message,
               std::string hint = {}) {
    m_out.diagnostics.push_back(
        model::Diagnostic::warning(where(sheet, cell), std::move(message), std::move(hint)));
  }

  bool check_identity();
  std::optional<Located> locate(const model::InputDef& in) const;
  std::optional<Located> locate_by_label(const model::InputDef& in) const;
  void read_inputs(model::Submission& sub);
  void check_relations(const model::Submission& sub);
  void read_filled_on(model::Submission& sub);

  const Workbook& m_wb;
  const model::Definition& m_def;
  const model::Registry& m_reg;
  const model::Period& m_period;
  const model::SourceFile& m_source;
  FormReadResult m_out;
  const Sheet* m_meta_sheet = nullptr;
  std::map<std::string, std::string> m_meta;
};

bool FormReader::check_identity() {
  m_meta_sheet = m_wb.sheet(layout::k_meta_sheet);
  if (m_meta_sheet != nullptr) m_meta = read_meta(*m_meta_sheet);
  const auto meta = [&](std::string_view key) -> std::string {
    const auto it = m_meta.find(std::string(key));
    return it == m_meta.end() ? std::string() : it->second;
  };
  if (m_meta_sheet == nullptr || meta(layout::k_key_form_id) != layout::k_form_id) {
    error(nullptr, std::nullopt,
          "это не форма мониторинга: в книге нет служебного листа «_meta», по которому "
          "определяется школа и период",
          "заполните форму, которую прислал методист, не копируя данные в новый файл; "
          "если форма утеряна, попросите методиста выслать её снова");
    return false;
  }
  // The school, known even when the form is refused below: it is told which form to use.
  m_out.school_id = meta(layout::k_key_school_id);
  const auto def_id = meta(layout::k_key_definition_id);
  if (def_id != m_def.id) {
    error(m_meta_sheet, std::nullopt,
          "форма другого мониторинга («" + def_id + "»), ожидалась форма мониторинга «" + m_def.title + "»",
          "заполните форму мониторинга «" + m_def.title + "» за " + model::display_name(m_period) +
              ", которую прислал методист, и отправьте её вместо этой",
          def_id);
    return false;
  }
  // A form of another period (last month's, still in the inbox) is not this
  // run's business: set aside, not judged. Only an unreadable period is an error.
  const auto period = meta(layout::k_key_period);
  if (period != m_period.id) {
    if (const auto other = model::parse_period(period)) {
      m_out.other_period = *other;
      m_out.diagnostics.push_back({model::Severity::info, where(m_meta_sheet, std::nullopt),
                                   "форма за другой период (" + model::display_name(*other) + ") — не учитывается",
                                   period, {}});
      return false;
    }
    error(m_meta_sheet, std::nullopt, "в форме не указан отчётный период или он не распознан",
          "заполните форму за " + model::display_name(m_period) + ", которую прислал методист", period);
    return false;
  }
  const auto version = meta(layout::k_key_definition_version);
  const auto revision = meta(layout::k_key_form_revision);
  // A form carries its revision since the method could be edited in a
  // workbook: one without it (made earlier) is judged by its version alone.
  const bool other_revision = !revision.empty() && !m_def.form_revision.empty() && revision != m_def.form_revision;
  if (version != m_def.version || other_revision) {
    std::string message = version != m_def.version
                              ? "устаревшая версия формы: " + version + ", действует версия " + m_def.version
                              : "форма составлена по прежней редакции методики (редакция " + revision +
                                    ", действует " + m_def.form_revision + ")";
    const auto made = made_with(m_meta);
    const auto changes = made.empty() ? std::vector<std::string>{} : model::form::form_changes(made, m_def);
    if (!changes.empty()) {
      message += "; с тех пор в форме изменилось: " + changes.front();
      for (std::size_t i = 1; i < changes.size(); ++i) message += "; " + changes[i];
    }
    error(m_meta_sheet, std::nullopt, std::move(message),
          "запросите у методиста актуальную форму за " + model::display_name(m_period) +
              " (версии " + m_def.version + ") и перенесите в неё данные",
          version != m_def.version ? version : revision);
    return false;
  }
  if (m_reg.find(m_out.school_id) == nullptr) {
    error(m_meta_sheet, std::nullopt,
          "школа с кодом «" + m_out.school_id + "» не найдена в реестре образовательных организаций",
          "заполните форму, выданную именно вашей школе, или попросите методиста добавить школу в реестр",
          m_out.school_id);
    return false;
  }
  return true;
}

std::optional<Located> FormReader::locate_by_label(const model::InputDef& in) const {
  for (const auto& sheet : m_wb.sheets) {
    for (const auto& cell : sheet.cells) {
      if (cell.type == CellType::string && strip_optional_mark(cell.text) == in.label) {
        return Located{&sheet, {cell.ref.row, cell.ref.col + 1}};
      }
    }
  }
  return std::nullopt;
}

std::optional<Located> FormReader::locate(const model::InputDef& in) const {
  if (const auto named = m_wb.resolve_name(layout::input_name(in.id))) {
    return Located{named->first, named->second};
  }
  const auto it = m_meta.find(std::string(layout::k_key_input_prefix) + in.id);
  if (it != m_meta.end()) {
    const auto* form = m_wb.sheet(layout::k_form_sheet);
    if (const auto ref = model::parse_cell_ref(it->second); ref && form != nullptr) {
      return Located{form, *ref};
    }
  }
  return locate_by_label(in);
}

void FormReader::read_inputs(model::Submission& sub) {
  struct Blank {
    const model::InputDef* input;
    Located at;
  };
  std::vector<Blank> blank_required;
  std::size_t filled = 0;
  for (const auto& in : m_def.inputs) {
    if (!in.survey.empty()) continue;  // a questionnaire's count (survey/), not on the form
    const auto at = locate(in);
    if (!at) {
      error(nullptr, std::nullopt, "в форме нет поля «" + in.label + "»",
            "не удаляйте и не переставляйте строки формы; заполните исходную форму");
      continue;
    }
    auto& slot = sub.values[in.id];
    slot.sheet = at->sheet->name;
    slot.cell = at->cell;
    const Cell* cell = at->sheet->find(at->cell);
    const bool blank = cell == nullptr ||
                       (cell->type == CellType::string && trim_spaces(cell->text).empty());
    if (blank && cell == nullptr && at->sheet->has_unsaved_formula(at->cell)) {
      ++filled;  // the school did fill it, with a formula the writing program never calculated
      error(at->sheet, at->cell, "поле «" + in.label + "»: в ячейке формула, значение которой не сохранено",
            "откройте файл в Excel или LibreOffice Calc, сохраните его и отправьте снова "
            "(или введите число вручную, без формулы)");
      continue;
    }
    if (blank) {
      if (in.required) blank_required.push_back({&in, *at});
      continue;
    }
    ++filled;
    const auto report = [&](const ValueProblem& p) {
      error(at->sheet, at->cell, "поле «" + in.label + "»: " + p.message, p.hint, cell_display(*cell));
    };
    switch (in.kind) {
      case model::InputKind::count: {
        const auto r = parse_count(*cell);
        if (r.problem) {
          report(*r.problem);
        } else {
          slot.value = *r.value;
        }
        break;
      }
      case model::InputKind::yesno: {
        const auto r = parse_yesno(*cell);
        if (r.problem) {
          report(*r.problem);
        } else {
          slot.value = *r.value;
        }
        break;
      }
      case model::InputKind::text: {
        const auto r = parse_text(*cell);
        if (r.problem) {
          report(*r.problem);
        } else {
          slot.value = *r.value;
        }
        break;
      }
    }
  }
  // A form sent back untouched: say so once, then list what is missing
  // (in row order, see sort_by_cell) without repeating the same advice.
  const bool empty = filled == 0 && !blank_required.empty();
  if (empty) {
    error(m_wb.sheet(layout::k_form_sheet), std::nullopt,
          "форма не заполнена: пусты все обязательные поля (" +
              std::to_string(blank_required.size()) + ")",
          "заполните жёлтые ячейки формы (перечислены ниже) и пришлите форму снова");
  }
  for (const auto& b : blank_required) {
    error(b.at.sheet, b.at.cell, "не заполнено обязательное поле «" + b.input->label + "»",
          empty ? std::string() : fill_hint(m_def, *b.input));
  }
}

// Digits as typed, for any size: a cast to long long is undefined past 2^63
// and showed 1e19 as -9223372036854775808. Values here are whole (parse_count).
std::string whole_number(double v) {
  std::array<char, 400> buf{};
  std::snprintf(buf.data(), buf.size(), "%.0f", v);
  return buf.data();
}

void FormReader::check_relations(const model::Submission& sub) {
  for (const auto& in : m_def.inputs) {
    const auto value = sub.number(in.id);
    if (!value) continue;
    const auto& slot = sub.values.at(in.id);
    const Sheet* sheet = m_wb.sheet(slot.sheet);
    if (in.min && *value < *in.min) {
      error(sheet, slot.cell, "поле «" + in.label + "»: значение меньше допустимого (" +
                                  whole_number(*in.min) + ")",
            "проверьте число", whole_number(*value));
    }
    if (in.max && *value > *in.max) {
      error(sheet, slot.cell, "поле «" + in.label + "»: значение больше допустимого (" +
                                  whole_number(*in.max) + ")",
            "проверьте, не добавлена ли лишняя цифра", whole_number(*value));
    }
    if (in.not_more_than.empty()) continue;
    const auto whole = sub.number(in.not_more_than);
    if (!whole || *value <= *whole) continue;
    const auto* whole_def = m_def.find_input(in.not_more_than);
    const auto& whole_slot = sub.values.at(in.not_more_than);
    error(sheet, slot.cell,
          "часть больше целого: «" + in.label + "» (" + whole_number(*value) + ") больше, чем «" +
              whole_def->label + "» (" + whole_number(*whole) + ", ячейка " +
              model::to_string(whole_slot.cell) + ")",
          "проверьте оба числа: часть не может превышать общее количество", whole_number(*value));
  }
}

void FormReader::read_filled_on(model::Submission& sub) {
  std::optional<Located> at;
  if (const auto named = m_wb.resolve_name(layout::k_filled_on_name)) {
    at = Located{named->first, named->second};
  } else if (const auto it = m_meta.find(std::string(layout::k_key_filled_on)); it != m_meta.end()) {
    const auto* form = m_wb.sheet(layout::k_form_sheet);
    if (const auto ref = model::parse_cell_ref(it->second); ref && form) at = Located{form, *ref};
  }
  if (!at) return;
  const Cell* cell = at->sheet->find(at->cell);
  if (cell == nullptr) return;
  std::optional<std::string> date;
  if (cell->type == CellType::number) date = serial_to_iso_date(cell->number);
  if (cell->type == CellType::string) date = parse_date_text(cell->text);
  if (date) {
    sub.filled_on = *date;
  } else {
    warning(at->sheet, at->cell, "дата заполнения не распознана: «" + cell_display(*cell) + "»",
            "введите дату в виде ДД.ММ.ГГГГ");
  }
}

FormReadResult FormReader::run() {
  if (!check_identity()) return std::move(m_out);
  model::Submission sub;
  sub.school_id = m_out.school_id;
  sub.period = m_period.id;
  sub.definition_id = m_def.id;
  sub.form_version = m_def.version;
  sub.source = m_source;
  read_inputs(sub);
  check_relations(sub);
  read_filled_on(sub);
  sort_by_cell(m_out.diagnostics, m_wb);
  if (!model::has_errors(m_out.diagnostics)) m_out.submission = std::move(sub);
  return std::move(m_out);
}

}  // namespace

std::map<std::string, std::string> form_meta(const Workbook& workbook) {
  const auto* meta = workbook.sheet(layout::k_meta_sheet);
  return meta != nullptr ? read_meta(*meta) : std::map<std::string, std::string>{};
}

FormReadResult read_form(const Workbook& workbook, const model::Definition& definition,
                         const model::Registry& registry, const model::Period& period,
                         const model::SourceFile& source) {
  return FormReader(workbook, definition, registry, period, source).run();
}

}  // namespace ingest
