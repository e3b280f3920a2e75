#include "SqliteHandle.hpp"

#include <string>

#include "QueryErrors.hpp"

namespace causeway::database::detail {

Result<SqliteDb> openSqliteReadOnly(const SourceSpec& spec) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(spec.location.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  SqliteDb db(raw);
  if (rc != SQLITE_OK)
    return makeError(ErrorCode::IoError,
                     "Cannot open SQLite file " + spec.location + ": " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)),
                     {spec.location, 0, 0, {}});
  sqlite3_busy_timeout(db.get(), spec.connectTimeoutSeconds * 1000);
  sqlite3_db_config(db.get(), SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
  sqlite3_db_config(db.get(), SQLITE_DBCONFIG_DQS_DDL, 0, nullptr);
  return db;
}

Result<SqliteStatement> prepareSqlite(sqlite3* db, const std::string& sql, const std::string& where,
                                      std::string_view shown, bool positioned) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK) {
    const int offset = sqlite3_error_offset(db);
    return queryError(ErrorCode::SyntaxError, where, std::string("SQL error: ") + sqlite3_errmsg(db), shown,
                      positioned && offset >= 0 ? static_cast<std::size_t>(offset) + 1 : 0);
  }
  return SqliteStatement(raw);
}

}  // namespace causeway::database::detail
