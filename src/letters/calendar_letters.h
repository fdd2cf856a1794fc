// The calendar's letters, in Russian, each a mail::Letter of its kind:
//   forms out (letter_kind::form_out, topic: the school) — to the director,
//     the school's own blank protected form attached, the deadline, what to
//     fill and how to send it back;
//   reminders (letter_kind::reminder, topic: "<school>@<day>", so each
//     reminder is a letter of its own) — before the deadline to the director;
//     after it, copied to the methodist; a school whose form was rejected is
//     told its errors again; the blank form is attached again;
//   the methodist's list of schools without an e-mail (form_out, topic
//     "no-address"), their blank forms attached, to hand over by other means.
// Figures (what a rerun compares): the form's version, the period and the
// deadline; for a reminder also its day and the errors it repeats.
#pragma once

#include <string>
#include <vector>

#include "calendar/timetable.h"
#include "letters/mail_compose.h"
#include "mail/letter.h"
#include "model/run.h"
#include "model/school.h"

namespace letters {

mail::Letter form_out_letter(const MailContext& ctx, const calendar::Cycle& cycle, const model::School& school,
                                mail::MailAttachment form);

// `rejected`: the school's rejected forms of the period (empty: it sent none).
mail::Letter reminder_letter(const MailContext& ctx, const calendar::Cycle& cycle, const model::School& school,
                                mail::MailAttachment form, const std::vector<const model::FileOutcome*>& rejected,
                                calendar::Date day, bool after_deadline);

mail::Letter no_address_letter(const MailContext& ctx, const calendar::Cycle& cycle,
                                  const std::vector<const model::School*>& schools,
                                  std::vector<mail::MailAttachment> forms);

// The topic of a school's reminder of `day`: "sch03@2026-09-15".
std::string reminder_topic(const std::string& school_id, calendar::Date day);

}  // namespace letters
