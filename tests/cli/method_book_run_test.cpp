// One method, two spellings: every sample configuration (scripts/demo.toml,
// scripts/samples/*.toml) run from its TOML definitions and from the same
// definitions exported as method workbooks, with the clock fixed
// (SOURCE_DATE_EPOCH), writes the same files byte for byte: forms, directors'
// workbooks, documents, letters. Also after LibreOffice has opened and saved
// the workbooks again.
//
// The one designed difference is in the results workbook: its «Методика»
// sheet names the method file (a .toml, an .xlsx) and the warnings of loading
// it by their place (a line of the TOML file, a cell of the workbook). So the
// results workbook is compared part by part: every part byte-identical but
// the shared strings, where only those strings may differ.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <functional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "definition/definition_loader.h"
#include "definition/method_book_places.h"
#include "definition/method_book_writer.h"
#include "support/libreoffice.h"
#include "support/metodmon_cli.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_env = "SOURCE_DATE_EPOCH=1764570000 TZ=Europe/Moscow";

std::vector<fs::path> sample_configs() {
  std::vector<fs::path> out{test::source_dir() / "scripts/demo.toml"};
  for (const auto& e : fs::directory_iterator(test::source_dir() / "scripts/samples")) {
    if (e.path().extension() == ".toml") out.push_back(e.path());
  }
  std::sort(out.begin() + 1, out.end());
  return out;
}

// The configuration's text with every relative path made absolute, each
// definition ("definition = …") passed through `definition_of`, and what a
// run writes (output, state, an inbox that is not a sample's) moved under
// `own` (empty: left as it is).
std::string absolute_paths(const fs::path& config, const std::function<fs::path(const fs::path&)>& definition_of,
                           const fs::path& own = {}) {
  std::ifstream in(config);
  std::string out, line;
  const std::regex path_line(R"re(^(\s*(\w+)\s*=\s*")(\.\.?/[^"]*)(".*)$)re");
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_match(line, m, path_line)) {
      fs::path p = (config.parent_path() / m[3].str()).lexically_normal();
      const auto key = m[2].str();
      if (key == "definition") p = definition_of(p);
      const bool sample_inbox = key == "inbox" && p.string().find("sample_workbooks") != std::string::npos;
      if (!own.empty() && (key == "output" || key == "state" || (key == "inbox" && !sample_inbox))) p = own / key;
      line = m[1].str() + p.string() + m[4].str();
    }
    out += line + "\n";
  }
  return out;
}

