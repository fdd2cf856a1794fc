// A whole school year of Krymsk's system (scripts/samples/krymsk_system.toml:
// nine monitorings, eleven schools) driven by `metodmon daily --today DAY`
// every day from 1 September 2025 to 26 September 2026, with a real SMTP
// server and a real IMAP server (Dovecot) on loopback. The schools fill the
// very forms they were mailed (scripts/fill_samples.py, openpyxl) and send
// them back by mail (kr05, which has no e-mail, through the methodist, who
// drops its form into the folder). The machine is off twice (14–20 October,
// over m2's two reminders; 14–17 March, over one of m7's), and the run of
// 1 November is killed while it mails m3's forms.
//
// What each recipient received is checked day by day against what the
// calendar (open 1st, reminders 15th and 19th, deadline 20th, results 21st,
// reminder after the deadline 23rd; m8: 20th, 24th, 25th, 26th, 28th) and the
// schools' doings say they must receive: every other day nobody receives
// anything, and nobody receives anything twice. Then the issue's points one
// by one (issue 26).
#include <gtest/gtest.h>

#include <signal.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include "ingest/workbook.h"
#include "support/imap_server.h"
#include "support/krymsk_calendar.h"
#include "support/metodmon_cli.h"
#include "support/openpyxl_check.h"
#include "support/smtp_server.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

using calendar_day = std::chrono::sys_days;

calendar_day day_of(const std::string& iso) {
  std::tm tm{};
  strptime(iso.c_str(), "%Y-%m-%d", &tm);
  return std::chrono::sys_days{std::chrono::year{tm.tm_year + 1900} / (tm.tm_mon + 1) / tm.tm_mday};
}

std::string iso(calendar_day d) {
  const std::chrono::year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

constexpr const char* k_methodist = test::k_krymsk_methodist;

// The eleven schools: id -> director's address (kr05 has none).
const std::map<std::string, std::string> k_schools = {
    {"kr01", "school1@krymsk-edu.example"},  {"kr02", "gymn2@krymsk-edu.example"},
    {"kr03", "school3@krymsk-edu.example"},  {"kr04", "lyceum4@krymsk-edu.example"},
    {"kr05", ""},                            {"kr06", "school9@krymsk-edu.example"},
    {"kr07", "school12@krymsk-edu.example"}, {"kr08", "school14@krymsk-edu.example"},
    {"kr09", "school16@krymsk-edu.example"}, {"kr10", "school19@krymsk-edu.example"},
    {"kr11", "school21@krymsk-edu.example"},
};

// A monitoring of the system: its id, the name every subject must carry, its
// definition, its month and its calendar's days.
struct Monitoring {
  std::string id, name, file;
  int month;
  int deadline = 20, results = 21;
  std::vector<int> before = {15, 19};
  int after = 23;
};

const std::vector<Monitoring> k_monitorings = {
    {"m1", "профессиональные дефициты", "m1_deficits.toml", 9},
    {"m2", "ИОМ", "m2_iom.toml", 10},
    {"m3", "переподготовка и КПК", "m3_courses.toml", 11},
    {"m7", "сетевое взаимодействие", "m7_network.toml", 3},
    {"m6", "молодые педагоги, наставничество", "m6_mentoring.toml", 4},
    {"m5", "результаты ШМО", "m5_shmo.toml", 5},
    {"m4", "экспертная деятельность", "m4_experts.toml", 6},
    {"m8", "кадровые потребности", "m8_staffing.toml", 8, 25, 26, {20, 24}, 28},
    {"year", "годовая рубрика", "year_rubric.toml", 9},
};

const Monitoring& monitoring_of(const std::string& id) {
  for (const auto& m : k_monitorings) {
    if (m.id == id) return m;
  }
  throw std::runtime_error("no monitoring " + id);
}

// One collection of the year: the monitoring, the year of its month, its period.
struct Cycle {
  std::string monitoring;
  int year;
  std::string period;  // "2025-2026"
  const Monitoring& m() const { return monitoring_of(monitoring); }
  std::string date(int day) const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, m().month, day);
    return buf;
  }
};

