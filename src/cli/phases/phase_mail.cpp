#include "cli/phases/phase_mail.h"

#include <spdlog/spdlog.h>

#include <map>

#include "cli/config/run_inputs.h"

namespace cli {

mail::CourierLimits courier_limits(const Config& config) {
  return {config.mail_stop_after_failed_letters, std::chrono::seconds(config.mail_budget_seconds)};
}

MailRound::MailRound(const Config& config, bool dry_run) : m_outbox(config.outbox) {
  m_outbox.set_clock(config.mail_clock);
  if (dry_run) {
    m_courier.emplace(mail::Courier::dry_run());
    return;
  }
  auto created = mail::Mailer::create(config.mail);
  if (!created) {
    m_courier.emplace(mail::Courier::hold("почтовая программа не запущена: " + model::to_string(created.error())));
    return;
  }
  m_mailer.emplace(std::move(*created));
  m_courier.emplace(*m_mailer, courier_limits(config));
}

std::optional<std::string> MailRound::held_reason() const {
  if (m_courier->mode() == mail::Courier::Mode::dry_run) return std::nullopt;
  return m_courier->held_reason();
}

void MailRound::count(const mail::JournalEntry& e) {
  switch (e.status) {
    case mail::DeliveryStatus::sent: ++m_tally.sent; break;
    case mail::DeliveryStatus::pending: ++m_tally.waiting; break;
    case mail::DeliveryStatus::failed:
      ++m_tally.failed;
      spdlog::warn("письмо на адрес {} не отправлено: {}", e.recipients, e.last_error);
      break;
    case mail::DeliveryStatus::invalid:
      ++m_tally.invalid;
      spdlog::error("письмо «{}» не отправлено: {}", e.subject, e.last_error);
      break;
    case mail::DeliveryStatus::dry_run:
    case mail::DeliveryStatus::superseded: break;
  }
}

void MailRound::post(std::string_view period, mail::Letter letter) {
  if (const auto revision = m_outbox.revision(period, letter); revision && !revision->changes.empty()) {
    letters::mark_revised(letter, *revision);
  }
  const auto d = m_outbox.deliver(period, std::move(letter), *m_courier);
  if (!d) {
    print_diagnostics(std::vector{d.error()});
    ++m_tally.unwritten;
    return;
  }
  if (d->unchanged) {
    ++m_tally.unchanged;
    return;
  }
  ++m_tally.written;
  count(d->entry);
}

void MailRound::not_composed(const model::Diagnostic& why) {
  print_diagnostics(std::vector{why});
  ++m_tally.unwritten;
}

bool has_waiting_letters(mail::Outbox& outbox, const std::string& period, bool include_dry_run) {
  const auto entries = outbox.journal(period);
  if (!entries) return true;  // let resend() report it
  for (const auto& e : *entries) {
    if (mail::is_waiting(e.status) || (include_dry_run && e.status == mail::DeliveryStatus::dry_run)) {
      return true;
    }
  }
  return false;
}

bool MailRound::resend(std::string_view period, bool include_dry_run) {
  const auto tried = m_outbox.resend_pending(period, *m_courier, include_dry_run);
  const auto after = m_outbox.journal(period);
  if (!tried || !after) {
    print_diagnostics(std::vector{!tried ? tried.error() : after.error()});
    return false;
  }
  for (const auto& e : *tried) count(e);  // sent, failed or invalid: never pending
  // The letters the courier held (server down, budget spent) still wait.
  for (const auto& e : *after) m_tally.waiting += e.status == mail::DeliveryStatus::pending;
  return true;
}

void MailRound::report(const std::filesystem::path& where) const {
  if (m_tally.not_delivered() == 0) return;
  const auto why = held_reason();
  if (m_tally.waiting > 0) {
    spdlog::error("письма не отправлены ({}): {}. Они ждут в папке {}; когда причина будет устранена, выполните "
                  "metodmon send",
                  m_tally.waiting, why.value_or("см. журнал отправки journal.tsv"), where.string());
  }
  if (m_tally.failed > 0) {
    spdlog::error("письма не доставлены ({}), причины — в журнале отправки journal.tsv в папке {}; metodmon send "
                  "попробует снова",
                  m_tally.failed, where.string());
  }
  if (m_tally.unwritten > 0) {
    spdlog::error("письма не записаны в папку отправки ({}): их нет в папке {}, и metodmon send их не "
                  "отправит; когда причина (она выше) будет устранена, их составит заново следующий запуск "
                  "(metodmon run; в календаре — daily на следующий день), а уже отправленные письма второй раз "
                  "не уйдут",
                  m_tally.unwritten, where.string());
  }
  if (m_tally.invalid > 0) {
    spdlog::error("письма с неверным адресом не отправляются ({}): исправьте адреса в реестре школ или в разделе "
                  "[mail]",
                  m_tally.invalid);
  }
}

MailTally mail_letters(const Config& config, std::string_view period, std::vector<mail::Letter> letters) {
  if (letters.empty()) return {};
  MailRound round(config, config.mail_dry_run);
  for (auto& letter : letters) round.post(period, std::move(letter));
  round.report(config.outbox / std::string(period));
  return round.tally();
}

bool mail_results(MailRound& round, const Config& config, const letters::MailContext& ctx, const Published& published,
                  const RejectedAnswers& answers) {
  bool methodist_filed = false;
  const auto& period = ctx.summary.period.id;
  for (const auto& id : published.director_school_ids) {
    const auto* school = ctx.registry.find(id);
    if (school == nullptr || school->email.empty()) {
      // The registry loader cleared an address that failed model::is_valid_email.
      spdlog::warn("у ОО «{}» ({}) нет адреса электронной почты в реестре (или он записан с ошибкой): книга "
                   "директора не отправлена",
                   school != nullptr ? school->short_name : id, id);
      continue;
    }
    auto workbook = letters::attach(published.director_file(id));
    if (!workbook) {
      round.not_composed(workbook.error());
      continue;
    }
    round.post(period, letters::director_letter(ctx, *school, std::move(*workbook)));
  }
  if (!ctx.methodist.empty()) {
    if (auto workbook = letters::attach(published.results_file)) {
      std::vector<mail::MailAttachment> documents;
      for (const auto& file : {published.spravka_file, published.prikaz_file}) {
        std::error_code ec;
        if (file.empty() || !std::filesystem::exists(file, ec)) continue;
        if (auto d = letters::attach(file)) {
          documents.push_back(std::move(*d));
        } else {
          print_diagnostics(std::vector{d.error()});
        }
      }
      const auto before = round.tally();
      round.post(period, letters::methodist_letter(ctx, std::move(*workbook), std::move(documents)));
      methodist_filed = round.tally().written > before.written;
    } else {
      round.not_composed(workbook.error());
    }
  }
  if (config.send_errors_to_schools) {
    for (const auto* f : rejected_to_tell(ctx.run.files, ctx.registry)) {
      if (answers.untold && !answers.untold(*f)) continue;
      auto letter = letters::rejected_form_letter(ctx, *ctx.registry.find(f->school_id), *f);
      if (!letter) continue;
      const auto unwritten = round.tally().unwritten;
      round.post(period, std::move(*letter));
      if (answers.told && round.tally().unwritten == unwritten) answers.told(*f);
    }
  }
  return methodist_filed;
}

letters::MailContext mail_context(const Config& config, const model::Definition& definition,
                                  const model::Registry& registry, const aggregate::Summary& summary,
                                  const model::RunInfo& run) {
  letters::MailContext ctx{definition, registry, summary, run, config.mail.from, config.mail.methodist};
  ctx.monitoring_name = config.monitoring_name;
  return ctx;
}

std::vector<const model::FileOutcome*> rejected_to_tell(const std::vector<model::FileOutcome>& files,
                                                        const model::Registry& registry) {
  std::map<std::string, const model::FileOutcome*> newest_rejected, newest_accepted;
  const auto newer = [](const model::FileOutcome* a, const model::FileOutcome& b) {
    return a == nullptr || b.file.mtime > a->file.mtime || (b.file.mtime == a->file.mtime && b.file.name > a->file.name);
  };
  for (const auto& f : files) {
    if (f.school_id.empty() || registry.find(f.school_id) == nullptr) continue;
    if (f.outcome != model::Outcome::rejected && f.outcome != model::Outcome::accepted) continue;
    auto& slot = (f.outcome == model::Outcome::rejected ? newest_rejected : newest_accepted)[f.school_id];
    if (newer(slot, f)) slot = &f;
  }
  std::vector<const model::FileOutcome*> out;
  for (const auto& school : registry.schools) {
    const auto r = newest_rejected.find(school.id);
    if (r == newest_rejected.end()) continue;
    const auto a = newest_accepted.find(school.id);
    if (a != newest_accepted.end() && newer(r->second, *a->second)) continue;  // corrected since
    out.push_back(r->second);
  }
  return out;
}

}  // namespace cli
