#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/database/DataSource.hpp"

namespace causeway::report {

// Identifies the exact data a report was computed from: a file (fileName, bytes, sha256) or a
// database source (sourceKind, server, query, rows, rowChecksum).
struct DataFingerprint {
  std::string fileName;    // without folders
  std::uintmax_t bytes = 0;
  std::string sha256;      // lowercase hex

  std::string sourceKind;   // "postgresql" or "sqlite"; empty for a file
  std::string server;       // database::displayLocation: the URI without password, or the SQLite file
  std::string query;        // the SQL whose rows were read (a table becomes SELECT * FROM it)
  std::uint64_t rows = 0;
  std::string rowChecksum;  // 16 hex digits, computed by the database: see database/RowChecksum.hpp

  [[nodiscard]] bool isDatabase() const noexcept { return !sourceKind.empty(); }
};

Result<DataFingerprint> fingerprintFile(const std::string& path);
// Runs one checksum query in the database (the rows are not fetched). Errors as
// database::computeRowChecksum: IoError, SyntaxError with the position, Cancelled.
Result<DataFingerprint> fingerprintDatabase(const database::SourceSpec& spec, const Progress& progress = {});
// The fingerprint in one sentence, for the report's data section.
std::string describeFingerprint(const DataFingerprint& fingerprint);
std::string sha256Hex(std::string_view bytes);

}  // namespace causeway::report
