#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "causeway/report/Fingerprint.hpp"

using namespace causeway;
using namespace causeway::report;

TEST(Fingerprint, Sha256OfKnownVectors) {
  // FIPS 180-2 test vectors.
  EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
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
