#include "causeway/database/Catalog.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <filesystem>
#include <map>

#include "CatalogConnection.hpp"
#include "causeway/database/DatabaseReader.hpp"

namespace causeway::database {
namespace {

using detail::CatalogConnection;

// PostgreSQL's own schemas (catalog, information schema, TOAST and temporary ones) are not the user's.
constexpr const char* kPostgresUserSchemas =
    "table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\\_toast%' "
    "AND table_schema NOT LIKE 'pg\\_temp\\_%'";

Result<std::vector<TableInfo>> postgresTables(CatalogConnection& db) {
  auto tables = db.rows(std::string("SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE ") +
                        kPostgresUserSchemas + " ORDER BY 1");
  if (!tables) return tables.error();
  auto columns = db.rows(std::string("SELECT table_schema || '.' || table_name, column_name, data_type "
                                     "FROM information_schema.columns WHERE ") +
                         kPostgresUserSchemas + " ORDER BY 1, ordinal_position");
  if (!columns) return columns.error();
  std::map<std::string, std::vector<ColumnInfo>> byTable;
  for (auto& row : *columns) byTable[row[0]].push_back({std::move(row[1]), std::move(row[2])});
  std::vector<TableInfo> out;
  for (auto& row : *tables) out.push_back({row[0], std::move(byTable[row[0]])});
  return out;
}

Result<std::vector<TableInfo>> sqliteTables(CatalogConnection& db) {
  auto tables = db.rows(
      "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
      "ORDER BY name");
  if (!tables) return tables.error();
  std::vector<TableInfo> out;
  for (auto& row : *tables) {
    auto columns = db.rows("SELECT name, type FROM pragma_table_info(?1) ORDER BY cid", {row[0]});
    if (!columns) return columns.error();
    TableInfo table{row[0], {}};
    for (auto& column : *columns) table.columns.push_back({std::move(column[0]), std::move(column[1])});
    out.push_back(std::move(table));
  }
  return out;
}

// The user's query as a derived table: trailing blanks and ';' dropped, and the closing
// parenthesis on its own line so that a trailing "-- comment" cannot swallow it.
std::string derivedTable(const SourceSpec& source) {
  std::string query = effectiveQuery(source);
  while (!query.empty() && (query.back() == ';' || query.back() == ' ' || query.back() == '\n' ||
                            query.back() == '\t' || query.back() == '\r'))
    query.pop_back();
  return "(" + query + "\n) AS causeway_source";
}

// A wrapped query's SQL error would give positions in the wrapper; checking the user's own
// query instead gives them in the text the user wrote.
Error inUsersQuery(const SourceSpec& source, Error wrapped, const Progress& progress) {
  if (wrapped.code != ErrorCode::SyntaxError) return wrapped;
  auto db = CatalogConnection::open(source, progress);
  if (!db) return wrapped;
  auto checked = (*db)->check(effectiveQuery(source));
  return checked ? wrapped : checked.error();
}

}  // namespace

Result<std::vector<TableInfo>> listTables(const SourceSpec& source, const Progress& progress) {
  auto db = CatalogConnection::open(source, progress);
  if (!db) return db.error();
  return source.kind == SourceKind::Postgres ? postgresTables(**db) : sqliteTables(**db);
}

Result<data::Dataset> previewRows(const SourceSpec& source, std::size_t rows, const Progress& progress) {
  SourceSpec preview = source;
  preview.table.clear();
  preview.query = "SELECT * FROM " + derivedTable(source) + " LIMIT " + std::to_string(rows);
  auto read = readDatabase(preview, progress);
  if (!read) return inUsersQuery(source, std::move(read).error(), progress);
  return read;
}

Result<std::uint64_t> countRows(const SourceSpec& source, const Progress& progress) {
  auto db = CatalogConnection::open(source, progress);
  if (!db) return db.error();
  auto counted = (*db)->rows("SELECT COUNT(*) FROM " + derivedTable(source));
  if (!counted) return inUsersQuery(source, std::move(counted).error(), progress);
  const std::string& text = counted->at(0).at(0);
  std::uint64_t count = 0;
  const auto [end, problem] = std::from_chars(text.data(), text.data() + text.size(), count);
  if (problem != std::errc() || end != text.data() + text.size())
    return makeError(ErrorCode::MalformedData, "The row count '" + text + "' is not a whole number", {displayLocation(source), 0, 0, {}});
  return count;
}

std::string sourceLabel(const SourceSpec& source) {
  const std::string what = source.table.empty() ? "query" : source.table;
  if (source.kind == SourceKind::Sqlite) return what + " in " + std::filesystem::path(source.location).filename().string();
  std::string database, host, port;
  char* problem = nullptr;
  if (PQconninfoOption* options = PQconninfoParse(source.location.c_str(), &problem)) {
    for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
      if (o->val == nullptr) continue;
      const std::string_view key = o->keyword;
      if (key == "dbname") database = o->val;
      else if (key == "host") host = o->val;
      else if (key == "port") port = o->val;
    }
    PQconninfoFree(options);
  }
  PQfreemem(problem);
  if (host.empty() || host.front() == '/') host = "local socket";
  else if (!port.empty()) host += ":" + port;
  return what + " in " + (database.empty() ? std::string("the default database") : database) + " on " + host;
}

}  // namespace causeway::database
