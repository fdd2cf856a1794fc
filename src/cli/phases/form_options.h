// What a blank form says about returning it, from the configuration and the
// calendar: the deadline of its cycle, where to send it ([forms] return_to,
// else the methodist's address from [mail]) and whom to ask ([forms] contact,
// else the sender's name and the methodist's address). One place for
// `template`, `open` and `daily`, so every form of a cycle says the same.
//
//   const auto options = cli::form_options(config, def, period, stamp);
//   forms::write_form(def, school, period, file, options);
#pragma once

#include <optional>
#include <string>

#include "calendar/date.h"
#include "cli/config/config.h"
#include "forms/form_writer.h"
#include "model/definition.h"
#include "model/period.h"

namespace cli {

// Whom directors and schools ask: the ИМЦ's name and the methodist's address
// (else the address letters come from), from the mail settings.
std::string contact_of(const Config& config, const model::Definition& definition);

// `deadline`: the cycle's, when the caller knows it; else, in a calendar
// deployment, the deadline of the cycle reporting on `period` as of `today`.
forms::FormOptions form_options(const Config& config, const model::Definition& definition,
                                const model::Period& period, const std::string& generated_at,
                                calendar::Date today, std::optional<calendar::Date> deadline = std::nullopt);

}  // namespace cli
