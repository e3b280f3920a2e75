#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "causeway/common/Result.hpp"
#include "causeway/database/DataSource.hpp"

namespace causeway::database::detail {

struct CloseSqlite {
  void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
struct FinalizeSqlite {
  void operator()(sqlite3_stmt* statement) const noexcept { sqlite3_finalize(statement); }
};
using SqliteDb = std::unique_ptr<sqlite3, CloseSqlite>;
using SqliteStatement = std::unique_ptr<sqlite3_stmt, FinalizeSqlite>;

// Opens spec.location read-only as every SQLite path of Causeway does (reader, catalog,
// in-database aggregates, checksum): the spec's busy timeout, and a double-quoted name is always
// an identifier, so an unknown column is an error rather than a string. IoError naming the file.
[[nodiscard]] Result<SqliteDb> openSqliteReadOnly(const SourceSpec& spec);

// Prepares `sql` on `db`. SQLite's error becomes a SyntaxError on `where` that shows `shown` (the
// user's query) with the line and column of the error when `sql` is that query itself; a
// statement of ours wrapped around it has no position the user could find.
[[nodiscard]] Result<SqliteStatement> prepareSqlite(sqlite3* db, const std::string& sql, const std::string& where,
                                                    std::string_view shown, bool positioned);

}  // namespace causeway::database::detail
