#include "letters/mail_compose.h"

#include <array>

#include "analysis/russian_words.h"
#include "letters/calendar_letters.h"
#include "letters/letter_figures.h"
#include "letters/salutation.h"
#include "util/read_file.h"

namespace letters {

namespace {

constexpr std::size_t k_max_listed_changes = 20;

std::string period_text(const MailContext& ctx) { return model::display_name(ctx.summary.period); }

// The calendar's missed steps, for the methodist.
std::string calendar_notes_text(const MailContext& ctx) {
  if (ctx.calendar_notes.empty()) return {};
  std::string text = "\nКалендарь: пропущено, пока программа не запускалась:\n";
  for (const auto& n : ctx.calendar_notes) text += "  — " + n + "\n";
  return text;
}

// Each rejected form with its errors, as the methodist's letters list them.
std::string rejected_forms_text(const MailContext& ctx) {
  std::string text;
  for (const auto& f : ctx.run.files) {
    if (f.outcome != model::Outcome::rejected) continue;
    const auto* school = ctx.registry.find(f.school_id);
    text += "\n" + f.file.name + (school ? " (" + school->short_name + ")" : std::string()) + ":\n";
    for (const auto& d : f.diagnostics) {
      if (d.severity == model::Severity::error) text += "  — " + model::to_string(d) + "\n";
    }
  }
  return text;
}

std::string notices_text(const MailContext& ctx) {
  if (ctx.run.notices.empty()) return {};
  std::string text = "\nОбратите внимание:\n";
  for (const auto& d : ctx.run.notices) text += "  — " + model::to_string(d) + "\n";
  return text;
}

// "2026-12-01 07:00:00" -> "01.12.2026 07:00".
std::string journal_time_text(const std::string& t) {
  if (t.size() < 16) return t;
  return t.substr(8, 2) + "." + t.substr(5, 2) + "." + t.substr(0, 4) + " " + t.substr(11, 5);
}

std::string change_line(const mail::FigureChange& c) {
  if (c.before.empty()) return "  — " + c.label + ": " + c.after + " (раньше не было)\n";
  if (c.after.empty()) return "  — " + c.label + ": больше не указано (было " + c.before + ")\n";
  return "  — " + c.label + ": было " + c.before + ", стало " + c.after + "\n";
}

}  // namespace

std::string monitoring_in_subject(const MailContext& ctx) {
  if (!ctx.monitoring_name.empty()) return "мониторинга «" + ctx.monitoring_name + "»";
  return analysis::monitoring_genitive(ctx.definition);
}

std::string letter_signature(const MailContext& ctx) {
  std::string s = "\n--\n";
  if (!ctx.definition.organisation.empty()) s += ctx.definition.organisation + "\n";
  if (!ctx.methodist.empty()) s += "Вопросы по данным: " + ctx.methodist + "\n";
  s += "Письмо сформировано автоматически программой metodmon; ответ на него получит методист.\n";
  return s;
}

model::Expected<mail::MailAttachment> attach(const std::filesystem::path& file) {
  auto bytes = util::read_file(file);
  if (!bytes) {
    return std::unexpected(model::Diagnostic::error({file.filename().string(), {}, {}, {}, {}},
                                                    "не удалось прочитать вложение " + file.string()));
  }
  const bool word = file.extension() == ".docx";
  return mail::MailAttachment{file.filename().string(), word ? mail::k_docx_type : mail::k_xlsx_type,
                                 std::move(*bytes)};
}

mail::MailMessage new_message(const MailContext& ctx, mail::MailAddress to) {
  mail::MailMessage m;
  m.from = ctx.from;
  if (!ctx.methodist.empty()) m.reply_to.push_back({"", ctx.methodist});
  m.to.push_back(std::move(to));
  return m;
}

mail::Letter director_letter(const MailContext& ctx, const model::School& school,
                                mail::MailAttachment workbook) {
  int with_target = 0, met = 0, below_median = 0;
  for (const auto& ind : ctx.definition.indicators) {
    const auto* v = ctx.summary.value(school.id, ind.id);
    const auto* st = ctx.summary.stats(ind.id);
    if (v == nullptr || st == nullptr) continue;
    if (v->status == aggregate::TargetStatus::met || v->status == aggregate::TargetStatus::not_met) {
      ++with_target;
      met += v->status == aggregate::TargetStatus::met;
    }
    if (v->deviation && std::abs(*v->deviation) > 1e-9) {
      const bool worse = ind.better == model::Better::higher ? *v->deviation < 0 : *v->deviation > 0;
      below_median += worse;
    }
  }
  auto m = new_message(ctx, {school.director, school.email});
  m.subject = "Итоги " + monitoring_in_subject(ctx) + " за " + period_text(ctx) + " — " + school.short_name;
  std::string body = salutation(school.director) + "\n\n";
  body += "Направляем результаты " + analysis::monitoring_genitive(ctx.definition) + " за " + period_text(ctx) +
          " по " + school.short_name + ".\n\n";
  body += "Кратко:\n";
  if (with_target > 0) {
    body += "  — целевые значения дорожной карты достигнуты по " + std::to_string(met) + " из " +
            analysis::count_genitive(with_target, analysis::k_indicator_genitive) + ";\n";
  }
  const auto where = analysis::municipality_words(ctx.definition);
  body += "  — хуже медианы по " + where.dative + ": " +
          analysis::count_text(below_median, analysis::k_indicator_forms) + ".\n\n";
  body += "Во вложении — книга Excel с показателями школы рядом со значениями по " + where.dative + ", "
          "медианой и целевыми значениями, и с местом школы среди школ " +
          analysis::municipality_words(ctx.definition).genitive + ".\n";
  body += letter_signature(ctx);
  m.body = body;
  m.attachments.push_back(std::move(workbook));
  return {mail::letter_kind::results_director, school.id, std::move(m),
          school_figures(ctx.definition, ctx.summary, school.id, ctx.analysis)};
}

mail::Letter methodist_letter(const MailContext& ctx, mail::MailAttachment workbook,
                                 std::vector<mail::MailAttachment> documents) {
  const int exports = model::count_accepted_exports(ctx.run.files);
  const int accepted = model::count_outcome(ctx.run.files, model::Outcome::accepted) - exports;
  const int rejected = model::count_outcome(ctx.run.files, model::Outcome::rejected);
  auto m = new_message(ctx, {"", ctx.methodist});
  m.subject = "metodmon: итоги " + monitoring_in_subject(ctx) + " за " + period_text(ctx) +
              " — принято форм: " + std::to_string(accepted) + ", отклонено: " + std::to_string(rejected);
  std::string body = "Итоги " + analysis::monitoring_genitive(ctx.definition) + " за " + period_text(ctx) + ".\n\n";
  body += "Запуск: " + ctx.run.run_time + ", " + ctx.run.tool_version + ".\n";
  const auto without_form = model::schools_without_accepted_form(ctx.registry, ctx.run.files);
  // The counts of the справка and the приказ (model::Participation), then the files.
  const auto p = aggregate::participation_of(ctx.registry, ctx.run.files, ctx.summary);
  constexpr std::array<std::string_view, 2> k_schools = {"школы", "школ"};
  body += "Формы представили " + std::to_string(p.sent) + " из " + analysis::count_genitive(p.asked, k_schools) +
          ", приняты к обработке формы " + analysis::count_genitive(p.accepted, k_schools) +
          (exports > 0 ? "; выгрузок анкет принято: " + std::to_string(exports) : std::string()) +
          "; отклонено файлов: " + std::to_string(rejected) + "; нет принятой формы у " +
          std::to_string(without_form.size()) + " из " + analysis::count_genitive(p.asked, k_schools) + ".\n";
  if (const int other = model::count_outcome(ctx.run.files, model::Outcome::other_period); other > 0) {
    body += "Форм за другой период во входящей папке (не учитывались): " + std::to_string(other) + ".\n";
  }
  body += notices_text(ctx);
  body += calendar_notes_text(ctx);
  if (rejected > 0) {
    body += "\nОтклонённые формы (подробно — на листе «Ошибки» итоговой книги):\n";
    body += rejected_forms_text(ctx);
  }
  if (!without_form.empty()) {
    body += "\nНет принятой формы: ";
    bool first = true;
    for (const auto& id : without_form) {
      const auto* school = ctx.registry.find(id);
      body += (first ? "" : ", ") + (school ? school->short_name : id);
      first = false;
    }
    body += ".\n";
  }
  std::string no_address;
  for (const auto& id : ctx.summary.school_ids) {
    const auto* school = ctx.registry.find(id);
    if (school != nullptr && school->email.empty()) no_address += (no_address.empty() ? "" : ", ") + school->short_name;
  }
  if (!no_address.empty()) {
    body += "\nПисьма директорам не отправлены — в реестре школ нет верного адреса e-mail: " + no_address + ".\n";
  }
  body += "\nВо вложении — полная итоговая книга";
  body += documents.empty() ? ".\n"
                            : ", аналитическая справка и проект приказа (файлы Word: их можно "
                              "отредактировать; номер, дату приказа и подпись заполняет руководитель).\n";
  m.body = body;
  m.attachments.push_back(std::move(workbook));
  for (auto& d : documents) m.attachments.push_back(std::move(d));
  return {mail::letter_kind::results_methodist, {}, std::move(m),
          methodist_figures(ctx.definition, ctx.registry, ctx.summary, ctx.run, ctx.analysis)};
}

mail::Letter nothing_accepted_letter(const MailContext& ctx, bool results_kept) {
  auto m = new_message(ctx, {"", ctx.methodist});
  m.subject = "metodmon: запуск " + monitoring_in_subject(ctx) + " за " + period_text(ctx) +
              " — не принято ни одной формы, итоги " + (results_kept ? "не обновлены" : "не построены");
  std::string body = "Запуск мониторинга «" + ctx.definition.title + "» за " + period_text(ctx) + " (" +
                     ctx.run.run_time + ", " + ctx.run.tool_version + ") не принял ни одной формы.\n";
  body += results_kept ? "Опубликованные ранее итоги за этот период и история оставлены без изменений; "
                         "директорам ничего не отправлено.\n"
                       : "Итоги за этот период не построены; директорам ничего не отправлено.\n";
  body += "\nВходящая папка: " + ctx.run.inbox + "; файлов в ней: " + std::to_string(ctx.run.files.size()) + ".\n";
  body += rejected_forms_text(ctx);
  for (const auto& f : ctx.run.files) {
    if (f.outcome == model::Outcome::rejected) continue;
    body += "\n" + f.file.name + ": " + model::outcome_name(f.outcome) +
            (f.diagnostics.empty() ? std::string() : " — " + f.diagnostics.front().message) + "\n";
  }
  body += notices_text(ctx);
  body += "\nЧто сделать: проверьте, что входящая папка подключена и в ней лежат формы за " + period_text(ctx) +
          ", затем запустите metodmon run снова.\n";
  m.body = body;
  return {mail::letter_kind::problem_notice, {}, std::move(m), {}};
}

mail::Letter run_failed_letter(const MailContext& ctx, const model::Diagnostic& problem) {
  auto m = new_message(ctx, {"", ctx.methodist});
  m.subject = "metodmon: запуск " + monitoring_in_subject(ctx) + " за " + period_text(ctx) +
              " прерван — письма директорам не отправлены";
  std::string body = "Запуск мониторинга «" + ctx.definition.title + "» за " + period_text(ctx) + " (" +
                     ctx.run.run_time + ", " + ctx.run.tool_version + ") прерван после чтения форм.\n";
  body += "\nЧто случилось: " + problem.message + "\n";
  if (!problem.where.file.empty() && problem.message.find(problem.where.file) == std::string::npos) {
    body += "Файл: " + problem.where.file + "\n";
  }
  body += "\nДиректорам ничего не отправлено. Формы во входящей папке (" + ctx.run.inbox +
          ") не изменены: их прочитает следующий запуск.\n";
  body += "\nЧто сделать: " + (problem.hint.empty() ? std::string("устраните причину") : problem.hint) +
          "; затем запустите metodmon run снова: каждый директор получит письмо с итогами один раз.\n";
  body += notices_text(ctx);
  m.body = body;
  return {mail::letter_kind::problem_notice, "run-failed", std::move(m), {}};
}

std::optional<mail::Letter> rejected_form_letter(const MailContext& ctx, const model::School& school,
                                                    const model::FileOutcome& file) {
  if (school.email.empty()) return std::nullopt;
  auto m = new_message(ctx, {school.director, school.email});
  m.subject = "Форма " + monitoring_in_subject(ctx) + " за " + period_text(ctx) + " не принята — " + school.short_name;
  std::string body = salutation(school.director) + "\n\n";
  body += "Форма " + analysis::monitoring_genitive(ctx.definition) + " за " + period_text(ctx) + " от " +
          school.short_name + " («" + file.file.name + "») не принята: в ней есть ошибки. Исправьте их в той же "
          "форме и пришлите файл снова.\n\nОшибки:\n";
  for (const auto& d : file.diagnostics) {
    if (d.severity == model::Severity::error) body += "  — " + error_text(d) + "\n";
  }
  if (ctx.cycle != nullptr) body += "\n" + resend_by_text(*ctx.cycle, calendar::local_date(ctx.run.run_epoch)) + "\n";
  body += letter_signature(ctx);
  m.body = body;
  const auto topic = school.id + "@" + file.file.sha256.substr(0, 12);
  return mail::Letter{mail::letter_kind::rejected_form, topic, std::move(m), rejected_form_figures({&file})};
}

void mark_revised(mail::Letter& letter, const mail::Revision& revision) {
  if (!revision.sent_before) return;
  auto& m = letter.message;
  const bool results = letter.kind == mail::letter_kind::results_director ||
                       letter.kind == mail::letter_kind::results_methodist;
  std::string note;
  const auto when = journal_time_text(revision.sent_on);
  if (results) {
    auto& s = m.subject;
    if (const auto pos = s.find("Итоги"); pos != std::string::npos) {
      s.replace(pos, std::string("Итоги").size(), "Уточнённые итоги");
    } else if (const auto low = s.find("итоги"); low != std::string::npos) {
      s.replace(low, std::string("итоги").size(), "Уточнённые итоги");
    } else {
      s = "Уточнённые итоги: " + s;
    }
    note = "Уточнённые итоги: это письмо заменяет письмо от " + when + ". Изменилось:\n";
    for (std::size_t i = 0; i < revision.changes.size() && i < k_max_listed_changes; ++i) {
      note += change_line(revision.changes[i]);
    }
    if (revision.changes.size() > k_max_listed_changes) {
      note += "  … и ещё " + std::to_string(revision.changes.size() - k_max_listed_changes) +
              " изменений — все значения во вложении.\n";
    }
  } else {
    note = "Это письмо заменяет письмо от " + when + ".\n";
  }
  // After the paragraph that names the monitoring: the first, or the one
  // after the greeting («Уважаемая …!»).
  auto para = m.body.find("\n\n");
  if (para != std::string::npos && para > 0 && m.body[para - 1] == '!') {
    if (const auto next = m.body.find("\n\n", para + 2); next != std::string::npos) para = next;
  }
  m.body.insert(para == std::string::npos ? 0 : para + 2, note + "\n");
}

}  // namespace letters
