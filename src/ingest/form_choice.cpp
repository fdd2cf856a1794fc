#include "ingest/form_choice.h"

#include <algorithm>
#include <map>

#include "ingest/choose_latest.h"

namespace ingest {

namespace {

std::string school_text(const model::Registry& registry, const std::string& id) {
  const auto* s = registry.find(id);
  return s != nullptr ? "«" + s->short_name + "» (" + id + ")" : "«" + id + "»";
}

std::string short_name(const model::Registry& registry, const std::string& id) {
  const auto* s = registry.find(id);
  return "«" + (s != nullptr ? s->short_name : id) + "»";
}

// 20261125 -> "25.11.2026"
std::string date_text(int yyyymmdd) {
  const auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  return two(yyyymmdd % 100) + "." + two(yyyymmdd / 100 % 100) + "." + std::to_string(yyyymmdd / 10000);
}

model::Location at(const model::FileOutcome& f) { return {f.file.name, {}, {}, {}, {}}; }

bool same_figures(const model::Submission& a, const model::Submission& b) {
  if (a.values.size() != b.values.size()) return false;
  for (const auto& [id, cell] : a.values) {
    const auto it = b.values.find(id);
    if (it == b.values.end() || !(it->second.value == cell.value)) return false;
  }
  return true;
}

class Chooser {
 public:
  Chooser(std::vector<ValidForm> valid, std::vector<model::FileOutcome>& files, const model::Registry& registry,
          ingest::DateWindow window)
      : m_valid(std::move(valid)), m_files(files), m_registry(registry), m_window(window) {}

  FormChoice run() {
    for (const auto& v : m_valid) {
      const auto& s = v.submission;
      ingest::LatestCandidate c{s.school_id, s.filled_on, s.source.mtime, s.source.name};
      const auto* named = m_registry.named_in_file(s.source.name);
      c.foreign_file = named != nullptr && named->id != s.school_id;
      m_named.push_back(c.foreign_file ? named->id : std::string());
      m_candidates.push_back(std::move(c));
    }
    m_picks = ingest::choose_latest(m_candidates, m_window);
    // Forms tied with each kept form, gathered once (not by a scan per tie).
    for (std::size_t j = 0; j < m_picks.size(); ++j) {
      if (m_picks[j].tied) m_tied_with[m_picks[j].winner].push_back(j);
    }
    for (std::size_t i = 0; i < m_valid.size(); ++i) settle(i);
    // Each school's newest rejected file, found once (not by scanning every
    // file for every accepted form).
    for (const auto& f : m_files) {
      if (f.outcome != model::Outcome::rejected) continue;
      auto& newest = m_newest_rejected[f.school_id];
      if (newest == nullptr || f.file.mtime > newest->file.mtime) newest = &f;
    }
    for (const auto& v : m_valid) {
      if (file(v).outcome == model::Outcome::accepted) note_newer_rejected(v);
    }
    for (auto& v : m_valid) {
      if (file(v).outcome == model::Outcome::accepted) m_out.accepted.push_back(std::move(v.submission));
    }
    return std::move(m_out);
  }

 private:
  model::FileOutcome& file(const ValidForm& v) { return m_files[v.file]; }
  const std::string& name(std::size_t i) const { return m_valid[i].submission.source.name; }

  void settle(std::size_t i) {
    auto& f = file(m_valid[i]);
    const auto& pick = m_picks[i];
    if (pick.date_ignored) note_date(i);
    f.outcome = pick.latest ? model::Outcome::accepted : model::Outcome::superseded;
    if (!m_named[i].empty()) note_foreign(i);
    if (pick.tied) {
      if (pick.latest) settle_tie(i);
      return;
    }
    if (!pick.latest && m_named[i].empty()) {
      f.diagnostics.push_back(model::Diagnostic::warning(
          at(f), "школа прислала несколько форм за период; использована более новая: «" + name(pick.winner) + "»"));
    }
  }

  void note_date(std::size_t i) {
    auto& f = file(m_valid[i]);
    const auto date = *ingest::parse_fill_date(m_valid[i].submission.filled_on);
    const auto why = date > m_window.latest ? "позже дня запуска (" + date_text(m_window.latest) + ")"
                                            : "раньше начала периода (" + date_text(m_window.earliest) + ")";
    f.diagnostics.push_back(model::Diagnostic::warning(
        at(f), "дата заполнения " + date_text(date) + " " + why + ": при выборе формы не учитывается, взято время изменения файла",
        "исправьте дату заполнения в форме"));
  }

