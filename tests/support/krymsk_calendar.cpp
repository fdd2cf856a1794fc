#include "support/krymsk_calendar.h"

#include <fstream>

namespace test {

namespace fs = std::filesystem;

namespace {

fs::path write_registry(const TempDir& dir) {
  std::ifstream in(source_dir() / "templates/krymsk_schools.csv");
  std::ofstream out(dir / "schools.csv");
  std::string line;
  for (int i = 0; std::getline(in, line); ++i) {
    if (i == 0 || line.starts_with("kr01;") || line.starts_with("kr02;") || line.starts_with("kr04;")) {
      out << line << "\n";
    } else if (line.starts_with("kr05;")) {
      out << line.substr(0, line.rfind(';') + 1) << "\n";  // no e-mail
    }
  }
  return dir / "schools.csv";
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

}  // namespace

fs::path write_krymsk_system(const TempDir& dir, const std::string& mail) {
  {
    std::ifstream in(source_dir() / "templates/krymsk_schools.csv");
    std::ofstream out(dir / "schools11.csv");
    std::string line;
    for (int i = 0; i <= 11 && std::getline(in, line); ++i) {
      out << (line.starts_with("kr05;") ? line.substr(0, line.rfind(';') + 1) : line) << "\n";
    }
  }
  std::string text = read_file(source_dir() / "scripts/samples/krymsk_system.toml");
  replace_all(text, "\"../../out/krymsk_system/", "\"" + dir.path().string() + "/");
  replace_all(text, "\"../../templates/krymsk_schools.csv\"", "\"" + (dir / "schools11.csv").string() + "\"");
  replace_all(text, "\"../../templates/", "\"" + (source_dir() / "templates").string() + "/");
  replace_all(text, "settle_seconds = 60", "settle_seconds = 0");
  text.erase(text.find("[mail]"));  // the sample's own [mail] is the last section
  std::ofstream(dir / "krymsk_system.toml") << text << mail;
  return dir / "krymsk_system.toml";
}

fs::path krymsk_definition(const std::string& file) { return source_dir() / "templates/krymsk" / file; }

std::string krymsk_smtp_mail(int port) {
  return "[mail]\nenabled = true\nhost = \"127.0.0.1\"\nport = " + std::to_string(port) +
         "\nsecurity = \"none\"\nfrom = \"imc@krymsk-edu.example\"\nmethodist = \"" + k_krymsk_methodist +
         "\"\nretries = 0\nbackoff_ms = 10\nsend_errors_to_schools = true\n";
}

fs::path write_krymsk_calendar(const TempDir& dir, const std::string& mail, const std::string& m1_lines) {
  std::ofstream out(dir / "krymsk.toml");
  out << "[paths]\ninbox = \"" << (dir / "inbox").string() << "\"\noutput = \"" << (dir / "out").string()
      << "\"\nstate = \"" << (dir / "state").string() << "\"\nschools = \"" << write_registry(dir).string()
      << "\"\n\n[calendar]\nopen_day = 1\ndeadline_day = 20\nremind_before = [5, 1]\nremind_after = [3]\n"
         "results_day = 21\n\n"
      << "[[monitoring]]\nid = \"m8\"\nname = \"кадровые потребности\"\ndefinition = \""
      << krymsk_definition("m8_staffing.toml").string() << "\"\ndeadline_day = 25\nresults_day = 26\n\n"
      << "[[monitoring]]\nid = \"m1\"\nname = \"профессиональные дефициты\"\ndefinition = \""
      << krymsk_definition("m1_deficits.toml").string() << "\"\n" << m1_lines << "\n"
      << "[forms]\npassword = \"krymsk\"\n\n[inbox]\nsettle_seconds = 0\n\n" << mail;
  return dir / "krymsk.toml";
}

}  // namespace test
