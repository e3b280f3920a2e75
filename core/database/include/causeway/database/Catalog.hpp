#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/data/Dataset.hpp"
#include "causeway/database/DataSource.hpp"

// What a database holds, for browsing before reading: tables with their columns, a preview of
// a few rows, and a row count on demand. Each call opens its own connection (read-only for
// SQLite), so calls can run on any thread; the progress' stop token cancels a running query
// (PQcancel / sqlite3_interrupt) and the call returns Cancelled. Errors are those of
// readDatabase (DatabaseReader.hpp): they name the server or file, and bad SQL gets its line and
// column within the user's own query.
namespace causeway::database {

struct ColumnInfo {
  std::string name;
  // The declared type as the database names it ("integer", "double precision", "REAL"); SQLite
  // allows none, then it is empty.
  std::string type;
};

struct TableInfo {
  // PostgreSQL: "schema.table" (every non-system schema); SQLite: the table or view name.
  std::string name;
  std::vector<ColumnInfo> columns;  // in declaration order
};

// Tables and views (system ones left out), sorted by name. `source.table` and `.query` are ignored.
[[nodiscard]] Result<std::vector<TableInfo>> listTables(const SourceSpec& source, const Progress& progress = {});

// The first `rows` rows of the source's table or query, read by readDatabase (so types map
// exactly as a full read would) through SELECT * FROM (query) LIMIT rows. A trailing ';' of the
// query is ignored.
[[nodiscard]] Result<data::Dataset> previewRows(const SourceSpec& source, std::size_t rows,
                                                const Progress& progress = {});

// SELECT COUNT(*) over the source's table or query, counted in the database.
[[nodiscard]] Result<std::uint64_t> countRows(const SourceSpec& source, const Progress& progress = {});

// A short name for the source, safe to show and free of '/': "runs in telemetry.db",
// "query in ops on db.example:5432" (a socket directory shows as "local socket"). No password.
[[nodiscard]] std::string sourceLabel(const SourceSpec& source);

}  // namespace causeway::database
