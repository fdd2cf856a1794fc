// How the schools returned their forms in one cycle of a monitoring's
// calendar: when each school's form went out, every file received with its
// date and verdict, the reminders, and the school's state. Built by the
// calendar commands (cli/phases/submission_log.h) from the history; shown on the
// sheet «Сдача форм» of the results workbook and by `metodmon status`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/run.h"

namespace model {

enum class ReturnState {
  accepted,       // «принята»: an accepted form, sent by the deadline
  accepted_late,  // «прислана после срока»: accepted, sent after the deadline
  rejected,       // «отклонена»: only rejected forms so far: a debtor until a corrected one is accepted
  missing,        // «не прислана»
};

struct ReceivedForm {
  std::string name;
  std::int64_t mtime = 0;  // when it was sent (a collected letter's date) or saved
  std::string first_seen;  // "2026-09-12": the day metodmon first read it
  Outcome outcome = Outcome::rejected;
  std::string errors;      // the errors of a rejected form, "; "-separated
  std::string sender = {};  // model::sender_text: who mailed it; "" put into the inbox by hand
  std::string sha256 = {};
  std::string told = {};   // a rejected form: the day the school was told ("2026-09-13"); empty: not yet
};

struct SentLetter {
  std::string kind;        // "form-out", "reminder", "reminder-after"
  std::string day;         // "2026-09-15"
  std::string recipients;  // empty: the school has no address
  std::string status;      // "sent", "pending", "dry-run", "failed", "no-address" …
};

struct SchoolReturn {
  std::string school_id;
  std::string school_name;         // short name from the registry
  std::vector<SentLetter> forms_out;  // usually one; none when the forms went out by other means
  std::vector<ReceivedForm> files;    // oldest first
  std::vector<SentLetter> reminders;
  ReturnState state = ReturnState::missing;
  // Both facts of a school that sent in time and corrected later:
  //   accepted: a form sent after the deadline replaced the one accepted in time;
  //   accepted_late: a form sent in time was rejected, the accepted one came later.
  bool sent_in_time = false;         // a form came by the deadline (for accepted_late: a rejected one)
  std::int64_t corrected_late = 0;   // when the accepted correction after the deadline was sent; 0: none
};

struct SubmissionLog {
  std::string period;           // "2026"
  std::string opened;           // "2026-09-01": forms went out (empty: not by metodmon)
  std::string deadline;         // "2026-09-20"
  std::vector<SchoolReturn> schools;  // registry order
};

// "принята", "прислана после срока", "отклонена", "не прислана".
std::string return_state_name(ReturnState s);

}  // namespace model
