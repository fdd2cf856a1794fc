// Conventions shared by the form writer (forms/) and the form reader
// (ingest/): where a school's form keeps its inputs and its identity.
//
// Every input cell is a workbook-level defined name "in_<input id>". The
// hidden sheet "_meta" holds key/value rows (column A key, column B value):
// form id, definition id and version, school id, period, and for each input
// "input:<id>" -> "C12", so that formats without defined names (.xls read
// through FreeXL) still find every input; the form's revision and each
// field's spec (model/form_fields.h).
#pragma once

#include <string>
#include <string_view>

namespace model::form {

inline constexpr std::string_view k_form_sheet = "Форма";
inline constexpr std::string_view k_meta_sheet = "_meta";
inline constexpr std::string_view k_form_id = "metodmon-form";

// _meta keys
inline constexpr std::string_view k_key_form_id = "form_id";
inline constexpr std::string_view k_key_definition_id = "definition_id";
inline constexpr std::string_view k_key_definition_version = "definition_version";
inline constexpr std::string_view k_key_school_id = "school_id";
inline constexpr std::string_view k_key_school_name = "school_name";
inline constexpr std::string_view k_key_period = "period";
inline constexpr std::string_view k_key_generated_at = "generated_at";
inline constexpr std::string_view k_key_input_prefix = "input:";
inline constexpr std::string_view k_key_filled_on = "filled_on";  // value: cell of the date
// The edition of the form's fields (Definition::form_revision), and per input
// "field:<id>" -> its spec (model/form_fields.h): what the form was made with,
// so that a form of an earlier edition is told what changed since.
inline constexpr std::string_view k_key_form_revision = "form_revision";
inline constexpr std::string_view k_key_field_prefix = "field:";

// The fill-in date the school enters on the form.
inline constexpr std::string_view k_filled_on_name = "meta_filled_on";

inline std::string input_name(std::string_view input_id) {
  return "in_" + std::string(input_id);
}

}  // namespace model::form
