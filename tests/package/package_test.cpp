// The Debian package (scripts/package.sh, scripts/package/, cmake/Package.cmake):
// what it holds, what Debian's own tools say of it, and what an
// administrator meets installing, running, upgrading and removing it. The
// .deb is built once per ctest run by the fixture test package_build; the
// installs happen in a throw-away root (tests/package/throwaway_root.sh).
#include <gtest/gtest.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/key_values.h"
#include "support/openpyxl_check.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using test::run_command;
using test::shell_quote;

const fs::path k_units = test::source_dir() / "scripts" / "systemd";
const fs::path k_package_files = test::source_dir() / "scripts" / "package";
const std::vector<std::string> k_unit_names = {"metodmon.service", "metodmon.timer", "metodmon-daily.service",
                                               "metodmon-daily.timer"};

std::string architecture() {
  auto r = run_command("dpkg --print-architecture");
  while (!r.out.empty() && r.out.back() == '\n') r.out.pop_back();
  return r.out;
}

// The .deb the fixture test package_build wrote.
fs::path deb_file() {
  return fs::path(METODMON_PACKAGE_DIR) / ("metodmon_" METODMON_VERSION "_" + architecture() + ".deb");
}

// Fails the test (and returns false) when there is no package to look at.
bool have_deb() {
  if (fs::exists(deb_file())) return true;
  ADD_FAILURE() << "no package " << deb_file() << ": ctest builds it first (test package_build); by hand: "
                << "scripts/package.sh " << METODMON_BUILD_DIR << " " << METODMON_PACKAGE_DIR;
  return false;
}

std::string field(const std::string& name) {
  auto r = run_command("dpkg-deb -f " + shell_quote(deb_file().string()) + " " + name);
  while (!r.out.empty() && r.out.back() == '\n') r.out.pop_back();
  return r.out;
}

// Paths in the package's data, "/usr/bin/metodmon", directories with a trailing "/".
std::set<std::string> contents() {
  const auto r = run_command("dpkg-deb --fsys-tarfile " + shell_quote(deb_file().string()) + " | tar -t");
  std::set<std::string> paths;
  for (auto line : test::split_lines(r.out)) {
    if (line.starts_with("./")) line.erase(0, 1);
    if (line != "/") paths.insert(line);
  }
  return paths;
}

std::map<std::string, std::string> facts(const std::string& out) {
  std::map<std::string, std::string> kv;
  for (const auto& [k, v] : test::key_values(out)) kv[k] = v;
  return kv;
}

// The logs install_scenario.sh kept, for a failure's message.
std::string logs(const fs::path& dir) {
  std::string all;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".log") {
      all += "--- " + entry.path().filename().string() + "\n" + test::read_file(entry.path());
    }
  }
  return all;
}

// Runs `scenario` (tests/package/) in a throw-away root with `args`; false
// (and the test skipped) when this machine cannot make one.
bool in_throwaway_root(const test::TempDir& work, const std::string& scenario, const std::vector<fs::path>& args,
                       test::ProcessResult& result) {
  fs::copy_file(test::source_dir() / "tests/package/scenario_steps.sh", work / "scenario_steps.sh");
  std::string command = shell_quote((test::source_dir() / "tests/package/throwaway_root.sh").string()) + " " +
                        shell_quote(work.path().string()) + " " +
                        shell_quote((test::source_dir() / "tests/package" / scenario).string());
  for (const auto& a : args) command += " " + shell_quote(a.string());
  result = run_command(command);
  return result.exit_code != 77;
}

// systemd's writable paths of a service: ReadWritePaths= and /var/lib/<StateDirectory=>.
std::vector<fs::path> writable_paths(const fs::path& unit) {
  std::vector<fs::path> paths;
  std::istringstream in(test::read_file(unit));
  std::string line;
  while (std::getline(in, line)) {
    std::string list;
    std::string prefix;
    if (line.starts_with("ReadWritePaths=")) {
      list = line.substr(15);
    } else if (line.starts_with("StateDirectory=")) {
      list = line.substr(15);
      prefix = "/var/lib/";
    }
    std::istringstream words(list);
    std::string word;
    while (words >> word) {
      if (word.starts_with("-")) word.erase(0, 1);  // "-/path": ignored when missing
      paths.emplace_back(prefix + word);
    }
  }
  return paths;
}

