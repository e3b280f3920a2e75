#include "causeway/database/DatabaseReader.hpp"

#include "PostgresReader.hpp"
#include "SqliteReader.hpp"

namespace causeway::database {

Result<data::Dataset> readDatabase(const SourceSpec& spec, const Progress& progress) {
  if (progress.cancelled()) return makeError(ErrorCode::Cancelled, "Reading from " + displayLocation(spec) + " was cancelled");
  return spec.kind == SourceKind::Sqlite ? detail::readSqlite(spec, progress) : detail::readPostgres(spec, progress);
}

}  // namespace causeway::database
