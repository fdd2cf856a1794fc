// The letters of a monthly run, in Russian: one to each director with the
// school's workbook, one to the methodist with the full workbook and the list
// of rejected forms, and (optionally) one to each school whose form was
// rejected, with its errors so it can resend.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "aggregate/summary.h"
#include "deliver/mail_message.h"
#include "model/definition.h"
#include "model/run.h"
#include "model/school.h"

namespace cli {

struct MailContext {
  const model::Definition& definition;
  const model::Registry& registry;
  const aggregate::Summary& summary;
  const model::RunInfo& run;
  deliver::MailAddress from;
  std::string methodist;  // the methodist's address; empty: no methodist letter
};

// Reads an attachment; errors name the file.
model::Expected<deliver::MailAttachment> attach(const std::filesystem::path& file);

deliver::MailMessage director_letter(const MailContext& ctx, const model::School& school,
                                     deliver::MailAttachment workbook);
deliver::MailMessage methodist_letter(const MailContext& ctx, deliver::MailAttachment workbook);
// To the methodist when the run accepted no form and published nothing:
// what was in the inbox, why nothing was accepted, whether the period's
// earlier results were kept, what to do.
deliver::MailMessage nothing_accepted_letter(const MailContext& ctx, bool results_kept);
// nullopt when the school has no address.
std::optional<deliver::MailMessage> rejected_form_letter(const MailContext& ctx,
                                                         const model::School& school,
                                                         const std::vector<const model::FileOutcome*>& files);

}  // namespace cli
