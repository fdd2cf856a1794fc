#include "cli/phases/phase_read.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <ctime>
#include <map>
#include <optional>
#include <set>

#include "cli/phases/progress.h"
#include "cli/phases/run_session.h"
#include "collect/collect_journal.h"
#include "ingest/form_choice.h"
#include "ingest/form_file.h"
#include "ingest/inbox.h"
#include "store/archive.h"
#include "survey/export_reader.h"
#include "survey/survey_values.h"
#include "util/parallel_for.h"
#include "util/publish_batch.h"
#include "util/sha256.h"

namespace cli {

namespace {

// Who sent each form that came by mail, from the collection's journal (by
// the file's content, so a collected form copied or renamed by hand is
// still traced). A deployment that never collected has no journal: nothing
// to note, and none is created.
void note_senders(const Config& config, std::vector<model::SourceFile>& files) {
  const auto file = config.state / "collect.sqlite";
  std::error_code ec;
  if (files.empty() || !std::filesystem::exists(file, ec)) return;
  auto journal = collect::CollectJournal::open(file);
  if (!journal) {
    spdlog::warn("{}", model::to_string(journal.error()));
    return;
  }
  for (auto& f : files) {
    const auto found = journal->by_content(f.sha256);
    if (!found || !*found) continue;
    f.sender = (*found)->origin.sender;
    f.sender_accepted = !(*found)->origin.held.empty();
  }
}

// The exports, one at a time in inbox order (a respondent's duplicates are
// judged in that order), into each school's values beside its form; what
// the methodist must know goes to the notices and to the survey's first
// accepted export, whose rows the «Ошибки» sheet shows.
void add_questionnaires(const model::Definition& definition, const model::Registry& registry,
                        const model::Period& period, survey::ExportReader& reader, ReadResult& result,
                        const std::map<std::string, std::size_t>& first_file_of_survey) {
  for (auto& n : survey::add_survey_values(definition, registry, period, reader.results(), result.accepted)) {
    if (const auto at = first_file_of_survey.find(n.survey_id); at != first_file_of_survey.end()) {
      auto on_file = n.notice;
      on_file.where.file = result.files[at->second].file.name;
      result.files[at->second].diagnostics.push_back(std::move(on_file));
    }
    result.notices.push_back(std::move(n.notice));
  }
}

}  // namespace

void read_questionnaires(const Config& config, const model::Definition& definition, const model::Registry& registry,
                         const model::Period& period, const std::vector<model::SourceFile>& exports,
                         ReadResult& result) {
  survey::ExportReader reader(definition, registry, period, config.export_limits);
  std::map<std::string, std::size_t> first_file_of_survey;  // survey id -> its first accepted export in files
  for (const auto& f : exports) {
    auto read = reader.read(f);
    const auto& o = read.outcome;
    spdlog::info("{}: выгрузка анкеты — {} (замечаний: {})", f.name, model::outcome_name(o.outcome), o.diagnostics.size());
    if (o.outcome == model::Outcome::accepted && read.survey != nullptr) {
      result.exports.push_back(f);
      first_file_of_survey.try_emplace(read.survey->id, result.files.size());
      const int left_out = read.report.unmatched + read.report.ambiguous + read.report.invalid;
      if (left_out > 0) {
        result.notices.push_back(model::Diagnostic::warning(
            {f.name, {}, {}, {}, {}},
            "выгрузка анкеты: не учтены ответы с ошибками — " + std::to_string(left_out) +
                " (школа не найдена или не определена однозначно, ответ вне вариантов)",
            "строки и причины — на листе «Ошибки»; названия школ можно добавить в столбец aliases реестра"));
      }
    }
    result.files.push_back(std::move(read.outcome));
  }
  add_questionnaires(definition, registry, period, reader, result, first_file_of_survey);
}

ReadResult read_inbox(const Config& config, const model::Definition& definition,
                      const model::Registry& registry, const model::Period& period, int threads) {
  ReadResult result;
  ingest::InboxOptions inbox_options;
  inbox_options.settle_seconds = config.settle_seconds;
  inbox_options.settle_check_ms = config.settle_seconds > 0 ? 1000 : 0;
  inbox_options.max_file_bytes = config.limits.max_file_bytes;
  inbox_options.threads = threads;
  std::error_code ec;
  if (config.inbox_derived && !std::filesystem::exists(config.inbox, ec)) {
    return result;  // <inbox>/<id> is made when its first form comes
  }
  if (!definition.surveys.empty()) inbox_options.questionnaires = config.export_limits.max_file_bytes;
  auto scan = ingest::scan_inbox(config.inbox, inbox_options);
  if (!scan) {
    auto d = scan.error();
    if (!config.file.empty()) {
      d.hint = "проверьте параметр inbox в " + config.file.string() +
               (config.monitoring_id.empty() ? std::string(" (раздел [paths])")
                                             : " (раздел мониторинга " + config.monitoring_id + " или [paths])") +
               ", подключение сетевой папки и права доступа к ней";
    }
    result.inbox_error = std::move(d);
    return result;
  }
  result.files = scan->set_aside;
  note_senders(config, scan->workbooks);

  // A method with questionnaires: which files are their exports (by content).
  std::vector<model::SourceFile> forms;
  std::vector<model::SourceFile> exports;
  for (auto& f : scan->workbooks) {
    (!definition.surveys.empty() && survey::looks_like_export(f.path) ? exports : forms).push_back(std::move(f));
  }

  std::vector<ingest::ValidForm> valid;
  // Forms are read and checked `threads` at a time, each into its own slot:
  // what follows sees them in inbox order whatever the thread count.
  std::vector<ingest::CheckedFile> read(forms.size());
  {
    Progress progress("Чтение форм", forms.size());
    util::parallel_for(read.size(), util::worker_count(threads), [&](std::size_t i) {
      read[i] = ingest::check_form_file(forms[i], config.limits, definition, registry, period);
      progress.step();
    });
  }
  for (auto& checked : read) {
    spdlog::info("{}: {} (замечаний: {})", checked.outcome.file.name, model::outcome_name(checked.outcome.outcome),
                 checked.outcome.diagnostics.size());
    result.files.push_back(std::move(checked.outcome));
    if (checked.submission) valid.push_back({std::move(*checked.submission), result.files.size() - 1});
  }

  // One form per school (ingest/form_choice.h), judged as of the run's day.
  const auto now = run_epoch().value_or(std::time(nullptr));
  auto choice = ingest::choose_forms(std::move(valid), result.files, registry, period, now);
  result.accepted = std::move(choice.accepted);
  result.notices = std::move(choice.notices);

  if (!definition.surveys.empty()) read_questionnaires(config, definition, registry, period, exports, result);

  // A school with no form for this period but one for another may have typed
  // this period's figures into last period's form: say so on that row.
  std::set<std::string_view> with_form;  // gathered once, not per file
  for (const auto& s : result.accepted) with_form.insert(s.school_id);
  for (auto& f : result.files) {
    if (f.outcome != model::Outcome::other_period || f.school_id.empty() || f.diagnostics.empty()) continue;
    if (with_form.contains(f.school_id)) continue;
    const auto name = model::display_name(period);
    f.diagnostics.front().hint = "формы этой школы за " + name + " нет; если в этой форме данные за " + name +
                                 ", попросите школу перенести их в форму за " + name;
  }
  std::sort(result.files.begin(), result.files.end(),
            [](const model::FileOutcome& a, const model::FileOutcome& b) { return a.file.name < b.file.name; });
  std::sort(result.accepted.begin(), result.accepted.end(),
            [](const model::Submission& a, const model::Submission& b) { return a.school_id < b.school_id; });
  return result;
}

std::vector<model::Submission> read_archived(const Config& config, const model::Definition& definition,
                                             const model::Registry& registry, const model::Period& period,
                                             const std::vector<model::FileOutcome>& files,
                                             std::vector<model::Diagnostic>& problems) {
  std::vector<model::Submission> accepted;
  std::vector<model::SourceFile> exports;
  for (const auto& f : files) {
    if (f.outcome != model::Outcome::accepted) continue;
    model::SourceFile copy = f.file;
    copy.path = config.archive / period.id / store::archive_name(f.school_id, f.file);
    if (f.school_id.empty() && !definition.surveys.empty()) {  // a questionnaire export
      std::error_code ec;
      if (std::filesystem::is_regular_file(copy.path, ec)) {
        exports.push_back(std::move(copy));
      } else {
        problems.push_back(model::Diagnostic::warning(
            {f.file.name, {}, {}, {}, {}}, "нет копии принятой выгрузки анкеты в архиве: " + copy.path.string(),
            "показатели анкеты восстановлены без неё"));
      }
      continue;
    }
    std::error_code ec;
    if (!std::filesystem::is_regular_file(copy.path, ec)) {
      problems.push_back(model::Diagnostic::warning(
          {f.file.name, {}, {}, {}, {}}, "нет копии принятой формы в архиве: " + copy.path.string(),
          "баллы рубрики и рекомендации по ответам «Да»/«Нет» для этой ОО не восстановлены"));
      continue;
    }
    auto checked = ingest::check_form_file(copy, config.limits, definition, registry, period);
    if (!checked.submission) {
      problems.push_back(model::Diagnostic::warning(
          {f.file.name, {}, {}, {}, {}}, "копия формы в архиве не прочитана: " + copy.path.string(),
          "баллы рубрики и рекомендации по ответам «Да»/«Нет» для этой ОО не восстановлены"));
      continue;
    }
    checked.submission->source = f.file;
    accepted.push_back(std::move(*checked.submission));
  }
  std::sort(accepted.begin(), accepted.end(),
            [](const model::Submission& a, const model::Submission& b) { return a.school_id < b.school_id; });
  if (!definition.surveys.empty()) {
    std::sort(exports.begin(), exports.end(),
              [](const model::SourceFile& a, const model::SourceFile& b) { return a.name < b.name; });
    ReadResult again;
    again.accepted = std::move(accepted);
    read_questionnaires(config, definition, registry, period, exports, again);
    for (const auto& f : again.files) {
      if (f.outcome == model::Outcome::accepted) continue;
      problems.push_back(model::Diagnostic::warning({f.file.name, {}, {}, {}, {}},
                                                    "копия выгрузки анкеты в архиве не прочитана",
                                                    "показатели анкеты восстановлены без неё"));
    }
    accepted = std::move(again.accepted);
  }
  return accepted;
}

int archive_accepted(const Config& config, const model::Period& period, ReadResult& read,
                     int threads) {
  // Copies of the accepted forms and exports: the inbox itself is never
  // touched. Copied `threads` at a time, each into its own slot, published
  // with one sync for all of them (util::PublishBatch).
  struct Copy {
    std::string key;  // the school; "" for an export
    const model::SourceFile* source;
  };
  std::vector<Copy> jobs;
  for (const auto& sub : read.accepted) {
    if (sub.form) jobs.push_back({sub.school_id, &sub.source});
  }
  for (const auto& f : read.exports) jobs.push_back({{}, &f});
  util::PublishBatch copies;
  std::vector<std::optional<model::Diagnostic>> errors(jobs.size());
  std::vector<std::optional<std::filesystem::path>> copied(jobs.size());  // new copies
  util::parallel_for(jobs.size(), util::worker_count(threads), [&](std::size_t i) {
    auto a = store::archive_file(config.archive, period.id, jobs[i].key, *jobs[i].source, &copies);
    if (!a) {
      errors[i] = std::move(a.error());
    } else {
      if (a->copied) copied[i] = a->path;
    }
  });
  if (auto done = copies.commit(); !done) {
    // The batch renames in the order the workers added the copies: which
    // ones made it is read from the archive itself.
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      if (!copied[i]) continue;
      std::error_code ec;
      if (std::filesystem::exists(*copied[i], ec) && util::sha256_file(*copied[i]) == jobs[i].source->sha256) {
        continue;
      }
      auto d = done.error();
      d.where.file = jobs[i].source->name;
      errors[i] = std::move(d);
    }
  }
  int failed = 0;
  std::map<std::filesystem::path, std::size_t> file_index;  // built on the first failure only
  for (std::size_t i = 0; i < errors.size(); ++i) {
    if (!errors[i]) continue;
    ++failed;
    const auto& source = *jobs[i].source;
    auto d = std::move(*errors[i]);
    d.message = std::string(jobs[i].key.empty() ? "принятая выгрузка анкеты" : "принятая форма") +
                " не сохранена в архив: " + d.message;
    spdlog::info("{}: {}", source.name, d.message);  // the console gets it from the notices
    if (file_index.empty()) {
      for (std::size_t f = 0; f < read.files.size(); ++f) file_index.emplace(read.files[f].file.path, f);
    }
    if (const auto at = file_index.find(source.path); at != file_index.end()) {
      read.files[at->second].diagnostics.push_back(d);
    }
    read.notices.push_back(std::move(d));
  }
  return failed;
}

}  // namespace cli