bool is_under(const fs::path& path, const fs::path& folder) {
  const auto relative = path.lexically_normal().lexically_relative(folder.lexically_normal());
  return !relative.empty() && *relative.begin() != "..";
}

// Folders a configuration writes: [paths] inbox, output, state, [archive]
// folder, [mail] outbox, and each [[monitoring]]'s inbox and output.
std::vector<std::string> written_folders(const toml::table& config) {
  std::vector<std::string> folders;
  const auto add = [&](toml::node_view<const toml::node> node) {
    if (const auto text = node.value<std::string>()) folders.push_back(*text);
  };
  for (const char* key : {"inbox", "output", "state"}) add(config["paths"][key]);
  add(config["archive"]["folder"]);
  add(config["mail"]["outbox"]);
  if (const auto* list = config["monitoring"].as_array()) {
    for (const auto& m : *list) {
      if (const auto* t = m.as_table()) {
        add((*t)["inbox"]);
        add((*t)["output"]);
      }
    }
  }
  return folders;
}

// ```toml blocks of the README and docs/ that say where a deployment writes
// (they have [paths]): what an administrator copies into /etc/metodmon.
std::vector<std::pair<std::string, std::string>> documented_configurations() {
  std::vector<fs::path> pages = {test::source_dir() / "README.md"};
  if (fs::exists(test::source_dir() / "docs")) {
    for (const auto& e : fs::directory_iterator(test::source_dir() / "docs")) {
      if (e.path().extension() == ".md") pages.push_back(e.path());
    }
  }
  std::vector<std::pair<std::string, std::string>> blocks;
  for (const auto& page : pages) {
    const auto text = test::read_file(page);
    std::size_t at = 0;
    while ((at = text.find("```toml\n", at)) != std::string::npos) {
      const auto begin = at + 8;
      const auto end = text.find("```", begin);
      if (end == std::string::npos) break;
      const auto block = text.substr(begin, end - begin);
      if (block.find("[paths]") != std::string::npos) blocks.emplace_back(page.filename().string(), block);
      at = end + 3;
    }
  }
  return blocks;
}

TEST(PackageTest, DebIsNamedByVersionAndArchitecture) {
  if (!have_deb()) return;
  EXPECT_EQ(field("Package"), "metodmon");
  EXPECT_EQ(field("Version"), METODMON_VERSION);
  EXPECT_EQ(field("Architecture"), architecture());
  EXPECT_EQ(deb_file().filename().string(), "metodmon_" METODMON_VERSION "_" + architecture() + ".deb");
  const auto description = field("Description");
  EXPECT_NE(description.find("\n "), std::string::npos) << "a synopsis and an extended description:\n"
                                                       << description;
}

// Package names of a Depends field ("libc6 (>= 2.34), adduser" -> libc6, adduser).
std::set<std::string> package_names(const std::string& relations) {
  std::set<std::string> names;
  static const std::regex name(R"((?:^|[,|]\s*)([a-z0-9][a-z0-9+.-]+))");
  for (auto it = std::sregex_iterator(relations.begin(), relations.end(), name); it != std::sregex_iterator(); ++it) {
    names.insert((*it)[1]);
  }
  return names;
}

// Depends is computed (dpkg-shlibdeps), not written by hand: the package of
// every library the program links (or a name it provides) appears in it,
// found here independently: readelf's NEEDED, ldd's path, dpkg's owner of
// that file (under /lib or /usr/lib) and what the owner provides.
TEST(PackageTest, DependsNameThePackagesOfEveryLinkedLibrary) {
  if (!have_deb()) return;
  const auto owners = run_command(
      "set -e; bin=" + shell_quote(METODMON_BINARY) +
      "; for lib in $(readelf -d \"$bin\" | sed -n 's/.*Shared library: \\[\\(.*\\)\\]/\\1/p'); do "
      "path=$(ldd \"$bin\" | awk -v l=\"$lib\" '$1 == l { print $3 }'); "
      "owner=$(dpkg-query -S \"$path\" 2>/dev/null || dpkg-query -S \"/usr$path\" 2>/dev/null || "
      "dpkg-query -S \"${path#/usr}\"); owner=${owner%%:*}; "
      "echo \"$lib=$owner, $(dpkg-query -W -f='${Provides}' \"$owner\")\"; done");
  ASSERT_EQ(owners.exit_code, 0) << owners.out;
  const auto libraries = test::key_values(owners.out);
  ASSERT_GE(libraries.size(), 8u) << owners.out;  // libxlsxwriter, libzip, expat, freexl, sqlite, curl, gmime, ...
  const auto depends = field("Depends");
  const auto named = package_names(depends);
  for (const auto& [library, packages] : libraries) {
    const auto candidates = package_names(packages);
    EXPECT_TRUE(std::any_of(candidates.begin(), candidates.end(), [&](const auto& p) { return named.contains(p); }))
        << library << " (" << packages << ") is not in Depends: " << depends;
  }
  EXPECT_TRUE(named.contains("adduser")) << "postinst runs adduser: " << depends;
}

