#include "causeway/database/RowChecksum.hpp"

#include <libpq-fe.h>
#include <openssl/evp.h>
#include <sqlite3.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stop_token>

#include "QueryErrors.hpp"
#include "SqliteHandle.hpp"
#include "causeway/database/PostgresConnection.hpp"

namespace causeway::database {
namespace {

std::string hex16(std::uint64_t value) {
  std::array<char, 17> text{};
  std::snprintf(text.data(), text.size(), "%016llx", static_cast<unsigned long long>(value));
  return text.data();
}

// The hash of each row, summed as numeric (exact), then taken mod 2^64 into [0, 2^64).
constexpr const char* kPostgresPrefix =
    "SELECT count(*)::text, mod(mod(COALESCE(sum(h), 0), 18446744073709551616) + 18446744073709551616, "
    "18446744073709551616)::text FROM (SELECT ('x' || encode(substr(sha256(convert_to(src::text, 'UTF8')), 1, 8), "
    "'hex'))::bit(64)::bigint::numeric AS h FROM (";

Result<RowChecksum> postgresChecksum(const SourceSpec& spec, const Progress& progress) {
  auto connection = PostgresConnection::open(spec);
  if (!connection) return connection.error();
  const std::string query = effectiveQuery(spec);
  const std::string prefix = kPostgresPrefix;
  const std::string sql = prefix + query + ") AS src) AS r";
  std::unique_ptr<PGcancel, decltype(&PQfreeCancel)> cancel(PQgetCancel(connection->get()), &PQfreeCancel);
  std::stop_callback onStop(progress.stopToken(), [&cancel] {
    std::array<char, 256> buffer{};
    if (cancel) PQcancel(cancel.get(), buffer.data(), static_cast<int>(buffer.size()));
  });
  std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(connection->get(), sql.c_str()), &PQclear);
  const std::string& where = connection->where();
  if (PQresultStatus(result.get()) != PGRES_TUPLES_OK) {
    if (progress.cancelled()) return makeError(ErrorCode::Cancelled, "The checksum query on " + where + " was cancelled");
    const char* message = PQresultErrorField(result.get(), PG_DIAG_MESSAGE_PRIMARY);
    const char* position = PQresultErrorField(result.get(), PG_DIAG_STATEMENT_POSITION);
    // The server counts from the start of the wrapped statement; the user wrote only `query`.
    const long at = position ? std::atol(position) - static_cast<long>(prefix.size()) : 0;
    return detail::queryError(ErrorCode::SyntaxError, where,
                              std::string("SQL error: ") + (message ? message : PQerrorMessage(connection->get())), query,
                              at > 0 ? static_cast<std::size_t>(at) : 0);
  }
  RowChecksum out;
  out.rows = std::stoull(PQgetvalue(result.get(), 0, 0));
  out.checksum = hex16(std::stoull(PQgetvalue(result.get(), 0, 1)));
  progress.report(1.0);
  return out;
}

// causeway_checksum(text): the sum of rowHash over the rows, mod 2^64 (unsigned arithmetic wraps).
void checksumStep(sqlite3_context* context, int, sqlite3_value** args) {
  auto* sum = static_cast<std::uint64_t*>(sqlite3_aggregate_context(context, sizeof(std::uint64_t)));
  if (sum == nullptr) return sqlite3_result_error_nomem(context);
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(args[0]));
  if (text != nullptr) *sum += rowHash(std::string_view(text, static_cast<std::size_t>(sqlite3_value_bytes(args[0]))));
}
void checksumFinal(sqlite3_context* context) {
  auto* sum = static_cast<std::uint64_t*>(sqlite3_aggregate_context(context, 0));
  const std::string text = hex16(sum ? *sum : 0);
  sqlite3_result_text(context, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

Result<RowChecksum> sqliteChecksum(const SourceSpec& spec, const Progress& progress) {
  const std::string where = "SQLite file " + spec.location;
  auto opened = detail::openSqliteReadOnly(spec);
  if (!opened) return opened.error();
  detail::SqliteDb db = std::move(opened).value();
  sqlite3_create_function(db.get(), "causeway_checksum", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, nullptr,
                          checksumStep, checksumFinal);
  std::stop_callback onStop(progress.stopToken(), [&db] { sqlite3_interrupt(db.get()); });
  // The user's query alone first: its columns, and errors with positions as the user wrote it.
  const std::string query = effectiveQuery(spec);
  auto probe = detail::prepareSqlite(db.get(), query, where, query, true);
  if (!probe) return probe.error();
  std::string rowText;
  for (int j = 0; j < sqlite3_column_count(probe->get()); ++j)
    rowText += (j ? " || ',' || quote(src." : "quote(src.") + quoteIdentifier(sqlite3_column_name(probe->get(), j)) + ")";
  if (rowText.empty()) rowText = "''";
  probe->reset();
  auto stmt = detail::prepareSqlite(db.get(), "SELECT count(*), causeway_checksum(" + rowText + ") FROM (" + query + ") AS src",
                                    where, query, false);
  if (!stmt) return stmt.error();
  const int rc = sqlite3_step(stmt->get());
  if (rc == SQLITE_INTERRUPT || progress.cancelled())
    return makeError(ErrorCode::Cancelled, "The checksum query on " + where + " was cancelled", {spec.location, 0, 0, {}});
  if (rc != SQLITE_ROW)
    return makeError(ErrorCode::IoError, "Checksum query on " + where + " failed: " + sqlite3_errmsg(db.get()),
                     {spec.location, 0, 0, {}});
  RowChecksum out;
  out.rows = static_cast<std::uint64_t>(sqlite3_column_int64(stmt->get(), 0));
  out.checksum = reinterpret_cast<const char*>(sqlite3_column_text(stmt->get(), 1));
  progress.report(1.0);
  return out;
}

}  // namespace

std::uint64_t rowHash(std::string_view rowText) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(rowText.data(), rowText.size(), digest, &length, EVP_sha256(), nullptr);
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value = (value << 8U) | digest[i];
  return value;
}

Result<RowChecksum> computeRowChecksum(const SourceSpec& spec, const Progress& progress) {
  return spec.kind == SourceKind::Postgres ? postgresChecksum(spec, progress) : sqliteChecksum(spec, progress);
}

}  // namespace causeway::database
