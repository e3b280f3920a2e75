#include "causeway/report/Fingerprint.hpp"

#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>

#include <openssl/evp.h>

#include "causeway/database/RowChecksum.hpp"

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

Result<DataFingerprint> fingerprintDatabase(const database::SourceSpec& spec, const Progress& progress) {
  auto checksum = database::computeRowChecksum(spec, progress);
  if (!checksum) return checksum.error();
  DataFingerprint out;
  out.sourceKind = database::toString(spec.kind);
  out.server = database::displayLocation(spec);
  out.query = database::effectiveQuery(spec);
  out.rows = checksum->rows;
  out.rowChecksum = checksum->checksum;
  return out;
}

std::string describeFingerprint(const DataFingerprint& f) {
  if (!f.isDatabase())
    return "File " + f.fileName + " (" + std::to_string(f.bytes) + " bytes), SHA-256 " + f.sha256 + ".";
  return std::string(f.sourceKind == "sqlite" ? "SQLite file " : "PostgreSQL server ") + f.server + ", query \"" +
         f.query + "\": " + std::to_string(f.rows) + " rows, row checksum " + f.rowChecksum +
         " (computed in the database: the sum of the first 64 bits of each row's SHA-256, mod 2^64).";
}

}  // namespace causeway::report
