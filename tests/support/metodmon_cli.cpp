#include "support/metodmon_cli.h"

#include <fstream>

namespace test {

namespace fs = std::filesystem;

fs::path write_demo_config(const TempDir& dir, const DemoConfig& config) {
  const auto root = source_dir();
  const auto inbox = config.inbox.empty() ? root / "sample_workbooks/demo" : config.inbox;
  const auto file = dir / "metodmon.toml";
  std::ofstream out(file);
  out << "[monitoring]\n"
      << "definition = \"" << (root / "templates/demo.toml").string() << "\"\n"
      << "schools = \"" << (root / "templates/demo_schools.csv").string() << "\"\n"
      << "period = \"" << config.period << "\"\n"
      << "[paths]\ninbox = \"" << inbox.string() << "\"\n"
      << "output = \"out\"\nstate = \"state\"\n"
      << "[inbox]\nsettle_seconds = 0\n"
      << config.extra;
  return file;
}

ProcessResult metodmon(std::string_view args, std::string_view env) {
  std::string command;
  if (!env.empty()) command = "env " + std::string(env) + " ";
  return run_command(command + METODMON_BINARY + " " + std::string(args));
}

fs::path demo_results_file(const TempDir& dir, std::string_view period) {
  const std::string p(period);
  return dir / "out" / p / ("Итоги_demo-ensk_" + p + ".xlsx");
}

void copy_demo_forms(const fs::path& inbox) {
  fs::create_directories(inbox);
  for (const auto& e : fs::directory_iterator(source_dir() / "sample_workbooks/demo")) {
    const auto to = inbox / e.path().filename();
    fs::copy_file(e.path(), to, fs::copy_options::overwrite_existing);
    fs::last_write_time(to, fs::last_write_time(e.path()));
  }
}

}  // namespace test
