#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "causeway/report/Fingerprint.hpp"

using namespace causeway;
using namespace causeway::report;

TEST(Fingerprint, Sha256OfKnownVectors) {
  // FIPS 180-2 test vectors.
  EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Fingerprint, Sha256OfMultiBlockVectors) {
  // FIPS 180-2 / NIST CAVS: 448 bits (padding spills into a second block), 896 bits, a million 'a'.
  EXPECT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256Hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrst"
                      "nopqrstu"),
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  EXPECT_EQ(sha256Hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Fingerprint, FileDigestOverSeveralReadBlocksMatchesAKnownDigest) {
  // Three million 'a' (three 1 MiB reads); the digest is from coreutils' sha256sum.
  const auto path = std::filesystem::temp_directory_path() / "causeway-fingerprint-3m.txt";
  std::ofstream(path, std::ios::binary) << std::string(3000000, 'a');
  auto fp = fingerprintFile(path.string());
  std::filesystem::remove(path);
  ASSERT_TRUE(fp.ok());
  EXPECT_EQ(fp->bytes, 3000000U);
  EXPECT_EQ(fp->sha256, "2a152c894398719c0570f83fac34ac03a0f6e8e474b995c2403aa5434f7b9dd4");
}

TEST(Fingerprint, FileDigestMatchesInMemoryDigest) {
  const auto path = std::filesystem::temp_directory_path() / "causeway-fingerprint-test.csv";
  std::string content;
  for (int i = 0; i < 300000; ++i) content += std::to_string(i) + ",x\n";  // spans several read blocks
  std::ofstream(path, std::ios::binary) << content;
  auto fp = fingerprintFile(path.string());
  ASSERT_TRUE(fp.ok());
  EXPECT_EQ(fp->fileName, "causeway-fingerprint-test.csv");
  EXPECT_EQ(fp->bytes, content.size());
  EXPECT_EQ(fp->sha256, sha256Hex(content));
  std::filesystem::remove(path);
}

TEST(Fingerprint, MissingFileIsAnError) {
  auto fp = fingerprintFile("/nonexistent/data.csv");
  ASSERT_FALSE(fp.ok());
  EXPECT_EQ(fp.error().code, ErrorCode::IoError);
}
