#include "util/sha256.h"

#include <gtest/gtest.h>

#include <string>

#include "support/temp_dir.h"

// NIST FIPS 180-4 example vectors.
TEST(Sha256Test, MatchesNistVectors) {
  EXPECT_EQ(util::sha256_hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(util::sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(util::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(util::sha256_hex(std::string(1'000'000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256Test, IncrementalEqualsOneShotAtEveryBlockBoundary) {
  const std::string data(200, 'x');
  for (std::size_t split = 0; split <= data.size(); ++split) {
    util::Sha256 h;
    h.update(std::string_view(data).substr(0, split));
    h.update(std::string_view(data).substr(split));
    EXPECT_EQ(util::to_hex(h.finish()), util::sha256_hex(data)) << split;
  }
}

TEST(Sha256Test, HashesFiles) {
  test::TempDir dir;
  const auto p = dir.write("a.bin", "abc");
  EXPECT_EQ(util::sha256_file(p), util::sha256_hex("abc"));
  EXPECT_FALSE(util::sha256_file(dir / "missing.bin"));
}
