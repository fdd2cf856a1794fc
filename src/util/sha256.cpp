#include "util/sha256.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>

#include <cerrno>
#include <stdexcept>
#include <vector>

namespace util {

namespace {

// Fetched once per process (a fetch per hash costs as much as hashing a
// small form); EVP_MD objects are safe to share between threads.
const EVP_MD* sha256_md() {
  static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return md;
}

[[noreturn]] void fail(const char* what) {
  // Only when libcrypto cannot allocate or has no SHA-256 at all.
  throw std::runtime_error(std::string("SHA-256 (OpenSSL): ") + what);
}

}  // namespace

struct Sha256::Context {
  struct Free {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
  };
  std::unique_ptr<EVP_MD_CTX, Free> ctx;
};

Sha256::Sha256() : m_context(std::make_unique<Context>()) {
  m_context->ctx.reset(EVP_MD_CTX_new());
  if (!m_context->ctx || sha256_md() == nullptr ||
      EVP_DigestInit_ex(m_context->ctx.get(), sha256_md(), nullptr) != 1) {
    fail("init");
  }
}

Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::update(std::span<const std::uint8_t> bytes) {
  if (bytes.empty()) return;
  if (EVP_DigestUpdate(m_context->ctx.get(), bytes.data(), bytes.size()) != 1) fail("update");
}

void Sha256::update(std::string_view bytes) {
  update(std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
}

std::array<std::uint8_t, 32> Sha256::finish() {
  std::array<std::uint8_t, 32> out{};
  unsigned int size = 0;
  if (EVP_DigestFinal_ex(m_context->ctx.get(), out.data(), &size) != 1 || size != out.size()) fail("final");
  return out;
}

std::string to_hex(std::span<const std::uint8_t> bytes) {
  static constexpr char k_digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const auto b : bytes) {
    out.push_back(k_digits[b >> 4]);
    out.push_back(k_digits[b & 0xf]);
  }
  return out;
}

std::string sha256_hex(std::string_view bytes) {
  Sha256 h;
  h.update(bytes);
  return to_hex(h.finish());
}

std::optional<std::string> sha256_file(const std::filesystem::path& path) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is then refused
  // with everything else that is not a regular file (/dev/zero never ends).
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st{};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  Sha256 h;
  std::vector<char> buf(1 << 16);
  bool ok = true;
  for (;;) {
    const auto got = ::read(fd, buf.data(), buf.size());
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      ok = false;
      break;
    }
    h.update(std::string_view(buf.data(), static_cast<std::size_t>(got)));
  }
  ::close(fd);
  if (!ok) return std::nullopt;
  return to_hex(h.finish());
}

}  // namespace util
