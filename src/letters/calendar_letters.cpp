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

std::string how_to_return(const calendar::Cycle& cycle) {
  return "Что сделать:\n"
         "  1. Откройте файл в Excel или LibreOffice и заполните жёлтые ячейки (остальные защищены; у каждой "
         "ячейки есть подсказка).\n"
         "  2. Укажите дату заполнения и сохраните файл в формате .xlsx.\n"
         "  3. Отправьте заполненную форму ответом на это письмо (вложением) не позднее " +
         calendar::long_date_text(cycle.deadline) +
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

}  // namespace

std::string reminder_topic(const std::string& school_id, calendar::Date day) {
  return school_id + "@" + calendar::iso_text(day);
}

mail::Letter form_out_letter(const MailContext& ctx, const calendar::Cycle& cycle, const model::School& school,
                                mail::MailAttachment form) {
  const auto period = model::display_name(cycle.period);
  auto m = new_message(ctx, {school.director, school.email});
  m.subject = "Мониторинг " + title_of(ctx) + " за " + period + ": форма " + school.short_name + ", срок — " +
              calendar::date_text(cycle.deadline);
  std::string body = salutation(school.director) + "\n\n";
  body += "Начинается мониторинг " + title_of(ctx) + " за " + period + ". Во вложении — форма " +
          school.short_name + " («" + form.file_name + "»).\n\n";
  body += how_to_return(cycle);
  body += letter_signature(ctx);
  m.body = body;
  m.attachments.push_back(std::move(form));
  return mail::Letter{mail::letter_kind::form_out, school.id, std::move(m), cycle_figures(ctx, cycle)};
}

mail::Letter reminder_letter(const MailContext& ctx, const calendar::Cycle& cycle, const model::School& school,
                                mail::MailAttachment form, const std::vector<const model::FileOutcome*>& rejected,
                                calendar::Date day, bool after_deadline) {
  const auto period = model::display_name(cycle.period);
  const auto deadline = calendar::long_date_text(cycle.deadline);
  auto m = new_message(ctx, {school.director, school.email});
  if (after_deadline && !ctx.methodist.empty()) m.cc.push_back({"", ctx.methodist});
  m.subject = (after_deadline ? "Срок сдачи прошёл: форма мониторинга " : "Напоминание: форма мониторинга ") +
              title_of(ctx) + " за " + period + " — " + school.short_name;
  std::string body = salutation(school.director) + "\n\n";
  if (after_deadline) {
    body += "Срок сдачи формы мониторинга " + title_of(ctx) + " за " + period + " истёк " + deadline + ", а от " +
            school.short_name + " принятой формы нет. Пожалуйста, пришлите заполненную форму как можно скорее: "
            "итоги будут уточнены с её учётом. Копия письма направлена методисту.\n";
  } else {
    body += "Напоминаем: не позднее " + deadline + " нужно прислать заполненную форму мониторинга " + title_of(ctx) +
            " за " + period + ". От " + school.short_name + " принятой формы пока нет.\n";
  }
  if (!rejected.empty()) {
    body += "\nПрисланная форма не принята: в ней есть ошибки. Исправьте их в той же форме и пришлите файл снова.\n";
    body += errors_text(rejected);
  }
  body += "\nВо вложении — чистая форма школы на случай, если прежнее письмо потерялось.\n\n";
  body += how_to_return(cycle);
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
  m.subject = "metodmon: формы мониторинга " + title_of(ctx) + " за " + period +
              " — школы без адреса в реестре: " + std::to_string(schools.size());
  std::string body = "Мониторинг " + title_of(ctx) + " за " + period + ": формы разосланы школам, срок сдачи — " +
                     calendar::long_date_text(cycle.deadline) + ".\n\n";
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

}  // namespace letters
