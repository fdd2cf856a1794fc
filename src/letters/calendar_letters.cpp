#include "letters/calendar_letters.h"

#include "letters/letter_figures.h"
#include "letters/salutation.h"

namespace letters {

namespace {

std::string title_of(const MailContext& ctx) { return "«" + ctx.definition.title + "»"; }

std::vector<mail::Figure> cycle_figures(const MailContext& ctx, const calendar::Cycle& cycle) {
  return {{"Форма", ctx.definition.id + " " + ctx.definition.version},
          {"Период", cycle.period.id},
          {"Срок сдачи", calendar::date_text(cycle.deadline)}};
}

// What to do with the form; `day`: the letter's day (after the deadline the
// form is sent as soon as possible, not «не позднее» a day that has passed).
std::string how_to_return(const calendar::Cycle& cycle, calendar::Date day) {
  const bool late = day > cycle.deadline;
  return std::string("Что сделать:\n"
                     "  1. Откройте файл в Excel или LibreOffice и заполните жёлтые ячейки (остальные защищены; у "
                     "каждой ячейки есть подсказка).\n"
                     "  2. Укажите дату заполнения и сохраните файл в формате .xlsx.\n"
                     "  3. Отправьте заполненную форму ответом на это письмо (вложением) ") +
         (late ? "как можно скорее." : "не позднее " + calendar::long_date_text(cycle.deadline)) +
         "\n\nФорма проверяется автоматически: если в ней найдутся ошибки, вы получите письмо со списком "
         "ячеек и сможете прислать исправленную форму.\n";
}

std::string errors_text(const std::vector<const model::FileOutcome*>& rejected) {
  std::string text;
  for (const auto* f : rejected) {
    text += "\nФайл «" + f->file.name + "»:\n";
    for (const auto& d : f->diagnostics) {
      if (d.severity == model::Severity::error) text += "  — " + error_text(d) + "\n";
    }
  }
  return text;
}

std::string school_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "нет" : out;
}

}  // namespace

std::string reminder_topic(const std::string& school_id, calendar::Date day) {
  return school_id + "@" + calendar::iso_text(day);
}

std::string resend_by_text(const calendar::Cycle& cycle, calendar::Date day) {
  const auto period = model::display_name(cycle.period);
  if (day <= cycle.deadline) {
    return "Пришлите форму не позднее " + calendar::long_date_text(cycle.deadline) + " (срок сдачи).";
  }
  const auto last = calendar::long_date_text(cycle.next_open - std::chrono::days{1});
  std::string text = "Срок сдачи (" + calendar::long_date_text(cycle.deadline) + ") прошёл. ";
  if (day < cycle.results) {
    text += "Итоги будут подведены " + calendar::long_date_text(cycle.results) +
            ": форма, присланная до этого дня, в них войдёт; присланная позже — будет принята, и итоги уточнятся "
            "с её учётом.";
  } else {
    text += "Итоги за " + period + " подведены " + calendar::long_date_text(cycle.results) +
            " без этой формы. Пришлите форму как можно скорее: она будет принята, итоги уточнятся с её учётом, и "
            "директор получит письмо с результатами школы.";
  }
  return text + " Формы за " + period + " принимаются до " + last;  // «… г.»: the date ends the sentence
}

mail::Letter form_out_letter(const MailContext& ctx, const calendar::Cycle& cycle, const model::School& school,
                                mail::MailAttachment form) {
  const auto period = model::display_name(cycle.period);
  auto m = new_message(ctx, {school.director, school.email});
  m.subject = "Форма " + monitoring_in_subject(ctx) + " за " + period + ": " + school.short_name + ", срок — " +
              calendar::date_text(cycle.deadline);
  std::string body = salutation(school.director) + "\n\n";
  body += "Начинается мониторинг " + title_of(ctx) + " за " + period + ". Во вложении — форма " +
          school.short_name + " («" + form.file_name + "»).\n\n";
  body += how_to_return(cycle, cycle.open);
  body += letter_signature(ctx);
  m.body = body;
  m.attachments.push_back(std::move(form));
  return mail::Letter{mail::letter_kind::form_out, school.id, std::move(m), cycle_figures(ctx, cycle)};
}

