// The letters of a monthly run, in Russian: one to each director with the
// school's workbook, one to the methodist with the full workbook and the list
// of rejected forms, and (optionally) one to each school whose form was
// rejected, with its errors so it can resend. Each is a mail::Letter of its
// kind, with the figures it states (letter_figures.h); every letter answers
// to the methodist (Reply-To) and greets a director by name and patronymic
// (salutation.h).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "aggregate/summary.h"
#include "analysis/analysis.h"
#include "calendar/timetable.h"
#include "mail/letter.h"
#include "mail/mail_message.h"
#include "mail/outbox.h"
#include "model/definition.h"
#include "model/run.h"
#include "model/school.h"

namespace letters {

struct MailContext {
  const model::Definition& definition;
  const model::Registry& registry;
  const aggregate::Summary& summary;
  const model::RunInfo& run;
  mail::MailAddress from;
  std::string methodist;  // the methodist's address; empty: no methodist letter, no Reply-To
  // The monitoring's short name as the deployment calls it ("профессиональные
  // дефициты"); empty: its definition's title. Every subject names it.
  std::string monitoring_name = {};
  // The run's analysis: the rubric points and places a director's letter
  // states among its figures; null: none.
  const analysis::Analysis* analysis = nullptr;
  // A calendar deployment's cycle: its deadline, in the letters to schools
  // about rejected forms; null: not a calendar run.
  const calendar::Cycle* cycle = nullptr;
  // For the methodist's letter: calendar steps that passed undone
  // (calendar::missed_text), said once; empty: none.
  std::vector<std::string> calendar_notes = {};
};

// "мониторинга «профессиональные дефициты»" (the configured short name), else
// "мониторинга по выявлению профессиональных дефицитов …" (the title): how a
// subject names the monitoring.
std::string monitoring_in_subject(const MailContext& ctx);

// A message from ctx.from to `to`, answering to the methodist.
mail::MailMessage new_message(const MailContext& ctx, mail::MailAddress to);

// The end of every letter: the organisation, whom to ask, that it was sent
// automatically and that an answer reaches the methodist.
std::string letter_signature(const MailContext& ctx);

// Reads an attachment (a workbook, or a .docx document); errors name the file.
model::Expected<mail::MailAttachment> attach(const std::filesystem::path& file);

mail::Letter director_letter(const MailContext& ctx, const model::School& school,
                                mail::MailAttachment workbook);
// `documents`: the аналитическая справка and the draft приказ, attached after the workbook.
mail::Letter methodist_letter(const MailContext& ctx, mail::MailAttachment workbook,
                                 std::vector<mail::MailAttachment> documents = {});
// To the methodist when the run accepted no form and published nothing:
// what was in the inbox, why nothing was accepted, whether the period's
// earlier results were kept, what to do (a problem-notice letter).
mail::Letter nothing_accepted_letter(const MailContext& ctx, bool results_kept);
// To the methodist when a run stopped after reading the forms (a workbook
// that could not be written, a full disk, a history that could not be
// updated): what went wrong and how to fix it, that no director was mailed
// and the inbox is untouched, what to do (a problem-notice letter).
mail::Letter run_failed_letter(const MailContext& ctx, const model::Diagnostic& problem);
// The school's newest rejected form of the run (`file`), its errors with
// their cells and how to fix them, and until when to send it again (the
// cycle's deadline, or that it has passed and what happens now); nullopt
// when the school has no address. One letter per file (topic
// "<school>@<first 12 hex of its SHA-256>"), so a school is told of each
// file once, whichever run or day tells it.
std::optional<mail::Letter> rejected_form_letter(const MailContext& ctx, const model::School& school,
                                                    const model::FileOutcome& file);

// Marks a letter that replaces one already delivered: for results letters the
// subject says «Уточнённые итоги» and the body, after its first paragraph
// (the one that names the monitoring, after the greeting), says which letter
// it replaces and lists what changed («5.1 «…»: было 45,0 %, стало 50,0 %»,
// at most 20 lines); other letters say only which one they replace.
void mark_revised(mail::Letter& letter, const mail::Revision& revision);

}  // namespace letters
