#include "SqliteReader.hpp"

#include <sqlite3.h>

#include <cmath>
#include <memory>
#include <optional>
#include <stop_token>
#include <vector>

#include "ColumnBuilder.hpp"
#include "QueryErrors.hpp"
#include "SqliteHandle.hpp"

namespace causeway::database::detail {
namespace {

using Finalize = FinalizeSqlite;

enum class Declared { Other, Date, Timestamp, Boolean };

// SQLite keeps dates as text; the declared type says when to read them as dates.
Declared declaredType(const char* decl) {
  if (decl == nullptr) return Declared::Other;
  std::string upper(decl);
  for (auto& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  if (upper.find("TIMESTAMP") != std::string::npos || upper.find("DATETIME") != std::string::npos)
    return Declared::Timestamp;
  if (upper == "DATE") return Declared::Date;
  if (upper == "BOOLEAN" || upper == "BOOL") return Declared::Boolean;
  return Declared::Other;
}

void addText(ColumnBuilder& column, Declared declared, std::string_view text) {
  std::optional<double> asNumber;
  if (declared == Declared::Date) asNumber = parseDate(text);
  else if (declared == Declared::Timestamp) asNumber = text.size() == 10 ? parseDate(text) : parseTimestamp(text);
  else if (declared == Declared::Boolean && (text == "true" || text == "false")) asNumber = text == "true" ? 1.0 : 0.0;
  if (asNumber && declared == Declared::Timestamp && text.size() == 10) *asNumber *= 86400.0;
  if (asNumber) column.addNumber(*asNumber);
  else column.addText(text);
}

}  // namespace

Result<data::Dataset> readSqlite(const SourceSpec& spec, const Progress& progress) {
  const std::string where = "SQLite file " + spec.location;
  auto opened = openSqliteReadOnly(spec);
  if (!opened) return opened.error();
  SqliteDb db = std::move(opened).value();
  // A stop request interrupts whatever statement runs, even one stuck inside sqlite3_step.
  std::stop_callback interrupt(progress.stopToken(), [&db] { sqlite3_interrupt(db.get()); });

  const std::string sql = effectiveQuery(spec);
  sqlite3_stmt* rawStmt = nullptr;
  if (sqlite3_prepare_v2(db.get(), sql.c_str(), static_cast<int>(sql.size()), &rawStmt, nullptr) != SQLITE_OK) {
    const int offset = sqlite3_error_offset(db.get());
    return queryError(ErrorCode::SyntaxError, where, std::string("SQL error: ") + sqlite3_errmsg(db.get()), sql,
                      offset < 0 ? 0 : static_cast<std::size_t>(offset) + 1);
  }
  std::unique_ptr<sqlite3_stmt, Finalize> stmt(rawStmt);
  if (stmt == nullptr) return makeError(ErrorCode::SyntaxError, "The query is empty (in " + where + ")", {spec.location, 0, 0, {}});

  const int columnCount = sqlite3_column_count(stmt.get());
  std::vector<ColumnBuilder> columns;
  std::vector<Declared> declared;
  for (int j = 0; j < columnCount; ++j) {
    columns.emplace_back(sqlite3_column_name(stmt.get(), j));
    declared.push_back(declaredType(sqlite3_column_decltype(stmt.get(), j)));
  }
  // SQLite cannot say how many rows a query yields; progress counts toward a whole table's size.
  double expected = 0.0;
  if (!spec.table.empty()) {
    sqlite3_stmt* count = nullptr;
    const std::string countSql = "SELECT count(*) FROM " + quoteQualifiedName(spec.table);
    if (sqlite3_prepare_v2(db.get(), countSql.c_str(), -1, &count, nullptr) == SQLITE_OK && sqlite3_step(count) == SQLITE_ROW)
      expected = sqlite3_column_double(count, 0);
    sqlite3_finalize(count);
  }

  std::size_t rows = 0;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    for (int j = 0; j < columnCount; ++j) {
      auto& column = columns[static_cast<std::size_t>(j)];
      switch (sqlite3_column_type(stmt.get(), j)) {
        case SQLITE_NULL: column.addNull(); break;
        case SQLITE_INTEGER: column.addNumber(static_cast<double>(sqlite3_column_int64(stmt.get(), j))); break;
        case SQLITE_FLOAT: {
          const double v = sqlite3_column_double(stmt.get(), j);
          if (std::isinf(v))
            return makeError(ErrorCode::MalformedData,
                             "Column '" + column.name() + "' row " + std::to_string(rows + 1) + " is infinite (in " + where + ")",
                             {spec.location, rows + 1, static_cast<std::size_t>(j) + 1, column.name()});
          column.addNumber(v);  // SQLite has no NaN: it stores NULL
          break;
        }
        default: {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), j));
          addText(column, declared[static_cast<std::size_t>(j)],
                  std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt.get(), j))));
        }
      }
    }
    if (++rows % 65536 == 0 && expected > 0) progress.report(std::min(1.0, static_cast<double>(rows) / expected));
  }
  if (rc == SQLITE_INTERRUPT || progress.cancelled())
    return makeError(ErrorCode::Cancelled, "Reading from " + where + " was cancelled", {spec.location, 0, 0, {}});
  if (rc != SQLITE_DONE)
    return makeError(ErrorCode::IoError, "Reading from " + where + " failed: " + sqlite3_errmsg(db.get()),
                     {spec.location, 0, 0, {}});
  std::vector<data::Column> built;
  built.reserve(columns.size());
  for (auto& c : columns) built.push_back(c.finish());
  progress.report(1.0);
  try {
    return data::Dataset(std::move(built), spec.location);
  } catch (const std::invalid_argument& e) {
    return makeError(ErrorCode::MalformedData, std::string(e.what()) + " (in " + where + ")", {spec.location, 0, 0, {}});
  }
}

}  // namespace causeway::database::detail