mail::Letter reminder_letter(const MailContext& ctx, const calendar::Cycle& cycle, const model::School& school,
                                mail::MailAttachment form, const std::vector<const model::FileOutcome*>& rejected,
                                calendar::Date day, bool after_deadline) {
  const auto period = model::display_name(cycle.period);
  auto m = new_message(ctx, {school.director, school.email});
  if (after_deadline && !ctx.methodist.empty()) m.cc.push_back({"", ctx.methodist});
  m.subject = (after_deadline ? "Срок сдачи прошёл: форма " : "Напоминание: форма ") + monitoring_in_subject(ctx) +
              " за " + period + " — " + school.short_name;
  std::string body = salutation(school.director) + "\n\n";
  if (after_deadline) {
    body += "Срок сдачи формы мониторинга " + title_of(ctx) + " за " + period + " прошёл (" +
            calendar::long_date_text(cycle.deadline) + "), а от " + school.short_name +
            " принятой формы нет. Копия письма направлена методисту.\n\n" + resend_by_text(cycle, day) + "\n";
  } else {
    body += "Напоминаем: не позднее " + calendar::long_date_text(cycle.deadline) +
            " нужно прислать заполненную форму мониторинга " + title_of(ctx) + " за " + period + ". От " +
            school.short_name + " принятой формы пока нет.\n";
  }
  if (!rejected.empty()) {
    body += "\nПрисланная форма не принята: в ней есть ошибки. Исправьте их в той же форме и пришлите файл снова.\n";
    body += errors_text(rejected);
  }
  body += "\nВо вложении — чистая форма школы на случай, если прежнее письмо потерялось.\n\n";
  body += how_to_return(cycle, day);
  body += letter_signature(ctx);
  m.body = body;
  m.attachments.push_back(std::move(form));
  auto figures = cycle_figures(ctx, cycle);
  figures.push_back({after_deadline ? "Напоминание после срока" : "Напоминание", calendar::date_text(day)});
  for (auto& f : rejected_form_figures(rejected)) figures.push_back(std::move(f));
  return mail::Letter{mail::letter_kind::reminder, reminder_topic(school.id, day), std::move(m),
                         std::move(figures)};
}

mail::Letter no_address_letter(const MailContext& ctx, const calendar::Cycle& cycle,
                                  const std::vector<const model::School*>& schools,
                                  std::vector<mail::MailAttachment> forms) {
  const auto period = model::display_name(cycle.period);
  auto m = new_message(ctx, {"", ctx.methodist});
  m.subject = "metodmon: формы " + monitoring_in_subject(ctx) + " за " + period +
              " — школы без адреса в реестре: " + std::to_string(schools.size());
  std::string body = "Мониторинг " + title_of(ctx) + " за " + period + ": формы разосланы школам, срок сдачи — " +
                     calendar::long_date_text(cycle.deadline) + "\n\n";
  body += "У этих школ в реестре нет адреса электронной почты (или он записан с ошибкой), письмо с формой им не "
          "отправлено:\n";
  for (const auto* s : schools) body += "  — " + s->short_name + " (" + s->id + ")\n";
  body += "\nИх формы — во вложении: передайте их школам другим способом и внесите адреса в реестр, чтобы "
          "напоминания и итоги доходили до директоров.\n";
  m.body = body;
  for (auto& f : forms) m.attachments.push_back(std::move(f));
  std::vector<mail::Figure> figures = cycle_figures(ctx, cycle);
  for (const auto* s : schools) figures.push_back({"Без адреса: " + s->id, s->short_name});
  return mail::Letter{mail::letter_kind::form_out, "no-address", std::move(m), std::move(figures)};
}

