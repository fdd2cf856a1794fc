#include "cli/phases/submission_log.h"

#include <algorithm>
#include <map>

#include "cli/config/monitorings.h"

namespace cli {

namespace {

bool of_the_period(const model::FileOutcome& f) {
  return f.outcome != model::Outcome::other_period && f.outcome != model::Outcome::skipped;
}

}  // namespace

bool is_debtor(model::ReturnState state) {
  return state == model::ReturnState::missing || state == model::ReturnState::rejected;
}

model::Expected<void> record_read(store::HistoryStore& history, const std::string& period,
                                  const std::vector<model::FileOutcome>& files, calendar::Date day) {
  std::vector<model::FileOutcome> mine;
  std::copy_if(files.begin(), files.end(), std::back_inserter(mine), of_the_period);
  return history.record_received(period, mine, calendar::iso_text(day));
}

model::Expected<model::SubmissionLog> submission_log(const store::HistoryStore& history,
                                                     const model::Registry& registry, const calendar::Cycle& cycle) {
  const auto& period = cycle.period.id;
  const auto steps = history.steps_of(period);
  const auto letters = history.letters_of(period);
  const auto files = history.received_of(period);
  if (!steps) return std::unexpected(steps.error());
  if (!letters) return std::unexpected(letters.error());
  if (!files) return std::unexpected(files.error());

  model::SubmissionLog log;
  log.period = period;
  log.deadline = calendar::iso_text(cycle.deadline);
  for (const auto& s : *steps) {
    if (s.step == "open" && s.status == "done") log.opened = s.done;
  }
  // A form sent any time on the deadline day is on time.
  const auto late_after = calendar::local_epoch(cycle.deadline + std::chrono::days{1}, 0);
  std::map<std::string, std::size_t> index;
  for (const auto& school : registry.schools) {
    index[school.id] = log.schools.size();
    log.schools.push_back({school.id, school.short_name, {}, {}, {}, model::ReturnState::missing});
  }
  for (const auto& l : *letters) {
    const auto it = index.find(l.school_id);
    if (it == index.end()) continue;
    auto& s = log.schools[it->second];
    const model::SentLetter sent{l.kind, l.day, l.recipients, l.status};
    (l.kind == "form-out" ? s.forms_out : s.reminders).push_back(sent);
  }
  for (const auto& f : *files) {  // oldest first
    const auto it = index.find(f.school_id);
    if (it == index.end()) continue;
    auto& s = log.schools[it->second];
    s.files.push_back({f.name, f.mtime, f.first_seen, f.outcome, f.errors, f.sender, f.sha256, f.told});
    const bool late = f.mtime >= late_after;
    // A valid form: the one in use, or one a newer valid form replaced.
    const bool valid = f.outcome == model::Outcome::accepted || f.outcome == model::Outcome::superseded;
    if (valid) {
      switch (s.state) {
        case model::ReturnState::accepted:
          if (late) s.corrected_late = f.mtime;  // accepted in time, corrected after the deadline
          break;
        case model::ReturnState::rejected:  // its first form had errors
          s.state = late ? model::ReturnState::accepted_late : model::ReturnState::accepted;
          if (late && s.sent_in_time) s.corrected_late = f.mtime;
          break;
        case model::ReturnState::missing:
          s.state = late ? model::ReturnState::accepted_late : model::ReturnState::accepted;
          break;
        case model::ReturnState::accepted_late: break;
      }
    } else if (f.outcome == model::Outcome::rejected && s.state == model::ReturnState::missing) {
      s.state = model::ReturnState::rejected;
      s.sent_in_time = !late;
    }
  }
  return log;
}

std::optional<model::SubmissionLog> returns_of_read(const Config& config, const RunInputs& inputs,
                                                    store::HistoryStore& history, const ReadResult& read,
                                                    calendar::Date day) {
  if (!config.calendar) return std::nullopt;
  const auto timetable = timetable_for(config, inputs.definition.definition);
  if (!timetable) {
    print_diagnostics(timetable.error());
    return std::nullopt;
  }
  const auto cycle = calendar::cycle_for_period(*timetable, inputs.period.id, day);
  if (!cycle) return std::nullopt;
  if (auto r = record_read(history, inputs.period.id, read.files, day); !r) print_diagnostics({r.error()});
  auto log = submission_log(history, inputs.registry.registry, *cycle);
  if (!log) {
    print_diagnostics({log.error()});
    return std::nullopt;
  }
  return std::move(*log);
}

}  // namespace cli
