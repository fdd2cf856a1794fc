#include "cli/phase_mail.h"

#include <spdlog/spdlog.h>

#include <map>
#include <optional>

#include "cli/exit_codes.h"
#include "cli/run_inputs.h"
#include "deliver/outbox.h"

namespace cli {

MailTally mail_results(const Config& config, const MailContext& ctx, const Published& published) {
  MailTally tally;
  std::optional<deliver::Mailer> mailer;
  bool mailer_broken = false;
  if (!config.mail_dry_run) {
    auto created = deliver::Mailer::create(config.mail);
    if (created) {
      mailer.emplace(std::move(*created));
    } else {
      mailer_broken = true;
      print_diagnostics(std::vector{created.error()});
    }
  }
  deliver::Outbox outbox(config.outbox);
  const auto period = ctx.summary.period.id;
  const auto post = [&](deliver::MailMessage m) {
    const auto d = outbox.deliver(period, std::move(m), mailer ? &*mailer : nullptr);
    if (!d) {
      print_diagnostics(std::vector{d.error()});
      ++tally.failed;
      return;
    }
    ++tally.written;
    if (d->entry.status == deliver::DeliveryStatus::sent) ++tally.sent;
    if (d->entry.status == deliver::DeliveryStatus::failed || mailer_broken) ++tally.failed;
    if (d->entry.status == deliver::DeliveryStatus::failed) {
      spdlog::warn("письмо на адрес {} не отправлено: {}", d->entry.recipients, d->entry.last_error);
    }
  };
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