// Monitoring ids of a configuration that lists several ([[monitoring]]).
std::vector<std::string> monitorings_of(const std::string& text) {
  std::vector<std::string> out;
  const std::regex id_line(R"re(^id = "([^"]*)")re");
  std::istringstream in(text);
  std::string line;
  bool listed = false;
  while (std::getline(in, line)) {
    if (line.starts_with("[[monitoring]]")) listed = true;
    std::smatch m;
    if (listed && std::regex_match(line, m, id_line)) out.push_back(m[1]);
  }
  return out;
}

// The definitions every configuration names, each exported once into `dir`.
std::map<fs::path, fs::path> export_definitions(const fs::path& dir) {
  std::map<fs::path, fs::path> out;
  fs::create_directories(dir);
  for (const auto& config : sample_configs()) {
    absolute_paths(config, [&](const fs::path& toml) {
      if (out.contains(toml)) return toml;
      const auto loaded = definition::load_definition(toml);
      EXPECT_TRUE(loaded.has_value()) << toml;
      if (!loaded) return toml;
      // A method with questionnaires (Balakhta) is not written as a workbook
      // (MethodBookWriterTest.RefusesAMethodWithAQuestionnaire): it runs from its TOML.
      if (!loaded->definition.surveys.empty()) return toml;
      const auto xlsx = dir / (toml.stem().string() + ".xlsx");
      const auto written = definition::write_method_book(loaded->definition, xlsx);
      EXPECT_TRUE(written.has_value()) << toml;
      out[toml] = xlsx;
      return toml;
    });
  }
  return out;
}

struct Outputs {
  fs::path root;
  std::map<std::string, int> exits;  // command -> exit code
  std::string logs;
};

// Runs every sample configuration as compare_outputs.sh does: run (dry),
// template, and for the demo documents; for a configuration of several
// monitorings each monitoring's forms and the year's plan.
Outputs run_all(const fs::path& root, const std::function<fs::path(const fs::path&)>& definition_of) {
  Outputs o{root, {}, {}};
  fs::create_directories(root / "configs");
  for (const auto& config : sample_configs()) {
    const auto name = config.stem().string();
    const auto text = absolute_paths(config, definition_of, root / name);
    const auto copy = root / "configs" / (name + ".toml");
    std::ofstream(copy) << text;
    const auto c = test::shell_quote(copy.string());
    const auto where = [&](const std::string& sub) { return test::shell_quote((root / name / sub).string()); };
    const auto run = [&](const std::string& key, const std::string& args) {
      const auto r = test::metodmon(args, k_env);
      o.exits[name + " " + key] = r.exit_code;
      o.logs += "== " + name + " " + key + "\n" + r.out;
      return r;
    };
    if (const auto ids = monitorings_of(text); !ids.empty()) {
      for (const auto& id : ids) {
        run("template " + id, "template -q -c " + c + " --monitoring " + id + " --period 2025 --out " +
                                  where("forms/" + id) + " --state " + where("state"));
      }
      const auto plan = run("plan", "plan -c " + c + " --from 2025-01-01 --to 2025-12-31");
      std::ofstream(root / name / "plan.txt") << plan.out;
      // The calendar's day of March: the network monitoring's forms go out (letters to the outbox).
      run("daily", "daily -q -c " + c + " --today 2025-03-01");
      continue;
    }
    run("run", "run -q --dry-run -c " + c + " --output " + where("out") + " --state " + where("state"));
    run("template", "template -q -c " + c + " --out " + where("forms") + " --state " + where("state"));
    if (name == "demo") {
      run("documents", "documents -q -c " + c + " --output " + where("out") + " --state " + where("state"));
    }
  }
  return o;
}

// Every file a person receives, by path under the outputs, with its SHA-256:
// workbooks, documents, forms, the plan, letters. As compare_outputs.sh
// does, a blank form is hashed part by part without the clock's stamps
// (docProps/core.xml, the moment of issue), and a letter without its Date and
// Message-ID lines, its MIME boundaries and the bodies of the workbooks it
// attaches (a form attached to a letter carries the clock's stamps too; the
// forms themselves are compared as `template` writes them). The rest of the state folder —
// history, journals, archive copies — is the program's own.
std::map<std::string, std::string> outputs_of(const fs::path& root) {
  const auto r = test::run_python(R"py(
import hashlib, os, re, sys, zipfile
root = sys.argv[1]
for folder, _, files in sorted(os.walk(root)):
    for name in sorted(files):
        path = os.path.join(folder, name)
        rel = os.path.relpath(path, root)
        letter = name.endswith('.eml')
        if rel.startswith('configs/') or ('/state/' in '/' + rel and not letter):
            continue
        h = hashlib.sha256()
        if letter:
            in_form = False  # inside an attached workbook's body
            for line in open(path, 'rb').read().split(b'\n'):
                if line.startswith(b'--'):
                    in_form = False
                if line.startswith(b'Date: ') or line.startswith(b'Message-ID: ') or in_form:
                    continue
                if b'filename' in line and b'.xlsx' in line:
                    in_form = True
                h.update(re.sub(rb'=_metodmon_[0-9a-f]*', b'=_metodmon_', line) + b'\n')
        elif '/forms/' in '/' + rel and name.endswith('.xlsx'):
            with zipfile.ZipFile(path) as z:
                for i in z.infolist():
                    if i.filename == 'docProps/core.xml':
                        continue
                    text = re.sub(rb'\d{4}-\d{2}-\d{2} \d{2}:\d{2}', b'(issued)', z.read(i))
                    h.update(i.filename.encode() + b'\0' + text)
        else:
            h.update(open(path, 'rb').read())
        print(h.hexdigest() + '  ' + rel)
)py",
                                  {root.string()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  std::map<std::string, std::string> out;
  for (const auto& line : test::split_lines(r.out)) {
    if (line.size() > 66) out[line.substr(66)] = line.substr(0, 64);
  }
  return out;
}

// The shared strings that differ between two results workbooks whose other
// parts are byte-identical (the «Методика» sheet's but for its row heights);
// "parts differ: …" when another part differs.
std::vector<std::pair<std::string, std::string>> differing_strings(const fs::path& a, const fs::path& b,
                                                                   std::string& problem) {
  const auto r = test::run_python(R"py(
import sys, zipfile, re, html
a, b = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2])
if sorted(a.namelist()) != sorted(b.namelist()):
    print('PROBLEM parts differ in name'); sys.exit(0)
# The «Методика» sheet's part: its rows may be taller or shorter, as its texts are.
wbx = a.read('xl/workbook.xml').decode('utf-8')
rels = a.read('xl/_rels/workbook.xml.rels').decode('utf-8')
rid = re.search(r'<sheet name="Методика"[^>]*r:id="([^"]+)"', wbx).group(1)
method = 'xl/' + re.search(r'Id="' + rid + r'"[^>]*Target="([^"]+)"', rels).group(1).lstrip('/').replace('xl/', '', 1)
def rows_masked(z):
    return re.sub(rb' ht="[0-9.]+" customHeight="1"', b'', z.read(method))
other = [n for n in a.namelist() if n not in ('xl/sharedStrings.xml', method) and a.read(n) != b.read(n)]
if rows_masked(a) != rows_masked(b):
    other.append(method + ' (beyond its row heights)')
if other:
    print('PROBLEM parts differ: ' + ', '.join(other)); sys.exit(0)
def strings(z):
    xml = z.read('xl/sharedStrings.xml').decode('utf-8')
    return [html.unescape(''.join(re.findall(r'<t[^>]*>(.*?)</t>', si, re.S)))
            for si in re.findall(r'<si>(.*?)</si>', xml, re.S)]
sa, sb = strings(a), strings(b)
if len(sa) != len(sb):
    print('PROBLEM %d strings against %d' % (len(sa), len(sb))); sys.exit(0)
for x, y in zip(sa, sb):
    if x != y:
        print('A\t' + x.replace('\n', ' '))
        print('B\t' + y.replace('\n', ' '))
)py",
                                  {a.string(), b.string()});
  std::vector<std::pair<std::string, std::string>> out;
  if (r.exit_code != 0) {
    problem = r.out;
    return out;
  }
  std::istringstream in(r.out);
  std::string line, first;
  while (std::getline(in, line)) {
    if (line.starts_with("PROBLEM")) problem = line;
    if (line.starts_with("A\t")) first = line.substr(2);
    if (line.starts_with("B\t")) out.emplace_back(first, line.substr(2));
  }
  return out;
}

