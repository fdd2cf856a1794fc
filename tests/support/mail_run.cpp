#include "support/mail_run.h"

#include <fstream>

namespace test {

namespace fs = std::filesystem;

fs::path write_mail_run_config(const TempDir& dir, int port, const MailRunOptions& options) {
  DemoConfig c;
  c.inbox = options.inbox;
  c.schools = options.schools;
  c.extra = "[mail]\nenabled = true\nhost = \"127.0.0.1\"\nport = " + std::to_string(port) +
            "\nsecurity = \"none\"\nfrom = \"imc@ensk-edu.example\"\nfrom_name = \"МКУ ИМЦ Энского округа\"\n"
            "methodist = \"metodist@ensk-edu.example\"\nretries = " + std::to_string(options.retries) +
            "\nbackoff_ms = 10\nsend_errors_to_schools = " + (options.errors_to_schools ? "true" : "false") + "\n" +
            options.mail_lines;
  return write_demo_config(dir, c);
}

std::map<std::string, std::string> demo_school_by_email() {
  std::map<std::string, std::string> out;
  std::ifstream in(source_dir() / "templates/demo_schools.csv");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    const auto id = line.substr(0, line.find(';'));
    out[line.substr(line.rfind(';') + 1)] = id;
  }
  return out;
}

std::map<std::string, int> count_by_recipient(const std::vector<ReceivedMail>& mails) {
  std::map<std::string, int> out;
  for (const auto& m : mails) {
    for (const auto& r : m.rcpt_to) ++out[r];
  }
  return out;
}

int count_eml_files(const fs::path& period_dir) {
  int n = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(period_dir, ec)) n += e.path().extension() == ".eml";
  return n;
}

}  // namespace test