  void note_foreign(std::size_t i) {
    auto& f = file(m_valid[i]);
    const auto& school = m_valid[i].submission.school_id;
    const auto& winner = m_picks[i].winner;
    const bool used = m_picks[i].latest;
    auto d = model::Diagnostic::warning(
        at(f), "файл назван по ОО " + school_text(m_registry, m_named[i]) + ", а в форме указана ОО " +
                   school_text(m_registry, school),
        used ? "данные учтены как данные " + short_name(m_registry, school) + "; уточните у школ, чья это форма"
             : "форма не используется: у " + short_name(m_registry, school) + " есть собственная форма «" +
                   name(winner) + "»");
    f.diagnostics.push_back(d);
    m_out.notices.push_back(std::move(d));
  }

  // The kept form `w` ties with others: same figures, keep it; else none.
  void settle_tie(std::size_t w) {
    auto tied = m_tied_with[w];
    std::sort(tied.begin(), tied.end(), [&](std::size_t a, std::size_t b) { return name(a) < name(b); });
    std::string names;
    for (const auto j : tied) names += (names.empty() ? "«" : ", «") + name(j) + "»";
    const bool same = std::all_of(tied.begin(), tied.end(), [&](std::size_t j) {
      return same_figures(m_valid[j].submission, m_valid[w].submission);
    });
    const auto school = short_name(m_registry, m_valid[w].submission.school_id);
    if (same) {
      for (const auto j : tied) {
        if (j == w) continue;
        file(m_valid[j]).diagnostics.push_back(model::Diagnostic::warning(
            at(file(m_valid[j])), "та же дата заполнения и то же время изменения файла, что у «" + name(w) +
                                      "», данные совпадают; использована «" + name(w) + "»"));
      }
      m_out.notices.push_back(model::Diagnostic::warning(
          {name(w), {}, {}, {}, {}},
          school + ": формы " + names + " не различить по дате заполнения и времени изменения; данные в них "
                   "совпадают, использована «" + name(w) + "»"));
      return;
    }
    for (const auto j : tied) {
      auto& f = file(m_valid[j]);
      f.outcome = model::Outcome::rejected;
      f.diagnostics.push_back(model::Diagnostic::error(
          at(f), "у ОО несколько форм с одинаковой датой заполнения и одинаковым временем изменения, но с разными "
                 "данными (" + names + "): неясно, какая из них верная; данные ОО не учтены",
          "оставьте во входящей папке одну из этих форм или пришлите верную форму заново"));
    }
    m_out.notices.push_back(model::Diagnostic::error(
        {name(w), {}, {}, {}, {}},
        school + ": формы " + names + " не различить по дате заполнения и времени изменения, а данные в них "
                 "разные; данные ОО не учтены, пока во входящей папке не останется одна из них"));
  }

  // A newer form of the same school was rejected: the older one used says so.
  void note_newer_rejected(const ValidForm& v) {
    const auto& s = v.submission;
    const auto found = m_newest_rejected.find(s.school_id);
    if (found == m_newest_rejected.end() || found->second->file.mtime <= s.source.mtime) return;
    const model::FileOutcome* newest = found->second;
    auto d = model::Diagnostic::warning(
        at(file(v)), "данные ОО взяты из этой, более старой формы: более новая форма «" + newest->file.name + "» отклонена",
        "если верна более новая форма, исправьте в ней ошибки и пришлите её снова");
    file(v).diagnostics.push_back(d);
    m_out.notices.push_back(std::move(d));
  }

  std::vector<ValidForm> m_valid;
  std::vector<model::FileOutcome>& m_files;
  const model::Registry& m_registry;
  ingest::DateWindow m_window;
  std::vector<ingest::LatestCandidate> m_candidates;
  std::map<std::string, const model::FileOutcome*> m_newest_rejected;  // school id -> its newest rejected file
  std::map<std::size_t, std::vector<std::size_t>> m_tied_with;        // kept form -> forms tied with it
  std::vector<std::string> m_named;  // per candidate: the other school its file is named for, or empty
  std::vector<ingest::LatestPick> m_picks;
  FormChoice m_out;
};

}  // namespace

FormChoice choose_forms(std::vector<ValidForm> valid, std::vector<model::FileOutcome>& files,
                        const model::Registry& registry, const model::Period& period, std::int64_t run_epoch) {
  const ingest::DateWindow window{model::first_day(period), ingest::local_date_of(run_epoch)};
  return Chooser(std::move(valid), files, registry, window).run();
}

}  // namespace ingest
