#pragma once

#include <string>

#include "causeway/data/Dataset.hpp"

namespace causeway::testing {

// Writes `data` as table `table` of a new SQLite file: numeric columns REAL, categorical TEXT,
// missing cells NULL. Throws std::runtime_error on failure.
void writeSqliteTable(const std::string& file, const std::string& table, const data::Dataset& data);

// CREATE TABLE + INSERT statements for PostgreSQL (double precision / text). Numbers are written
// in shortest round-trip form, which the server reads back to the same double.
[[nodiscard]] std::string postgresTableSql(const std::string& table, const data::Dataset& data);

// Lalonde from resources/examples, read from the CSV.
[[nodiscard]] data::Dataset lalondeFromCsv();
// Exposure ATE estimates (method name -> estimate, se) of the Lalonde study, all methods.
struct StudyNumbers {
  std::vector<std::string> methods;
  std::vector<double> estimates;
  std::vector<double> ses;
};
[[nodiscard]] StudyNumbers lalondeStudy(const data::Dataset& data);

}  // namespace causeway::testing