TEST(PackageTest, HoldsTheProgramUnitsManPagesConfigurationAndDemo) {
  if (!have_deb()) return;
  const auto paths = contents();
  for (const std::string path :
       {"/usr/bin/metodmon", "/etc/metodmon/metodmon.toml", "/etc/metodmon/schools.csv",
        "/usr/share/man/man1/metodmon.1.gz", "/usr/share/man/man5/metodmon.toml.5.gz",
        "/usr/share/doc/metodmon/copyright", "/usr/share/doc/metodmon/changelog.gz",
        "/usr/share/doc/metodmon/README.md", "/usr/share/doc/metodmon/docs/configuration.md", "/usr/share/metodmon/templates/demo.toml",
        "/usr/share/metodmon/templates/krymsk.toml", "/usr/share/metodmon/templates/balakhta.toml",
        "/usr/share/metodmon/templates/lk_roadmap.toml", "/usr/share/metodmon/demo/metodmon.toml",
        "/usr/share/metodmon/sample_workbooks/demo/sch01_2026-11.xlsx"}) {
    EXPECT_TRUE(paths.contains(path)) << path;
  }
  for (const auto& unit : k_unit_names) EXPECT_TRUE(paths.contains("/lib/systemd/system/" + unit)) << unit;
  // The data is the system user's, made by postinst: the package ships none of it.
  for (const auto& path : paths) EXPECT_FALSE(path.starts_with("/var/")) << path;
}

// dpkg keeps a configuration the administrator edited: every file the
// package puts in /etc is a conffile, and nothing else is.
TEST(PackageTest, EveryFileInEtcIsAConffile) {
  if (!have_deb()) return;
  const auto r = run_command("dpkg-deb --info " + shell_quote(deb_file().string()) + " conffiles");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::set<std::string> conffiles;
  for (const auto& line : test::split_lines(r.out)) conffiles.insert(line);
  std::set<std::string> in_etc;
  for (const auto& path : contents()) {
    if (path.starts_with("/etc/") && !path.ends_with("/")) in_etc.insert(path);
  }
  EXPECT_FALSE(in_etc.empty());
  EXPECT_EQ(conffiles, in_etc);
}

TEST(PackageTest, LintianReportsNoErrors) {
  if (!have_deb()) return;
  ASSERT_EQ(run_command("command -v lintian").exit_code, 0) << "lintian is missing: scripts/setup.sh --test";
  const auto r = run_command("lintian --fail-on error " + shell_quote(deb_file().string()));
  std::vector<std::string> errors;
  for (const auto& line : test::split_lines(r.out)) {
    if (line.starts_with("E: ")) errors.push_back(line);
  }
  EXPECT_TRUE(errors.empty()) << r.out;
  EXPECT_EQ(r.exit_code, 0) << r.out;
  if (!r.out.empty()) std::printf("lintian (no errors):\n%s", r.out.c_str());
}

// The version is said in four places; they agree with CMake's project().
TEST(PackageTest, ChangelogAndManPagesNameTheProjectVersion) {
  const auto changelog = test::read_file(k_package_files / "changelog");
  EXPECT_TRUE(changelog.starts_with("metodmon (" METODMON_VERSION ") ")) << changelog.substr(0, 60);
  for (const char* page : {"metodmon.1", "metodmon.toml.5"}) {
    const auto text = test::read_file(k_package_files / "man" / page);
    EXPECT_NE(text.find("\"metodmon " METODMON_VERSION "\""), std::string::npos) << page;
  }
}