const std::vector<Cycle> k_cycles = {
    {"m1", 2025, "2025-2026"}, {"m2", 2025, "2025-2026"}, {"m3", 2025, "2025-2026"},
    {"m7", 2026, "2025-2026"}, {"m6", 2026, "2025-2026"}, {"m5", 2026, "2025-2026"},
    {"m4", 2026, "2025-2026"}, {"m8", 2026, "2025-2026"}, {"year", 2026, "2025-2026"},
    {"m1", 2026, "2026-2027"},
};

// What a school sends: its form as filled, with an error, or corrected (a
// part decreased by one); when (local time); by mail or through the methodist.
enum class Form { good, spoilt, corrected };
struct Send {
  std::string school;
  std::string when;  // "2025-09-10 10:00"
  Form form = Form::good;
};

// The school year's doings, per cycle (index into k_cycles). By default every
// school but kr04 (which never answers) sends a good form on the 10th.
std::vector<Send> sends_of(std::size_t cycle) {
  const auto& c = k_cycles[cycle];
  std::vector<Send> out;
  for (const auto& [id, address] : k_schools) {
    if (id == "kr04") continue;
    out.push_back({id, c.date(10) + " 10:00"});
  }
  const auto drop = [&](const std::string& school) {
    std::erase_if(out, [&](const Send& s) { return s.school == school; });
  };
  if (c.monitoring == "m1" && c.year == 2025) {
    // kr02: an error, answered the next morning, corrected before the deadline.
    drop("kr02");
    out.push_back({"kr02", "2025-09-10 10:00", Form::spoilt});
    out.push_back({"kr02", "2025-09-12 10:00"});
    // kr06: in time, then a correction after the results.
    out.push_back({"kr06", "2025-09-22 10:00", Form::corrected});
    // kr03: late, after the results.
    drop("kr03");
    out.push_back({"kr03", "2025-09-24 10:00"});
  }
  if (c.monitoring == "m2") {
    // kr03 needed the reminders the machine slept through: it sends late.
    drop("kr03");
    out.push_back({"kr03", "2025-10-25 10:00"});
    // kr02's form with an error comes while the machine is off: answered the
    // first morning it runs again (the results day), corrected late.
    drop("kr02");
    out.push_back({"kr02", "2025-10-16 10:00", Form::spoilt});
    out.push_back({"kr02", "2025-10-22 10:00"});
  }
  if (c.monitoring == "m7") {  // the reminder of the 15th, sent on the 18th, is heeded the same day
    drop("kr03");
    out.push_back({"kr03", "2026-03-18 12:00"});
  }
  if (c.monitoring == "year") {  // kr03's yearly form comes late and moves it up the rating
    drop("kr03");
    out.push_back({"kr03", "2026-09-24 10:00"});
  }
  return out;
}

const std::set<std::string> k_off = [] {
  std::set<std::string> days;
  for (auto d = day_of("2025-10-14"); d <= day_of("2025-10-20"); d += std::chrono::days{1}) days.insert(iso(d));
  for (auto d = day_of("2026-03-14"); d <= day_of("2026-03-17"); d += std::chrono::days{1}) days.insert(iso(d));
  return days;
}();

// A letter as the test reads it: recipient, what sort, which monitoring.
using Seen = std::multiset<std::string>;  // "recipient|kind|monitoring"

std::string key(const std::string& rcpt, const std::string& kind, const std::string& m) {
  return rcpt + "|" + kind + "|" + m;
}

// The sort of letter and its monitoring, from the subject alone; "other" and
// "?" when the subject does not name its monitoring.
std::pair<std::string, std::string> classify(const std::string& subject) {
  static const std::vector<std::pair<std::string, std::string>> k_kinds = {
      {"metodmon: Уточнённые итоги мониторинга «", "methodist-revised"},
      {"metodmon: итоги мониторинга «", "methodist-results"},
      {"metodmon: сдача форм мониторинга «", "status"},
      {"metodmon: формы мониторинга «", "no-address"},
      {"metodmon: пропущены шаги календаря мониторинга «", "notice"},
      {"Уточнённые итоги мониторинга «", "revised"},
      {"Итоги мониторинга «", "results"},
      {"Напоминание: форма мониторинга «", "reminder"},
      {"Срок сдачи прошёл: форма мониторинга «", "late-reminder"},
      {"Форма мониторинга «", "form"},
  };
  for (const auto& [prefix, kind] : k_kinds) {
    if (!subject.starts_with(prefix)) continue;
    const auto from = prefix.size();
    const auto name = subject.substr(from, subject.find("»", from) - from);
    std::string id = "?";
    for (const auto& m : k_monitorings) {
      if (m.name == name) id = m.id;
    }
    std::string k = kind;
    if (k == "form" && subject.find(" не принята — ") != std::string::npos) k = "answer";
    return {k, id};
  }
  return {"other: " + subject, "?"};
}

class DailyYearTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server = std::make_unique<test::SmtpServer>(dir / "received");
    ASSERT_GT(server->port(), 0);
    imap = std::make_unique<test::ImapServer>(dir / "imap", "imc@krymsk-edu.example");
    ASSERT_TRUE(imap->running()) << imap->log();
    setenv("METODMON_TEST_IMAP_PASSWORD", imap->password().c_str(), 1);
    write_config(server->port());
  }

  void write_config(int smtp_port) {
    const std::string collect = "\n[collect]\nenabled = true\nurl = \"imaps://127.0.0.1:" +
                                std::to_string(imap->imaps_port()) + "/INBOX\"\nusername = \"" + imap->user() +
                                "\"\npassword_env = \"METODMON_TEST_IMAP_PASSWORD\"\nca_file = \"" +
                                imap->cert().string() + "\"\n";
    config = test::write_krymsk_system(dir, test::krymsk_smtp_mail(smtp_port) + collect);
  }

  // Runs `daily` on `date`: the letters the server got from it, by recipient.
  Seen daily(const std::string& date) {
    const auto before = server->received().size();
    const auto r = test::metodmon("daily -c " + test::shell_quote(config.string()) + " --today " + date);
    outputs[date] = r.out;
    exits[date] = r.exit_code;
    Seen seen;
    const auto mails = server->received();
    for (auto i = before; i < mails.size(); ++i) {
      const auto [kind, m] = classify(mails[i].subject);
      for (const auto& rcpt : mails[i].rcpt_to) seen.insert(key(rcpt, kind, m));
      letters[date].push_back(mails[i]);
    }
    return seen;
  }

  // The blank forms of cycle `c` the schools (and, for kr05, the methodist)
  // received on its opening day, filled as schools fill them on the 9th.
  void fill_forms(const Cycle& c) {
    const auto blank = dir / ("blank_" + c.monitoring + "_" + c.period);
    fs::create_directories(blank);
    for (const auto& m : letters[c.date(1)]) {
      for (const auto& [name, bytes] : m.attachments) {
        if (name.ends_with("_" + c.period + ".xlsx")) std::ofstream(blank / name, std::ios::binary) << bytes;
      }
    }
    const auto filled = dir / ("filled_" + c.monitoring + "_" + c.period);
    const auto r = test::run_command(
        "/usr/bin/python3 " + test::shell_quote((test::source_dir() / "scripts/fill_samples.py").string()) +
        " --definition " + test::shell_quote(test::krymsk_definition(c.m().file).string()) + " " +
        test::shell_quote(blank.string()) + " " + test::shell_quote(filled.string()) + " --filled " + c.date(9) +
        " --all-correct 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    filled_dirs[c.monitoring + c.period] = filled;
  }

  // The school's form of cycle `c`, as it is sent.
  fs::path form_file(const Cycle& c, const Send& s) {
    const auto name = s.school + "_" + c.period + ".xlsx";
    const auto filled = filled_dirs.at(c.monitoring + c.period) / name;
    if (s.form == Form::good) return filled;
    const auto edited = dir / ("edited_" + c.monitoring + "_" + s.school + "_" + (s.form == Form::spoilt ? "s" : "c"));
    fs::create_directories(edited);
    fs::copy_file(filled, edited / name, fs::copy_options::overwrite_existing);
    // Spoilt: text in the first count cell; corrected: a part one less.
    const auto r = test::run_python(R"(
import sys, tomllib, openpyxl
path, definition, how = sys.argv[1], sys.argv[2], sys.argv[3]
inputs = tomllib.load(open(definition, "rb"))["input"]
wb = openpyxl.load_workbook(path)
names = {dn.name: next(iter(dn.destinations)) for dn in wb.defined_names.definedName}
for inp in inputs:
    if inp["kind"] != "count" or ("in_" + inp["id"]) not in names:
        continue
    if how == "corrected" and not inp.get("not_more_than"):
        continue
    sheet, coord = names["in_" + inp["id"]]
    cell = wb[sheet][coord.replace("$", "")]
    if how == "spoilt":
        cell.value = "около 30"
    elif isinstance(cell.value, int) and cell.value > 0:
        cell.value -= 1
    else:
        continue
    break
wb.save(path)
)",
                                    {(edited / name).string(), test::krymsk_definition(c.m().file).string(),
                                     s.form == Form::spoilt ? "spoilt" : "corrected"});
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return edited / name;
  }

  // The school sends its form: a letter from its director into the IMAP
  // mailbox, dated `when`; kr05's form goes into the folder by hand.
  void send(const Cycle& c, const Send& s) {
    const auto file = form_file(c, s);
    const auto address = k_schools.at(s.school);
    std::tm tm{};
    strptime(s.when.c_str(), "%Y-%m-%d %H:%M", &tm);
    tm.tm_isdst = -1;
    const auto t = std::mktime(&tm);
    if (address.empty()) {
      const auto inbox = dir / "inbox" / c.monitoring;
      fs::create_directories(inbox);
      fs::copy_file(file, inbox / file.filename(), fs::copy_options::overwrite_existing);
      const auto when = fs::file_time_type::clock::now() -
                        std::chrono::seconds(std::time(nullptr) - t);
      fs::last_write_time(inbox / file.filename(), when);
      return;
    }
    char date[64];
    std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S %z", std::localtime(&t));
    const auto id = "<" + c.monitoring + "." + c.period + "." + s.school + "." + std::to_string(++sent) + "@test>";
    imap->append("INBOX", R"([{"from": ")" + address + R"(", "to": ")" + imap->user() + R"(", "subject": "Форма",
                   "message_id": ")" + id + R"(", "date": ")" + date + R"(",
                   "attachments": [{"name": ")" + file.filename().string() + R"(", "file": ")" + file.string() +
                                  R"("}]}])");
  }

  test::TempDir dir;
  std::unique_ptr<test::SmtpServer> server;
  std::unique_ptr<test::ImapServer> imap;
  fs::path config;
  std::map<std::string, std::string> outputs;  // day -> daily's output
  std::map<std::string, int> exits;            // day -> its exit code
  std::map<std::string, std::vector<test::ReceivedMail>> letters;  // day -> what came
  std::map<std::string, fs::path> filled_dirs;
  int sent = 0;
};

