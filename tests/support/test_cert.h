// Throwaway self-signed TLS certificates for tests, made with the `openssl`
// command (Debian package openssl; scripts/setup.sh --test installs it).
//
//   test::TempDir dir;
//   const auto cert = test::make_test_cert(dir.path());
//   ASSERT_TRUE(cert.ok());
//   options.tls_mode = "starttls"; options.cert = cert.cert; options.key = cert.key;
//   config.ca_file = cert.cert;        // the client trusts exactly this certificate
//
// The certificate is its own issuer (CN=localhost, 2 days), so the same
// cert.pem serves the server and, as the trusted CA file, the client.
#pragma once

#include <filesystem>
#include <string_view>

namespace test {

struct TestCert {
  std::filesystem::path cert;  // PEM certificate, <dir>/<name>.cert.pem
  std::filesystem::path key;   // PEM private key without a passphrase, <dir>/<name>.key.pem
  bool ok() const { return !cert.empty(); }
};

// Makes a new key (EC P-256: quick to make, unlike RSA, which took up to a
// second on a busy machine) and a self-signed certificate in `dir` (created).
// `subject_alt_name` is openssl's syntax, e.g. "IP:127.0.0.1,DNS:localhost"
// (the default, which libcurl accepts for https://127.0.0.1 and localhost).
// Each call makes a different key. On failure: a gtest failure (openssl's
// output is in <dir>/<name>.openssl.log) and empty paths.
TestCert make_test_cert(const std::filesystem::path& dir, std::string_view name = "server",
                        std::string_view subject_alt_name = "IP:127.0.0.1,DNS:localhost");

}  // namespace test