// The units run with ProtectSystem=strict: the example configuration's
// folders must be where they may write, and so must every deployment the
// README and docs/ show (issue 28: they wrote to /srv/metodmon before).
TEST(PackageTest, UnitsMayWriteEveryFolderOfTheExampleConfiguration) {
  const auto config = toml::parse_file((k_package_files / "metodmon.toml").string());
  const auto folders = written_folders(config);
  ASSERT_EQ(folders.size(), 3u);  // inbox, output, state
  for (const char* service : {"metodmon.service", "metodmon-daily.service"}) {
    const auto writable = writable_paths(k_units / service);
    ASSERT_FALSE(writable.empty()) << service;
    const auto unit = test::read_file(k_units / service);
    EXPECT_NE(unit.find("--config /etc/metodmon/metodmon.toml"), std::string::npos) << service;
    EXPECT_NE(unit.find("ProtectSystem=strict"), std::string::npos) << service;
    for (const auto& folder : folders) {
      EXPECT_TRUE(std::any_of(writable.begin(), writable.end(), [&](const fs::path& w) { return is_under(folder, w); }))
          << service << " cannot write " << folder;
    }
    for (const auto& [page, block] : documented_configurations()) {
      toml::table documented;
      try {
        documented = toml::parse(block);
      } catch (const toml::parse_error& e) {
        ADD_FAILURE() << page << ": a ```toml block does not parse: " << e.description() << "\n" << block;
        continue;
      }
      for (const auto& folder : written_folders(documented)) {
        if (!fs::path(folder).is_absolute()) continue;  // relative to a file elsewhere
        EXPECT_TRUE(
            std::any_of(writable.begin(), writable.end(), [&](const fs::path& w) { return is_under(folder, w); }))
            << page << " shows a configuration writing " << folder << ", which " << service << " cannot write";
      }
    }
  }
}

TEST(PackageTest, InstallsRunsAndRemovesInAThrowAwayRoot) {
  if (!have_deb()) return;
  test::TempDir work;
  const auto deb = work / deb_file().filename().string();
  fs::copy_file(deb_file(), deb);
  test::ProcessResult r;
  if (!in_throwaway_root(work, "install_scenario.sh", {deb}, r)) GTEST_SKIP() << r.out;
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto f = facts(r.out);
  const auto context = r.out + logs(work.path());
  SCOPED_TRACE(context);

  EXPECT_EQ(f["install"], "0");
  EXPECT_EQ(f["installed_version"], METODMON_VERSION);
  EXPECT_EQ(f["program"], "/usr/bin/metodmon");
  EXPECT_EQ(f["version"], "metodmon " METODMON_VERSION);
  // A system user: uid below 1000, no login shell, home = its data.
  EXPECT_EQ(f["user"], "/var/lib/metodmon:/usr/sbin/nologin");
  ASSERT_FALSE(f["user_uid"].empty());
  EXPECT_LT(std::stoi(f["user_uid"]), 1000);
  EXPECT_EQ(f["group"], "metodmon");
  EXPECT_EQ(f["folder /var/lib/metodmon"], "metodmon:metodmon 750");
  EXPECT_EQ(f["folder /var/lib/metodmon/inbox"], "metodmon:metodmon 2770");
  EXPECT_EQ(f["folder /var/lib/metodmon/out"], "metodmon:metodmon 2770");
  EXPECT_EQ(f["folder /var/lib/metodmon/state"], "metodmon:metodmon 750");
  EXPECT_EQ(f["folder /etc/metodmon"], "root:root 755");
  EXPECT_EQ(f["conffile /etc/metodmon/metodmon.toml"], "root:root 644");
  EXPECT_EQ(f["enabled_timers"], "0");  // the administrator enables one after configuring
  EXPECT_EQ(f["man_program"], "/usr/share/man/man1/metodmon.1.gz");
  EXPECT_EQ(f["man_configuration"], "/usr/share/man/man5/metodmon.toml.5.gz");
  EXPECT_EQ(f["verify"], "0");
  EXPECT_EQ(test::read_file(work / "verify.log"), "") << "systemd-analyze verify has something to say";

  // The demo: 16 forms of 18 schools, four with mistakes and one school twice
  // (README): exit 2, twelve directors' workbooks.
  EXPECT_EQ(f["demo"], "2");
  EXPECT_EQ(f["demo_results"], "Итоги_demo-ensk_2026-11.xlsx");
  EXPECT_EQ(f["demo_directors"], "12");

  // The services' commands with the example configuration: the registry has
  // one example school and the inbox is empty, so nothing is accepted (4),
  // which says the configuration loaded and the folders were writable.
  EXPECT_EQ(f["exec metodmon"], "/usr/bin/metodmon run --config /etc/metodmon/metodmon.toml");
  EXPECT_EQ(f["exec metodmon-daily"], "/usr/bin/metodmon daily --config /etc/metodmon/metodmon.toml");
  EXPECT_EQ(f["service metodmon"], "4");
  EXPECT_EQ(f["service metodmon-daily"], "0");
  EXPECT_EQ(f["history"], "present");

  // check of the example: the example registry row and the form password are missing.
  EXPECT_EQ(f["check example"], "2");
  const auto example = test::read_file(work / "check example.log");
  EXPECT_NE(example.find("осталась строка-пример"), std::string::npos) << example;
  EXPECT_NE(example.find("METODMON_FORM_PASSWORD не задана"), std::string::npos) << example;
  // init from the installed shipped method, then the filled deployment checks clean.
  EXPECT_EQ(f["init"], "0");
  EXPECT_EQ(f["init method"], "\"Энский муниципальный округ\"");
  EXPECT_EQ(f["init definition"], "\"krymsk.toml\"");
  EXPECT_EQ(f["check filled"], "0");

  // apt remove: the program and units go, the configuration and the data stay.
  EXPECT_EQ(f["remove"], "0");
  EXPECT_EQ(f["removed program"], "gone");
  EXPECT_EQ(f["removed units"], "gone");
  EXPECT_EQ(f["removed configuration"], "present");
  EXPECT_EQ(f["removed history"], "present");
  EXPECT_EQ(f["removed demo results"], "Итоги_demo-ensk_2026-11.xlsx");
  EXPECT_EQ(f["removed user"], "metodmon");
  EXPECT_EQ(f["removed status"], "rc ");
  // apt purge: the configuration goes too; the data stays (postrm says where).
  EXPECT_EQ(f["purge"], "0");
  EXPECT_EQ(f["purged configuration"], "gone");
  EXPECT_EQ(f["purged history"], "present");
  EXPECT_NE(test::read_file(work / "purge.log").find("данные оставлены в /var/lib/metodmon"), std::string::npos);
}