void expect_same_outputs(const Outputs& toml, const Outputs& book, const std::string& what) {
  EXPECT_EQ(toml.exits, book.exits) << what << "\n" << book.logs;
  const auto a = outputs_of(toml.root);
  const auto b = outputs_of(book.root);
  std::vector<std::string> names_a, names_b;
  for (const auto& [k, _] : a) names_a.push_back(k);
  for (const auto& [k, _] : b) names_b.push_back(k);
  ASSERT_EQ(names_a, names_b) << what;
  int results = 0;
  int identical = 0;
  for (const auto& [name, bytes] : a) {
    if (bytes == b.at(name)) {
      ++identical;
      continue;
    }
    const bool results_book = fs::path(name).filename().string().starts_with("Итоги_");
    ASSERT_TRUE(results_book) << what << ": " << name << " differs";
    ++results;
    std::string problem;
    const auto diff = differing_strings(toml.root / name, book.root / name, problem);
    ASSERT_TRUE(problem.empty()) << what << ": " << name << ": " << problem;
    // The «Методика» sheet names no file or cell (a methodist's page): a
    // warning is «Предупреждение: …» in either run, the same message, in the
    // workbook's words (the loader's own wording of the definition checks'
    // messages), in either order.
    const std::string prefix = "Предупреждение: ";
    std::multiset<std::string> said_a, said_b;
    for (const auto& [x, y] : diff) {
      EXPECT_TRUE(x.starts_with(prefix) && y.starts_with(prefix)) << x << "\n" << y;
      if (!x.starts_with(prefix) || !y.starts_with(prefix)) continue;
      said_a.insert(x.substr(prefix.size()));
      said_b.insert(y.substr(prefix.size()));
    }
    std::multiset<std::string> said_a_in_book_words;
    for (const auto& m : said_a) {
      std::string words = definition::book::workbook_words(m, "");
      for (const auto& told : said_b) {
        // The sheet a message speaks of, as the workbook run names it.
        const auto where = told.find("лист «");
        if (where == std::string::npos) continue;
        const auto from = where + std::string_view("лист «").size();
        const auto sheet = told.substr(from, told.find("»", from) - from);
        if (definition::book::workbook_words(m, sheet) == told) words = told;
      }
      said_a_in_book_words.insert(words);
    }
    EXPECT_EQ(said_a_in_book_words, said_b) << what << ": " << name;
  }
  EXPECT_GT(identical, 100) << what;
  EXPECT_GE(results, 5) << what;  // demo, balakhta, krymsk, m6, m7, lk_roadmap: one results workbook each
}

class MethodBookRunTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new test::TempDir;
    const auto defs = export_definitions(*s_dir / "defs");
    s_exported = new std::map<fs::path, fs::path>(defs);
    s_toml = new Outputs(run_all(*s_dir / "toml", [](const fs::path& p) { return p; }));
  }
  static void TearDownTestSuite() {
    delete s_toml;
    delete s_exported;
    delete s_dir;
  }
  static test::TempDir* s_dir;
  static std::map<fs::path, fs::path>* s_exported;
  static Outputs* s_toml;
};

test::TempDir* MethodBookRunTest::s_dir = nullptr;
std::map<fs::path, fs::path>* MethodBookRunTest::s_exported = nullptr;
Outputs* MethodBookRunTest::s_toml = nullptr;

TEST_F(MethodBookRunTest, EverySampleFromTheExportedWorkbooksWritesTheSameFiles) {
  ASSERT_GE(s_exported->size(), 12u);  // every shipped method but Balakhta's (a questionnaire)
  const auto book = run_all(*s_dir / "book", [](const fs::path& p) {
    return s_exported->contains(p) ? s_exported->at(p) : p;  // Balakhta runs from its TOML
  });
  // The runs did what the samples do: forms rejected (exit 2) in the demo.
  EXPECT_EQ(s_toml->exits.at("demo run"), 2) << s_toml->logs;
  EXPECT_EQ(s_toml->exits.at("demo documents"), 0) << s_toml->logs;
  expect_same_outputs(*s_toml, book, "exported workbooks");
}

TEST_F(MethodBookRunTest, TheSameAfterLibreOfficeSavesTheWorkbooksAgain) {
  if (!test::have_libreoffice()) GTEST_SKIP() << "LibreOffice (soffice) is not installed";
  const auto resaved = *s_dir / "resaved";
  fs::create_directories(resaved);
  std::string list;
  for (const auto& [_, xlsx] : *s_exported) list += " " + test::shell_quote(xlsx.string());
  const std::string profile = "file://" + (*s_dir / "lo-profile").string();
  const auto r = test::run_command("timeout 600 soffice --headless -env:UserInstallation=" + profile +
                                   " --convert-to xlsx --outdir " + test::shell_quote(resaved.string()) + list);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  for (const auto& [_, xlsx] : *s_exported) {
    ASSERT_TRUE(fs::exists(resaved / xlsx.filename())) << xlsx.filename() << "\n" << r.out;
    EXPECT_NE(test::read_file(resaved / xlsx.filename()), test::read_file(xlsx));
  }
  const auto book = run_all(*s_dir / "book-resaved", [&](const fs::path& p) {
    return s_exported->contains(p) ? resaved / s_exported->at(p).filename() : p;
  });
  expect_same_outputs(*s_toml, book, "workbooks saved by LibreOffice");
}

}  // namespace
