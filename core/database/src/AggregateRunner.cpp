#include "causeway/database/AggregateRunner.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <array>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <stop_token>

#include "ColumnBuilder.hpp"
#include "QueryErrors.hpp"
#include "SqliteHandle.hpp"
#include "causeway/database/PostgresConnection.hpp"

namespace causeway::database {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

class PostgresRunner final : public AggregateRunner {
 public:
  PostgresRunner(PostgresConnection connection, Progress progress)
      : AggregateRunner(SourceKind::Postgres, connection.where()), connection_(std::move(connection)),
        progress_(std::move(progress)) {}

  Result<std::vector<std::vector<double>>> numbers(const std::string& sql) override {
    auto result = run(sql);
    if (!result) return result.error();
    std::vector<std::vector<double>> rows(static_cast<std::size_t>(PQntuples(result->get())));
    for (int i = 0; i < PQntuples(result->get()); ++i)
      for (int j = 0; j < PQnfields(result->get()); ++j) {
        if (PQgetisnull(result->get(), i, j)) {
          rows[static_cast<std::size_t>(i)].push_back(kNaN);
          continue;
        }
        const std::string_view text = PQgetvalue(result->get(), i, j);
        const auto value = text == "t" ? std::optional<double>(1.0) : text == "f" ? std::optional<double>(0.0) : detail::parseNumber(text);
        rows[static_cast<std::size_t>(i)].push_back(value ? *value : kNaN);
      }
    return rows;
  }

  Result<std::vector<std::string>> texts(const std::string& sql) override {
    auto result = run(sql);
    if (!result) return result.error();
    std::vector<std::string> out;
    for (int i = 0; i < PQntuples(result->get()); ++i)
      if (!PQgetisnull(result->get(), i, 0)) out.emplace_back(PQgetvalue(result->get(), i, 0));
    return out;
  }

  Result<std::vector<bool>> textColumns(const std::string& sql, const std::vector<std::string>& columns) override {
    std::string probe = "SELECT ";
    for (std::size_t j = 0; j < columns.size(); ++j) probe += (j ? ", " : "") + quoteIdentifier(columns[j]);
    auto result = run(probe + " FROM (" + sql + ") AS src LIMIT 0");
    if (!result) return result.error();
    std::vector<bool> out;
    for (int j = 0; j < PQnfields(result->get()); ++j) {
      switch (PQftype(result->get(), j)) {
        case 16: case 20: case 21: case 23: case 700: case 701: case 1700: out.push_back(false); break;
        default: out.push_back(true);
      }
    }
    return out;
  }

 private:
  struct Clear {
    void operator()(PGresult* r) const { PQclear(r); }
  };
  using ResultPtr = std::unique_ptr<PGresult, Clear>;

  Result<ResultPtr> run(const std::string& sql) {
    queries_.push_back(sql);
    std::unique_ptr<PGcancel, decltype(&PQfreeCancel)> cancel(PQgetCancel(connection_.get()), &PQfreeCancel);
    std::stop_callback onStop(progress_.stopToken(), [&cancel] {
      std::array<char, 256> buffer{};
      if (cancel) PQcancel(cancel.get(), buffer.data(), static_cast<int>(buffer.size()));
    });
    ResultPtr result(PQexec(connection_.get(), sql.c_str()));
    const auto status = PQresultStatus(result.get());
    if (status == PGRES_TUPLES_OK) return result;
    if (progress_.cancelled()) return makeError(ErrorCode::Cancelled, "The query on " + where() + " was cancelled", {where(), 0, 0, {}});
    const char* message = PQresultErrorField(result.get(), PG_DIAG_MESSAGE_PRIMARY);
    const char* position = PQresultErrorField(result.get(), PG_DIAG_STATEMENT_POSITION);
    return detail::queryError(ErrorCode::SyntaxError, where(),
                              std::string("SQL error: ") + (message ? message : PQerrorMessage(connection_.get())), sql,
                              position ? static_cast<std::size_t>(std::atol(position)) : 0);
  }

  PostgresConnection connection_;
  Progress progress_;
};

class SqliteRunner final : public AggregateRunner {
 public:
  SqliteRunner(sqlite3* db, std::string where, Progress progress)
      : AggregateRunner(SourceKind::Sqlite, std::move(where)), db_(db), progress_(std::move(progress)) {}
  ~SqliteRunner() override { sqlite3_close_v2(db_); }
  SqliteRunner(const SqliteRunner&) = delete;
  SqliteRunner& operator=(const SqliteRunner&) = delete;

