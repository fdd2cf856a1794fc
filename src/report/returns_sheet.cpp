#include "report/returns_sheet.h"

#include <algorithm>
#include <array>

#include "model/submission_log.h"
#include "util/local_time.h"
#include "util/xlsx_file.h"

namespace report {

namespace {

constexpr lxw_row_t k_header_row = 4;

constexpr std::array<ColumnSpec, 5> k_columns = {{
    {"ОО", 24},
    {"Форма разослана", 18},
    {"Полученные файлы: когда прислан, файл, итог", 60},
    {"Напоминания и ответы", 30},
    {"Состояние", 24},
}};

// "2026-09-15" -> "15.09.2026".
std::string day_text(const std::string& iso) {
  if (iso.size() != 10) return iso;
  return iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4);
}

std::string status_note(const std::string& status) {
  if (status == "sent") return "";
  if (status == "no-address") return " — нет адреса в реестре";
  if (status == "dry-run") return " — пробный запуск, не отправлено";
  if (status == "pending") return " — ждёт отправки";
  if (status == "superseded") return " — заменено более новым";
  if (status == "answered") return " — не отправлено: в то же утро ушёл ответ с ошибками и сроком";
  return " — не отправлено";
}

}  // namespace

std::string sent_letters_text(const std::vector<model::SentLetter>& letters) {
  std::string out;
  for (const auto& l : letters) {
    if (!out.empty()) out += "\n";
    out += day_text(l.day);
    if (l.kind == "reminder-after") out += " (после срока, копия методисту)";
    if (l.kind == "answer") out += " (ответ: форма не принята, ошибки и срок)";
    out += status_note(l.status);
  }
  return out;
}

std::string return_state_text(const model::SchoolReturn& s) {
  if (s.corrected_late == 0) return model::return_state_name(s.state);
  const auto day = util::format_local_time(s.corrected_late, "%d.%m.%Y");
  if (s.state == model::ReturnState::accepted) return "принята в срок; исправлена после срока (" + day + ")";
  if (s.state == model::ReturnState::accepted_late && s.sent_in_time) {
    return "прислана в срок с ошибками; исправлена после срока (" + day + ")";
  }
  return model::return_state_name(s.state);
}

std::string received_files_text(const std::vector<model::ReceivedForm>& files) {
  std::string out;
  for (const auto& f : files) {
    if (!out.empty()) out += "\n";
    out += util::format_local_time(f.mtime, "%d.%m.%Y %H:%M") + " — " + f.name;
    if (!f.sender.empty()) out += " (от " + f.sender + ")";
    out += " — " + model::outcome_name(f.outcome);
    if (!f.errors.empty()) out += ": " + f.errors;
  }
  return out.empty() ? "—" : out;
}

namespace {

lxw_format* state_format(const Formats& f, model::ReturnState s) {
  switch (s) {
    case model::ReturnState::accepted: return f.status_met;
    case model::ReturnState::accepted_late: return f.status_near;
    case model::ReturnState::rejected:
    case model::ReturnState::missing: return f.status_not_met;
  }
  return f.status_no_data;
}

}  // namespace

std::string returns_counts_line(const model::SubmissionLog& log) {
  std::array<int, 4> n{};
  int corrected = 0;
  for (const auto& s : log.schools) {
    ++n[static_cast<std::size_t>(s.state)];
    corrected += s.state == model::ReturnState::accepted && s.corrected_late != 0;
  }
  std::string out = log.opened.empty() ? "Формы разосланы не программой" : "Формы разосланы " + day_text(log.opened);
  out += "; срок сдачи — " + day_text(log.deadline) + ". Школ: " + std::to_string(log.schools.size());
  for (const auto state : {model::ReturnState::accepted, model::ReturnState::accepted_late,
                           model::ReturnState::rejected, model::ReturnState::missing}) {
    out += "; " + model::return_state_name(state) + ": " + std::to_string(n[static_cast<std::size_t>(state)]);
    if (state == model::ReturnState::accepted && corrected > 0) {
      out += " (из них исправлена после срока: " + std::to_string(corrected) + ")";
    }
  }
  return out + ".";
}

model::Expected<void> write_returns_sheet(const BookContext& ctx) {
  if (ctx.in.returns == nullptr) return {};
  const auto& log = *ctx.in.returns;
  auto added = add_sheet(ctx.book, k_returns_sheet);
  if (!added) return std::unexpected(added.error());
  SheetWriter& w = *added;
  const auto& f = ctx.f;
  const lxw_col_t last_col = k_columns.size() - 1;

  write_title_block(w, "Сдача форм", subtitle(ctx.in), f);
  w.text(2, 0, returns_counts_line(log), f.subtitle);
  write_column_headers(w, k_header_row, k_columns, f.header);
  w.row_height(k_header_row, 30);
  lxw_row_t row = k_header_row + 1;
  for (const auto& s : log.schools) {
    const std::array<std::string, 4> cells = {s.school_name, sent_letters_text(s.forms_out), received_files_text(s.files),
                                              sent_letters_text(s.reminders)};
    int lines = 1;
    for (lxw_col_t c = 0; c < cells.size(); ++c) {
      const auto& text = c == 1 && cells[c].empty() ? std::string("—") : cells[c];
      w.text(row, c, text, f.text_wrap);
      lines = std::max(lines, wrapped_lines(text, k_columns[c].width));
    }
    const auto state = return_state_text(s);
    w.text(row, last_col, state, state_format(f, s.state));
    lines = std::max(lines, wrapped_lines(state, k_columns[last_col].width));
    w.row_height(row, std::min(409.0, 15.0 * lines));
    ++row;
  }
  autofilter_or_note(w, k_header_row, row, last_col, "В реестре нет школ.", f.text);
  finish_table_sheet(w, k_header_row, 1, "Сдача форм · " + model::display_name(ctx.in.summary.period));
  return w.status();
}

model::Expected<void> write_returns_workbook(const ReportInput& input, const std::filesystem::path& out_file) {
  if (input.returns == nullptr) return {};
  auto file = util::XlsxFile::create(out_file);
  if (!file) return std::unexpected(file.error());
  BookContext ctx{input, file->book(), make_formats(file->book()), {}, false, {}, {}, {}, {}};
  lxw_doc_properties props{};
  const std::string title = "Сдача форм: " + input.definition.title;
  props.title = const_cast<char*>(title.c_str());
  props.author = const_cast<char*>("metodmon");
  if (input.run.run_epoch > 0) props.created = static_cast<time_t>(input.run.run_epoch);
  workbook_set_properties(file->book(), &props);
  if (auto done = write_returns_sheet(ctx); !done) {
    auto d = done.error();
    if (d.where.file.empty()) d.where.file = out_file.filename().string();
    return std::unexpected(d);
  }
  return file->commit();
}

}  // namespace report