mail::Letter returns_status_letter(const MailContext& ctx, const calendar::Cycle& cycle, const model::SubmissionLog& log,
                                   const std::vector<std::string>& states, calendar::Date day,
                                   std::optional<mail::MailAttachment> workbook) {
  const auto period = model::display_name(cycle.period);
  std::vector<std::string> sent, rejected, missing;
  std::vector<mail::Figure> figures = cycle_figures(ctx, cycle);
  std::string table;
  for (std::size_t i = 0; i < log.schools.size(); ++i) {
    const auto& s = log.schools[i];
    const auto& state = i < states.size() ? states[i] : model::return_state_name(s.state);
    switch (s.state) {
      case model::ReturnState::accepted:
      case model::ReturnState::accepted_late: sent.push_back(s.school_name); break;
      case model::ReturnState::rejected: rejected.push_back(s.school_name); break;
      case model::ReturnState::missing: missing.push_back(s.school_name); break;
    }
    table += "  " + s.school_name + " — " + state + "\n";
    figures.push_back({s.school_id, state});
  }
  auto m = new_message(ctx, {"", ctx.methodist});
  m.subject = "metodmon: сдача форм " + monitoring_in_subject(ctx) + " за " + period + " на " +
              calendar::date_text(day) + " — прислали " + std::to_string(sent.size()) + " из " +
              std::to_string(log.schools.size());
  std::string body = "Сдача форм мониторинга " + title_of(ctx) + " за " + period + " на " +
                     calendar::long_date_text(day) + " (срок сдачи — " + calendar::long_date_text(cycle.deadline) +
                     ", итоги — " + calendar::long_date_text(cycle.results) + ").\n\n";
  body += "Форма принята (" + std::to_string(sent.size()) + "): " + school_list(sent) + ".\n";
  body += "Форма отклонена, ждём исправленную (" + std::to_string(rejected.size()) + "): " + school_list(rejected) + ".\n";
  body += "Форму не прислали (" + std::to_string(missing.size()) + "): " + school_list(missing) + ".\n";
  if (!rejected.empty() || !missing.empty()) {
    body += day <= cycle.deadline ? "Им сегодня отправлено напоминание.\n"
                                  : "Им сегодня отправлено напоминание о прошедшем сроке (копии — вам).\n";
  }
  body += "\nПо школам:\n" + table;
  if (!ctx.calendar_notes.empty()) {
    body += "\nКалендарь: пропущено, пока программа не запускалась:\n";
    for (const auto& n : ctx.calendar_notes) body += "  — " + n + "\n";
  }
  body += "\nВо вложении — таблица «Сдача форм» (та же — в папке итогов мониторинга; она обновляется каждое утро): "
          "когда каждой школе разослана форма, что и когда от неё получено, с итогом проверки, какие напоминания "
          "отправлены. Ту же таблицу показывает команда metodmon status.\n";
  m.body = body;
  if (workbook) m.attachments.push_back(std::move(*workbook));
  return mail::Letter{mail::letter_kind::returns_status, calendar::iso_text(day), std::move(m), std::move(figures)};
}

mail::Letter calendar_notice_letter(const MailContext& ctx, const calendar::Cycle& cycle, calendar::Date day) {
  const auto period = model::display_name(cycle.period);
  auto m = new_message(ctx, {"", ctx.methodist});
  m.subject = "metodmon: пропущены шаги календаря " + monitoring_in_subject(ctx) + " за " + period;
  std::string body = "Мониторинг " + title_of(ctx) + " за " + period + ": пока программа не запускалась (" +
                     "машина была выключена), прошли дни календаря, и эти шаги не сделаны:\n";
  std::vector<mail::Figure> figures = cycle_figures(ctx, cycle);
  for (std::size_t i = 0; i < ctx.calendar_notes.size(); ++i) {
    body += "  — " + ctx.calendar_notes[i] + "\n";
    figures.push_back({"Пропущено " + std::to_string(i + 1), ctx.calendar_notes[i]});
  }
  body += "\nОстальное календарь делает как обычно: итоги подводятся всегда, напоминание до срока уходит с "
          "опозданием, если срок ещё не прошёл. Состояние сдачи форм — metodmon status.\n";
  m.body = body;
  return mail::Letter{mail::letter_kind::calendar_notice, calendar::iso_text(day), std::move(m), std::move(figures)};
}

}  // namespace letters
