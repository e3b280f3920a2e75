#pragma once

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/data/Dataset.hpp"
#include "causeway/database/DataSource.hpp"

namespace causeway::database {

// Reads a table or query result into a Dataset, streaming rows (PostgreSQL single-row mode,
// SQLite step by step) so that no second copy of the result is held.
//
// Types: integer, real/numeric/double and boolean columns are numbers (true = 1); date is days
// since 1970-01-01 and timestamp seconds since 1970-01-01 UTC; text and anything else is
// categorical. A column is numeric only if every non-missing cell is a number (SQLite stores
// values, not types). NULL is missing. Dataset::sourcePath() is displayLocation(spec).
//
// Errors name the server or file in `context.file`; an SQL error gives the 1-based line and
// column of the offending token in the query in `context.line` / `context.column`:
//   IoError        cannot open the file, cannot connect (refused, timeout, authentication)
//   SyntaxError    the server rejects the SQL (syntax, unknown table or column)
//   MalformedData  a value that does not fit its type (e.g. an infinite number)
//   Cancelled      the progress' stop token fired: the query is interrupted (PQcancel /
//                  sqlite3_interrupt) and the call returns promptly
[[nodiscard]] Result<data::Dataset> readDatabase(const SourceSpec& spec, const Progress& progress = {});

}  // namespace causeway::database
