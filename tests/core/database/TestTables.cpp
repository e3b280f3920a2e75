#include "TestTables.hpp"

#include <sqlite3.h>

#include <stdexcept>

#include "causeway/data/CsvReader.hpp"
#include "causeway/database/DataSource.hpp"
#include "causeway/graph/ModelFile.hpp"
#include "causeway/study/Study.hpp"

namespace causeway::testing {
namespace {

std::string cellLiteral(const data::Column& column, std::size_t row) {
  if (column.isMissing(row)) return "NULL";
  return column.isNumeric() ? data::formatNumber(column.values()[row]) : database::quoteLiteral(column.cellText(row));
}

std::string insertSql(const std::string& table, const data::Dataset& data) {
  std::string sql = "INSERT INTO \"" + table + "\" VALUES ";
  for (std::size_t r = 0; r < data.rowCount(); ++r) {
    sql += r == 0 ? "(" : ",\n(";
    for (std::size_t j = 0; j < data.columnCount(); ++j) sql += (j ? "," : "") + cellLiteral(data.column(j), r);
    sql += ")";
  }
  return sql + ";";
}

std::string createSql(const std::string& table, const data::Dataset& data, const char* numberType) {
  std::string sql = "CREATE TABLE \"" + table + "\" (";
  for (std::size_t j = 0; j < data.columnCount(); ++j)
    sql += (j ? ", \"" : "\"") + data.column(j).name() + "\" " + (data.column(j).isNumeric() ? numberType : "text");
  return sql + ");\n";
}

}  // namespace

void writeSqliteTable(const std::string& file, const std::string& table, const data::Dataset& data) {
  sqlite3* db = nullptr;
  if (sqlite3_open(file.c_str(), &db) != SQLITE_OK) throw std::runtime_error("cannot create " + file);
  // A throwaway file: no journal and no fsync (they cost a second per test on slow disks).
  const std::string sql = "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;\n" + createSql(table, data, "REAL") +
                          insertSql(table, data);
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  const std::string error = message ? message : "";
  sqlite3_free(message);
  sqlite3_close(db);
  if (rc != SQLITE_OK) throw std::runtime_error("SQLite: " + error);
}

std::string postgresTableSql(const std::string& table, const data::Dataset& data) {
  return createSql(table, data, "double precision") + insertSql(table, data);
}

data::Dataset lalondeFromCsv() {
  auto data = data::readCsvFile(std::string(CAUSEWAY_EXAMPLES_DIR) + "/lalonde.csv");
  if (!data) throw std::runtime_error(data.error().describe());
  return std::move(data).value();
}

StudyNumbers lalondeStudy(const data::Dataset& data) {
  auto graph = graph::readModelFile(std::string(CAUSEWAY_EXAMPLES_DIR) + "/lalonde.dag");
  if (!graph) throw std::runtime_error(graph.error().describe());
  study::StudySpec spec;
  spec.graph = std::move(graph).value();
  spec.compareAdjustmentSets = false;
  auto result = study::runStudy(spec, data);
  if (!result) throw std::runtime_error(result.error().describe());
  StudyNumbers out;
  for (const auto& e : result->estimation.estimates) {
    out.methods.emplace_back(estimation::toString(e.method));
    out.estimates.push_back(e.estimate);
    out.ses.push_back(e.se);
  }
  return out;
}

}  // namespace causeway::testing
