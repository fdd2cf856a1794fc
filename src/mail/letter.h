// A letter of metodmon: the message, plus what makes it the letter it is —
// its kind, its topic and the figures it states. The outbox (outbox.h) uses
// them to keep each letter single: one letter per identity
// (period, recipients, kind, topic), a newer one replacing an unsent older
// one, and a letter already delivered sent again only when its figures changed.
//
// Kinds are short ASCII words; the known ones are below. A new kind of letter
// (a reminder, a reply to a school) takes a new word; the outbox needs no change.
//
// Example:
//   mail::Letter letter{mail::letter_kind::results_director, "sch03", std::move(message),
//                          {{"1.1 «Доля педагогов…»", "45,0 % (9 из 20)"}}};
//   const auto changes = mail::compare_figures(previous, letter.figures);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mail/mail_message.h"
#include "model/diagnostic.h"

namespace mail {

namespace letter_kind {
inline constexpr const char* results_director = "results-director";    // a director's results workbook
inline constexpr const char* results_methodist = "results-methodist";  // the methodist's full workbook
inline constexpr const char* rejected_form = "rejected-form";          // a school's rejected form, with its errors
inline constexpr const char* problem_notice = "problem-notice";        // to the methodist: the run could not publish
inline constexpr const char* wrong_form = "wrong-form";                // a school sent another method's form
inline constexpr const char* form_out = "form-out";                    // a new form for the schools (calendar)
inline constexpr const char* reminder = "reminder";                    // a form not yet returned (calendar)
inline constexpr const char* reply = "reply";                          // an answer to a school's e-mail
inline constexpr const char* collect_notice = "collect-notice";        // to the methodist: letters the collection did not take
inline constexpr const char* returns_status = "returns-status";        // to the methodist: who has sent (calendar)
inline constexpr const char* calendar_notice = "calendar-notice";      // to the methodist: steps missed (calendar)
}  // namespace letter_kind

// One figure the letter states: "1.1 «Доля …»" -> "45,0 % (9 из 20)".
// Labels are unique within a letter.
struct Figure {
  std::string label;
  std::string value;

  friend bool operator==(const Figure&, const Figure&) = default;
};

// How a figure differs between two letters; `before` empty: a new figure,
// `after` empty: a figure the new letter no longer states.
struct FigureChange {
  std::string label;
  std::string before;
  std::string after;

  friend bool operator==(const FigureChange&, const FigureChange&) = default;
};

struct Letter {
  std::string kind;    // letter_kind::…; never empty
  std::string topic;   // what it is about within the period: a school id ("sch03"); empty when the
                       // recipient says it all (the methodist's letter)
  MailMessage message;
  std::vector<Figure> figures;  // empty: the letter is compared by its content only
};

// The figures that differ, in the order of `after` (then the ones gone).
std::vector<FigureChange> compare_figures(const std::vector<Figure>& before, const std::vector<Figure>& after);

// "label\tvalue\n" per figure (tab, newline, CR, backslash escaped); the
// figures file next to a letter's .eml in the outbox.
std::string format_figures(const std::vector<Figure>& figures);
// Parses format_figures() output; errors name `file_name` and the line.
model::Expected<std::vector<Figure>> parse_figures(std::string_view text, const std::string& file_name);
// SHA-256 (hex) of format_figures(); empty for no figures.
std::string figures_digest(const std::vector<Figure>& figures);

}  // namespace mail