// An upgrade keeps what the administrator edited and what the services
// wrote, and updates a conffile nobody touched, without asking.
TEST(PackageTest, UpgradeKeepsTheEditedConfigurationAndTheData) {
  if (!have_deb()) return;
  test::TempDir work;
  const auto old_deb = work / "old.deb";
  fs::copy_file(deb_file(), old_deb);
  // The next version: the same package with a changed example registry.
  const auto repack = run_command(
      "set -e; cd " + shell_quote(work.path().string()) +
      "; dpkg-deb -R old.deb next; "
      "sed -i 's/^Version: .*/Version: " METODMON_VERSION "+next1/' next/DEBIAN/control; "
      "echo 'sch02;МБОУ СОШ № 2;Школа № 2;Петров Пётр Петрович;school2@example.ru' >> next/etc/metodmon/schools.csv; "
      "sed -i '/etc\\/metodmon\\/schools.csv/d' next/DEBIAN/md5sums; "
      "(cd next && md5sum etc/metodmon/schools.csv >> DEBIAN/md5sums); "
      "dpkg-deb --root-owner-group -b next new.deb >/dev/null");
  ASSERT_EQ(repack.exit_code, 0) << repack.out;
  test::ProcessResult r;
  if (!in_throwaway_root(work, "upgrade_scenario.sh", {old_deb, work / "new.deb"}, r)) GTEST_SKIP() << r.out;
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto f = facts(r.out);
  SCOPED_TRACE(r.out + logs(work.path()));
  EXPECT_EQ(f["install"], "0");
  EXPECT_EQ(f["upgrade"], "0");
  EXPECT_EQ(f["version"], METODMON_VERSION "+next1");
  EXPECT_EQ(f["uid_after"], f["uid_before"]);
  EXPECT_EQ(f["edited_configuration"], "# правка администратора");
  EXPECT_EQ(f["untouched_registry"], "sch02;МБОУ СОШ № 2;Школа № 2;Петров Пётр Петрович;school2@example.ru");
  EXPECT_EQ(f["data"], "история");
  EXPECT_EQ(f["leftovers"], "0");
}

}  // namespace
