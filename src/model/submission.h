// One school's filled form for one period, after validation.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <variant>

#include "model/cell_ref.h"

namespace model {

// What a methodist needs to know about an input file: it goes on the method
// sheet and into the history, and proves which bytes the report was made from.
struct SourceFile {
  std::filesystem::path path;
  std::string name;     // file name without folder
  std::string sha256;   // lowercase hex
  std::uintmax_t size = 0;
  std::int64_t mtime = 0;  // seconds since epoch
  // Where it came from: the address of the letter it was collected from
  // (collect/collect_journal.h, found by its content); empty when it was put
  // into the inbox by hand.
  std::string sender = {};
  // Collected from an address that may not speak for its school, held apart
  // and taken in by the methodist (metodmon accept, or moved by hand).
  bool sender_accepted = false;
};

// How a file came in, for the history, «Сдача форм» and «Методика»:
// "school1@ensk.example.ru", "stranger@mail.example (принята методистом)",
// or "" (put into the inbox by hand).
std::string sender_text(const SourceFile& file);

// A validated input value: a whole count, a yes/no, or text. monostate means
// "not filled in" (allowed only for inputs that are not required).
using InputValue = std::variant<std::monostate, double, bool, std::string>;

// Why an input a questionnaire fills (InputDef::survey) has no value for a
// school (survey/survey_values.h): no teacher of it answered; too few
// answered (below the survey's min_response_rate); the registry does not
// give its number of teachers.
enum class NoValue { no_answers, low_response, no_teachers_count };

struct InputCell {
  InputValue value;
  std::string sheet;
  CellRef cell;
};

struct Submission {
  std::string school_id;
  std::string period;          // period id as written in the form
  std::string definition_id;
  std::string form_version;
  std::string filled_on;       // fill-in date if the form carries one, else empty
  std::map<std::string, InputCell> values;  // input id -> value
  std::map<std::string, NoValue> no_value;  // questionnaire inputs without a value -> why
  // false for a school only questionnaires speak for (it sent no form, or the
  // method has none): its form's fields have no value, `source` is empty.
  bool form = true;
  SourceFile source;  // the accepted form's file

  std::optional<double> number(const std::string& input_id) const;
  std::optional<bool> yes(const std::string& input_id) const;
};

}  // namespace model
