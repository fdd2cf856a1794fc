// The calendar's letters, in Russian, each a mail::Letter of its kind; every
// subject and first line names the monitoring (letters::monitoring_in_subject):
//   forms out (letter_kind::form_out, topic: the school) — to the director,
//     the school's own blank protected form attached, the deadline, what to
//     fill and how to send it back;
//   reminders (letter_kind::reminder, topic: "<school>@<day>", so each
//     reminder is a letter of its own) — before the deadline to the director;
//     after it, copied to the methodist, saying that the deadline has passed,
//     whether the results were computed without the school and what happens
//     to a form sent now; a school whose form was rejected is told its errors
//     again; the blank form is attached again;
//   the methodist's list of schools without an e-mail (form_out, topic
//     "no-address"), their blank forms attached, to hand over by other means;
//   the methodist's state of the collection on a reminder day
//     (letter_kind::returns_status, topic: the day) — who has sent, who has
//     not, who was rejected (the «Сдача форм» table), the steps the calendar
//     missed, the workbook «Сдача форм» attached;
//   the methodist's notice of steps the calendar missed
//     (letter_kind::calendar_notice, topic: the day), when no other letter of
//     the day tells her.
// Figures (what a rerun compares): the form's version, the period and the
// deadline; for a reminder also its day and the errors it repeats; for the
// state of a collection each school's state.
#pragma once

#include <string>
#include <vector>

#include "calendar/agenda.h"
#include "calendar/timetable.h"
#include "letters/mail_compose.h"
#include "mail/letter.h"
#include "model/run.h"
#include "model/school.h"
#include "model/submission_log.h"

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

// `log`: the cycle's «Сдача форм» as of `day`; `state_of` the words of a
// school's state (report::return_state_text); `workbook`: the same table as a
// workbook, attached when given. ctx.calendar_notes: missed steps to tell.
mail::Letter returns_status_letter(const MailContext& ctx, const calendar::Cycle& cycle, const model::SubmissionLog& log,
                                   const std::vector<std::string>& states, calendar::Date day,
                                   std::optional<mail::MailAttachment> workbook);

// ctx.calendar_notes, alone, on `day`.
mail::Letter calendar_notice_letter(const MailContext& ctx, const calendar::Cycle& cycle, calendar::Date day);

// Until when a form is sent (again), as of `day`: "Пришлите форму не позднее
// 20 сентября 2026 г." before the deadline; after it, that the deadline has
// passed, whether the results were computed without the form, what happens to
// a form sent now and until when forms of the cycle are taken.
std::string resend_by_text(const calendar::Cycle& cycle, calendar::Date day);

// The topic of a school's reminder of `day`: "sch03@2026-09-15".
std::string reminder_topic(const std::string& school_id, calendar::Date day);

}  // namespace letters
