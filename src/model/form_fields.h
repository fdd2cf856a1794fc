// What a form remembers about each of its fields, so that a form made from an
// earlier edition of the method is told from the current one and its school
// is told what changed. Shared by the form writer (forms/), which puts one
// "field:<id>" row per input into the hidden _meta sheet
// (model/form_layout.h), the form reader (ingest/), which compares them with
// the definition the run uses, and the definition loader (definition/),
// which derives the form's revision from them.
//
// Only what decides how a school's answers are read and checked is kept: the
// field's kind, whether it is required, its limits and its text on the form.
// A changed hint or direction moves nothing on the form that answers depend on.
//
//   "count;1;0;2000;;Общее количество педагогических работников (чел.)"
//   kind ; required (1/0) ; min ; max ; not_more_than ; label (the rest, may hold ';')
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/definition.h"

namespace model::form {

struct FieldSpec {
  InputKind kind = InputKind::count;
  bool required = true;
  std::optional<double> min;
  std::optional<double> max;
  std::string not_more_than;
  std::string label;

  bool operator==(const FieldSpec&) const = default;
};

FieldSpec field_spec(const InputDef& in);
std::string to_text(const FieldSpec& spec);
// nullopt for text that to_text() did not write.
std::optional<FieldSpec> parse_field_spec(std::string_view text);

// The shortest text that reads back as the same double, '.' as the decimal
// mark: "0", "2000", "12.5". Used for specs and for numbers read as text.
std::string plain_number(double v);

// The field's kind as a methodist names it: «количество», «да/нет», «текст».
std::string field_kind_name(InputKind kind);

// What changed between the fields a form was made with (by input id) and
// the current definition's inputs, in Russian, one item per change, in the
// definition's order (removed fields last):
//   "добавлено поле «Педагоги-наставники (чел.)»"
//   "поле «Педагоги-наставники (чел.)»: наибольшее значение было 100, стало 200"
//   "убрано поле «Контактное лицо»"
std::vector<std::string> form_changes(const std::map<std::string, FieldSpec>& made_with,
                                      const Definition& current);

}  // namespace model::form