// What the calendar and the schools' doings say each recipient must receive,
// day by day: a model of the rules written from the calendar's days, the
// sends above and the two outages, independent of metodmon's code.
class Expected {
 public:
  Expected() {
    for (std::size_t i = 0; i < k_cycles.size(); ++i) cycle(i);
  }
  const Seen& on(const std::string& day) const {
    static const Seen none;
    const auto it = m_days.find(day);
    return it == m_days.end() ? none : it->second;
  }
  // Letters that may come on the day or not (each at most once).
  const Seen& maybe_on(const std::string& day) const {
    static const Seen none;
    const auto it = m_maybe.find(day);
    return it == m_maybe.end() ? none : it->second;
  }
  // Whether `seen` is what the day must bring, and what it may.
  bool matches(const std::string& day, const Seen& seen) const {
    Seen rest = seen;
    for (const auto& k : on(day)) {
      const auto it = rest.find(k);
      if (it == rest.end()) return false;
      rest.erase(it);
    }
    for (const auto& k : maybe_on(day)) {
      if (const auto it = rest.find(k); it != rest.end()) rest.erase(it);
    }
    return rest.empty();
  }
  std::set<std::string> days() const {
    std::set<std::string> out;
    for (const auto& [d, s] : m_days) out.insert(d);
    return out;
  }

 private:
  void add(const std::string& day, const std::string& rcpt, const std::string& kind, const std::string& m,
           bool maybe = false) {
    if (k_off.contains(day)) return;
    (maybe ? m_maybe : m_days)[day].insert(key(rcpt, kind, m));
  }

