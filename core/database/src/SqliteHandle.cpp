#include "SqliteHandle.hpp"

#include <string>

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

}  // namespace causeway::database::detail
