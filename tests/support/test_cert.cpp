#include "support/test_cert.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

namespace test {

namespace fs = std::filesystem;

TestCert make_test_cert(const fs::path& dir, std::string_view name, std::string_view subject_alt_name) {
  fs::create_directories(dir);
  const auto base = std::string(name);
  TestCert out{dir / (base + ".cert.pem"), dir / (base + ".key.pem")};
  const auto log = dir / (base + ".openssl.log");
  const auto quote = [](const std::string& s) { return "'" + s + "'"; };
  const std::string cmd = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 "
                          "-subj /CN=localhost -addext " +
                          quote("subjectAltName=" + std::string(subject_alt_name)) + " -keyout " +
                          quote(out.key.string()) + " -out " + quote(out.cert.string()) + " >" +
                          quote(log.string()) + " 2>&1";
  if (std::system(cmd.c_str()) != 0 || !fs::exists(out.cert) || !fs::exists(out.key)) {
    ADD_FAILURE() << "openssl could not make a test certificate; see " << log;
    return {};
  }
  return out;
}

}  // namespace test