  // The first morning daily runs on or after `day`.
  static std::string running_on_or_after(std::string day) {
    while (k_off.contains(day)) day = iso(day_of(day) + std::chrono::days{1});
    return day;
  }

  void cycle(std::size_t index) {
    const auto& c = k_cycles[index];
    const auto& m = c.m();
    const auto sends = sends_of(index);
    const auto id = c.monitoring;
    // The morning after a send (forms sent on the 10th at 10:00 are read on the 11th at 07:00).
    const auto read_on = [](const Send& s) { return running_on_or_after(iso(day_of(s.when.substr(0, 10)) + std::chrono::days{1})); };
    const auto accepted_by = [&](const std::string& school, const std::string& day) {
      for (const auto& s : sends) {
        if (s.school == school && s.form != Form::spoilt && read_on(s) <= day) return true;
      }
      return false;
    };
    // Who gets results: a school whose form is accepted; for the yearly
    // rubric also one without its form that took part in the monitorings
    // (every school but kr04, which never answers anything).
    const auto has_results = [&](const std::string& school, const std::string& day) {
      return accepted_by(school, day) || (id == "year" && school != "kr04");
    };
    // 1st: forms out; kr05's to the methodist.
    for (const auto& [school, address] : k_schools) {
      if (!address.empty()) add(c.date(1), address, "form", id);
    }
    add(c.date(1), k_methodist, "no-address", id);
    // A spoilt form: answered the morning it is read.
    std::set<std::string> answered_on;
    for (const auto& s : sends) {
      if (s.form != Form::spoilt) continue;
      add(read_on(s), k_schools.at(s.school), "answer", id);
      answered_on.insert(s.school + read_on(s));
    }
    // Reminders before the deadline: to every school with an address and no
    // accepted form (not to one answered that morning), and the methodist's
    // state of the collection. A reminder day the machine slept through is
    // sent the next morning it runs, if that is still before the deadline.
    std::set<std::string> reminder_days;
    for (const int d : m.before) {
      const auto due = c.date(d);
      const auto on = running_on_or_after(due);
      if (on > c.date(m.deadline)) continue;  // missed: said, not sent
      reminder_days.insert(on);
    }
    for (const auto& on : reminder_days) {
      for (const auto& [school, address] : k_schools) {
        if (address.empty() || accepted_by(school, on) || answered_on.contains(school + on)) continue;
        add(on, address, "reminder", id);
      }
      add(on, k_methodist, "status", id);
    }
    // Results: each director whose form is accepted, and the methodist.
    const auto results_day = running_on_or_after(c.date(m.results));
    for (const auto& [school, address] : k_schools) {
      if (!address.empty() && has_results(school, results_day)) add(results_day, address, "results", id);
    }
    add(results_day, k_methodist, "methodist-results", id);
    // After the deadline: to the debtors, copied to the methodist; her state of the collection.
    const auto after = c.date(m.after);
    for (const auto& [school, address] : k_schools) {
      if (address.empty() || accepted_by(school, after)) continue;
      add(after, address, "late-reminder", id);
      add(after, k_methodist, "late-reminder", id);
    }
    add(after, k_methodist, "status", id);
    // Revisions: the morning a form read after the results day changes the
    // figures, every director with results gets corrected ones (the median
    // and the municipal values move), a new school its first results. A late
    // yearly form moves only its own school's points and the places: the
    // others get corrected results if their place moved.
    std::set<std::string> revised;
    for (const auto& s : sends) {
      const auto on = read_on(s);
      if (on > results_day && s.form != Form::spoilt) revised.insert(on);
    }
    std::set<std::string> mailed;  // schools that had results already
    for (const auto& [school, address] : k_schools) {
      if (has_results(school, results_day)) mailed.insert(school);
    }
    for (const auto& on : revised) {
      std::set<std::string> senders;
      for (const auto& s : sends) {
        if (read_on(s) == on) senders.insert(s.school);
      }
      for (const auto& [school, address] : k_schools) {
        if (address.empty() || !has_results(school, on)) continue;
        const bool maybe = id == "year" && !senders.contains(school);
        add(on, address, mailed.contains(school) ? "revised" : "results", id, maybe);
        mailed.insert(school);
      }
      add(on, k_methodist, "methodist-revised", id);
    }
  }

