#include "cli/phase_mail.h"

#include <spdlog/spdlog.h>

#include <map>
#include <optional>

#include "cli/exit_codes.h"
#include "cli/run_inputs.h"
#include "deliver/outbox.h"

namespace cli {

namespace {

// The outbox of one period and the mailer (none in a dry run, or when it
// cannot start: then every letter counts as failed and stays in the outbox).
class LetterPost {
 public:
  LetterPost(const Config& config, std::string period) : m_outbox(config.outbox), m_period(std::move(period)) {
    if (config.mail_dry_run) return;
    auto created = deliver::Mailer::create(config.mail);
    if (created) {
      m_mailer.emplace(std::move(*created));
    } else {
      m_mailer_broken = true;
      print_diagnostics(std::vector{created.error()});
    }
  }

  void post(deliver::MailMessage m) {
    const auto d = m_outbox.deliver(m_period, std::move(m), m_mailer ? &*m_mailer : nullptr);
    if (!d) {
      print_diagnostics(std::vector{d.error()});
      ++tally.failed;
      return;
    }
    ++tally.written;
    if (d->entry.status == deliver::DeliveryStatus::sent) ++tally.sent;
    if (d->entry.status == deliver::DeliveryStatus::failed || m_mailer_broken) ++tally.failed;
    if (d->entry.status == deliver::DeliveryStatus::failed) {
      spdlog::warn("письмо на адрес {} не отправлено: {}", d->entry.recipients, d->entry.last_error);
    }
  }

  MailTally tally;

 private:
  deliver::Outbox m_outbox;
  std::string m_period;
  std::optional<deliver::Mailer> m_mailer;
  bool m_mailer_broken = false;
};

}  // namespace

MailTally mail_letters(const Config& config, std::string_view period, std::vector<deliver::MailMessage> letters) {
  if (letters.empty()) return {};
  LetterPost post(config, std::string(period));
  for (auto& m : letters) post.post(std::move(m));
  return post.tally;
}

MailTally mail_results(const Config& config, const MailContext& ctx, const Published& published) {
  LetterPost letters(config, ctx.summary.period.id);
  auto& tally = letters.tally;
  const auto post = [&](deliver::MailMessage m) { letters.post(std::move(m)); };
  for (const auto& id : published.director_school_ids) {
    const auto* school = ctx.registry.find(id);
    if (school == nullptr || school->email.empty()) {
      spdlog::warn("у ОО «{}» ({}) нет адреса электронной почты в реестре: книга директора не отправлена",
                   school != nullptr ? school->short_name : id, id);
      continue;
    }
    auto workbook = attach(published.director_file(id));
    if (!workbook) {
      print_diagnostics(std::vector{workbook.error()});
      ++tally.failed;
      continue;
    }
    post(director_letter(ctx, *school, std::move(*workbook)));
  }
  if (!ctx.methodist.empty()) {
    if (auto workbook = attach(published.results_file)) {
      post(methodist_letter(ctx, std::move(*workbook)));
    } else {
      print_diagnostics(std::vector{workbook.error()});
      ++tally.failed;
    }
  }
  if (config.send_errors_to_schools) {
    std::map<std::string, std::vector<const model::FileOutcome*>> rejected;
    for (const auto& f : ctx.run.files) {
      if (f.outcome == model::Outcome::rejected && ctx.registry.find(f.school_id) != nullptr) {
        rejected[f.school_id].push_back(&f);
      }
    }
    for (const auto& [id, files] : rejected) {
      if (auto m = rejected_form_letter(ctx, *ctx.registry.find(id), files)) post(std::move(*m));
    }
  }
  return tally;
}

std::expected<ResendTally, int> send_pending(const Config& config, std::string_view period, bool include_dry_run) {
  auto mailer = deliver::Mailer::create(config.mail);
  if (!mailer) {
    print_diagnostics(std::vector{mailer.error()});
    return std::unexpected(k_exit_mail_failed);
  }
  deliver::Outbox outbox(config.outbox);
  const auto entries = outbox.resend_pending(period, *mailer, include_dry_run);
  if (!entries) {
    print_diagnostics(std::vector{entries.error()});
    return std::unexpected(k_exit_failure);
  }
  ResendTally t;
  t.entries = entries->size();
  for (const auto& e : *entries) {
    t.sent += e.status == deliver::DeliveryStatus::sent;
    t.failed += e.status == deliver::DeliveryStatus::failed || e.status == deliver::DeliveryStatus::pending;
  }
  return t;
}

}  // namespace cli
