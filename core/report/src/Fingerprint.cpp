#include "causeway/report/Fingerprint.hpp"

#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>

#include <openssl/evp.h>

namespace causeway::report {

namespace {

using DigestContext = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

std::string toHex(const unsigned char* digest, unsigned int length) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4U];
    out += kHex[digest[i] & 0xFU];
  }
  return out;
}

}  // namespace

std::string sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  return toHex(digest, length);
}

Result<DataFingerprint> fingerprintFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return makeError(ErrorCode::IoError, "cannot open data file '" + path + "'", {path, 0, 0, {}});
  DigestContext context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr);
  std::vector<char> buffer(1 << 20);
  DataFingerprint out;
  out.fileName = std::filesystem::path(path).filename().string();
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto got = in.gcount();
    if (got > 0) {
      EVP_DigestUpdate(context.get(), buffer.data(), static_cast<std::size_t>(got));
      out.bytes += static_cast<std::uintmax_t>(got);
    }
  }
  if (in.bad()) return makeError(ErrorCode::IoError, "error while reading '" + path + "'", {path, 0, 0, {}});
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(context.get(), digest, &length);
  out.sha256 = toHex(digest, length);
  return out;
}

}  // namespace causeway::report