  Result<std::vector<std::vector<double>>> numbers(const std::string& sql) override {
    std::vector<std::vector<double>> rows;
    auto ok = run(sql, [&](sqlite3_stmt* stmt) {
      std::vector<double> row;
      for (int j = 0; j < sqlite3_column_count(stmt); ++j)
        row.push_back(sqlite3_column_type(stmt, j) == SQLITE_NULL ? kNaN : sqlite3_column_double(stmt, j));
      rows.push_back(std::move(row));
    });
    if (!ok) return ok.error();
    return rows;
  }

  Result<std::vector<std::string>> texts(const std::string& sql) override {
    std::vector<std::string> out;
    auto ok = run(sql, [&](sqlite3_stmt* stmt) {
      if (sqlite3_column_type(stmt, 0) != SQLITE_NULL)
        out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)),
                         static_cast<std::size_t>(sqlite3_column_bytes(stmt, 0)));
    });
    if (!ok) return ok.error();
    return out;
  }

  // SQLite stores values, not types: a column is text when any of its values is.
  Result<std::vector<bool>> textColumns(const std::string& sql, const std::vector<std::string>& columns) override {
    std::string probe = "SELECT ";
    for (std::size_t j = 0; j < columns.size(); ++j)
      probe += (j ? ", " : "") + std::string("max(typeof(") + quoteIdentifier(columns[j]) + ") = 'text')";
    auto rows = numbers(probe + " FROM (" + sql + ") AS src");
    if (!rows) return rows.error();
    std::vector<bool> out;
    for (double v : rows->at(0)) out.push_back(v == 1.0);
    return out;
  }

 private:
  template <typename OnRow>
  Result<void> run(const std::string& sql, OnRow onRow) {
    queries_.push_back(sql);
    std::stop_callback onStop(progress_.stopToken(), [this] { sqlite3_interrupt(db_); });
    auto stmt = detail::prepareSqlite(db_, sql, where(), sql, true);
    if (!stmt) return stmt.error();
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(stmt->get())) == SQLITE_ROW) onRow(stmt->get());
    stmt->reset();
    if (rc == SQLITE_INTERRUPT || progress_.cancelled())
      return makeError(ErrorCode::Cancelled, "The query on " + where() + " was cancelled", {where(), 0, 0, {}});
    if (rc != SQLITE_DONE)
      return makeError(ErrorCode::IoError, "Query on " + where() + " failed: " + sqlite3_errmsg(db_), {where(), 0, 0, {}});
    return Ok{};
  }

  sqlite3* db_;
  Progress progress_;
};

// exp and ln for SQLite builds without its optional math functions (same meaning as PostgreSQL's).
void mathFunction(sqlite3_context* context, int, sqlite3_value** args, double (*f)(double)) {
  if (sqlite3_value_type(args[0]) == SQLITE_NULL) return sqlite3_result_null(context);
  sqlite3_result_double(context, f(sqlite3_value_double(args[0])));
}
void sqliteExp(sqlite3_context* c, int n, sqlite3_value** a) { mathFunction(c, n, a, [](double x) { return std::exp(x); }); }
void sqliteLn(sqlite3_context* c, int n, sqlite3_value** a) { mathFunction(c, n, a, [](double x) { return std::log(x); }); }

}  // namespace

Result<std::unique_ptr<AggregateRunner>> AggregateRunner::open(const SourceSpec& spec, Progress progress) {
  if (spec.kind == SourceKind::Postgres) {
    auto connection = PostgresConnection::open(spec);
    if (!connection) return connection.error();
    return std::unique_ptr<AggregateRunner>(new PostgresRunner(std::move(connection).value(), std::move(progress)));
  }
  const std::string where = "SQLite file " + spec.location;
  auto opened = detail::openSqliteReadOnly(spec);
  if (!opened) return opened.error();
  sqlite3* db = opened->release();
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
  sqlite3_create_function(db, "exp", 1, flags, nullptr, sqliteExp, nullptr, nullptr);
  sqlite3_create_function(db, "ln", 1, flags, nullptr, sqliteLn, nullptr, nullptr);
  return std::unique_ptr<AggregateRunner>(new SqliteRunner(db, where, std::move(progress)));
}

}  // namespace causeway::database
