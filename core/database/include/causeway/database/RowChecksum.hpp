#pragma once

#include <cstdint>
#include <string>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/database/DataSource.hpp"

namespace causeway::database {

// A checksum of the rows of a table or query, computed by the database itself in one pass, the
// same whatever order the rows come in:
//   checksum = (sum over rows of H(row text)) mod 2^64, as 16 lowercase hex digits,
//   H(s) = the first 8 bytes of SHA-256(s) read as a big-endian number;
//   row text: PostgreSQL `src::text` (the record's text, e.g. (1,2.5,"a b")) in a session with
//   extra_float_digits = 1, DateStyle ISO and TimeZone UTC; SQLite quote(c1) || ',' || ... ||
//   quote(cn) (exact for REAL values), hashed and summed by an application aggregate.
// docs/databases.md gives a psql query and a Python snippet that recompute it.
struct RowChecksum {
  std::uint64_t rows = 0;
  std::string checksum;  // 16 hex digits
};

// Errors as readDatabase: IoError (cannot open / connect), SyntaxError with the position in the
// query as written, Cancelled.
[[nodiscard]] Result<RowChecksum> computeRowChecksum(const SourceSpec& spec, const Progress& progress = {});

// H(s) as above: the per-row term, for tests and the SQLite aggregate.
[[nodiscard]] std::uint64_t rowHash(std::string_view rowText);

}  // namespace causeway::database
