#include "CatalogConnection.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <poll.h>

#include <array>
#include <cerrno>
#include <cstdlib>

#include "QueryErrors.hpp"
#include "SqliteHandle.hpp"
#include "causeway/database/PostgresConnection.hpp"

namespace causeway::database::detail {
namespace {

Error cancelled(const std::string& where) {
  return makeError(ErrorCode::Cancelled, "The query on " + where + " was cancelled", {where, 0, 0, {}});
}

class PostgresCatalog final : public CatalogConnection {
 public:
  PostgresCatalog(PostgresConnection connection, Progress progress)
      : connection_(std::move(connection)), progress_(std::move(progress)) {}

  Result<Rows> rows(const std::string& sql, const std::vector<std::string>& parameters) override {
    std::vector<const char*> values;
    for (const auto& p : parameters) values.push_back(p.c_str());
    auto result = run(sql, [&](PGconn* conn) {
      return PQsendQueryParams(conn, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0);
    });
    if (!result) return result.error();
    Rows out(static_cast<std::size_t>(PQntuples(result->get())));
    for (int i = 0; i < PQntuples(result->get()); ++i)
      for (int j = 0; j < PQnfields(result->get()); ++j) out[static_cast<std::size_t>(i)].emplace_back(PQgetvalue(result->get(), i, j));
    return out;
  }

  Result<void> check(const std::string& sql) override {
    auto result = run(sql, [&](PGconn* conn) { return PQsendPrepare(conn, "", sql.c_str(), 0, nullptr); });
    if (!result) return result.error();
    return Ok{};
  }

 private:
  struct Clear {
    void operator()(PGresult* r) const { PQclear(r); }
  };
  using ResultPtr = std::unique_ptr<PGresult, Clear>;

  // Sends, then waits for the reply in 50 ms slices, polling the stop token: a stop that comes
  // at any moment (even before the query reaches the server) cancels it.
  template <typename Send>
  Result<ResultPtr> run(const std::string& sql, Send send) {
    PGconn* conn = connection_.get();
    const std::string& where = connection_.where();
    if (progress_.cancelled()) return cancelled(where);
    if (send(conn) != 1)
      return makeError(ErrorCode::IoError, "Cannot send the query to " + where + ": " + PQerrorMessage(conn), {where, 0, 0, {}});
    std::unique_ptr<PGcancel, decltype(&PQfreeCancel)> cancel(PQgetCancel(conn), &PQfreeCancel);
    bool cancelSent = false;
    while (PQisBusy(conn) == 1) {
      if (progress_.cancelled() && !cancelSent && cancel) {
        std::array<char, 256> buffer{};
        PQcancel(cancel.get(), buffer.data(), static_cast<int>(buffer.size()));
        cancelSent = true;
      }
      pollfd socket{PQsocket(conn), POLLIN, 0};
      if (::poll(&socket, 1, 50) < 0 && errno != EINTR) break;
      if (PQconsumeInput(conn) != 1) break;
    }
    ResultPtr result(PQgetResult(conn));
    while (ResultPtr rest{PQgetResult(conn)}) {}  // drain, so the connection can take the next query
    const auto status = PQresultStatus(result.get());
    if (progress_.cancelled()) return cancelled(where);
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) return result;
    const char* message = PQresultErrorField(result.get(), PG_DIAG_MESSAGE_PRIMARY);
    const char* position = PQresultErrorField(result.get(), PG_DIAG_STATEMENT_POSITION);
    return queryError(ErrorCode::SyntaxError, where,
                      std::string("SQL error: ") + (message ? message : PQerrorMessage(conn)), sql,
                      position ? static_cast<std::size_t>(std::atol(position)) : 0);
  }

  PostgresConnection connection_;
  Progress progress_;
};

class SqliteCatalog final : public CatalogConnection {
 public:
  SqliteCatalog(sqlite3* db, std::string file, Progress progress)
      : db_(db), file_(std::move(file)), where_("SQLite file " + file_), progress_(std::move(progress)) {}
  ~SqliteCatalog() override { sqlite3_close_v2(db_); }
  SqliteCatalog(const SqliteCatalog&) = delete;
  SqliteCatalog& operator=(const SqliteCatalog&) = delete;

  Result<Rows> rows(const std::string& sql, const std::vector<std::string>& parameters) override {
    if (progress_.cancelled()) return cancelled(where_);
    // Polled every 1000 virtual-machine steps: unlike sqlite3_interrupt, a stop that comes
    // before the statement starts is not lost.
    sqlite3_progress_handler(db_, 1000, &SqliteCatalog::stopRequested, &progress_);
    auto prepared = prepare(sql);
    if (!prepared) return prepared.error();
    sqlite3_stmt* stmt = prepared->get();
    for (std::size_t i = 0; i < parameters.size(); ++i)
      sqlite3_bind_text(stmt, static_cast<int>(i) + 1, parameters[i].c_str(), -1, SQLITE_TRANSIENT);
    Rows out;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int j = 0; j < sqlite3_column_count(stmt); ++j) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, j));
        row.emplace_back(text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, j))) : std::string());
      }
      out.push_back(std::move(row));
    }
    if (rc == SQLITE_INTERRUPT || progress_.cancelled()) return cancelled(where_);
    if (rc != SQLITE_DONE)
      return makeError(ErrorCode::IoError, "Query on " + where_ + " failed: " + sqlite3_errmsg(db_), {file_, 0, 0, {}});
    return out;
  }

  Result<void> check(const std::string& sql) override {
    auto prepared = prepare(sql);
    if (!prepared) return prepared.error();
    return Ok{};
  }

 private:
  using Statement = SqliteStatement;

  Result<Statement> prepare(const std::string& sql) {
    auto statement = prepareSqlite(db_, sql, where_, sql, true);
    if (statement && *statement == nullptr)
      return makeError(ErrorCode::SyntaxError, "The query is empty (in " + where_ + ")", {file_, 0, 0, {}});
    return statement;
  }

  static int stopRequested(void* progress) { return static_cast<const Progress*>(progress)->cancelled() ? 1 : 0; }

  sqlite3* db_;
  std::string file_;
  std::string where_;
  Progress progress_;
};

}  // namespace

Result<std::unique_ptr<CatalogConnection>> CatalogConnection::open(const SourceSpec& spec, Progress progress) {
  if (spec.kind == SourceKind::Postgres) {
    auto connection = PostgresConnection::open(spec);
    if (!connection) return connection.error();
    return std::unique_ptr<CatalogConnection>(new PostgresCatalog(std::move(connection).value(), std::move(progress)));
  }
  auto opened = openSqliteReadOnly(spec);
  if (!opened) return opened.error();
  return std::unique_ptr<CatalogConnection>(new SqliteCatalog(opened->release(), spec.location, std::move(progress)));
}

}  // namespace causeway::database::detail
