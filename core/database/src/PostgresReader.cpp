#include "PostgresReader.hpp"

#include <libpq-fe.h>

#include <array>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <optional>
#include <stop_token>
#include <vector>

#include "ColumnBuilder.hpp"
#include "QueryErrors.hpp"
#include "causeway/database/PostgresConnection.hpp"

namespace causeway::database::detail {
namespace {

// Type OIDs from PostgreSQL's pg_type.dat (stable across versions).
enum class Kind { Text, Number, Boolean, Date, Timestamp };
Kind kindOf(Oid type) {
  switch (type) {
    case 20: case 21: case 23: case 26: case 700: case 701: case 1700: return Kind::Number;
    case 16: return Kind::Boolean;
    case 1082: return Kind::Date;
    case 1114: case 1184: return Kind::Timestamp;
    default: return Kind::Text;
  }
}

struct Clear {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, Clear>;
struct FreeCancel {
  void operator()(PGcancel* c) const { PQfreeCancel(c); }
};

// Adds one cell; an error message when the server's text does not fit the type.
std::optional<std::string> addCell(ColumnBuilder& column, Kind kind, std::string_view text) {
  switch (kind) {
    case Kind::Text: column.addText(text); return std::nullopt;
    case Kind::Boolean: column.addNumber(text == "t" ? 1.0 : 0.0); return std::nullopt;
    case Kind::Date:
      if (auto days = parseDate(text)) column.addNumber(*days);
      else return "a date outside YYYY-MM-DD ('" + std::string(text) + "')";
      return std::nullopt;
    case Kind::Timestamp:
      if (auto seconds = parseTimestamp(text)) column.addNumber(*seconds);
      else return "a timestamp Causeway cannot read ('" + std::string(text) + "')";
      return std::nullopt;
    case Kind::Number:
      if (auto v = parseNumber(text)) column.addNumber(*v);
      else if (text == "NaN") column.addNull();
      else return "a number that is not finite ('" + std::string(text) + "')";
      return std::nullopt;
  }
  return std::nullopt;
}

double estimatedRows(PGconn* conn, const SourceSpec& spec) {
  if (spec.table.empty()) return 0.0;
  const std::array<const char*, 1> params{spec.table.c_str()};
  ResultPtr r(PQexecParams(conn, "SELECT reltuples::float8 FROM pg_class WHERE oid = to_regclass($1)", 1, nullptr,
                           params.data(), nullptr, nullptr, 0));
  if (PQresultStatus(r.get()) != PGRES_TUPLES_OK || PQntuples(r.get()) != 1) return 0.0;
  return std::atof(PQgetvalue(r.get(), 0, 0));
}

}  // namespace

Result<data::Dataset> readPostgres(const SourceSpec& spec, const Progress& progress) {
  auto connection = PostgresConnection::open(spec);
  if (!connection) return connection.error();
  PGconn* conn = connection->get();
  const std::string& where = connection->where();
  const ErrorContext context{where, 0, 0, {}};
  const double expected = estimatedRows(conn, spec);

  const std::string sql = effectiveQuery(spec);
  if (PQsendQuery(conn, sql.c_str()) != 1 || PQsetSingleRowMode(conn) != 1)
    return makeError(ErrorCode::IoError, "Cannot send the query to " + where + ": " + PQerrorMessage(conn), context);
  // PQcancel is safe from any thread: a stop request ends even a query that sends no rows yet.
  std::unique_ptr<PGcancel, FreeCancel> cancel(PQgetCancel(conn));
  std::stop_callback onStop(progress.stopToken(), [&cancel] {
    std::array<char, 256> buffer{};
    if (cancel) PQcancel(cancel.get(), buffer.data(), static_cast<int>(buffer.size()));
  });

  std::vector<ColumnBuilder> columns;
  std::vector<Kind> kinds;
  std::optional<Error> failure;
  std::size_t rows = 0;
  while (ResultPtr result{PQgetResult(conn)}) {
    const auto status = PQresultStatus(result.get());
    if (status == PGRES_FATAL_ERROR) {
      const char* state = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
      const char* position = PQresultErrorField(result.get(), PG_DIAG_STATEMENT_POSITION);
      if (state != nullptr && std::string_view(state) == "57014" && progress.cancelled())
        failure = makeError(ErrorCode::Cancelled, "Reading from " + where + " was cancelled", context);
      else if (!failure)
        failure = queryError(ErrorCode::SyntaxError, where,
                             std::string("SQL error: ") + PQresultErrorField(result.get(), PG_DIAG_MESSAGE_PRIMARY), sql,
                             position ? static_cast<std::size_t>(std::atol(position)) : 0);
      continue;  // drain: libpq needs PQgetResult to return null before the connection is reused
    }
    if (status != PGRES_SINGLE_TUPLE && status != PGRES_TUPLES_OK) {
      if (!failure)
        failure = makeError(ErrorCode::IoError, "Unexpected reply from " + where + ": " + PQresStatus(status), context);
      continue;
    }
    if (columns.empty() && kinds.empty()) {
      for (int j = 0; j < PQnfields(result.get()); ++j) {
        columns.emplace_back(PQfname(result.get(), j));
        kinds.push_back(kindOf(PQftype(result.get(), j)));
      }
    }
    if (failure || status != PGRES_SINGLE_TUPLE) continue;
    for (int j = 0; j < static_cast<int>(columns.size()); ++j) {
      auto& column = columns[static_cast<std::size_t>(j)];
      if (PQgetisnull(result.get(), 0, j)) {
        column.addNull();
        continue;
      }
      const std::string_view text(PQgetvalue(result.get(), 0, j), static_cast<std::size_t>(PQgetlength(result.get(), 0, j)));
      if (auto problem = addCell(column, kinds[static_cast<std::size_t>(j)], text)) {
        failure = makeError(ErrorCode::MalformedData,
                            "Column '" + column.name() + "' row " + std::to_string(rows + 1) + " holds " + *problem +
                                " (in " + where + ")",
                            {where, rows + 1, static_cast<std::size_t>(j) + 1, column.name()});
        std::array<char, 256> buffer{};
        if (cancel) PQcancel(cancel.get(), buffer.data(), static_cast<int>(buffer.size()));
        break;
      }
    }
    if (++rows % 65536 == 0 && expected > 0) progress.report(std::min(1.0, static_cast<double>(rows) / expected));
  }
  if (progress.cancelled()) return makeError(ErrorCode::Cancelled, "Reading from " + where + " was cancelled", context);
  if (failure) return *failure;
  std::vector<data::Column> built;
  built.reserve(columns.size());
  for (auto& c : columns) built.push_back(c.finish());
  progress.report(1.0);
  try {
    return data::Dataset(std::move(built), displayLocation(spec));
  } catch (const std::invalid_argument& e) {
    return makeError(ErrorCode::MalformedData, std::string(e.what()) + " (in " + where + ")", context);
  }
}

}  // namespace causeway::database::detail
