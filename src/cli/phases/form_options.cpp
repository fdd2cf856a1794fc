#include "cli/phases/form_options.h"

#include "calendar/timetable.h"
#include "cli/config/monitorings.h"

namespace cli {

std::string contact_of(const Config& config, const model::Definition& def) {
  std::string who = config.mail.from.name.empty() ? def.organisation : config.mail.from.name;
  const std::string& address =
      config.mail.methodist.empty() ? config.mail.from.address : config.mail.methodist;
  if (!address.empty()) who += (who.empty() ? "" : ", ") + address;
  return who;
}

forms::FormOptions form_options(const Config& config, const model::Definition& definition,
                                const model::Period& period, const std::string& generated_at,
                                calendar::Date today, std::optional<calendar::Date> deadline) {
  forms::FormOptions out{config.form_password, generated_at, {}, {}, {}};
  if (!deadline && config.calendar) {
    if (const auto timetable = timetable_for(config, definition)) {
      if (const auto cycle = calendar::cycle_for_period(*timetable, period.id, today)) deadline = cycle->deadline;
    }
  }
  if (deadline) out.deadline = calendar::long_date_text(*deadline);
  out.return_to = !config.form_return_to.empty() ? config.form_return_to
                  : !config.mail.methodist.empty() ? config.mail.methodist
                                                   : config.mail.from.address;
  out.contact = config.form_contact.empty() ? contact_of(config, definition) : config.form_contact;
  return out;
}

}  // namespace cli
