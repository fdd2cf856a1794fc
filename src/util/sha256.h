// SHA-256 (FIPS 180-4) of bytes and files, computed by OpenSSL's libcrypto
// (EVP, which uses the CPU's SHA extensions where there are any); tested
// against the NIST vectors.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace util {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::span<const std::uint8_t> bytes);
  void update(std::string_view bytes);
  // Finishes the hash; the object must not be updated afterwards.
  std::array<std::uint8_t, 32> finish();

 private:
  struct Context;
  std::unique_ptr<Context> m_context;
};

std::string to_hex(std::span<const std::uint8_t> bytes);
std::string sha256_hex(std::string_view bytes);
// Hash of a file's bytes, streamed; nullopt when it cannot be read.
std::optional<std::string> sha256_file(const std::filesystem::path& path);

}  // namespace util
