#pragma once

#include <string>
#include <string_view>

#include "causeway/common/Result.hpp"

namespace causeway::database {

enum class SourceKind { Sqlite, Postgres };

[[nodiscard]] const char* toString(SourceKind kind);  // "sqlite", "postgresql"

// Where a table comes from: a SQLite file or a PostgreSQL server, and either a whole table or
// an SQL query. Exactly one of `table` and `query` is set.
struct SourceSpec {
  SourceKind kind = SourceKind::Sqlite;
  // SQLite: the file path. PostgreSQL: the libpq URI (postgresql://user@host:port/db?...).
  std::string location;
  std::string table;  // may be schema-qualified: "schema.table"
  std::string query;
  // Seconds libpq waits for a server before giving up (never hang on an unreachable host).
  int connectTimeoutSeconds = 10;
  // PostgreSQL: a password typed by the user (e.g. in the GUI). Held in memory only and handed
  // to libpq at connect; never written to project files, logs, JSON or error messages. Empty:
  // libpq's own sources (the URI, PGPASSWORD, ~/.pgpass, a service file).
  std::string password = {};  // (initialised, so that brace-initialised specs need not name it)
};

// True for "sqlite:PATH", "postgresql://..." and "postgres://..." (the DATA argument of the CLI).
[[nodiscard]] bool isDatabaseLocation(std::string_view data);

// Builds a spec from the DATA argument plus --table / --query. InvalidArgument when the
// location is neither form, the SQLite path is empty, or not exactly one of table/query is given.
[[nodiscard]] Result<SourceSpec> parseSource(std::string_view data, std::string table, std::string query);

// The server or file, safe to print, log or store: a PostgreSQL URI loses any password
// ("postgresql://ann:secret@h/db" -> "postgresql://ann@h/db"); a password= parameter is dropped too.
[[nodiscard]] std::string displayLocation(const SourceSpec& spec);

// The SQL that is run: the query as given, or SELECT * FROM the quoted table.
[[nodiscard]] std::string effectiveQuery(const SourceSpec& spec);

// "schema.table" -> "\"schema\".\"table\"" with embedded quotes doubled (both SQL dialects).
[[nodiscard]] std::string quoteQualifiedName(std::string_view name);
// One identifier (a column name, dots and all) in double quotes, embedded quotes doubled.
[[nodiscard]] std::string quoteIdentifier(std::string_view name);

}  // namespace causeway::database
