#pragma once

#include <cstddef>
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

// A spec that reads `rows` rows of `source` drawn at random by the database (ORDER BY random()
// LIMIT rows over the table or query; every row when it has fewer). PostgreSQL's draw is
// repeatable: setseed(seed) runs first; SQLite's random() cannot be seeded.
[[nodiscard]] SourceSpec randomSample(const SourceSpec& source, std::size_t rows, double seed = 0.42);

// "schema.table" -> "\"schema\".\"table\"" with embedded quotes doubled (both SQL dialects).
[[nodiscard]] std::string quoteQualifiedName(std::string_view name);
// One identifier (a column name, dots and all) in double quotes, embedded quotes doubled.
[[nodiscard]] std::string quoteIdentifier(std::string_view name);
// A string literal in single quotes, embedded quotes doubled (standard SQL; PostgreSQL with
// standard_conforming_strings, its default, and SQLite read backslashes literally).
[[nodiscard]] std::string quoteLiteral(std::string_view text);

}  // namespace causeway::database