  std::map<std::string, Seen> m_days;
  std::map<std::string, Seen> m_maybe;
};

std::string show(const Seen& s) {
  std::string out;
  for (const auto& k : s) out += "\n  " + k;
  return out.empty() ? " (nothing)" : out;
}

}  // namespace

TEST_F(DailyYearTest, ASchoolYearOfNineMonitoringsDayByDay) {
  const Expected expected;
  // Which cycle opens on which day (its forms are filled from that day's letters).
  std::map<std::string, std::vector<std::size_t>> opening;
  // Sends by the day they are made.
  std::map<std::string, std::vector<std::pair<std::size_t, Send>>> sending;
  for (std::size_t i = 0; i < k_cycles.size(); ++i) {
    opening[k_cycles[i].date(1)].push_back(i);
    for (const auto& s : sends_of(i)) sending[s.when.substr(0, 10)].push_back({i, s});
  }
  // 1 November: the run dies while it mails m3's forms (the server accepts
  // the connection and never answers; the run is killed), then runs again.
  const auto kill_day = std::string("2025-11-01");

  for (auto d = day_of("2025-09-01"); d <= day_of("2026-09-26"); d += std::chrono::days{1}) {
    const auto today = iso(d);
    if (!k_off.contains(today)) {
      if (today == kill_day) {
        test::SmtpSinkOptions stalled;
        stalled.stall_greeting = true;
        test::SmtpServer dead(dir / "received_dead", stalled);
        ASSERT_GT(dead.port(), 0);
        write_config(dead.port());
        const auto pid = test::spawn_metodmon({"daily", "-q", "-c", config.string(), "--today", today});
        for (int i = 0; i < 400 && dead.connections() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        EXPECT_GT(dead.connections(), 0);
        ::kill(pid, SIGKILL);
        EXPECT_EQ(test::wait_exit(pid), -SIGKILL);
        write_config(server->port());
      }
      const auto seen = daily(today);
      const bool as_expected = expected.matches(today, seen);
      EXPECT_TRUE(as_expected) << today << "\nreceived:" << show(seen) << "\nexpected:" << show(expected.on(today))
                               << "\nand maybe:" << show(expected.maybe_on(today)) << "\n" << outputs[today];
      EXPECT_NE(exits[today], 1) << today << "\n" << outputs[today];
      if (!as_expected) {
        // One wrong day makes the rest noise: stop here.
        FAIL() << "stopped at " << today;
      }
    }
    // After the day's run: the forms that went out today are filled, and
    // today's sends are made (read by tomorrow's run).
    for (const auto i : opening[today]) {
      if (!k_off.contains(today)) fill_forms(k_cycles[i]);
    }
    for (const auto& [i, s] : sending[today]) send(k_cycles[i], s);
  }

  // Nothing expected went unseen (a day the loop never reached fails above).
  for (const auto& day : expected.days()) EXPECT_TRUE(outputs.contains(day) || k_off.contains(day)) << day;

  const auto letter = [&](const std::string& day, const std::string& rcpt, const std::string& kind,
                          const std::string& id) -> const test::ReceivedMail* {
    for (const auto& m : letters[day]) {
      const auto [k, mon] = classify(m.subject);
      if (k == kind && mon == id && std::find(m.rcpt_to.begin(), m.rcpt_to.end(), rcpt) != m.rcpt_to.end()) return &m;
    }
    return nullptr;
  };
  const std::string kr02 = k_schools.at("kr02"), kr03 = k_schools.at("kr03"), kr06 = k_schools.at("kr06");

  // 1. kr02 corrected its m1 form before the deadline: on the results day and
  // after it hears nothing more of the file that was rejected.
  for (const auto& [day, mails] : letters) {
    if (day <= "2025-09-11" || day >= "2025-10-01") continue;
    for (const auto& m : mails) {
      if (m.rcpt_to[0] == kr02) {
        EXPECT_EQ(m.body.find("не принята"), std::string::npos) << day << ": " << m.subject;
      }
    }
  }
  // 2. Its error was answered the morning after it came: the cell, what was
  // typed, how to fix it, the deadline.
  const auto* answer = letter("2025-09-11", kr02, "answer", "m1");
  ASSERT_NE(answer, nullptr);
  EXPECT_NE(answer->body.find("ячейка "), std::string::npos) << answer->body;
  EXPECT_NE(answer->body.find("(введено «около 30»)"), std::string::npos) << answer->body;
  EXPECT_NE(answer->body.find("Пришлите форму не позднее 20 сентября 2025 г."), std::string::npos) << answer->body;
  // The one that came while the machine was off: answered the first morning it ran, after the deadline.
  const auto* late_answer = letter("2025-10-21", kr02, "answer", "m2");
  ASSERT_NE(late_answer, nullptr);
  EXPECT_NE(late_answer->body.find("Срок сдачи (20 октября 2025 г.) прошёл."), std::string::npos) << late_answer->body;

  // 3. The two reminders of m2 the machine slept through are named in the
  // output and in the methodist's next letter; m7's of the 15th went on the 18th.
  for (const auto* due : {"15.10.2025", "19.10.2025"}) {
    EXPECT_NE(outputs["2025-10-21"].find("пропущено: напоминание школам, не сдавшим форму за 2025/26 учебный год (за "),
              std::string::npos)
        << outputs["2025-10-21"];
    EXPECT_NE(outputs["2025-10-21"].find(std::string("(") + due + ") — программа в этот день не запускалась, а срок "
                                                                   "сдачи уже прошёл"),
              std::string::npos)
        << outputs["2025-10-21"];
    const auto* results = letter("2025-10-21", k_methodist, "methodist-results", "m2");
    ASSERT_NE(results, nullptr);
    EXPECT_NE(results->body.find("Календарь: пропущено, пока программа не запускалась:"), std::string::npos)
        << results->body;
    EXPECT_NE(results->body.find(std::string("(") + due + ")"), std::string::npos) << results->body;
  }
  EXPECT_NE(outputs["2026-03-18"].find("(за 5 дней до срока) — с опозданием: по календарю 15.03.2026"),
            std::string::npos)
      << outputs["2026-03-18"];
  EXPECT_NE(letter("2026-03-18", kr03, "reminder", "m7"), nullptr);

  // 4. kr03's yearly form, late, moved its rubric points and place: its
  // corrected results say so, and the others' places moved with it.
  const auto* moved = letter("2026-09-25", kr03, "revised", "year");
  ASSERT_NE(moved, nullptr);
  EXPECT_NE(moved->body.find("Баллы рубрики «Оценка муниципальной системы методической работы»: было "),
            std::string::npos)
      << moved->body;
  EXPECT_NE(moved->body.find("Место по баллам рубрики: было "), std::string::npos) << moved->body;
  int places_moved = 0;
  for (const auto& m : letters["2026-09-25"]) {
    if (m.rcpt_to[0] != kr03 && m.body.find("Место по баллам рубрики: было ") != std::string::npos) ++places_moved;
  }
  EXPECT_GT(places_moved, 0);

  // 5. kr06 sent m1 in time and corrected it after the deadline: both facts,
  // in `status` and in the workbook «Сдача форм» the daily run keeps.
  const auto status = test::metodmon("status -c " + test::shell_quote(config.string()) + " -m m1 --period 2025-2026 "
                                     "--today 2025-09-26");
  EXPECT_EQ(status.exit_code, 0) << status.out;
  const auto line_of = [&](const std::string& school) {
    const auto at = status.out.find("\n" + school + " ");
    return at == std::string::npos ? std::string()
                                   : status.out.substr(at + 1, status.out.find('\n', at + 1) - at - 1);
  };
  EXPECT_TRUE(line_of("kr06").ends_with("принята в срок; исправлена после срока (22.09.2025)")) << status.out;
  EXPECT_TRUE(line_of("kr02").ends_with("принята")) << status.out;
  EXPECT_TRUE(line_of("kr03").ends_with("прислана после срока")) << status.out;
  EXPECT_TRUE(line_of("kr04").ends_with("не прислана")) << status.out;
  const auto book = ingest::read_workbook(dir / "out" / "m1" / "2025-2026" /
                                          "Сдача_форм_krymsk-m1-deficits_2025-2026.xlsx");
  ASSERT_TRUE(book);
  const auto* sheet = book->sheet("Сдача форм");
  ASSERT_NE(sheet, nullptr);
  int both_facts = 0;
  for (const auto& cell : sheet->cells) both_facts += cell.text == "принята в срок; исправлена после срока (22.09.2025)";
  EXPECT_EQ(both_facts, 1);
  // The methodist had it on each reminder day, the workbook attached.
  const auto* state = letter("2025-09-19", k_methodist, "status", "m1");
  ASSERT_NE(state, nullptr);
  ASSERT_EQ(state->attachments.size(), 1u);
  EXPECT_EQ(state->attachments[0].first, "Сдача_форм_krymsk-m1-deficits_2025-2026.xlsx");
  EXPECT_NE(state->body.find("Форму не прислали (2): МБОУ СОШ № 3 г. Крымска, МБОУ «Лицей № 4» г. Крымска."),
            std::string::npos)
      << state->body;

  // 7. The rubric of September 2026 closes 2025/26: all eight monitorings of
  // that school year count, none of another; m1 of the same September is 2026/27.
  EXPECT_NE(outputs["2026-09-21"].find("Мониторинги года: итоги есть у 8 из 8"), std::string::npos)
      << outputs["2026-09-21"];
  EXPECT_TRUE(fs::exists(dir / "out" / "year" / "2025-2026" / "Итоги_krymsk-year_2025-2026.xlsx"));
  const auto* rubric = letter("2026-09-21", k_schools.at("kr01"), "results", "year");
  ASSERT_NE(rubric, nullptr);
  EXPECT_NE(rubric->subject.find("за 2025/26 учебный год"), std::string::npos) << rubric->subject;
  const auto* m1_next = letter("2026-09-01", k_schools.at("kr01"), "form", "m1");
  ASSERT_NE(m1_next, nullptr);
  EXPECT_NE(m1_next->subject.find("за 2026/27 учебный год"), std::string::npos) << m1_next->subject;

  // 8. «заменяет письмо от …» names the calendar's day of the letter replaced.
  const auto* revised = letter("2025-09-23", kr06, "revised", "m1");
  ASSERT_NE(revised, nullptr);
  EXPECT_NE(revised->body.find("это письмо заменяет письмо от 21.09.2025 07:00"), std::string::npos) << revised->body;

  // The forms came by mail: the daily run put each into its monitoring's
  // folder, named by the school that sent it.
  int by_mail = 0;
  for (const auto& e : fs::directory_iterator(dir / "inbox" / "m1")) {
    by_mail += e.path().filename().string().find("_kr01 МБОУ СОШ № 1 г. Крымска_") != std::string::npos;
  }
  EXPECT_EQ(by_mail, 2);  // 2025/26 and 2026/27

  // 6. Every letter names its monitoring, in the subject and in its first
  // line (after the greeting); the after-deadline reminder says the deadline
  // has passed and what happens now, not «не позднее» a past day.
  for (const auto& [day, mails] : letters) {
    for (const auto& m : mails) {
      const auto [kind, id] = classify(m.subject);
      ASSERT_NE(id, "?") << day << ": " << m.subject;
      auto body = m.body;
      std::erase(body, '\r');
      if (body.find("!\n\n") != std::string::npos && body.find("!\n\n") < 80) body = body.substr(body.find("!\n\n") + 3);
      const auto first_line = body.substr(0, body.find('\n'));
      const auto& mon = monitoring_of(id);
      const auto title_word = mon.id == "year" ? std::string("Годовая оценка") : std::string("ониторинг");
      EXPECT_NE(first_line.find(title_word), std::string::npos) << day << ": " << m.subject << "\n" << m.body;
      if (kind == "late-reminder") {
        EXPECT_NE(m.body.find("Срок сдачи (") , std::string::npos) << m.body;
        EXPECT_NE(m.body.find(") прошёл"), std::string::npos) << m.body;
        EXPECT_EQ(m.body.find("не позднее"), std::string::npos) << m.body;
        EXPECT_NE(m.body.find("подведены"), std::string::npos) << m.body;  // what happened, what happens now
      }
    }
  }
}

